-- The nomination storm (issue 22's benchmark target): shorter lock holds on the seat path.
--
-- 1. accord_nominate's two event-row locks become FOR KEY SHARE (filing a nomination that takes no seat) and FOR NO
--    KEY UPDATE (taking a seat). They no longer conflict with each other: a nomination on the waiting list needs
--    protection only from a write that frees a seat, and every such write (the organiser's decisions, withdrawals,
--    offers declined or expired, the re-allocation, capacity and allocation changes) locks the event FOR UPDATE,
--    which conflicts with both. Seat takers still exclude each other. Before, a seat taker's FOR UPDATE waited for
--    every nomination holding FOR SHARE, and those in turn waited for the audit chain's lock: each of the first
--    storm's seat takers waited about a second, and the nominations behind it queued on the row.
-- 2. Commit without waiting for the WAL flush under the audit chain's lock, then wait for it before answering.
--    The chain's advisory lock is held to commit, so with synchronous_commit every audited write flushed the WAL
--    (about 1 ms here) while holding the one lock all audited writes share: no group commit was possible. A caller
--    that sets `accord_flush_later()` in its transaction commits without the flush (the lock is released at once);
--    before it answers it calls `accord_durable()`, a statement that commits synchronously and so returns only once
--    the WAL up to and including the earlier commit is on disk (concurrent callers share one flush). Nothing is
--    answered before it is durable; a crash can lose only unanswered writes, and in WAL order, so the chain and the
--    seats stay consistent. The chain itself is unchanged: same lock, same order, same hashes.

-- Transaction-local: this transaction's commit does not wait for the WAL flush. The caller calls accord_durable()
-- after the commit, before it reports the write.
create or replace function accord_flush_later() returns void language plpgsql volatile as $$
begin
  perform set_config('synchronous_commit', 'off', true);
end $$;

-- A sequence written only to make a statement commit with a WAL record of its own (setval always logs one; a
-- transaction that wrote no WAL does not wait for the flush).
create sequence accord_durable_mark;

-- Returns once every commit made before the call is flushed to the WAL (as a synchronous commit of the caller's
-- session waits): call it alone, in its own transaction, after a commit made under accord_flush_later().
create or replace function accord_durable() returns void language plpgsql volatile as $$
begin
  perform setval('accord_durable_mark', 1);
end $$;

-- accord_nominate as in 0039, with the two lock modes above.
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

  -- No seat for it (or no seat decision at all): a key-share lock is enough to file it, and many such nominations
  -- file at once, also while a seat is being taken (taking one never frees one). A seat freed meanwhile (every
  -- freeing write holds FOR UPDATE, which waits for this lock) sends it on to the seat-taking lock.
  if ev.acceptance <> 'first_come' or v_refusal is not null then
    begin
      select e.status, e.acceptance, a.status as activity_status, a.code as activity_code,
             a.title_en as activity_title
        into ev
        from event e join activity a on a.id = e.activity_id
        where e.id = p_event_id
        for key share of e;
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

  -- Taking a seat: FOR NO KEY UPDATE excludes the other seat takers and every FOR UPDATE writer, but not the
  -- nominations filed on the waiting list meanwhile (above) nor their foreign-key checks.
  if v_status is null then
    select e.status, e.acceptance, a.status as activity_status, a.code as activity_code,
           a.title_en as activity_title
      into ev
      from event e join activity a on a.id = e.activity_id
      where e.id = p_event_id
      for no key update of e;
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

-- accord_nominate committing under accord_flush_later(): its single statement is its transaction, so the API calls
-- this and then accord_durable() before it answers. Other callers (imports) keep accord_nominate and its commit.
create or replace function accord_nominate_flush_later(
  p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb,
  p_actor_user_id uuid, p_actor_label text, p_request_id text
) returns setof nomination language plpgsql volatile as $$
begin
  perform accord_flush_later();
  return query select * from accord_nominate(p_event_id, p_person_id, p_nation_id, p_priority, p_note, p_warnings,
    p_actor_user_id, p_actor_label, p_request_id);
end $$;
