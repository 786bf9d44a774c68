-- accord_refresh_activity_search_facts: Recomputes the search facts (event dates, areas) of many activities at
-- once, by joins on the list of ids rather than `= any(array)`, which scanned the tables for a large array.
--
-- Defined by migrations 0016_activity_search_facts, 0017_activity_search_facts_bulk until this file became its
-- definition.

CREATE OR REPLACE FUNCTION public.accord_refresh_activity_search_facts(p_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
begin
  insert into activity_search_facts (activity_id)
    select a.id from (select distinct u.id from unnest(p_ids) as u(id)) ids join activity a on a.id = ids.id
    order by a.id
    on conflict (activity_id) do nothing;
  -- Locked in a statement of their own, in id order: see 0016.
  perform 1 from (select distinct u.id from unnest(p_ids) as u(id)) ids
    join activity_search_facts f on f.activity_id = ids.id
    order by f.activity_id for update of f;
  with ids as (select distinct u.id from unnest(p_ids) as u(id)),
  ev as (
    select e.activity_id,
           min(e.starts_on) filter (where e.status <> 'cancelled') as first_starts_on,
           max(e.ends_on) filter (where e.status <> 'cancelled') as last_ends_on,
           count(*)::int as event_count
    from ids join event e on e.activity_id = ids.id group by e.activity_id),
  ar as (
    select aa.activity_id, array_agg(aa.area_code order by aa.area_code) as area_codes
    from ids join activity_area aa on aa.activity_id = ids.id group by aa.activity_id)
  update activity_search_facts f set
    first_starts_on = x.first_starts_on,
    last_ends_on = x.last_ends_on,
    event_count = x.event_count,
    area_codes = x.area_codes
  from (
    select ids.id as activity_id, ev.first_starts_on, ev.last_ends_on, coalesce(ev.event_count, 0) as event_count,
           coalesce(ar.area_codes, '{}') as area_codes
    from ids left join ev on ev.activity_id = ids.id left join ar on ar.activity_id = ids.id
  ) x
  where f.activity_id = x.activity_id
    and (f.first_starts_on, f.last_ends_on, f.event_count, f.area_codes)
        is distinct from (x.first_starts_on, x.last_ends_on, x.event_count, x.area_codes);
end $function$;
