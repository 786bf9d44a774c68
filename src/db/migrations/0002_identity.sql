-- Identity: accounts, scoped roles, sessions and rate-limit counters. Nothing lives in process memory.

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique constraint app_user_username_check check (username ~ '^[a-z0-9][a-z0-9._@+-]{2,99}$'),
  display_name text not null constraint app_user_display_name_check check (length(btrim(display_name)) between 1 and 200),
  person_id uuid unique references person,
  password_hash text,
  must_change_password boolean not null default false,
  oidc_subject text unique,
  disabled_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  preferred_language text not null default 'en'
    constraint app_user_preferred_language_check check (preferred_language in ('en', 'az', 'ru')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger app_user_touch before update on app_user for each row execute function accord_touch_updated_at();

create table role_assignment (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user on delete cascade,
  role text not null constraint role_assignment_role_check check (role in (
    'administrator', 'national_coordinator', 'organiser', 'course_director', 'evaluator', 'participant', 'auditor')),
  nation_id uuid references nation,
  organisation_id uuid references organisation,
  created_at timestamptz not null default now(),
  created_by uuid references app_user,
  constraint role_assignment_scope_check check (
    (role in ('administrator', 'participant') and nation_id is null and organisation_id is null)
    or (role = 'national_coordinator' and nation_id is not null and organisation_id is null)
    or (role in ('organiser', 'course_director', 'evaluator') and organisation_id is not null and nation_id is null)
    or (role = 'auditor' and (nation_id is null or organisation_id is null))
  ),
  constraint role_assignment_unique unique nulls not distinct (user_id, role, nation_id, organisation_id)
);
create index role_assignment_user_idx on role_assignment (user_id);

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text,
  ip text
);
create index user_session_user_idx on user_session (user_id);
create index user_session_expires_idx on user_session (expires_at);

create table rate_limit_hit (
  key text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (key, window_start)
);

-- Files attached to records (documents, evidence, attachments). Kept in PostgreSQL so that every Accord process
-- sees the same files and a database backup holds them; access follows the record a file is attached to.
create table stored_file (
  id uuid primary key default gen_random_uuid(),
  filename text not null constraint stored_file_filename_check check (length(btrim(filename)) between 1 and 255),
  content_type text not null constraint stored_file_content_type_check check (length(content_type) <= 200),
  size_bytes integer not null constraint stored_file_size_bytes_check check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references app_user,
  created_at timestamptz not null default now()
);
