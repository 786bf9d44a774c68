-- Notifications that reach people (issue 18). The notifications module owns the notice table (created in 0003 by
-- the catalogue), the per-user delivery preferences, the mail outbox, the demo mail catcher and the password
-- reset tokens. A notice inserted by anyone (TypeScript notify(), the seat-taking function, a reminder) queues its
-- e-mail in the same transaction through the statement trigger below; delivery is the job queue's work.

-- Where mail goes: the account's own address, else the address of the person linked to it.
alter table app_user add column email text
  constraint app_user_email_check check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254);
create unique index app_user_email_key on app_user (lower(email));

-- params: the values the templates fill in (every language); dedupe_key: scheduled reminders are created once per
-- (kind, record, recipient, period).
alter table notification add column params jsonb not null default '{}';
alter table notification add column dedupe_key text;
alter table notification add constraint notification_dedupe_key unique (dedupe_key);
create index notification_user_kind_idx on notification (user_id, kind, created_at desc);

create table notification_preference (
  user_id uuid not null references app_user on delete cascade,
  kind text not null constraint notification_preference_kind_check check (length(kind) <= 100),
  delivery text not null constraint notification_preference_delivery_check
    check (delivery in ('immediate', 'digest', 'in_app')),
  primary key (user_id, kind)
);

-- One row per e-mail. Its id is the Message-ID's local part, so a message sent again after a crash carries the
-- same Message-ID. pending -> sending (claimed until next_attempt_at) -> sent, or back to pending with a back-off,
-- or failed (parked for an administrator) after the last attempt or a permanent refusal.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid references notification on delete set null,
  user_id uuid references app_user on delete set null,
  kind text not null,
  to_address text not null,
  language text not null default 'en',
  params jsonb not null default '{}',
  status text not null default 'pending'
    constraint mail_outbox_status_check check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  claimed_by text,
  last_error text,
  subject text,
  dedupe_key text constraint mail_outbox_dedupe_key unique,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status in ('pending', 'sending');
create index mail_outbox_status_idx on mail_outbox (status, created_at desc);
create index mail_outbox_notification_idx on mail_outbox (notification_id);

-- Without SMTP_URL (the demo) the sender hands every message to this catcher instead; administrators read it.
create table mail_caught (
  id bigint generated always as identity primary key,
  message_id text not null constraint mail_caught_message_id_key unique,
  outbox_id uuid,
  to_address text not null,
  subject text not null,
  raw text not null,
  caught_at timestamptz not null default now()
);

create table password_reset_token (
  token_hash text primary key,
  user_id uuid not null references app_user on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_token_user_idx on password_reset_token (user_id);

-- Wakes the delivery job once per transaction (graphile-worker: LISTEN/NOTIFY pick-up, the job key de-duplicates).
create function accord_mail_wake() returns void language plpgsql volatile as $$
begin
  if coalesce(current_setting('accord.mail_wake', true), '') <> '1' then
    perform graphile_worker.add_job('mail_deliver', '{}'::json, job_key := 'mail_deliver', max_attempts := 3);
    perform set_config('accord.mail_wake', '1', true);
  end if;
end $$;

create function accord_mail_outbox_inserted() returns trigger language plpgsql as $$
begin
  if exists (select 1 from new_mail) then
    perform accord_mail_wake();
  end if;
  return null;
end $$;
create trigger mail_outbox_wake after insert on mail_outbox referencing new table as new_mail
  for each statement execute function accord_mail_outbox_inserted();

-- A notice becomes an e-mail when its recipient has an address, is not disabled, and takes this kind immediately
-- (the default). Digest and in-app-only kinds stay in the notice table.
create function accord_notification_outbox() returns trigger language plpgsql as $$
begin
  insert into mail_outbox (notification_id, user_id, kind, to_address, language)
  select n.id, n.user_id, n.kind, coalesce(u.email, p.email), u.preferred_language
  from new_notifications n
    join app_user u on u.id = n.user_id
    left join person p on p.id = u.person_id
  where u.disabled_at is null
    and coalesce(u.email, p.email) is not null
    and coalesce((select np.delivery from notification_preference np
                  where np.user_id = n.user_id and np.kind = n.kind), 'immediate') = 'immediate';
  return null;
end $$;
create trigger notification_outbox after insert on notification referencing new table as new_notifications
  for each statement execute function accord_notification_outbox();

-- Nomination notices of many nominations in one statement (cancelling an event with thousands of them), with the
-- values every language's template needs. The single-nomination function keeps its signature.
create function accord_notify_nominations(
  p_nomination_ids uuid[], p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean,
  p_concerned boolean, p_period text default null
) returns void language plpgsql volatile as $$
begin
  with n as (
    select n.id, n.nation_id, n.person_id, n.nominated_by, n.event_id, n.status_reason, a.organiser_id,
           a.host_institution_id, a.code, a.title_en, e.starts_on, e.ends_on, e.city, e.venue, e.time_zone,
           pr.given_name || ' ' || pr.family_name as person_name
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
      join person pr on pr.id = n.person_id
    where n.id = any(p_nomination_ids)
  ), organiser_scope as (
    with recursive up(nomination_id, id, parent_id) as (
      select n.id, o.id, o.parent_id from organisation o join n on o.id in (n.organiser_id, n.host_institution_id)
      union
      select up.nomination_id, o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select nomination_id, id from up
  ), coordinators as (
    select r.user_id, r.nation_id from role_assignment r where r.role = 'national_coordinator'
  ), recipients as (
    select n.id as nomination_id, u.id as user_id
    from n join app_user u on u.id = n.nominated_by
    where p_concerned
    union
    select n.id, u.id from n join app_user u on u.person_id = n.person_id where p_concerned
    union
    select n.id, c.user_id from n join coordinators c on c.nation_id = n.nation_id where p_concerned
    union
    select s.nomination_id, r.user_id from organiser_scope s
      join role_assignment r on r.organisation_id = s.id and r.role in ('organiser', 'course_director')
    where p_organisers
  )
  insert into notification (user_id, kind, title, body, link, record_type, record_id, params, dedupe_key)
  select u.id, p_kind, p_title, p_body, '/catalogue/events/' || n.event_id, 'nomination', n.id,
    jsonb_build_object('activity', n.code || ' ' || n.title_en, 'code', n.code, 'eventId', n.event_id,
      'startsOn', n.starts_on, 'endsOn', n.ends_on, 'city', n.city, 'venue', n.venue, 'person', n.person_name,
      'reason', n.status_reason),
    case when p_period is not null then p_kind || ':' || n.id || ':' || u.id || ':' || p_period end
  from recipients r join n on n.id = r.nomination_id join app_user u on u.id = r.user_id
  where u.disabled_at is null and u.id is distinct from p_actor_user_id
  on conflict (dedupe_key) do nothing;
end $$;

create or replace function accord_notify_nomination(
  p_nomination_id uuid, p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean,
  p_concerned boolean
) returns void language plpgsql volatile as $$
begin
  perform accord_notify_nominations(array[p_nomination_id], p_kind, p_title, p_body, p_actor_user_id, p_organisers,
    p_concerned);
end $$;
