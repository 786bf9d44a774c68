-- programmes: frameworks and founding documents, multi-year plans with numbered periods (each period dated by
-- one or more sourced statements), objectives and actions, annual programmes, partnership goals with their review
-- cycle, partnership milestones and recorded participation figures. Owned by src/modules/programmes.
-- A nation's records are restricted by default; child rows (periods, objectives, items, assessments) follow the
-- releasability of their parent.

-- Kinds of plan and founding document, and which kind replaces which (IPAP → ITPP since 2021).
create table plan_kind (
  code text primary key constraint plan_kind_code_check check (code ~ '^[a-z][a-z_]{1,49}$'),
  name_en text not null,
  name_az text not null,
  name_ru text not null,
  replaced_by text references plan_kind,
  replaced_since_year integer constraint plan_kind_replaced_since_year_check check (replaced_since_year between 1950 and 2200),
  sort_order integer not null default 0
);

insert into plan_kind (code, name_en, name_az, name_ru, sort_order) values
  ('framework_document', 'Framework document', 'Çərçivə sənədi', 'Рамочный документ', 10),
  ('presentation_document', 'Presentation document', 'Təqdimat sənədi', 'Презентационный документ', 20),
  ('individually_tailored_partnership_programme', 'Individually tailored partnership programme',
   'Fərdi uyğunlaşdırılmış tərəfdaşlıq proqramı', 'Индивидуально адаптированная программа партнёрства', 40),
  ('cooperation_programme', 'Programme of cooperation', 'Əməkdaşlıq proqramı', 'Программа сотрудничества', 50),
  ('planning_review_process', 'Planning and review process', 'Planlaşdırma və təhlil prosesi', 'Процесс планирования и анализа', 60),
  ('other', 'Other document', 'Digər sənəd', 'Другой документ', 90);
insert into plan_kind (code, name_en, name_az, name_ru, replaced_by, replaced_since_year, sort_order) values
  ('individual_partnership_action_plan', 'Individual partnership action plan', 'Fərdi tərəfdaşlıq üzrə fəaliyyət planı',
   'Индивидуальный план действий партнёрства', 'individually_tailored_partnership_programme', 2021, 30);

create table framework_document (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid references nation,
  title text not null constraint framework_document_title_check check (length(btrim(title)) between 1 and 300),
  kind text not null references plan_kind,
  parties text[] not null default '{}' constraint framework_document_parties_check check (cardinality(parties) <= 50),
  signed_on date,
  signed_precision text not null default 'day'
    constraint framework_document_signed_precision_check check (signed_precision in ('day', 'month', 'year')),
  signatories text[] not null default '{}' constraint framework_document_signatories_check check (cardinality(signatories) <= 50),
  valid_from date,
  valid_until date,
  replaces_id uuid references framework_document on delete set null,
  source text constraint framework_document_source_check check (length(source) <= 500),
  note text constraint framework_document_note_check check (length(note) <= 5000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint framework_document_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint framework_document_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint framework_document_validity_check check (valid_until is null or valid_from is null or valid_until >= valid_from),
  constraint framework_document_not_self check (replaces_id is null or replaces_id <> id)
);
create index framework_document_nation_idx on framework_document (nation_id, signed_on);
create trigger framework_document_touch before update on framework_document
  for each row execute function accord_touch_updated_at();

create table framework_document_file (
  document_id uuid not null references framework_document on delete cascade,
  file_id uuid not null references stored_file,
  created_at timestamptz not null default now(),
  primary key (document_id, file_id)
);

-- A multi-year plan (a nation's action plan, a coordination centre's programme of cooperation).
create table plan (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint plan_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  title text not null constraint plan_title_check check (length(btrim(title)) between 1 and 300),
  kind text not null references plan_kind,
  nation_id uuid references nation,
  framework_document_id uuid references framework_document on delete set null,
  -- The plan that took this one's place (e.g. an ITPP after the IPAP).
  successor_id uuid references plan on delete set null,
  description text constraint plan_description_check check (length(description) <= 20000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint plan_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint plan_not_own_successor check (successor_id is null or successor_id <> id)
);
create index plan_nation_idx on plan (nation_id);
create trigger plan_touch before update on plan for each row execute function accord_touch_updated_at();

-- A numbered period of a plan (I..VI). Its dates are not a column: they are the statements below, each with its
-- source, so that two sources that disagree are both kept.
create table plan_period (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plan on delete cascade,
  number integer not null constraint plan_period_number_check check (number between 1 and 100),
  label text not null constraint plan_period_label_check check (length(btrim(label)) between 1 and 40),
  title text constraint plan_period_title_check check (length(title) <= 300),
  note text constraint plan_period_note_check check (length(note) <= 5000),
  created_at timestamptz not null default now(),
  constraint plan_period_unique unique (plan_id, number)
);

create table period_statement (
  id uuid primary key default gen_random_uuid(),
  period_id uuid not null references plan_period on delete cascade,
  starts_on date not null,
  start_precision text not null default 'day'
    constraint period_statement_start_precision_check check (start_precision in ('day', 'month', 'year')),
  -- Null: the source does not state an end.
  ends_on date,
  end_precision text not null default 'day'
    constraint period_statement_end_precision_check check (end_precision in ('day', 'month', 'year')),
  source text not null constraint period_statement_source_check check (length(btrim(source)) between 1 and 500),
  sample boolean not null default false,
  note text constraint period_statement_note_check check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  constraint period_statement_ends_on_check check (ends_on is null or ends_on >= starts_on),
  constraint period_statement_unique unique (period_id, source, starts_on)
);
create index period_statement_period_idx on period_statement (period_id, starts_on);

-- What a plan aims at, by area of cooperation; optionally tied to one period.
create table plan_objective (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plan on delete cascade,
  period_id uuid references plan_period on delete set null,
  code text not null constraint plan_objective_code_check check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
  area_code text not null references cooperation_area,
  title text not null constraint plan_objective_title_check check (length(btrim(title)) between 1 and 300),
  description text constraint plan_objective_description_check check (length(description) <= 20000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  constraint plan_objective_unique unique (plan_id, code)
);
create index plan_objective_period_idx on plan_objective (period_id);

create table plan_action (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null references plan_objective on delete cascade,
  title text not null constraint plan_action_title_check check (length(btrim(title)) between 1 and 300),
  responsible_organisation_id uuid references organisation,
  responsible_note text constraint plan_action_responsible_note_check check (length(responsible_note) <= 300),
  due_on date,
  status text not null default 'planned' constraint plan_action_status_check check (status in (
    'planned', 'in_progress', 'done', 'deferred', 'cancelled')),
  progress integer not null default 0 constraint plan_action_progress_check check (progress between 0 and 100),
  completed_on date,
  note text constraint plan_action_note_check check (length(note) <= 5000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_action_done_check check (status <> 'done' or progress = 100)
);
create index plan_action_objective_idx on plan_action (objective_id);
create trigger plan_action_touch before update on plan_action for each row execute function accord_touch_updated_at();

-- A nation's annual programme: one year or a two-year span.
create table annual_programme (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid not null references nation,
  first_year integer not null constraint annual_programme_first_year_check check (first_year between 1990 and 2200),
  last_year integer not null,
  title text not null constraint annual_programme_title_check check (length(btrim(title)) between 1 and 300),
  plan_id uuid references plan on delete set null,
  status text not null default 'draft' constraint annual_programme_status_check check (status in (
    'draft', 'submitted', 'agreed', 'closed')),
  note text constraint annual_programme_note_check check (length(note) <= 5000),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint annual_programme_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint annual_programme_span_check check (last_year between first_year and first_year + 1),
  constraint annual_programme_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  -- Two programmes of one nation never cover the same year.
  constraint annual_programme_no_overlap exclude using gist (
    nation_id with =, int4range(first_year, last_year, '[]') with &&)
);
create trigger annual_programme_touch before update on annual_programme
  for each row execute function accord_touch_updated_at();

-- A line of the programme: an activity of the catalogue, or the nation's own (title, area, planned dates).
create table programme_item (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references annual_programme on delete cascade,
  activity_id uuid references activity,
  title text constraint programme_item_title_check check (length(btrim(title)) between 1 and 300),
  area_code text not null references cooperation_area,
  planned_starts_on date,
  planned_ends_on date,
  planned_participants integer not null default 1
    constraint programme_item_planned_participants_check check (planned_participants between 0 and 10000),
  -- Own items are not in the catalogue: their outcome is recorded by hand.
  own_outcome text constraint programme_item_own_outcome_check check (own_outcome in ('done', 'not_done', 'cancelled')),
  own_participants integer constraint programme_item_own_participants_check check (own_participants between 0 and 10000),
  note text constraint programme_item_note_check check (length(note) <= 2000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  constraint programme_item_kind_check check (activity_id is not null or title is not null),
  constraint programme_item_dates_check check (planned_ends_on is null or planned_starts_on is null or planned_ends_on >= planned_starts_on),
  constraint programme_item_outcome_own_only check (activity_id is null or (own_outcome is null and own_participants is null))
);
create unique index programme_item_activity_once on programme_item (programme_id, activity_id) where activity_id is not null;
create index programme_item_activity_idx on programme_item (activity_id);

create table programme_item_objective (
  item_id uuid not null references programme_item on delete cascade,
  objective_id uuid not null references plan_objective on delete cascade,
  primary key (item_id, objective_id)
);
create index programme_item_objective_objective_idx on programme_item_objective (objective_id);

-- Participation figures recorded from sources for years without an itemised programme ("more than 250 in 2001").
create table participation_figure (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid not null references nation,
  year integer not null constraint participation_figure_year_check check (year between 1950 and 2200),
  event_count integer not null constraint participation_figure_event_count_check check (event_count between 0 and 100000),
  qualifier text not null default 'exact' constraint participation_figure_qualifier_check check (qualifier in (
    'exact', 'more_than', 'about')),
  source text not null constraint participation_figure_source_check check (length(btrim(source)) between 1 and 500),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint participation_figure_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  constraint participation_figure_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint participation_figure_unique unique (nation_id, year, source)
);

-- Partnership goals of the planning and review process: agreed in even years, assessed in odd years.
create table partnership_goal (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid not null references nation,
  code text not null constraint partnership_goal_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,39}$'),
  title text not null constraint partnership_goal_title_check check (length(btrim(title)) between 1 and 300),
  area_code text not null references cooperation_area,
  description text constraint partnership_goal_description_check check (length(description) <= 20000),
  target_on date,
  agreed_year integer constraint partnership_goal_agreed_year_check check (agreed_year between 1990 and 2200 and agreed_year % 2 = 0),
  status text not null default 'proposed' constraint partnership_goal_status_check check (status in (
    'proposed', 'agreed', 'in_progress', 'achieved', 'deferred', 'cancelled')),
  plan_id uuid references plan on delete set null,
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint partnership_goal_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partnership_goal_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint partnership_goal_unique unique (nation_id, code),
  constraint partnership_goal_agreed_check check (status in ('proposed', 'cancelled') or agreed_year is not null)
);
create index partnership_goal_area_idx on partnership_goal (area_code);
create trigger partnership_goal_touch before update on partnership_goal
  for each row execute function accord_touch_updated_at();

create table goal_status_change (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references partnership_goal on delete cascade,
  from_status text,
  to_status text not null,
  note text constraint goal_status_change_note_check check (length(note) <= 2000),
  changed_by uuid references app_user,
  changed_at timestamptz not null default now()
);
create index goal_status_change_goal_idx on goal_status_change (goal_id, changed_at);

create table goal_assessment (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references partnership_goal on delete cascade,
  cycle_year integer not null constraint goal_assessment_cycle_year_check check (cycle_year between 1991 and 2201 and cycle_year % 2 = 1),
  rating text not null constraint goal_assessment_rating_check check (rating in (
    'fully_met', 'largely_met', 'partially_met', 'not_met')),
  comments text constraint goal_assessment_comments_check check (length(comments) <= 20000),
  assessed_on date,
  sample boolean not null default false,
  assessed_by uuid references app_user,
  created_at timestamptz not null default now(),
  constraint goal_assessment_once_per_cycle unique (goal_id, cycle_year)
);

-- Evidence that an action is being carried out, and what implements a goal.
create table action_evidence (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references plan_action on delete cascade,
  activity_id uuid references activity on delete cascade,
  goal_id uuid references partnership_goal on delete cascade,
  document_id uuid references framework_document on delete cascade,
  url text constraint action_evidence_url_check check (url ~ '^https?://' and length(url) <= 2000),
  note text constraint action_evidence_note_check check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  constraint action_evidence_one_target check (num_nonnulls(activity_id, goal_id, document_id, url) = 1)
);
create index action_evidence_action_idx on action_evidence (action_id);
create index action_evidence_goal_idx on action_evidence (goal_id);

create table goal_activity (
  goal_id uuid not null references partnership_goal on delete cascade,
  activity_id uuid not null references activity on delete cascade,
  primary key (goal_id, activity_id)
);

-- Dated milestones of a nation's partnership, with the precision the source gives.
create table partnership_milestone (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid not null references nation,
  occurred_on date not null,
  precision text not null default 'day' constraint partnership_milestone_precision_check check (precision in ('day', 'month', 'year')),
  kind text not null default 'milestone' constraint partnership_milestone_kind_check check (kind in (
    'milestone', 'agreement', 'deployment', 'visit', 'role', 'event')),
  title_en text not null constraint partnership_milestone_title_en_check check (length(btrim(title_en)) between 1 and 300),
  title_az text constraint partnership_milestone_title_az_check check (length(title_az) <= 300),
  title_ru text constraint partnership_milestone_title_ru_check check (length(title_ru) <= 300),
  description text constraint partnership_milestone_description_check check (length(description) <= 5000),
  source text not null constraint partnership_milestone_source_check check (length(btrim(source)) between 1 and 500),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'internal'
    constraint partnership_milestone_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  constraint partnership_milestone_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint partnership_milestone_unique unique (nation_id, occurred_on, title_en)
);
create index partnership_milestone_nation_idx on partnership_milestone (nation_id, occurred_on);
