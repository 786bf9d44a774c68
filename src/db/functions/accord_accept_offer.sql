-- accord_accept_offer: Accepts an open seat offer in one statement, its own transaction (ARCHITECTURE.md, Seat
-- decisions): under the event's key-share lock (accepting keeps the seat count: the open offer held the seat), the
-- offer's and the nomination's row locks, then the person's (double booking), it re-checks the offer and the event,
-- closes the offer, accepts the nomination, notifies and writes both audit entries. The audit chain's lock is thus
-- held only while PostgreSQL works, not across a round trip to the application (300 accepts at once queued on it).
-- It commits under accord_flush_later(): the caller awaits accord_durable() before it answers.
--
-- The application has checked access and the request; it passes the nomination states that may become accepted
-- (NOMINATION_TRANSITIONS). Nothing is written unless the outcome is 'accepted'; otherwise `outcome` names the
-- refusal and `detail` carries what the application needs to say it:
--   missing_offer, missing_event, missing_nomination; offer_status {status}; expired {expiresAt};
--   event_status {status}; nomination_status {status}; no_seat; double_booked {conflicts: the commitments with
--   their release columns, for the application to hide titles the viewer may not read}.
-- A double booking is recorded only when `p_double_booking` (the override: reason and the conflicts as the viewer
-- saw them) names exactly the commitments found under the person's lock; else it is refused again, fresh.

CREATE OR REPLACE FUNCTION public.accord_accept_offer(p_offer_id uuid, p_accept_from text[], p_double_booking jsonb, p_actor_user_id uuid, p_actor_label text, p_request_id text, OUT outcome text, OUT detail jsonb)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
declare
  ev record;
  v_event_id uuid;
  v_offer seat_offer;
  v_nomination nomination;
  v_commitments jsonb;
begin
  perform accord_flush_later();
  select o.event_id into v_event_id from seat_offer o where o.id = p_offer_id;
  if not found then
    outcome := 'missing_offer';
    return;
  end if;
  -- The order every seat write keeps: the event, then the offer, then the nomination.
  select e.id, e.status, e.starts_on, e.ends_on, a.code as activity_code, a.title_en as activity_title
    into ev
    from event e join activity a on a.id = e.activity_id
    where e.id = v_event_id
    for key share of e;
  if not found then
    outcome := 'missing_event';
    return;
  end if;
  select * into v_offer from seat_offer where id = p_offer_id for update;
  if v_offer.status <> 'offered' then
    outcome := 'offer_status';
    detail := jsonb_build_object('status', v_offer.status);
    return;
  end if;
  if v_offer.expires_at <= now() then
    outcome := 'expired';
    detail := jsonb_build_object('expiresAt', v_offer.expires_at);
    return;
  end if;
  if ev.status in ('cancelled', 'completed') then
    outcome := 'event_status';
    detail := jsonb_build_object('status', ev.status);
    return;
  end if;
  select * into v_nomination from nomination where id = v_offer.nomination_id for update;
  if not found then
    outcome := 'missing_nomination';
    return;
  end if;
  if not v_nomination.status = any(p_accept_from) then
    outcome := 'nomination_status';
    detail := jsonb_build_object('status', v_nomination.status);
    return;
  end if;
  -- The offer holds its seat; this only guards against a rule broken elsewhere.
  if accord_seat_refusal(ev.id, v_nomination.nation_id, v_nomination.id) is not null then
    outcome := 'no_seat';
    return;
  end if;

  -- Two acceptances of one person are decided one after the other (as checkDoubleBooking does).
  perform 1 from person where id = v_nomination.person_id for no key update;
  select jsonb_agg(accord_camel_keys(to_jsonb(c)) order by c.starts_on, c.id) into v_commitments
    from accord_person_commitments(v_nomination.person_id, ev.starts_on, ev.ends_on, ev.id) c;
  if v_commitments is not null and (p_double_booking is null
      or (select array_agg(x ->> 'id' order by x ->> 'id') from jsonb_array_elements(v_commitments) x)
         is distinct from
         (select array_agg(x ->> 'id' order by x ->> 'id') from jsonb_array_elements(p_double_booking -> 'conflicts') x))
  then
    outcome := 'double_booked';
    detail := jsonb_build_object('conflicts', v_commitments);
    return;
  end if;

  update seat_offer set status = 'accepted', decided_by = p_actor_user_id, decided_at = now(), reason = null
    where id = p_offer_id;
  update nomination set status = 'accepted', status_reason = 'Accepted the seat offer', decided_by = p_actor_user_id,
      decided_at = now(), double_booking = case when v_commitments is null then null else p_double_booking end
    where id = v_nomination.id;
  perform accord_notify_nomination(v_nomination.id, 'nomination.accepted',
    ev.activity_code || ': the offered seat is accepted', ev.activity_title, p_actor_user_id, true, true);
  -- Both entries in one statement, chained in this order (as the application's writeAudits writes them).
  insert into audit_entry (actor_user_id, actor_label, action, record_type, record_id, diff, request_id)
    values
      (p_actor_user_id, p_actor_label, 'seat_offer.accept', 'seat_offer', p_offer_id::text,
       jsonb_build_object('before', jsonb_build_object('status', 'offered'),
                          'after', jsonb_build_object('status', 'accepted')), p_request_id),
      (p_actor_user_id, p_actor_label, 'nomination.accept', 'nomination', v_nomination.id::text,
       jsonb_build_object('before', jsonb_build_object('status', v_nomination.status),
                          'after', jsonb_build_object('status', 'accepted'),
                          'detail', jsonb_build_object('reason', 'accepted the seat offer', 'seatOfferId', p_offer_id)
                            || case when v_commitments is null then '{}'::jsonb
                                    else jsonb_build_object('doubleBooking', p_double_booking) end),
       p_request_id);
  outcome := 'accepted';
end $function$;
