-- training: courses and their assessment, certificates, the certified registry, and accreditation of training
-- centres (owned by src/modules/training).

-- A qualification conferred by a certificate (e.g. certified CREVAL evaluator), valid for a number of years.
create table qualification (
  code text primary key constraint qualification_code_check check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,59}$'),
  name_en text not null constraint qualification_name_en_check check (length(btrim(name_en)) between 1 and 300),
  name_az text constraint qualification_name_az_check check (length(name_az) <= 300),
  name_ru text constraint qualification_name_ru_check check (length(name_ru) <= 300),
  validity_years integer not null constraint qualification_validity_years_check check (validity_years between 1 and 50),
  sample boolean not null default false,
  created_at timestamptz not null default now()
);

-- A course definition: one per catalogue activity of kind 'course'.
create table course (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null unique references activity on delete cascade,
  qualification_code text references qualification,
  objectives text[] not null default '{}' constraint course_objectives_check check (cardinality(objectives) <= 50),
  -- [{ "title": "...", "hours": 6 }]
  modules jsonb not null default '[]'::jsonb,
  -- { "priorActivityCodes": ["..."], "languageLevel": "STANAG 6001 SLP 3232" }
  entry_requirements jsonb not null default '{}'::jsonb,
  -- { "passMark": 70, "minAttendancePercent": 80,
  --   "components": [{ "code": "T1", "title": "...", "kind": "test", "maxScore": 100, "weight": 50, "minScore": 50 }] }
  assessment jsonb not null,
  -- Null: the qualification's validity applies.
  certificate_validity_years integer constraint course_certificate_validity_years_check
    check (certificate_validity_years between 1 and 50),
  director_person_id uuid references person,
  instructor_person_ids uuid[] not null default '{}',
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger course_touch before update on course for each row execute function accord_touch_updated_at();

-- One run of a course (a catalogue event): its sign-off locks attendance and results.
create table course_run (
  event_id uuid primary key references event on delete cascade,
  course_id uuid not null references course on delete cascade,
  signed_off_by uuid references app_user,
  signed_off_at timestamptz,
  sign_off_note text constraint course_run_sign_off_note_check check (length(sign_off_note) <= 2000),
  created_at timestamptz not null default now()
);

-- Score of one participant (an accepted nomination) in one component of the assessment scheme.
create table assessment_result (
  nomination_id uuid not null references nomination on delete cascade,
  event_id uuid not null references event on delete cascade,
  component_code text not null constraint assessment_result_component_check check (length(component_code) between 1 and 40),
  score numeric(8, 2) not null constraint assessment_result_score_check check (score >= 0),
  recorded_by uuid references app_user,
  recorded_at timestamptz not null default now(),
  primary key (nomination_id, component_code)
);
create index assessment_result_event_idx on assessment_result (event_id);

-- The outcome computed from the scheme at sign-off.
create table course_outcome (
  nomination_id uuid primary key references nomination on delete cascade,
  event_id uuid not null references event on delete cascade,
  outcome text not null constraint course_outcome_outcome_check check (outcome in ('pass', 'fail', 'incomplete')),
  total_percent numeric(6, 2),
  attendance_percent numeric(6, 2),
  reasons jsonb not null default '[]'::jsonb,
  computed_at timestamptz not null default now()
);
create index course_outcome_event_idx on course_outcome (event_id);

create sequence certificate_number_seq;

create table certificate (
  id uuid primary key default gen_random_uuid(),
  -- Human-readable, printed on the certificate: ACC-2026-000123.
  number text not null unique constraint certificate_number_check check (number ~ '^ACC-[0-9]{4}-[0-9]{6,}$'),
  -- Unguessable (160 bits, base64url): the only key of the public verification page.
  verification_code text not null unique constraint certificate_verification_code_check
    check (verification_code ~ '^[A-Za-z0-9_-]{27}$'),
  course_id uuid not null references course,
  event_id uuid not null references event,
  nomination_id uuid not null references nomination,
  person_id uuid not null references person,
  qualification_code text references qualification,
  holder_name text not null constraint certificate_holder_name_check check (length(btrim(holder_name)) between 1 and 300),
  language text not null default 'en' constraint certificate_language_check check (language in ('en', 'az', 'ru')),
  issued_on date not null,
  valid_from date not null,
  valid_until date,
  revoked_at timestamptz,
  revoked_reason text constraint certificate_revoked_reason_check check (length(revoked_reason) <= 2000),
  revoked_by uuid references app_user,
  replaces_id uuid references certificate,
  issued_by uuid references app_user,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  constraint certificate_revocation_reason_required check (revoked_at is null or revoked_reason is not null),
  constraint certificate_valid_until_check check (valid_until is null or valid_until >= valid_from)
);
-- At most one live certificate per participant of a run: re-issue revokes the previous one first.
create unique index certificate_live_once on certificate (nomination_id) where revoked_at is null;
create index certificate_person_idx on certificate (person_id);
create index certificate_registry_idx on certificate (qualification_code, valid_from, valid_until) where revoked_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Accreditation of training centres: a configurable standard set → areas → standards.
create table standard_set (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint standard_set_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  title_en text not null,
  title_az text,
  title_ru text,
  sample boolean not null default false,
  created_at timestamptz not null default now()
);

create table standard_area (
  id uuid primary key default gen_random_uuid(),
  standard_set_id uuid not null references standard_set on delete cascade,
  code text not null,
  title_en text not null,
  title_az text,
  title_ru text,
  sort_order integer not null default 0,
  unique (standard_set_id, code)
);

create table standard (
  id uuid primary key default gen_random_uuid(),
  area_id uuid not null references standard_area on delete cascade,
  code text not null,
  title_en text not null,
  title_az text,
  title_ru text,
  description_en text,
  sort_order integer not null default 0,
  sample boolean not null default false,
  unique (area_id, code)
);

create table accreditation_application (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references organisation,
  kind text not null constraint accreditation_application_kind_check check (kind in (
    'accreditation', 'partnership_training_centre_recognition')),
  standard_set_id uuid not null references standard_set,
  reviewing_organisation_id uuid references organisation,
  state text not null default 'draft' constraint accreditation_application_state_check check (state in (
    'draft', 'self_assessment', 'submitted', 'visit_planned', 'visited', 'decided')),
  submitted_at timestamptz,
  self_assessment_due_on date,
  visit_starts_on date,
  visit_ends_on date,
  visited_at timestamptz,
  report_due_on date,
  decision text constraint accreditation_application_decision_check check (decision in (
    'accredited', 'accredited_with_conditions', 'not_accredited', 'recognised', 'not_recognised')),
  decided_on date,
  valid_until date,
  decision_note text constraint accreditation_application_decision_note_check check (length(decision_note) <= 5000),
  note text constraint accreditation_application_note_check check (length(note) <= 5000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint accreditation_application_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint accreditation_application_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint accreditation_application_visit_dates_check check (visit_ends_on is null or visit_ends_on >= visit_starts_on),
  constraint accreditation_application_decided_check check ((state = 'decided') = (decision is not null))
);
-- One application in progress per centre and kind.
create unique index accreditation_application_open_once on accreditation_application (centre_id, kind)
  where state <> 'decided';
create index accreditation_application_valid_until_idx on accreditation_application (valid_until)
  where state = 'decided';
create trigger accreditation_application_touch before update on accreditation_application
  for each row execute function accord_touch_updated_at();

create table accreditation_self_assessment (
  application_id uuid not null references accreditation_application on delete cascade,
  standard_id uuid not null references standard,
  rating text not null constraint accreditation_self_assessment_rating_check check (rating in (
    'met', 'partially_met', 'not_met')),
  narrative text constraint accreditation_self_assessment_narrative_check check (length(narrative) <= 20000),
  updated_by uuid references app_user,
  updated_at timestamptz not null default now(),
  primary key (application_id, standard_id)
);

create table accreditation_evidence (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references accreditation_application on delete cascade,
  standard_id uuid not null references standard,
  file_id uuid not null references stored_file,
  created_by uuid references app_user,
  created_at timestamptz not null default now()
);
create index accreditation_evidence_application_idx on accreditation_evidence (application_id, standard_id);

create table accreditation_visit_member (
  application_id uuid not null references accreditation_application on delete cascade,
  person_id uuid not null references person,
  role text not null default 'member' constraint accreditation_visit_member_role_check check (role in ('lead', 'member')),
  primary key (application_id, person_id)
);

-- Findings of the review visit, recommendations, and conditions of the decision, each tracked to closure.
create table accreditation_finding (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references accreditation_application on delete cascade,
  standard_id uuid references standard,
  kind text not null constraint accreditation_finding_kind_check check (kind in ('finding', 'recommendation', 'condition')),
  text text not null constraint accreditation_finding_text_check check (length(btrim(text)) between 1 and 5000),
  due_on date,
  status text not null default 'open' constraint accreditation_finding_status_check check (status in ('open', 'closed')),
  closed_at timestamptz,
  closure_note text constraint accreditation_finding_closure_note_check check (length(closure_note) <= 5000),
  created_by uuid references app_user,
  created_at timestamptz not null default now(),
  constraint accreditation_finding_closed_check check ((status = 'closed') = (closed_at is not null))
);
create index accreditation_finding_application_idx on accreditation_finding (application_id, standard_id);
