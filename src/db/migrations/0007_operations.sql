-- Operations: exercises (stages, participating nations and their contributions, planning conferences,
-- milestones, training objectives, lessons), operations, national contingents and their rotations, and
-- financial contributions to trust funds.

-- ---------------------------------------------------------------------------------------------------
-- Exercises
create table exercise (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint exercise_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  name text not null constraint exercise_name_check check (length(btrim(name)) between 1 and 300),
  kind text not null constraint exercise_kind_check check (kind in ('live', 'command_post', 'table_top')),
  status text not null default 'concept' constraint exercise_status_check check (status in (
    'concept', 'planning', 'conduct', 'completed', 'cancelled')),
  scenario text constraint exercise_scenario_check check (length(scenario) <= 20000),
  lead_organisation_id uuid not null references organisation,
  -- Optional link to the catalogue's activity for the same exercise; the exercise never depends on it.
  activity_id uuid references activity on delete set null,
  starts_on date not null,
  ends_on date not null,
  sample boolean not null default false,
  sample_note text constraint exercise_sample_note_check check (length(sample_note) <= 2000),
  source text constraint exercise_source_check check (length(source) <= 500),
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'internal'
    constraint exercise_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (accord_search_vector(code || ' ' || name, scenario, null)) stored,
  constraint exercise_ends_on_check check (ends_on >= starts_on),
  constraint exercise_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index exercise_search_idx on exercise using gin (search);
create index exercise_dates_idx on exercise (starts_on);
create trigger exercise_touch before update on exercise for each row execute function accord_touch_updated_at();

-- An exercise runs in one or more stages, possibly in different host states.
create table exercise_stage (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  stage_no integer not null constraint exercise_stage_stage_no_check check (stage_no between 1 and 20),
  host_nation_id uuid not null references nation,
  place text constraint exercise_stage_place_check check (length(place) <= 200),
  starts_on date not null,
  ends_on date not null,
  constraint exercise_stage_ends_on_check check (ends_on >= starts_on),
  constraint exercise_stage_unique unique (exercise_id, stage_no)
);

create table exercise_participant (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  nation_id uuid not null references nation,
  role text not null constraint exercise_participant_role_check check (role in ('member', 'partner', 'observer')),
  note text constraint exercise_participant_note_check check (length(note) <= 2000),
  sample boolean not null default false,
  constraint exercise_participant_unique unique (exercise_id, nation_id)
);
create index exercise_participant_nation_idx on exercise_participant (nation_id);

-- What a participating nation brings: personnel by category, units, equipment.
create table exercise_contribution (
  id uuid primary key default gen_random_uuid(),
  participant_id uuid not null references exercise_participant on delete cascade,
  kind text not null constraint exercise_contribution_kind_check check (kind in ('personnel', 'unit', 'equipment')),
  category text not null constraint exercise_contribution_category_check check (length(btrim(category)) between 1 and 200),
  quantity integer not null constraint exercise_contribution_quantity_check check (quantity between 0 and 1000000),
  description text constraint exercise_contribution_description_check check (length(description) <= 2000),
  constraint exercise_contribution_unique unique (participant_id, kind, category)
);

-- Planning conferences are kept here (dates, place, attendance by nation); a conference may also point at the
-- catalogue event that announced it.
create table planning_conference (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  kind text not null constraint planning_conference_kind_check check (kind in ('initial', 'main', 'final')),
  starts_on date not null,
  ends_on date not null,
  place text constraint planning_conference_place_check check (length(place) <= 200),
  event_id uuid references event on delete set null,
  note text constraint planning_conference_note_check check (length(note) <= 2000),
  constraint planning_conference_ends_on_check check (ends_on >= starts_on),
  constraint planning_conference_unique unique (exercise_id, kind)
);

create table planning_conference_attendance (
  conference_id uuid not null references planning_conference on delete cascade,
  nation_id uuid not null references nation,
  attendees integer not null constraint planning_conference_attendance_attendees_check check (attendees between 0 and 10000),
  primary key (conference_id, nation_id)
);

create table exercise_milestone (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  title text not null constraint exercise_milestone_title_check check (length(btrim(title)) between 1 and 300),
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  due_on date not null,
  done_on date,
  created_at timestamptz not null default now(),
  constraint exercise_milestone_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index exercise_milestone_exercise_idx on exercise_milestone (exercise_id, due_on);

create table training_objective (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  position integer not null default 0,
  text text not null constraint training_objective_text_check check (length(btrim(text)) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index training_objective_exercise_idx on training_objective (exercise_id, position);

-- Lessons: identified → analysed → learned (then closed), or rejected. The later activity or plan that takes a
-- lesson up is a catalogue activity or a free reference (a plan of another capability).
create table lesson (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercise on delete cascade,
  title text not null constraint lesson_title_check check (length(btrim(title)) between 1 and 300),
  observation text constraint lesson_observation_check check (length(observation) <= 20000),
  recommendation text constraint lesson_recommendation_check check (length(recommendation) <= 20000),
  status text not null default 'identified' constraint lesson_status_check check (status in (
    'identified', 'analysed', 'learned', 'closed', 'rejected')),
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  follow_up_activity_id uuid references activity on delete set null,
  follow_up_reference text constraint lesson_follow_up_reference_check check (length(follow_up_reference) <= 500),
  status_note text constraint lesson_status_note_check check (length(status_note) <= 2000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lesson_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint lesson_learned_follow_up_check check (
    status not in ('learned', 'closed') or follow_up_activity_id is not null or follow_up_reference is not null)
);
create index lesson_exercise_idx on lesson (exercise_id);
create index lesson_status_idx on lesson (status);
create trigger lesson_touch before update on lesson for each row execute function accord_touch_updated_at();

-- ---------------------------------------------------------------------------------------------------
-- Operations and contingents
create table operation (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint operation_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,39}$'),
  name text not null constraint operation_name_check check (length(btrim(name)) between 1 and 300),
  lead_organisation_id uuid not null references organisation,
  starts_on date not null,
  ends_on date,
  description text constraint operation_description_check check (length(description) <= 20000),
  source text constraint operation_source_check check (length(source) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint operation_ends_on_check check (ends_on is null or ends_on >= starts_on)
);
create trigger operation_touch before update on operation for each row execute function accord_touch_updated_at();

-- A nation's contingent in an operation; owned by the contributing nation, restricted by default.
create table contingent (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operation,
  nation_id uuid not null references nation,
  name text not null constraint contingent_name_check check (length(btrim(name)) between 1 and 300),
  framework_unit text constraint contingent_framework_unit_check check (length(framework_unit) <= 300),
  framework_nation_id uuid references nation,
  note text constraint contingent_note_check check (length(note) <= 2000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint contingent_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint contingent_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index contingent_operation_idx on contingent (operation_id);
create index contingent_nation_idx on contingent (nation_id);
create trigger contingent_touch before update on contingent for each row execute function accord_touch_updated_at();

-- Rotations fill a slot of the contingent (e.g. "infantry platoon"); two rotations of one slot never overlap.
create table contingent_rotation (
  id uuid primary key default gen_random_uuid(),
  contingent_id uuid not null references contingent on delete cascade,
  slot text not null default 'main' constraint contingent_rotation_slot_check check (length(btrim(slot)) between 1 and 100),
  label text constraint contingent_rotation_label_check check (length(label) <= 200),
  starts_on date not null,
  start_precision text not null default 'day'
    constraint contingent_rotation_start_precision_check check (start_precision in ('day', 'month', 'year')),
  ends_on date,
  sample boolean not null default false,
  note text constraint contingent_rotation_note_check check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  constraint contingent_rotation_ends_on_check check (ends_on is null or ends_on >= starts_on),
  constraint contingent_rotation_no_overlap exclude using gist (
    contingent_id with =, slot with =, daterange(starts_on, ends_on, '[]') with &&)
);
create index contingent_rotation_contingent_idx on contingent_rotation (contingent_id, starts_on);

create table rotation_strength (
  rotation_id uuid not null references contingent_rotation on delete cascade,
  category text not null constraint rotation_strength_category_check check (category in (
    'military_personnel', 'military_doctors', 'staff_officers', 'officers', 'non_commissioned_officers',
    'soldiers', 'civilian_personnel', 'medical_personnel', 'other')),
  count integer not null constraint rotation_strength_count_check check (count between 0 and 100000),
  primary key (rotation_id, category)
);

-- ---------------------------------------------------------------------------------------------------
-- Trust funds and financial contributions
create table trust_fund (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint trust_fund_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,39}$'),
  name text not null constraint trust_fund_name_check check (length(btrim(name)) between 1 and 300),
  operation_id uuid references operation,
  managing_organisation_id uuid references organisation,
  created_at timestamptz not null default now()
);

create table fund_contribution (
  id uuid primary key default gen_random_uuid(),
  trust_fund_id uuid not null references trust_fund,
  nation_id uuid not null references nation,
  year integer not null constraint fund_contribution_year_check check (year between 1990 and 2200),
  currency char(3) not null constraint fund_contribution_currency_check check (currency ~ '^[A-Z]{3}$'),
  pledged numeric(14, 2) not null constraint fund_contribution_pledged_check check (pledged >= 0),
  paid numeric(14, 2) not null default 0 constraint fund_contribution_paid_check check (paid >= 0),
  note text constraint fund_contribution_note_check check (length(note) <= 2000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint fund_contribution_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fund_contribution_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint fund_contribution_unique unique (trust_fund_id, nation_id, year, currency)
);
create trigger fund_contribution_touch before update on fund_contribution
  for each row execute function accord_touch_updated_at();
