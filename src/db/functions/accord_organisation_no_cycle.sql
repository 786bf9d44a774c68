-- accord_organisation_no_cycle: An organisation's parent may not be one of its own descendants.
--
-- Trigger function of organisation_no_cycle on organisation. Triggers are created with their tables, in the
-- numbered migrations.
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_organisation_no_cycle()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.parent_id is not null and exists (
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = new.parent_id
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select 1 from up where id = new.id
  ) then
    raise exception 'an organisation cannot be placed under its own descendant'
      using errcode = '23514', constraint = 'organisation_parent_id_check';
  end if;
  return new;
end $function$;
