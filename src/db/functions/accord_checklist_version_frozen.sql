-- accord_checklist_version_frozen: A checklist version an evaluation uses is frozen: its areas and criteria cannot
-- change under recorded answers.
--
-- Trigger function of checklist_area_frozen on checklist_area, checklist_criterion_frozen on checklist_criterion.
-- Triggers are created with their tables, in the numbered migrations.
--
-- Defined by migrations 0006_readiness until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_checklist_version_frozen()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if exists (select 1 from evaluation e where e.checklist_version_id = old.version_id) then
    raise exception 'checklist version % is used by an evaluation and cannot change', old.version_id
      using errcode = '23514', constraint = 'checklist_version_frozen';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $function$;
