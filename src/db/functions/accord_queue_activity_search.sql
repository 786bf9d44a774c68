-- accord_queue_activity_search: Statement-level trigger on activity and activity_search_facts: queues the changed
-- activities in activity_search_pending, which accord_apply_activity_search applies at commit.
--
-- Trigger function of activity_search_queue_insert on activity, activity_search_queue_update on activity,
-- activity_search_queue_facts_insert on activity_search_facts, activity_search_queue_facts_update on
-- activity_search_facts. Triggers are created with their tables, in the numbered migrations.
--
-- Defined by migrations 0035_activity_search until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_queue_activity_search()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  -- Anything queued after an application of the queue is applied by the next deferred call.
  perform set_config('accord.activity_search_applied_in', '', true);
  if tg_table_name = 'activity' then
    insert into activity_search_pending (activity_id) select id from new_rows;
  else
    insert into activity_search_pending (activity_id) select activity_id from new_rows;
  end if;
  return null;
end $function$;
