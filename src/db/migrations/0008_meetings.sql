-- meetings: meeting series, meetings, agendas, delegations, decisions, action items, and the information
-- exchange between centres (owned by src/modules/meetings).

-- A recurring series (the annual meeting of heads of national anti-terrorism centres, ...) or a one-off kind
-- (official visits). The series row is locked when a meeting number is assigned.
create table meeting_series (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint meeting_series_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,59}$'),
  kind text not null constraint meeting_series_kind_check check (kind in (
    'assembly', 'heads_meeting', 'representatives_meeting', 'expert_consultation', 'political_dialogue',
    'official_visit', 'other')),
  title_en text not null constraint meeting_series_title_en_check check (length(btrim(title_en)) between 1 and 300),
  title_az text constraint meeting_series_title_az_check check (length(title_az) <= 300),
  title_ru text constraint meeting_series_title_ru_check check (length(title_ru) <= 300),
  description text constraint meeting_series_description_check check (length(description) <= 5000),
  organiser_id uuid references organisation,
  since_year integer constraint meeting_series_since_year_check check (since_year between 1950 and 2200),
  sample boolean not null default false,
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'internal'
    constraint meeting_series_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (accord_search_vector(code || ' ' || title_en, title_az, title_ru)) stored,
  constraint meeting_series_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index meeting_series_search_idx on meeting_series using gin (search);
create trigger meeting_series_touch before update on meeting_series
  for each row execute function accord_touch_updated_at();

-- One meeting of a series: its number is unique in the series (shown as a roman numeral, stored as an integer).
create table meeting (
  id uuid primary key default gen_random_uuid(),
  series_id uuid not null references meeting_series on delete cascade,
  number integer not null constraint meeting_number_check check (number between 1 and 10000),
  title text constraint meeting_title_check check (length(title) <= 300),
  starts_on date not null,
  ends_on date not null,
  city text constraint meeting_city_check check (length(city) <= 200),
  venue text constraint meeting_venue_check check (length(venue) <= 300),
  host_nation_id uuid references nation,
  host_organisation_id uuid references organisation,
  -- A meeting may be an activity of the catalogue; it works without one.
  activity_id uuid references activity on delete set null,
  event_id uuid references event on delete set null,
  status text not null default 'planned' constraint meeting_status_check check (status in (
    'planned', 'held', 'cancelled')),
  minutes text constraint meeting_minutes_check check (length(minutes) <= 100000),
  minutes_approved_on date,
  -- The last decision number given at this meeting; incremented under the meeting's row lock.
  last_decision_number integer not null default 0,
  sample boolean not null default false,
  sample_note text constraint meeting_sample_note_check check (length(sample_note) <= 500),
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'internal'
    constraint meeting_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_number_key unique (series_id, number),
  constraint meeting_ends_on_check check (ends_on >= starts_on),
  constraint meeting_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create index meeting_series_idx on meeting (series_id, starts_on);
create index meeting_dates_idx on meeting (starts_on);
create trigger meeting_touch before update on meeting for each row execute function accord_touch_updated_at();

create table meeting_agenda_item (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meeting on delete cascade,
  position integer not null constraint meeting_agenda_item_position_check check (position between 1 and 1000),
  title text not null constraint meeting_agenda_item_title_check check (length(btrim(title)) between 1 and 500),
  presenter_name text constraint meeting_agenda_item_presenter_name_check check (length(presenter_name) <= 200),
  presenter_nation_id uuid references nation,
  presenter_organisation_id uuid references organisation,
  note text constraint meeting_agenda_item_note_check check (length(note) <= 5000),
  created_at timestamptz not null default now(),
  constraint meeting_agenda_item_position_key unique (meeting_id, position)
);

create table meeting_agenda_document (
  id uuid primary key default gen_random_uuid(),
  agenda_item_id uuid not null references meeting_agenda_item on delete cascade,
  file_id uuid not null references stored_file,
  created_at timestamptz not null default now()
);
create index meeting_agenda_document_item_idx on meeting_agenda_document (agenda_item_id);

-- A delegation by nation (or organisation) with its members.
create table meeting_delegation (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meeting on delete cascade,
  nation_id uuid references nation,
  organisation_id uuid references organisation,
  head_name text constraint meeting_delegation_head_name_check check (length(head_name) <= 200),
  -- [{ "name": "...", "position": "...", "personId": "..." }]
  members jsonb not null default '[]'::jsonb
    constraint meeting_delegation_members_check check (jsonb_typeof(members) = 'array' and jsonb_array_length(members) <= 200),
  created_at timestamptz not null default now(),
  constraint meeting_delegation_party_check check (num_nonnulls(nation_id, organisation_id) = 1)
);
create unique index meeting_delegation_nation_key on meeting_delegation (meeting_id, nation_id) where nation_id is not null;
create unique index meeting_delegation_organisation_key on meeting_delegation (meeting_id, organisation_id)
  where organisation_id is not null;

-- Decisions are numbered within their meeting ("XII/3": the third decision of the XII meeting), which makes the
-- reference unique within the series. The number comes from meeting.last_decision_number in the same transaction.
create table meeting_decision (
  id uuid primary key default gen_random_uuid(),
  series_id uuid not null references meeting_series on delete cascade,
  meeting_id uuid not null references meeting on delete cascade,
  number integer not null constraint meeting_decision_number_check check (number >= 1),
  reference text not null,
  title text not null constraint meeting_decision_title_check check (length(btrim(title)) between 1 and 500),
  agenda_item_id uuid references meeting_agenda_item on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_decision_number_key unique (meeting_id, number),
  constraint meeting_decision_reference_key unique (series_id, reference)
);
create trigger meeting_decision_touch before update on meeting_decision
  for each row execute function accord_touch_updated_at();

-- The text of a decision in one language, with the status of that language version.
create table meeting_decision_text (
  decision_id uuid not null references meeting_decision on delete cascade,
  language text not null constraint meeting_decision_text_language_check check (language ~ '^[a-z]{2}$'),
  body text not null constraint meeting_decision_text_body_check check (length(btrim(body)) between 1 and 50000),
  translation_status text not null default 'original'
    constraint meeting_decision_text_translation_status_check check (translation_status in (
      'original', 'official', 'pending', 'unofficial')),
  primary key (decision_id, language)
);

-- Action items are raised at a meeting and stay on the series' list, reviewed at each later meeting, until
-- closed (done or cancelled). closed_on records when, so "open as of a meeting's date" is answerable later.
create table meeting_action_item (
  id uuid primary key default gen_random_uuid(),
  series_id uuid not null references meeting_series on delete cascade,
  raised_meeting_id uuid not null references meeting on delete cascade,
  decision_id uuid references meeting_decision on delete set null,
  title text not null constraint meeting_action_item_title_check check (length(btrim(title)) between 1 and 500),
  description text constraint meeting_action_item_description_check check (length(description) <= 10000),
  assignee_nation_id uuid references nation,
  assignee_organisation_id uuid references organisation,
  deadline date,
  status text not null default 'open' constraint meeting_action_item_status_check check (status in (
    'open', 'in_progress', 'done', 'cancelled')),
  closed_on date,
  evidence text constraint meeting_action_item_evidence_check check (length(evidence) <= 20000),
  sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_action_item_assignee_check check (num_nonnulls(assignee_nation_id, assignee_organisation_id) = 1),
  constraint meeting_action_item_closed_on_check check ((status in ('done', 'cancelled')) = (closed_on is not null))
);
create index meeting_action_item_series_idx on meeting_action_item (series_id, status, deadline);
create index meeting_action_item_meeting_idx on meeting_action_item (raised_meeting_id);
create trigger meeting_action_item_touch before update on meeting_action_item
  for each row execute function accord_touch_updated_at();

-- The meetings at which an item was reviewed, with what was said and the status it had then.
create table meeting_action_review (
  id uuid primary key default gen_random_uuid(),
  action_item_id uuid not null references meeting_action_item on delete cascade,
  meeting_id uuid not null references meeting on delete cascade,
  status text not null constraint meeting_action_review_status_check check (status in (
    'open', 'in_progress', 'done', 'cancelled')),
  note text constraint meeting_action_review_note_check check (length(note) <= 5000),
  reviewed_by uuid references app_user,
  created_at timestamptz not null default now(),
  constraint meeting_action_review_key unique (action_item_id, meeting_id)
);
create index meeting_action_review_meeting_idx on meeting_action_review (meeting_id);

create table meeting_action_evidence (
  id uuid primary key default gen_random_uuid(),
  action_item_id uuid not null references meeting_action_item on delete cascade,
  file_id uuid not null references stored_file,
  created_at timestamptz not null default now()
);
create index meeting_action_evidence_item_idx on meeting_action_evidence (action_item_id);

-- ---------------------------------------------------------------------------------------------------
-- Information exchange between centres. A message goes from one party (a nation or an organisation) to named
-- recipients. release_nations/release_organisations is the release list: the widest circle the message (and any
-- forward of it) may ever reach; a forward keeps the original's release list and may name only parties on it.
create table exchange_message (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null,
  forwarded_from_id uuid references exchange_message,
  sender_nation_id uuid references nation,
  sender_organisation_id uuid references organisation,
  sent_by uuid references app_user,
  subject text not null constraint exchange_message_subject_check check (length(btrim(subject)) between 1 and 300),
  body text not null default '' constraint exchange_message_body_check check (length(body) <= 50000),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  sample boolean not null default false,
  sent_at timestamptz not null default now(),
  search tsvector generated always as (accord_search_vector(subject, body)) stored,
  constraint exchange_message_sender_check check (num_nonnulls(sender_nation_id, sender_organisation_id) = 1)
);
create index exchange_message_thread_idx on exchange_message (thread_id, sent_at);
create index exchange_message_search_idx on exchange_message using gin (search);
create index exchange_message_sender_nation_idx on exchange_message (sender_nation_id, sent_at);
create index exchange_message_sender_organisation_idx on exchange_message (sender_organisation_id, sent_at);

create table exchange_recipient (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references exchange_message on delete cascade,
  nation_id uuid references nation,
  organisation_id uuid references organisation,
  constraint exchange_recipient_party_check check (num_nonnulls(nation_id, organisation_id) = 1)
);
create unique index exchange_recipient_nation_key on exchange_recipient (message_id, nation_id)
  where nation_id is not null;
create unique index exchange_recipient_organisation_key on exchange_recipient (message_id, organisation_id)
  where organisation_id is not null;
create index exchange_recipient_nation_idx on exchange_recipient (nation_id);
create index exchange_recipient_organisation_idx on exchange_recipient (organisation_id);

-- The acknowledgement of receipt: at most one per recipient, kept forever.
create table exchange_acknowledgement (
  recipient_id uuid primary key references exchange_recipient on delete cascade,
  acknowledged_at timestamptz not null default now(),
  acknowledged_by uuid references app_user
);

create table exchange_attachment (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references exchange_message on delete cascade,
  file_id uuid not null references stored_file,
  created_at timestamptz not null default now(),
  constraint exchange_attachment_file_key unique (message_id, file_id)
);
create index exchange_attachment_message_idx on exchange_attachment (message_id);
