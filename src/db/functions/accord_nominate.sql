-- accord_nominate: Nominates a person for an event whose other checks the application has made, in one statement
-- (ARCHITECTURE.md, Seat decisions): under the event's row lock it re-checks that the event still takes nominations,
-- decides the status (first come: accepted when accord_seat_refusal allows, else waitlisted with its reason;
-- otherwise nominated), inserts, notifies and audits. Returns the nomination, or no row when the event stopped
-- taking nominations. As one function in its own transaction, the lock is held only while PostgreSQL works.
--
-- Defined by migrations 0013_nomination_seat_function, 0014_nomination_shared_lock, 0037_seat_offer,
-- 0039_seat_allocation until this file became its definition. Lock modes since 0043_nomination_storm: FOR KEY SHARE
-- to file a nomination, promoted to FOR NO KEY UPDATE to take a seat (filers do not wait for takers; every write that
-- frees a seat holds FOR UPDATE, which conflicts with both). Since 2026-12-06 the key-share lock comes first and the
-- seat rule runs once for a nomination that takes no seat (before, an unlocked look, a savepoint and a second call).

CREATE OR REPLACE FUNCTION public.accord_nominate(p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb, p_actor_user_id uuid, p_actor_label text, p_request_id text)
 RETURNS SETOF nomination
 LANGUAGE plpgsql
AS $function$
declare
  ev record;
  v_event_status text;
  v_refusal text;
  v_status text;
  v_reason text;
  created nomination;
begin
  -- Filing needs only a key-share lock (the nomination's foreign key takes one anyway): many nominations file at
  -- once, also while a seat is being taken. No seat can be freed while it is held, as every freeing write holds
  -- FOR UPDATE; a seat may still be taken meanwhile, which only confirms a refusal.
  select e.status, e.acceptance, a.status as activity_status, a.code as activity_code,
         a.title_en as activity_title
    into ev
    from event e join activity a on a.id = e.activity_id
    where e.id = p_event_id
    for key share of e;
  if not found or ev.status not in ('planned', 'open') or ev.activity_status <> 'published' then
    return;
  end if;
  if ev.acceptance <> 'first_come' then
    v_status := 'nominated';
  else
    v_refusal := accord_seat_refusal(p_event_id, p_nation_id);
    if v_refusal is null then
      -- A seat looks free: seat takers exclude each other with FOR NO KEY UPDATE (a promotion of this transaction's
      -- own key-share lock, which PostgreSQL makes without queueing behind waiters for the row) and decide again
      -- with a fresh snapshot, as another taker may have had the seat (or a plain update closed the event)
      -- meanwhile.
      select e.status into v_event_status from event e where e.id = p_event_id for no key update;
      if v_event_status not in ('planned', 'open') then
        return;
      end if;
      v_refusal := accord_seat_refusal(p_event_id, p_nation_id);
    end if;
    if v_refusal is null then
      v_status := 'accepted';
    else
      v_status := 'waitlisted';
      v_reason := accord_seat_refusal_reason(v_refusal);
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
end $function$;
