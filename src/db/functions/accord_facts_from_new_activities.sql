-- accord_facts_from_new_activities: Statement-level trigger (transition tables) keeping activity_search_facts:
-- refreshes the inserted activities once per statement, so that a bulk load refreshes each activity once.
--
-- Trigger function of activity_search_facts_insert on activity. Triggers are created with their tables, in the
-- numbered migrations.
--
-- Defined by migrations 0016_activity_search_facts until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_facts_from_new_activities()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform accord_refresh_activity_search_facts(array(select distinct id from new_rows));
  return null;
end $function$;
