-- Issue 23, item 5: a narrow table for the catalogue search (docs/search-plans.md). One row per activity with what
-- the search filters, counts, orders and matches by: the columns of the read rule (releasability, owners, release
-- lists, status and organisers for drafts), every facet key (kind, organiser, host nation, languages, year, areas),
-- the sort keys (code, English title, first start, last end), the filters that are not facets (eligibility,
-- capacity) and the text vector. The columns carry the names of `activity`'s, so that the read rule and the filters
-- apply to it unchanged (src/modules/catalogue/activity-search.queries.ts). `activity` rows are six to a page; here
-- the facets of a search are counted in one pass over these rows, and the unfiltered catalogue's pages are read in
-- the order of an index.
--
-- Kept by triggers, in the writer's transaction: statement-level triggers on `activity` and
-- `activity_search_facts` (0016) queue the ids of what changed in `activity_search_pending`, and a deferred trigger
-- applies the queue once, at commit. At commit because the rows here are written last: an activity update that
-- cancels its events takes the activity's row, then the events'; a change to an event takes the event's row, then
-- the facts' (0016). Written at once from either, this table's row would be taken in opposite orders. At commit, the
-- writer first renews the catalogue generation token (0015) and only then writes here, so every writer of this
-- table holds the token's row before any of these rows: they queue one after the other and never deadlock. The
-- deleted activity's row goes with it (on delete cascade), as its facts do.
create table activity_search (
  id uuid primary key references activity on delete cascade,
  menu_year integer not null,
  capacity integer,
  first_starts_on date,
  last_ends_on date,
  organiser_id uuid not null,
  host_institution_id uuid,
  host_nation_id uuid,
  owner_nation_id uuid,
  owner_organisation_id uuid,
  kind text not null,
  status text not null,
  eligibility text not null,
  releasability text not null,
  code text not null,
  title_en text not null,
  languages text[] not null,
  eligible_nations uuid[] not null,
  release_nations uuid[] not null,
  release_organisations uuid[] not null,
  area_codes text[] not null,
  search tsvector not null
);
create index activity_search_search_idx on activity_search using gin (search);
create index activity_search_code_trgm_idx on activity_search using gin (code gin_trgm_ops);
-- The catalogue's default order (first start, then code) and the order by code.
create index activity_search_starts_idx on activity_search (first_starts_on, code);
create index activity_search_code_idx on activity_search (code);

-- Activities changed in the current transaction, applied to activity_search at its commit. Always empty outside a
-- transaction (the applying trigger deletes what it applies).
create table activity_search_pending (
  activity_id uuid not null
);

create function accord_queue_activity_search() returns trigger language plpgsql as $$
begin
  -- Anything queued after an application of the queue is applied by the next deferred call.
  perform set_config('accord.activity_search_applied_in', '', true);
  if tg_table_name = 'activity' then
    insert into activity_search_pending (activity_id) select id from new_rows;
  else
    insert into activity_search_pending (activity_id) select activity_id from new_rows;
  end if;
  return null;
end $$;

create function accord_apply_activity_search() returns trigger language plpgsql as $$
begin
  -- Deferred and row-level: it fires once per queued row, and the first applies the whole queue.
  if coalesce(current_setting('accord.activity_search_applied_in', true), '') = txid_current()::text then
    return null;
  end if;
  perform set_config('accord.activity_search_applied_in', txid_current()::text, true);
  -- The token's row first (see above), renewed once per transaction as 0015 does.
  if coalesce(current_setting('accord.catalogue_bumped_in', true), '') <> txid_current()::text then
    update catalogue_generation set token = gen_random_uuid() where id = 1;
    perform set_config('accord.catalogue_bumped_in', txid_current()::text, true);
  end if;
  with queued as (delete from activity_search_pending returning activity_id),
  ids as (select distinct activity_id as id from queued)
  insert into activity_search as s (id, menu_year, capacity, first_starts_on, last_ends_on, organiser_id,
    host_institution_id, host_nation_id, owner_nation_id, owner_organisation_id, kind, status, eligibility,
    releasability, code, title_en, languages, eligible_nations, release_nations, release_organisations, area_codes,
    search)
  select a.id, a.menu_year, a.capacity, f.first_starts_on, f.last_ends_on, a.organiser_id, a.host_institution_id,
    a.host_nation_id, a.owner_nation_id, a.owner_organisation_id, a.kind, a.status, a.eligibility, a.releasability,
    a.code, a.title_en, a.languages, a.eligible_nations, a.release_nations, a.release_organisations,
    coalesce(f.area_codes, '{}'), a.search
  from ids join activity a on a.id = ids.id
  left join activity_search_facts f on f.activity_id = a.id
  order by a.id
  on conflict (id) do update set
    menu_year = excluded.menu_year, capacity = excluded.capacity, first_starts_on = excluded.first_starts_on,
    last_ends_on = excluded.last_ends_on, organiser_id = excluded.organiser_id,
    host_institution_id = excluded.host_institution_id, host_nation_id = excluded.host_nation_id,
    owner_nation_id = excluded.owner_nation_id, owner_organisation_id = excluded.owner_organisation_id,
    kind = excluded.kind, status = excluded.status, eligibility = excluded.eligibility,
    releasability = excluded.releasability, code = excluded.code, title_en = excluded.title_en,
    languages = excluded.languages, eligible_nations = excluded.eligible_nations,
    release_nations = excluded.release_nations, release_organisations = excluded.release_organisations,
    area_codes = excluded.area_codes, search = excluded.search
  where (s.menu_year, s.capacity, s.first_starts_on, s.last_ends_on, s.organiser_id, s.host_institution_id,
         s.host_nation_id, s.owner_nation_id, s.owner_organisation_id, s.kind, s.status, s.eligibility,
         s.releasability, s.code, s.title_en, s.languages, s.eligible_nations, s.release_nations,
         s.release_organisations, s.area_codes, s.search)
    is distinct from
        (excluded.menu_year, excluded.capacity, excluded.first_starts_on, excluded.last_ends_on,
         excluded.organiser_id, excluded.host_institution_id, excluded.host_nation_id, excluded.owner_nation_id,
         excluded.owner_organisation_id, excluded.kind, excluded.status, excluded.eligibility,
         excluded.releasability, excluded.code, excluded.title_en, excluded.languages, excluded.eligible_nations,
         excluded.release_nations, excluded.release_organisations, excluded.area_codes, excluded.search);
  return null;
end $$;

create trigger activity_search_queue_insert after insert on activity
  referencing new table as new_rows for each statement execute function accord_queue_activity_search();
create trigger activity_search_queue_update after update on activity
  referencing new table as new_rows for each statement execute function accord_queue_activity_search();
create trigger activity_search_queue_facts_insert after insert on activity_search_facts
  referencing new table as new_rows for each statement execute function accord_queue_activity_search();
create trigger activity_search_queue_facts_update after update on activity_search_facts
  referencing new table as new_rows for each statement execute function accord_queue_activity_search();
create constraint trigger activity_search_apply after insert on activity_search_pending
  deferrable initially deferred for each row execute function accord_apply_activity_search();

insert into activity_search (id, menu_year, capacity, first_starts_on, last_ends_on, organiser_id,
  host_institution_id, host_nation_id, owner_nation_id, owner_organisation_id, kind, status, eligibility,
  releasability, code, title_en, languages, eligible_nations, release_nations, release_organisations, area_codes,
  search)
select a.id, a.menu_year, a.capacity, f.first_starts_on, f.last_ends_on, a.organiser_id, a.host_institution_id,
  a.host_nation_id, a.owner_nation_id, a.owner_organisation_id, a.kind, a.status, a.eligibility, a.releasability,
  a.code, a.title_en, a.languages, a.eligible_nations, a.release_nations, a.release_organisations,
  coalesce(f.area_codes, '{}'), a.search
from activity a left join activity_search_facts f on f.activity_id = a.id;
analyze activity_search;
