-- Per-nation seat allocations with a re-allocation date (issue 22, item 1).
--
-- A nation's coordinator requests a number of seats of an event before naming people; the organiser grants (and
-- may change) an allocation. A nation with a granted allocation is held to it instead of the event's single
-- per-nation quota, and the seats granted to a nation that it does not hold yet are reserved for it: no other
-- nation takes them. On the event's re-allocation date the scheduled job `seats_reallocate` marks the event
-- re-allocated (`reallocated_at`, once, under the event's row lock) and offers the seats that are now free to the
-- waiting list in priority order; from then on only the capacity binds.
--
-- The seat rule is written once, here: accord_seat_refusal answers whether one more seat may go to a nation.
-- accord_nominate (below), the organiser's accept, the accept of a seat offer and the waitlist served when seats
-- free up (seats.service.ts) all ask it, under the event's row lock.
alter table event
  add column reallocation_date date,
  add column reallocated_at timestamptz;

create table event_seat_allocation (
  event_id uuid not null references event on delete cascade,
  nation_id uuid not null references nation,
  requested integer constraint event_seat_allocation_requested_check check (requested >= 0 and requested <= 100000),
  request_note text constraint event_seat_allocation_note_check check (length(request_note) <= 2000),
  requested_at timestamptz,
  requested_by uuid references app_user on delete set null,
  granted integer constraint event_seat_allocation_granted_check check (granted >= 0 and granted <= 100000),
  granted_at timestamptz,
  granted_by uuid references app_user on delete set null,
  primary key (event_id, nation_id),
  constraint event_seat_allocation_something_check check (requested is not null or granted is not null)
);
create index event_seat_allocation_nation_idx on event_seat_allocation (nation_id);

-- The granted allocations of an event never add up to more than its capacity. The services check it first (with
-- the field named) under the event's row lock; this trigger holds it for any other writer.
create or replace function accord_allocation_within_capacity() returns trigger language plpgsql as $$
declare
  v_capacity integer;
  v_granted integer;
begin
  select coalesce(e.capacity, a.capacity) into v_capacity
    from event e join activity a on a.id = e.activity_id where e.id = new.event_id;
  select coalesce(sum(granted), 0) into v_granted from event_seat_allocation where event_id = new.event_id;
  if v_capacity is not null and v_granted > v_capacity then
    raise exception 'the granted allocations (%) exceed the capacity (%)', v_granted, v_capacity
      using errcode = 'check_violation', constraint = 'event_seat_allocation_capacity_check';
  end if;
  return null;
end $$;
create trigger event_seat_allocation_capacity after insert or update of granted on event_seat_allocation
  for each row execute function accord_allocation_within_capacity();

-- The seat rule: may one more seat of the event go to a nomination of the nation? Null when it may, else why not:
-- 'capacity' (every seat is held), 'allocation' (the nation holds its granted allocation), 'quota' (a nation
-- without an allocation holds the single quota), 'reserved' (the free seats are reserved for other nations'
-- allocations). Held seats are accepted nominations and open seat offers, except the open offer of p_except (a
-- nomination taking the seat its own offer holds). Before the re-allocation, allocations and the quota bind;
-- after it, only the capacity. The caller holds the event's row lock.
create or replace function accord_seat_refusal(p_event_id uuid, p_nation_id uuid, p_except uuid default null)
returns text language plpgsql volatile as $$
declare
  v_capacity integer;
  v_quota integer;
  v_binding boolean;
  v_total integer;
  v_mine integer;
  v_granted integer;
  v_reserved integer;
begin
  select coalesce(e.capacity, a.capacity), coalesce(e.nation_quota, a.nation_quota), e.reallocated_at is null
    into v_capacity, v_quota, v_binding
    from event e join activity a on a.id = e.activity_id where e.id = p_event_id;
  with held as (
    select n.nation_id from nomination n where n.event_id = p_event_id and n.status = 'accepted'
    union all
    select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
      where o.event_id = p_event_id and o.status = 'offered' and n.id is distinct from p_except),
  by_nation as (select nation_id, count(*)::int as n from held group by nation_id),
  allocated as (
    select al.nation_id, al.granted, coalesce(b.n, 0) as n
      from event_seat_allocation al left join by_nation b on b.nation_id = al.nation_id
      where al.event_id = p_event_id and al.granted is not null)
  select (select coalesce(sum(n), 0) from by_nation),
         (select coalesce(sum(n), 0) from by_nation where nation_id = p_nation_id),
         (select granted from allocated where nation_id = p_nation_id),
         (select coalesce(sum(greatest(granted - n, 0)), 0) from allocated where nation_id <> p_nation_id)
    into v_total, v_mine, v_granted, v_reserved;
  if v_capacity is not null and v_total >= v_capacity then
    return 'capacity';
  end if;
  if not v_binding then
    return null;
  end if;
  if v_granted is not null then
    if v_mine >= v_granted then
      return 'allocation';
    end if;
  elsif v_quota is not null and v_mine >= v_quota then
    return 'quota';
  end if;
  if v_capacity is not null and v_total + v_reserved >= v_capacity then
    return 'reserved';
  end if;
  return null;
end $$;

-- The waitlist reason of each refusal, as the nomination's status_reason shows it.
create or replace function accord_seat_refusal_reason(p_refusal text) returns text language sql immutable as $$
  select case p_refusal
    when 'capacity' then 'All seats are taken'
    when 'quota' then 'The nation''s quota is used'
    when 'allocation' then 'The nation''s allocation is used'
    when 'reserved' then 'The free seats are allocated to other nations'
  end
$$;

-- accord_nominate as in 0037, its seat decision asked of accord_seat_refusal (written once above).
create or replace function accord_nominate(
  p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb,
  p_actor_user_id uuid, p_actor_label text, p_request_id text
) returns setof nomination language plpgsql volatile as $$
declare
  ev record;
  v_refusal text;
  v_status text;
  v_reason text;
  created nomination;
begin
  -- An unlocked look: whether this nomination can take a seat decides which lock it needs.
  select e.acceptance into ev from event e where e.id = p_event_id;
  if not found then
    return;
  end if;
  if ev.acceptance = 'first_come' then
    v_refusal := accord_seat_refusal(p_event_id, p_nation_id);
  end if;

  -- No seat for it (or no seat decision at all): a shared lock is enough to file it, and many such nominations
  -- file at once. A seat freed meanwhile sends it on to the exclusive lock.
  if ev.acceptance <> 'first_come' or v_refusal is not null then
    begin
      select e.status, e.acceptance, a.status as activity_status, a.code as activity_code,
             a.title_en as activity_title
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
        v_refusal := accord_seat_refusal(p_event_id, p_nation_id);
        if v_refusal is null then
          raise exception 'a seat was freed' using errcode = 'AC001';
        end if;
        v_status := 'waitlisted';
        v_reason := accord_seat_refusal_reason(v_refusal);
      end if;
    exception when sqlstate 'AC001' then
      v_status := null;
    end;
  end if;

  if v_status is null then
    select e.status, e.acceptance, a.status as activity_status, a.code as activity_code,
           a.title_en as activity_title
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
      v_refusal := accord_seat_refusal(p_event_id, p_nation_id);
      if v_refusal is null then
        v_status := 'accepted';
      else
        v_status := 'waitlisted';
        v_reason := accord_seat_refusal_reason(v_refusal);
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
