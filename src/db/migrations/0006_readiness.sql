-- readiness: units declared to force pools, versioned checklists, evaluations, their teams, answers, scoring,
-- findings and follow-up (owned by src/modules/readiness).

-- A unit is a directory organisation of kind 'unit'; its military profile lives here.
create table unit_profile (
  organisation_id uuid primary key references organisation on delete cascade,
  unit_type text not null constraint unit_profile_unit_type_check check (length(btrim(unit_type)) between 1 and 100),
  size text not null constraint unit_profile_size_check check (size in (
    'team', 'section', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps')),
  echelon text constraint unit_profile_echelon_check check (length(echelon) <= 100),
  is_headquarters boolean not null default false,
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger unit_profile_touch before update on unit_profile for each row execute function accord_touch_updated_at();

create table force_pool_declaration (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references organisation on delete cascade,
  pool_name text not null constraint force_pool_declaration_pool_name_check check (length(btrim(pool_name)) between 1 and 200),
  declared_from date not null,
  declared_to date,
  note text constraint force_pool_declaration_note_check check (length(note) <= 2000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  constraint force_pool_declaration_declared_to_check check (declared_to is null or declared_to >= declared_from),
  constraint force_pool_declaration_no_overlap exclude using gist (
    unit_id with =, pool_name with =, daterange(declared_from, declared_to, '[]') with &&)
);
create index force_pool_declaration_unit_idx on force_pool_declaration (unit_id);

-- ---------------------------------------------------------------------------------------------------
-- Checklists: template → version (immutable once an evaluation uses it) → areas → criteria.
create table checklist_template (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint checklist_template_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  title text not null constraint checklist_template_title_check check (length(btrim(title)) between 1 and 300),
  description text constraint checklist_template_description_check check (length(description) <= 4000),
  sample boolean not null default false,
  created_at timestamptz not null default now()
);

create table checklist_version (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references checklist_template on delete cascade,
  version integer not null constraint checklist_version_version_check check (version >= 1),
  note text constraint checklist_version_note_check check (length(note) <= 2000),
  source_filename text,
  created_by uuid references app_user,
  created_at timestamptz not null default now(),
  unique (template_id, version)
);

create table checklist_area (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references checklist_version on delete cascade,
  code text not null constraint checklist_area_code_check check (length(btrim(code)) between 1 and 40),
  title text not null constraint checklist_area_title_check check (length(btrim(title)) between 1 and 300),
  sort_order integer not null default 0,
  unique (version_id, code)
);

create table checklist_criterion (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references checklist_version on delete cascade,
  area_id uuid not null references checklist_area on delete cascade,
  code text not null constraint checklist_criterion_code_check check (length(btrim(code)) between 1 and 40),
  text text not null constraint checklist_criterion_text_check check (length(btrim(text)) between 1 and 2000),
  guidance text constraint checklist_criterion_guidance_check check (length(guidance) <= 4000),
  critical boolean not null default false,
  sort_order integer not null default 0,
  unique (version_id, code)
);
create index checklist_criterion_area_idx on checklist_criterion (area_id, sort_order);

-- ---------------------------------------------------------------------------------------------------
-- Evaluations: owned by the unit's nation (restricted), released to the evaluating organisation.
create table evaluation (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references organisation,
  checklist_version_id uuid not null references checklist_version,
  kind text not null constraint evaluation_kind_check check (kind in (
    'self_evaluation_l1', 'alliance_evaluation_l1', 'self_evaluation_l2', 'alliance_evaluation_l2',
    'combat_readiness_evaluation')),
  title text not null constraint evaluation_title_check check (length(btrim(title)) between 1 and 300),
  -- The period the team is on duty (phase 1 to phase 3); team rules are checked against it.
  starts_on date not null,
  ends_on date not null,
  state text not null default 'planned' constraint evaluation_state_check check (state in (
    'planned', 'in_progress', 'reported', 'cancelled')),
  evaluating_organisation_id uuid references organisation,
  previous_evaluation_id uuid references evaluation,
  outcome text constraint evaluation_outcome_check check (outcome in (
    'combat_ready', 'not_combat_ready', 'meets_standards', 'does_not_meet_standards')),
  summary_statement text constraint evaluation_summary_statement_check check (length(summary_statement) <= 8000),
  reported_at timestamptz,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'restricted'
    constraint evaluation_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint evaluation_ends_on_check check (ends_on >= starts_on),
  constraint evaluation_previous_evaluation_id_check check (previous_evaluation_id <> id),
  constraint evaluation_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index evaluation_unit_idx on evaluation (unit_id, starts_on);
create index evaluation_version_idx on evaluation (checklist_version_id);
create trigger evaluation_touch before update on evaluation for each row execute function accord_touch_updated_at();

create table evaluation_phase (
  evaluation_id uuid not null references evaluation on delete cascade,
  phase text not null constraint evaluation_phase_phase_check check (phase in (
    'coordination_meeting', 'phase_1_barracks', 'phase_2_exercise', 'phase_3_report')),
  starts_on date not null,
  ends_on date not null,
  primary key (evaluation_id, phase),
  constraint evaluation_phase_ends_on_check check (ends_on >= starts_on)
);

-- A person is on at most one team at any date: the exclusion constraint decides under concurrency.
create table evaluation_team_member (
  id uuid primary key default gen_random_uuid(),
  evaluation_id uuid not null references evaluation on delete cascade,
  person_id uuid not null references person,
  role text not null default 'evaluator' constraint evaluation_team_member_role_check check (role in ('lead', 'evaluator')),
  period daterange not null,
  created_at timestamptz not null default now(),
  unique (evaluation_id, person_id),
  constraint evaluation_team_member_no_overlap exclude using gist (person_id with =, period with &&)
);
create index evaluation_team_member_person_idx on evaluation_team_member (person_id);

-- The agreed set of criteria, one row each, with its answer. `version` makes concurrent entry safe: a write names
-- the version it read and is refused when another evaluator changed the row since.
create table evaluation_answer (
  evaluation_id uuid not null references evaluation on delete cascade,
  criterion_id uuid not null references checklist_criterion,
  answer text constraint evaluation_answer_answer_check check (answer in ('yes', 'no', 'not_evaluated')),
  comment text constraint evaluation_answer_comment_check check (length(comment) <= 4000),
  version integer not null default 0,
  answered_by uuid references app_user,
  answered_at timestamptz,
  primary key (evaluation_id, criterion_id)
);

create table evaluation_finding (
  id uuid primary key default gen_random_uuid(),
  evaluation_id uuid not null references evaluation on delete cascade,
  area_id uuid references checklist_area,
  kind text not null constraint evaluation_finding_kind_check check (kind in ('finding', 'recommendation')),
  text text not null constraint evaluation_finding_text_check check (length(btrim(text)) between 1 and 4000),
  created_by uuid references app_user,
  created_at timestamptz not null default now()
);
create index evaluation_finding_evaluation_idx on evaluation_finding (evaluation_id);

create table follow_up_action (
  id uuid primary key default gen_random_uuid(),
  evaluation_id uuid not null references evaluation on delete cascade,
  finding_id uuid references evaluation_finding on delete set null,
  title text not null constraint follow_up_action_title_check check (length(btrim(title)) between 1 and 500),
  owner_person_id uuid references person,
  owner_organisation_id uuid references organisation,
  due_on date not null,
  status text not null default 'open' constraint follow_up_action_status_check check (status in (
    'open', 'in_progress', 'done', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint follow_up_action_owner_check check (owner_person_id is not null or owner_organisation_id is not null)
);
create index follow_up_action_evaluation_idx on follow_up_action (evaluation_id);
create trigger follow_up_action_touch before update on follow_up_action for each row execute function accord_touch_updated_at();

-- A version an evaluation uses is frozen: its areas and criteria cannot change under recorded answers.
create function accord_checklist_version_frozen() returns trigger language plpgsql as $$
begin
  if exists (select 1 from evaluation e where e.checklist_version_id = old.version_id) then
    raise exception 'checklist version % is used by an evaluation and cannot change', old.version_id
      using errcode = '23514', constraint = 'checklist_version_frozen';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger checklist_criterion_frozen before update or delete on checklist_criterion
  for each row execute function accord_checklist_version_frozen();
create trigger checklist_area_frozen before update or delete on checklist_area
  for each row execute function accord_checklist_version_frozen();
