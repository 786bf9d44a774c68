-- accord_facts_from_new_rows: Statement-level trigger (transition tables) keeping activity_search_facts: refreshes
-- the activities of inserted events and areas once per statement.
--
-- Trigger function of activity_area_search_facts_insert on activity_area, event_search_facts_insert on event.
-- Triggers are created with their tables, in the numbered migrations.
--
-- Defined by migrations 0016_activity_search_facts until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_facts_from_new_rows()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform accord_refresh_activity_search_facts(array(select distinct activity_id from new_rows));
  return null;
end $function$;
