-- What the catalogue search sorts and counts by, but which lives in other tables: the dates of an activity's
-- events (the default order is by first start) and its areas (a facet). Computed per row from `event` and
-- `activity_area`, they made an unfiltered catalogue of 100,000 activities cost one index lookup per activity for
-- each (over a second); kept here, the search reads them in the same scan as its candidates.
--
-- A side table rather than columns of `activity`: events are changed under the event's row lock, and writing to
-- the activity row from there would take the two locks in the opposite order to an activity update that cancels
-- its events. This table's rows are only ever locked last.
create table activity_search_facts (
  activity_id uuid primary key references activity on delete cascade,
  first_starts_on date,
  last_ends_on date,
  event_count integer not null default 0,
  area_codes text[] not null default '{}'
);

-- Recomputes the facts of the given activities. The rows are locked first, in a statement of their own, so that
-- two transactions changing events of one activity recompute one after the other, the second from a snapshot
-- taken after the first committed (a single upsert would compute from the older snapshot and overwrite).
create function accord_refresh_activity_search_facts(p_ids uuid[]) returns void language plpgsql as $$
begin
  insert into activity_search_facts (activity_id)
    select a.id from activity a where a.id = any(p_ids) order by a.id
    on conflict (activity_id) do nothing;
  perform 1 from activity_search_facts f where f.activity_id = any(p_ids) order by f.activity_id for update;
  update activity_search_facts f set
    first_starts_on = x.first_starts_on,
    last_ends_on = x.last_ends_on,
    event_count = x.event_count,
    area_codes = x.area_codes
  from (
    select f2.activity_id,
      (select min(e.starts_on) from event e where e.activity_id = f2.activity_id and e.status <> 'cancelled')
        as first_starts_on,
      (select max(e.ends_on) from event e where e.activity_id = f2.activity_id and e.status <> 'cancelled')
        as last_ends_on,
      (select count(*)::int from event e where e.activity_id = f2.activity_id) as event_count,
      coalesce((select array_agg(aa.area_code order by aa.area_code) from activity_area aa
                where aa.activity_id = f2.activity_id), '{}') as area_codes
    from activity_search_facts f2 where f2.activity_id = any(p_ids)
  ) x
  where f.activity_id = x.activity_id
    and (f.first_starts_on, f.last_ends_on, f.event_count, f.area_codes)
        is distinct from (x.first_starts_on, x.last_ends_on, x.event_count, x.area_codes);
end $$;

-- Statement-level triggers with transition tables: a bulk load of events refreshes each activity once.
create function accord_facts_from_new_activities() returns trigger language plpgsql as $$
begin
  perform accord_refresh_activity_search_facts(array(select distinct id from new_rows));
  return null;
end $$;
create function accord_facts_from_new_rows() returns trigger language plpgsql as $$
begin
  perform accord_refresh_activity_search_facts(array(select distinct activity_id from new_rows));
  return null;
end $$;
create function accord_facts_from_old_rows() returns trigger language plpgsql as $$
begin
  perform accord_refresh_activity_search_facts(array(select distinct activity_id from old_rows));
  return null;
end $$;
create function accord_facts_from_changed_rows() returns trigger language plpgsql as $$
begin
  perform accord_refresh_activity_search_facts(array(
    select activity_id from new_rows union select activity_id from old_rows));
  return null;
end $$;

create trigger activity_search_facts_insert after insert on activity
  referencing new table as new_rows for each statement execute function accord_facts_from_new_activities();

create trigger event_search_facts_insert after insert on event
  referencing new table as new_rows for each statement execute function accord_facts_from_new_rows();
create trigger event_search_facts_update after update on event
  referencing new table as new_rows old table as old_rows for each statement
  execute function accord_facts_from_changed_rows();
create trigger event_search_facts_delete after delete on event
  referencing old table as old_rows for each statement execute function accord_facts_from_old_rows();

create trigger activity_area_search_facts_insert after insert on activity_area
  referencing new table as new_rows for each statement execute function accord_facts_from_new_rows();
create trigger activity_area_search_facts_update after update on activity_area
  referencing new table as new_rows old table as old_rows for each statement
  execute function accord_facts_from_changed_rows();
create trigger activity_area_search_facts_delete after delete on activity_area
  referencing old table as old_rows for each statement execute function accord_facts_from_old_rows();

insert into activity_search_facts (activity_id, first_starts_on, last_ends_on, event_count, area_codes)
select a.id, e.first_starts_on, e.last_ends_on, coalesce(e.event_count, 0), coalesce(aa.area_codes, '{}')
from activity a
left join (
  select activity_id, min(starts_on) filter (where status <> 'cancelled') as first_starts_on,
         max(ends_on) filter (where status <> 'cancelled') as last_ends_on, count(*)::int as event_count
  from event group by activity_id
) e on e.activity_id = a.id
left join (
  select activity_id, array_agg(area_code order by area_code) as area_codes from activity_area group by activity_id
) aa on aa.activity_id = a.id;
