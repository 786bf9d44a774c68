-- accord_search_sync: Statement-level trigger (transition tables) keeping the global search: a bulk load refreshes
-- its rows in one call. tg_argv: the source, and the column of the changed rows that holds the record's id (a
-- decision's texts point at their decision).
--
-- Trigger function of triggers on many tables (activity, certificate, course, ...: select tgname, tgrelid::regclass
-- from pg_trigger where tgfoid = 'accord_search_sync'::regproc). Triggers are created with their tables, in the
-- numbered migrations.
--
-- Defined by migrations 0029_global_search until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_search_sync()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  ids uuid[];
  col text := coalesce(tg_argv[1], 'id');
begin
  if tg_op = 'INSERT' then
    execute format('select array_agg(distinct r.%I) from new_rows r', col) into ids;
  elsif tg_op = 'DELETE' then
    execute format('select array_agg(distinct r.%I) from old_rows r', col) into ids;
  else
    execute format('select array_agg(distinct x.id) from (select r.%1$I as id from new_rows r union select r.%1$I from old_rows r) x',
                   col) into ids;
  end if;
  perform accord_search_refresh(tg_argv[0], ids);
  return null;
end $function$;
