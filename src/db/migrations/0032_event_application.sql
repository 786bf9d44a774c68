-- Two-step application (issue 22, item 3): a participant applies for an event; the national point of contact (a
-- coordinator of the participant's nation) approves or refuses it; only an approved application reaches the
-- organiser, as the nomination the approval creates in the same transaction.
create table event_application (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references event on delete cascade,
  person_id uuid not null references person,
  nation_id uuid not null references nation,
  status text not null default 'pending'
    constraint event_application_status_check check (status in ('pending', 'approved', 'refused')),
  motivation text constraint event_application_motivation_check check (length(motivation) <= 2000),
  reason text constraint event_application_reason_check check (length(reason) <= 2000),
  nomination_id uuid references nomination on delete set null,
  applied_by uuid references app_user,
  decided_by uuid references app_user,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A decision is dated; a pending application is not.
  constraint event_application_decided_check check ((status = 'pending') = (decided_at is null)),
  -- Only an approval creates a nomination (it may later go with a deleted nomination: set null).
  constraint event_application_nomination_check check (status = 'approved' or nomination_id is null)
);
-- One live application per person and event: a refused one may be followed by a new one.
create unique index event_application_live_once on event_application (event_id, person_id)
  where status in ('pending', 'approved');
create index event_application_nation_idx on event_application (nation_id, status, created_at);
create index event_application_person_idx on event_application (person_id, created_at);
create trigger event_application_touch before update on event_application
  for each row execute function accord_touch_updated_at();
