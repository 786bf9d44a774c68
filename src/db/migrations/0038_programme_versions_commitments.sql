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


-- accord_person_commitments as in 0036, except that a null p_except_event_id leaves out nothing: 0036 compared
-- `m.event_id is distinct from null`, false for every meeting not held as a catalogue event, so a check made for a
-- meeting's delegation (which excepts no event) never saw the person's other meetings.
create or replace function accord_person_commitments(p_person_id uuid, p_from date, p_to date, p_except_event_id uuid)
returns table (
  kind text, record_type text, id uuid, title text, starts_on date, ends_on date,
  owner_nation_id uuid, owner_organisation_id uuid, releasability text, release_nations uuid[],
  release_organisations uuid[])
language sql stable
as $$
  select c.* from (
    select a.kind, 'event'::text, e.id, a.code || ' ' || a.title_en, e.starts_on, e.ends_on,
      a.owner_nation_id, a.owner_organisation_id, a.releasability, a.release_nations, a.release_organisations
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.person_id = p_person_id and n.status = 'accepted' and e.status <> 'cancelled'
      and e.starts_on <= p_to and e.ends_on >= p_from and e.id is distinct from p_except_event_id
    union all
    select 'meeting', 'meeting', m.id, coalesce(m.title, s.title_en || ' ' || m.number), m.starts_on, m.ends_on,
      m.owner_nation_id, m.owner_organisation_id, m.releasability, m.release_nations, m.release_organisations
    from meeting m join meeting_series s on s.id = m.series_id
    where m.status <> 'cancelled' and m.starts_on <= p_to and m.ends_on >= p_from
      and (p_except_event_id is null or m.event_id is distinct from p_except_event_id)
      and exists (select 1 from meeting_delegation d cross join jsonb_array_elements(d.members) member
                  where d.meeting_id = m.id and member ->> 'personId' = p_person_id::text)
    union all
    select 'evaluation_team', 'evaluation', ev.id, ev.title, lower(t.period), upper(t.period) - 1,
      ev.owner_nation_id, ev.owner_organisation_id, ev.releasability, ev.release_nations, ev.release_organisations
    from evaluation_team_member t join evaluation ev on ev.id = t.evaluation_id
    where t.person_id = p_person_id and ev.state <> 'cancelled' and t.period && daterange(p_from, p_to, '[]')
  ) c (kind, record_type, id, title, starts_on, ends_on, owner_nation_id, owner_organisation_id, releasability,
       release_nations, release_organisations)
  order by c.starts_on, c.kind, c.id
$$;
