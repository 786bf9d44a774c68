-- A token of the state of what the catalogue search reads, renewed by every change to it. Each Accord process
-- may keep the heavy part of a search (page ids, total, facets) and reuse it while this token is unchanged; the
-- token is read in the same statement as the page's fresh rows, so every instance sees a change at its next
-- request. Nominations are not tracked: free seats are always read fresh, and searches filtered on free seats
-- are never reused.
create table catalogue_generation (
  id smallint primary key default 1 check (id = 1),
  -- Random rather than a counter, so a restored or cloned database never reuses a token of different data.
  token uuid not null default gen_random_uuid()
);
insert into catalogue_generation (id) values (1);

create function accord_bump_catalogue_generation() returns trigger language plpgsql as $$
begin
  update catalogue_generation set token = gen_random_uuid() where id = 1;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['activity', 'event', 'activity_area', 'organisation', 'nation', 'cooperation_area'] loop
    execute format(
      'create trigger %I after insert or update or delete or truncate on %I for each statement execute function accord_bump_catalogue_generation()',
      t || '_bumps_catalogue_generation', t);
  end loop;
end $$;
