-- The catalogue generation token is renewed at commit rather than at each statement. Renewing it at once made
-- every catalogue writer lock the token's row from its first change to its commit, so two writers touching the
-- same rows in opposite orders could deadlock on it (one holds the token and waits for a row the other holds).
-- A deferred constraint trigger takes the token's row last, just before the commit, once per transaction.
create function accord_bump_catalogue_generation_once() returns trigger language plpgsql as $$
begin
  -- One renewal per transaction, however many rows it changed.
  if coalesce(current_setting('accord.catalogue_bumped_in', true), '') <> txid_current()::text then
    update catalogue_generation set token = gen_random_uuid() where id = 1;
    perform set_config('accord.catalogue_bumped_in', txid_current()::text, true);
  end if;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['activity', 'event', 'activity_area', 'organisation', 'nation', 'cooperation_area'] loop
    execute format('drop trigger %I on %I', t || '_bumps_catalogue_generation', t);
    -- Truncation has no row triggers; it stays immediate (only maintenance scripts truncate).
    execute format(
      'create trigger %I after truncate on %I for each statement execute function accord_bump_catalogue_generation()',
      t || '_truncate_bumps_catalogue_generation', t);
    execute format(
      'create constraint trigger %I after insert or update or delete on %I deferrable initially deferred '
      'for each row execute function accord_bump_catalogue_generation_once()',
      t || '_bumps_catalogue_generation', t);
  end loop;
end $$;
