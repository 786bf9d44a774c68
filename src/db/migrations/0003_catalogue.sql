-- Catalogue core: areas of cooperation, activities of the menu, their events and sessions, nominations and
-- attendance. Other capabilities refer to these tables (a course is an activity, a course run is an event, a
-- meeting is an activity), so their key columns are stable.

create table cooperation_area (
  code text primary key constraint cooperation_area_code_check check (code ~ '^[a-z][a-z_]{1,49}$'),
  name_en text not null,
  name_az text not null,
  name_ru text not null,
  sort_order integer not null default 0,
  archived_at timestamptz
);

insert into cooperation_area (code, name_en, name_az, name_ru, sort_order) values
  ('defence_security_reform', 'Defence and security sector reform', 'Müdafiə və təhlükəsizlik sektorunda islahatlar', 'Реформа сектора обороны и безопасности', 10),
  ('armed_forces_development', 'Armed forces development to alliance standards', 'Silahlı qüvvələrin alyans standartlarına uyğun inkişafı', 'Развитие вооружённых сил по стандартам альянса', 20),
  ('operations', 'Participation in operations', 'Əməliyyatlarda iştirak', 'Участие в операциях', 30),
  ('energy_security', 'Energy security', 'Enerji təhlükəsizliyi', 'Энергетическая безопасность', 40),
  ('emergency_preparedness', 'Civil emergency preparedness', 'Fövqəladə hallara hazırlıq', 'Готовность к чрезвычайным ситуациям', 50),
  ('counter_terrorism', 'Counter-terrorism', 'Terrorizmlə mübarizə', 'Борьба с терроризмом', 60),
  ('cyber_defence', 'Cyber defence', 'Kiber müdafiə', 'Киберзащита', 70),
  ('border_security', 'Border security', 'Sərhəd təhlükəsizliyi', 'Безопасность границ', 80),
  ('science', 'Science for peace and security', 'Sülh və təhlükəsizlik naminə elm', 'Наука ради мира и безопасности', 90),
  ('environment', 'Environment', 'Ətraf mühit', 'Окружающая среда', 100),
  ('public_diplomacy', 'Public diplomacy', 'İctimai diplomatiya', 'Публичная дипломатия', 110),
  ('defence_planning', 'Defence planning', 'Müdafiə planlaşdırması', 'Оборонное планирование', 120),
  ('education_training', 'Education and training', 'Təhsil və təlim', 'Образование и подготовка', 130),
  ('crisis_management', 'Crisis management', 'Böhranların idarə edilməsi', 'Кризисное управление', 140),
  ('civil_military_relations', 'Civil-military relations', 'Mülki-hərbi münasibətlər', 'Гражданско-военные отношения', 150),
  ('interoperability', 'Interoperability', 'Qarşılıqlı fəaliyyət qabiliyyəti', 'Оперативная совместимость', 160),
  ('logistics', 'Logistics', 'Logistika', 'Логистика', 170),
  ('maritime_security', 'Maritime security', 'Dəniz təhlükəsizliyi', 'Морская безопасность', 180);

create table activity (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint activity_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  title_en text not null constraint activity_title_en_check check (length(btrim(title_en)) between 1 and 300),
  title_az text constraint activity_title_az_check check (length(title_az) <= 300),
  title_ru text constraint activity_title_ru_check check (length(title_ru) <= 300),
  description_en text constraint activity_description_en_check check (length(description_en) <= 20000),
  description_az text constraint activity_description_az_check check (length(description_az) <= 20000),
  description_ru text constraint activity_description_ru_check check (length(description_ru) <= 20000),
  kind text not null constraint activity_kind_check check (kind in (
    'course', 'training', 'seminar', 'conference', 'workshop', 'exercise', 'meeting', 'expert_consultation', 'visit')),
  -- The menu year the activity is offered in; copying to a new year makes a new activity.
  menu_year integer not null constraint activity_menu_year_check check (menu_year between 1950 and 2200),
  organiser_id uuid not null references organisation,
  host_institution_id uuid references organisation,
  host_nation_id uuid references nation,
  city text constraint activity_city_check check (length(city) <= 200),
  venue text constraint activity_venue_check check (length(venue) <= 300),
  online boolean not null default false,
  languages text[] not null default '{}' constraint activity_languages_check check (cardinality(languages) <= 10),
  eligibility text not null default 'everyone' constraint activity_eligibility_check check (eligibility in (
    'everyone', 'alliance_members', 'partners', 'named_nations')),
  eligible_nations uuid[] not null default '{}',
  capacity integer constraint activity_capacity_check check (capacity between 1 and 100000),
  nation_quota integer constraint activity_nation_quota_check check (nation_quota between 1 and 100000),
  -- { "languageLevel": "STANAG 6001 SLP 3232", "clearanceNote": "...", "requiredActivityCodes": ["..."] }
  prerequisites jsonb not null default '{}'::jsonb,
  -- [{ "label": "ETOC course code", "value": "ETE-IT-2218", "url": "https://..." }]
  external_refs jsonb not null default '[]'::jsonb,
  status text not null default 'draft' constraint activity_status_check check (status in (
    'draft', 'published', 'closed', 'completed', 'cancelled')),
  cancel_reason text constraint activity_cancel_reason_check check (length(cancel_reason) <= 2000),
  copied_from_id uuid references activity,
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'public'
    constraint activity_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(accord_search_vector(code || ' ' || title_en, title_az, title_ru), 'A')
    || setweight(accord_search_vector(description_en, description_az, description_ru), 'B')) stored,
  constraint activity_owner_check check (owner_nation_id is not null or owner_organisation_id is not null),
  constraint activity_cancel_reason_required check (status <> 'cancelled' or cancel_reason is not null),
  constraint activity_quota_within_capacity check (nation_quota is null or capacity is null or nation_quota <= capacity)
);
create index activity_search_idx on activity using gin (search);
create index activity_year_status_idx on activity (menu_year, status);
create index activity_organiser_idx on activity (organiser_id);
create index activity_host_nation_idx on activity (host_nation_id);
create trigger activity_touch before update on activity for each row execute function accord_touch_updated_at();

create table activity_area (
  activity_id uuid not null references activity on delete cascade,
  area_code text not null references cooperation_area,
  primary key (activity_id, area_code)
);
create index activity_area_area_idx on activity_area (area_code, activity_id);

-- One run (iteration) of an activity.
create table event (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references activity on delete cascade,
  title text constraint event_title_check check (length(title) <= 300),
  starts_on date not null,
  ends_on date not null,
  time_zone text not null default 'UTC' constraint event_time_zone_check check (length(time_zone) <= 64),
  city text constraint event_city_check check (length(city) <= 200),
  venue text constraint event_venue_check check (length(venue) <= 300),
  host_nation_id uuid references nation,
  -- Null means the activity's capacity and quota apply.
  capacity integer constraint event_capacity_check check (capacity between 1 and 100000),
  nation_quota integer constraint event_nation_quota_check check (nation_quota between 1 and 100000),
  nominations_close_on date,
  status text not null default 'planned' constraint event_status_check check (status in (
    'planned', 'open', 'closed', 'completed', 'cancelled')),
  cancel_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_ends_on_check check (ends_on >= starts_on)
);
create index event_activity_idx on event (activity_id);
create index event_dates_idx on event (starts_on, ends_on);
create trigger event_touch before update on event for each row execute function accord_touch_updated_at();

create table event_session (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references event on delete cascade,
  title text not null constraint event_session_title_check check (length(btrim(title)) between 1 and 300),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  constraint event_session_ends_at_check check (ends_at > starts_at)
);
create index event_session_event_idx on event_session (event_id, starts_at);

-- A person put forward by a nation for an event. Seats are counted from accepted nominations inside the
-- transaction that changes them, under a lock on the event row.
create table nomination (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references event on delete cascade,
  person_id uuid not null references person,
  nation_id uuid not null references nation,
  priority integer not null default 100 constraint nomination_priority_check check (priority between 1 and 10000),
  status text not null default 'nominated' constraint nomination_status_check check (status in (
    'nominated', 'accepted', 'waitlisted', 'declined', 'withdrawn', 'cancelled')),
  status_reason text constraint nomination_status_reason_check check (length(status_reason) <= 2000),
  nominated_by uuid references app_user,
  decided_by uuid references app_user,
  decided_at timestamptz,
  attendance text constraint nomination_attendance_check check (attendance in ('attended', 'partly', 'absent')),
  completed boolean,
  warnings jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint nomination_once_per_event unique (event_id, person_id)
);
create index nomination_event_status_idx on nomination (event_id, status, nation_id);
create index nomination_person_idx on nomination (person_id);
create index nomination_nation_idx on nomination (nation_id, created_at);
create trigger nomination_touch before update on nomination for each row execute function accord_touch_updated_at();

-- Attendance per session (a course's attendance sheet); the nomination's attendance is the summary.
create table session_attendance (
  session_id uuid not null references event_session on delete cascade,
  nomination_id uuid not null references nomination on delete cascade,
  present boolean not null,
  note text constraint session_attendance_note_check check (length(note) <= 1000),
  recorded_by uuid references app_user,
  recorded_at timestamptz not null default now(),
  primary key (session_id, nomination_id)
);

-- In-app notifications: every state change that concerns someone is recorded here (e-mail may come later).
create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user on delete cascade,
  kind text not null,
  title text not null,
  body text,
  link text,
  record_type text,
  record_id uuid,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_user_idx on notification (user_id, created_at desc);

-- ---------------------------------------------------------------------------------------------------
-- Seat allocation of an event: 'manual' (the organiser decides every nomination) or 'first_come' (the
-- nomination itself takes a free seat, or a waitlist place, under the event's row lock).
alter table event add column acceptance text not null default 'manual'
  constraint event_acceptance_check check (acceptance in ('manual', 'first_come'));
alter table event add column sample boolean not null default false;
alter table event add constraint event_quota_within_capacity
  check (nation_quota is null or capacity is null or nation_quota <= capacity);

alter table nomination add column note text constraint nomination_note_check check (length(note) <= 2000);
alter table nomination add column sample boolean not null default false;
-- The waitlist is served in priority order (1 first), then in order of arrival.
create index nomination_waitlist_idx on nomination (event_id, priority, created_at) where status = 'waitlisted';

create index notification_unread_idx on notification (user_id) where read_at is null;

-- Revocable tokens behind the iCalendar feeds; only a hash of the token is kept.
create table calendar_token (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references app_user on delete cascade,
  scope text not null constraint calendar_token_scope_check check (scope in ('nation', 'person', 'search')),
  nation_id uuid references nation,
  person_id uuid references person,
  search jsonb,
  label text constraint calendar_token_label_check check (length(label) <= 200),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  constraint calendar_token_target_check check (
    (scope = 'nation' and nation_id is not null) or
    (scope = 'person' and person_id is not null) or
    (scope = 'search' and search is not null))
);
create index calendar_token_user_idx on calendar_token (user_id);

-- Whether a nation may be nominated to an activity of the given eligibility, judged on today's memberships.
create function accord_nation_eligible(eligibility text, eligible_nations uuid[], nation uuid) returns boolean
  language sql stable parallel safe as $$
    select case eligibility
      when 'everyone' then true
      when 'named_nations' then nation = any(eligible_nations)
      when 'alliance_members' then exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind = 'alliance_member'
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
      when 'partners' then exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind in ('partnership_for_peace', 'eapc')
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
        and not exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind = 'alliance_member'
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
      else false end
  $$;
