-- Taking a seat in one statement. Nominations for one event queue on the event's row lock; when the locked part
-- is several statements sent by the application, every queued writer also waits for the application to send the
-- next statement and the commit. As one function called in its own implicit transaction, the lock is held only
-- while PostgreSQL works: lock, count, insert, notify, audit, commit.

-- Who hears of a nomination: the coordinators of its nation, whoever nominated, the person's own account and,
-- when asked, the organisers of the activity (and of the organisations above them). The actor is left out.
create function accord_notify_nomination(
  p_nomination_id uuid, p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean,
  p_concerned boolean
) returns void language sql volatile as $$
  with n as (
    select n.id, n.nation_id, n.person_id, n.nominated_by, n.event_id, a.organiser_id, a.host_institution_id
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.id = p_nomination_id
  ), organiser_scope as (
    with recursive up(id, parent_id) as (
      select o.id, o.parent_id from organisation o, n where o.id in (n.organiser_id, n.host_institution_id)
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select id from up
  )
  insert into notification (user_id, kind, title, body, link, record_type, record_id)
  select u.id, p_kind, p_title, p_body, '/catalogue/events/' || n.event_id, 'nomination', n.id
  from app_user u, n
  where u.disabled_at is null
    and u.id is distinct from p_actor_user_id
    and (
      (p_concerned and (
        u.id = n.nominated_by or u.person_id = n.person_id
        or exists (select 1 from role_assignment r where r.user_id = u.id and r.role = 'national_coordinator'
                   and r.nation_id = n.nation_id)))
      or (p_organisers and exists (select 1 from role_assignment r where r.user_id = u.id
                   and r.role in ('organiser', 'course_director') and r.organisation_id in (select id from organiser_scope)))
    )
$$;

-- snake_case keys of a row as the camelCase the API and the rest of the audit trail use.
create function accord_camel_keys(p jsonb) returns jsonb language sql immutable parallel safe as $$
  select coalesce(jsonb_object_agg(lower(left(c, 1)) || substr(c, 2), v), '{}'::jsonb)
  from jsonb_each(p) as e(k, v), lateral (select replace(initcap(replace(k, '_', ' ')), ' ', '') as c) x
$$;

-- Nominates a person for an event whose other checks the application has made. Under the event's row lock it
-- re-checks that the event still takes nominations, decides the status (first come: accepted while the capacity
-- and the nation's quota allow, else waitlisted; otherwise nominated), inserts, notifies and audits. Returns the
-- nomination, or no row when the event stopped taking nominations. Each statement of a PL/pgSQL function takes a
-- fresh snapshot at READ COMMITTED, so the counts read after the lock include every seat committed before it.
create function accord_nominate(
  p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb,
  p_actor_user_id uuid, p_actor_label text, p_request_id text
) returns setof nomination language plpgsql volatile as $$
declare
  ev record;
  total integer;
  mine integer;
  v_status text := 'nominated';
  v_reason text;
  created nomination;
begin
  select e.status, e.acceptance, coalesce(e.capacity, a.capacity) as capacity,
         coalesce(e.nation_quota, a.nation_quota) as nation_quota, a.status as activity_status,
         a.code as activity_code, a.title_en as activity_title
    into ev
    from event e join activity a on a.id = e.activity_id
    where e.id = p_event_id
    for update of e;
  if not found or ev.status not in ('planned', 'open') or ev.activity_status <> 'published' then
    return;
  end if;
  if ev.acceptance = 'first_come' then
    select count(*), count(*) filter (where n.nation_id = p_nation_id) into total, mine
      from nomination n where n.event_id = p_event_id and n.status = 'accepted';
    if ev.capacity is not null and total >= ev.capacity then
      v_status := 'waitlisted';
      v_reason := 'All seats are taken';
    elsif ev.nation_quota is not null and mine >= ev.nation_quota then
      v_status := 'waitlisted';
      v_reason := 'The nation''s quota is used';
    else
      v_status := 'accepted';
    end if;
  end if;
  insert into nomination (event_id, person_id, nation_id, priority, status, status_reason, note, nominated_by,
                          decided_at, warnings)
    values (p_event_id, p_person_id, p_nation_id, p_priority, v_status, v_reason, p_note, p_actor_user_id,
            case when v_status = 'nominated' then null else now() end, p_warnings)
    returning * into created;
  perform accord_notify_nomination(created.id, 'nomination.' || v_status,
    ev.activity_code || ': ' || case when v_status = 'nominated' then 'new nomination' else 'nomination ' || v_status end,
    ev.activity_title, p_actor_user_id, true, true);
  insert into audit_entry (actor_user_id, actor_label, action, record_type, record_id, diff, request_id)
    values (p_actor_user_id, p_actor_label, 'nomination.create', 'nomination', created.id::text,
            jsonb_build_object('after', accord_camel_keys(to_jsonb(created))), p_request_id);
  return next created;
end $$;
