-- accord_accreditation_independent_reviewer: An accreditation is reviewed by someone other than the applicant: the
-- reviewing organisation may be neither the centre nor an organisation above or below it (whose staff manage the
-- centre, or whom the centre's managers manage).
--
-- Trigger function of accreditation_application_independent_reviewer on accreditation_application. Triggers are
-- created with their tables, in the numbered migrations.
--
-- Defined by migrations 0019_accreditation_independent_reviewer until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_accreditation_independent_reviewer()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.reviewing_organisation_id is not null and exists (
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = new.centre_id
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ), down(id) as (
      select id from organisation where id = new.centre_id
      union
      select o.id from organisation o join down on o.parent_id = down.id
    ) select 1 from up where id = new.reviewing_organisation_id
      union all select 1 from down where id = new.reviewing_organisation_id
  ) then
    raise exception 'the applicant centre (or an organisation above or below it) cannot review its own application'
      using errcode = '23514', constraint = 'accreditation_reviewing_organisation_id_check';
  end if;
  return new;
end $function$;
