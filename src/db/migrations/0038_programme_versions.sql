-- An annual programme is submitted by the partner and agreed by alliance staff, each version kept (issue 22, item 6).
-- Each submission writes one version: the programme and its items as they stood (snapshot), who submitted it and
-- when. Alliance staff then agree it or return it to draft with a reason; that decision is written once on the
-- version. The snapshot, the number and the submission never change afterwards.
create table annual_programme_version (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references annual_programme on delete cascade,
  version integer not null constraint annual_programme_version_number_check check (version >= 1),
  snapshot jsonb not null,
  submitted_by uuid references app_user on delete set null,
  submitted_at timestamptz not null default now(),
  decision text constraint annual_programme_version_decision_check check (decision in ('agreed', 'returned')),
  decided_by uuid references app_user on delete set null,
  decided_at timestamptz,
  reason text constraint annual_programme_version_reason_check check (length(reason) <= 2000),
  constraint annual_programme_version_unique unique (programme_id, version),
  constraint annual_programme_version_decided_check check ((decision is null) = (decided_at is null)),
  constraint annual_programme_version_returned_check check (decision is distinct from 'returned' or
    length(btrim(reason)) > 0)
);

-- A version is immutable once written; only its decision is added, once.
create or replace function accord_programme_version_immutable() returns trigger language plpgsql as $$
begin
  if new.programme_id <> old.programme_id or new.version <> old.version or new.snapshot <> old.snapshot
     or new.submitted_at <> old.submitted_at or new.submitted_by is distinct from old.submitted_by
     and new.submitted_by is not null
     or (old.decision is not null and (new.decision is distinct from old.decision
         or new.decided_at is distinct from old.decided_at or new.reason is distinct from old.reason)) then
    raise exception 'a programme version is kept as submitted; its decision is written once'
      using errcode = 'check_violation', constraint = 'annual_programme_version_immutable';
  end if;
  return new;
end $$;
create trigger annual_programme_version_immutable before update on annual_programme_version
  for each row execute function accord_programme_version_immutable();
