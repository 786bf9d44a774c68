-- accord_apply_activity_search: Applies the queue of changed activities (activity_search_pending) to the catalogue
-- search table activity_search, once, at commit (docs/search-plans.md): a deferred row-level trigger whose first
-- call applies the whole queue.
--
-- Trigger function of activity_search_apply on activity_search_pending. Triggers are created with their tables, in
-- the numbered migrations.
--
-- Defined by migrations 0035_activity_search until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_apply_activity_search()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
end $function$;
