-- Seat offers instead of silent promotion (issue 22, item 2). When a seat frees, the next eligible waitlisted
-- nomination is offered it for a limited time (ACCORD_SEAT_OFFER_HOURS); the participant or a coordinator of the
-- nation accepts or declines; a declined or expired offer moves on to the next one.
--
-- An open offer holds its seat: it counts against the capacity and the nation's quota exactly like an accepted
-- nomination (accord_held_seats), so concurrent frees, offers and first-come nominations cannot over-allocate. Every
-- write that takes, frees or offers a seat holds the event's row FOR UPDATE (accord_nominate below, the services).
create table seat_offer (
  id uuid primary key default gen_random_uuid(),
  nomination_id uuid not null references nomination on delete cascade,
  event_id uuid not null references event on delete cascade,
  offered_at timestamptz not null default now(),
  expires_at timestamptz not null,
  status text not null default 'offered' constraint seat_offer_status_check
    check (status in ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  decided_at timestamptz,
  decided_by uuid references app_user on delete set null,
  reason text constraint seat_offer_reason_check check (length(reason) <= 2000),
  constraint seat_offer_expiry_check check (expires_at > offered_at),
  constraint seat_offer_decided_check check ((status = 'offered') = (decided_at is null))
);
-- A nomination has at most one open offer.
create unique index seat_offer_open_once on seat_offer (nomination_id) where status = 'offered';
create index seat_offer_due_idx on seat_offer (expires_at) where status = 'offered';
create index seat_offer_event_idx on seat_offer (event_id, status);

-- A nomination that leaves the waitlist by any other path (the organiser's decision, a withdrawal, the event's
-- cancellation, an import) takes its open offer with it: accepted when it got the seat, withdrawn otherwise.
create or replace function accord_seat_offer_follow() returns trigger language plpgsql as $$
begin
  update seat_offer set status = case when new.status = 'accepted' then 'accepted' else 'withdrawn' end,
                        decided_at = now(), decided_by = new.decided_by
    where nomination_id = new.id and status = 'offered';
  return null;
end $$;
create trigger nomination_seat_offer_follow after update of status on nomination
  for each row when (old.status = 'waitlisted' and new.status <> 'waitlisted')
  execute function accord_seat_offer_follow();

-- Seats held on an event, in all and by one nation: accepted nominations and open offers.
create or replace function accord_held_seats(p_event_id uuid, p_nation_id uuid, out total integer, out mine integer)
language plpgsql volatile as $$
begin
  select count(*), count(*) filter (where s.nation_id = p_nation_id) into total, mine
    from (select n.nation_id from nomination n where n.event_id = p_event_id and n.status = 'accepted'
          union all
          select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
            where o.event_id = p_event_id and o.status = 'offered') s;
end $$;

-- accord_nominate as in 0014, counting held seats (accord_held_seats) instead of accepted nominations only.
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
    select held.total, held.mine into total, mine from accord_held_seats(p_event_id, p_nation_id) held;
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
        select held.total, held.mine into total, mine from accord_held_seats(p_event_id, p_nation_id) held;
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
      select held.total, held.mine into total, mine from accord_held_seats(p_event_id, p_nation_id) held;
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
