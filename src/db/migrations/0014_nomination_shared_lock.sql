-- Decisions that cannot change the seats need not queue one by one. Once an event is full (or a nation's quota
-- is used), every further first-come nomination is waitlisted: those decisions, and nominations left for the
-- organiser to decide, hold the event's row in SHARE mode, which keeps out anything that could take or free a
-- seat (those hold it FOR UPDATE) while letting them run side by side. Only a nomination that may take a seat
-- holds the row FOR UPDATE. If seats were freed between the unlocked look and the shared lock, the shared lock
-- is given back (its subtransaction is rolled back) and the decision is made under the exclusive lock.
create or replace function accord_nominate(
  p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb,
  p_actor_user_id uuid, p_actor_label text, p_request_id text
) returns setof nomination language plpgsql volatile as $$
declare
  ev record;
  total integer;
  mine integer;
  v_status text;
  v_reason text;
  created nomination;
  full_now boolean;
begin
  -- An unlocked look: whether this nomination can take a seat decides which lock it needs.
  select e.acceptance, coalesce(e.capacity, a.capacity) as capacity,
         coalesce(e.nation_quota, a.nation_quota) as nation_quota
    into ev
    from event e join activity a on a.id = e.activity_id
    where e.id = p_event_id;
  if not found then
    return;
  end if;
  if ev.acceptance = 'first_come' then
    select count(*), count(*) filter (where n.nation_id = p_nation_id) into total, mine
      from nomination n where n.event_id = p_event_id and n.status = 'accepted';
    full_now := (ev.capacity is not null and total >= ev.capacity)
             or (ev.nation_quota is not null and mine >= ev.nation_quota);
  end if;

  if ev.acceptance <> 'first_come' or full_now then
    begin
      select e.status, e.acceptance, coalesce(e.capacity, a.capacity) as capacity,
             coalesce(e.nation_quota, a.nation_quota) as nation_quota, a.status as activity_status,
             a.code as activity_code, a.title_en as activity_title
        into ev
        from event e join activity a on a.id = e.activity_id
        where e.id = p_event_id
        for share of e;
      if ev.status not in ('planned', 'open') or ev.activity_status <> 'published' then
        return;
      end if;
      if ev.acceptance <> 'first_come' then
        v_status := 'nominated';
      else
        -- A fresh snapshot after the lock: no seat can be taken or freed while it is held.
        select count(*), count(*) filter (where n.nation_id = p_nation_id) into total, mine
          from nomination n where n.event_id = p_event_id and n.status = 'accepted';
        if ev.capacity is not null and total >= ev.capacity then
          v_status := 'waitlisted';
          v_reason := 'All seats are taken';
        elsif ev.nation_quota is not null and mine >= ev.nation_quota then
          v_status := 'waitlisted';
          v_reason := 'The nation''s quota is used';
        else
          raise exception 'a seat was freed' using errcode = 'AC001';
        end if;
      end if;
    exception when sqlstate 'AC001' then
      v_status := null;
    end;
  end if;

  if v_status is null then
    select e.status, e.acceptance, coalesce(e.capacity, a.capacity) as capacity,
           coalesce(e.nation_quota, a.nation_quota) as nation_quota, a.status as activity_status,
           a.code as activity_code, a.title_en as activity_title
      into ev
      from event e join activity a on a.id = e.activity_id
      where e.id = p_event_id
      for update of e;
    if ev.status not in ('planned', 'open') or ev.activity_status <> 'published' then
      return;
    end if;
    if ev.acceptance <> 'first_come' then
      v_status := 'nominated';
    else
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
