-- Foundation: text search helpers, audit trail, directory of nations, organisations and people.

create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

-- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper with the dictionary named explicitly.
-- Azerbaijani schwa and dotless i are folded too, as people type "Azerbaycan" for "Azərbaycan".
create function accord_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select translate(public.unaccent('public.unaccent'::regdictionary, $1), 'əƏıİ', 'eEiI') $$;

-- One search document for text in English, Azerbaijani and Russian: 'simple' keeps every word of every
-- language (accent- and case-folded), the english and russian configurations add stemmed forms.
create function accord_search_vector(a text, b text default null, c text default null) returns tsvector
  language sql immutable parallel safe
  as $$
    select to_tsvector('simple'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
        || to_tsvector('english'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
        || to_tsvector('russian'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
  $$;

create function accord_search_query(q text) returns tsquery
  language sql immutable parallel safe
  as $$
    select websearch_to_tsquery('simple'::regconfig, accord_unaccent(lower(q)))
        || websearch_to_tsquery('english'::regconfig, accord_unaccent(lower(q)))
        || websearch_to_tsquery('russian'::regconfig, accord_unaccent(lower(q)))
  $$;

create function accord_touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end $$;

-- ---------------------------------------------------------------------------------------------------
-- Audit trail: append-only and hash-chained. The chain is extended under an advisory lock held to the
-- end of the writing transaction, so entries are chained in commit order.
create table audit_entry (
  seq bigint primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)*$'),
  record_type text not null,
  record_id text,
  diff jsonb not null default '{}'::jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_entry_record_idx on audit_entry (record_type, record_id);
create index audit_entry_actor_idx on audit_entry (actor_user_id, occurred_at);
create index audit_entry_time_idx on audit_entry (occurred_at);

create function accord_audit_hash(
  prev_hash text, seq bigint, occurred_at timestamptz, actor_user_id uuid, actor_label text, action text,
  record_type text, record_id text, diff jsonb, request_id text
) returns text language sql immutable parallel safe as $$
  select encode(sha256(convert_to(concat_ws('|',
    prev_hash, seq::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(actor_user_id::text, '-'), actor_label, action, record_type, coalesce(record_id, '-'),
    diff::text, coalesce(request_id, '-')), 'UTF8')), 'hex')
$$;

create function accord_audit_chain() returns trigger language plpgsql as $$
declare
  previous record;
begin
  -- Sequence numbers are taken under the lock (not from an identity column) so that seq order is chain order.
  -- Writers must run at READ COMMITTED so this select sees the entry committed just before the lock was granted.
  perform pg_advisory_xact_lock(7283461001);
  select a.seq, a.hash into previous from audit_entry a order by a.seq desc limit 1;
  new.seq := coalesce(previous.seq, 0) + 1;
  new.prev_hash := coalesce(previous.hash, 'genesis');
  new.hash := accord_audit_hash(new.prev_hash, new.seq, new.occurred_at, new.actor_user_id, new.actor_label,
    new.action, new.record_type, new.record_id, new.diff, new.request_id);
  return new;
end $$;

create trigger audit_entry_chain before insert on audit_entry
  for each row execute function accord_audit_chain();

create function accord_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only' using errcode = '42501';
end $$;

create trigger audit_entry_no_update before update or delete on audit_entry
  for each row execute function accord_audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function accord_audit_append_only();

-- ---------------------------------------------------------------------------------------------------
-- Directory
create table nation (
  id uuid primary key default gen_random_uuid(),
  code char(3) not null unique constraint nation_code_check check (code ~ '^[A-Z]{3}$'),
  name_en text not null constraint nation_name_en_check check (length(btrim(name_en)) between 1 and 200),
  name_az text not null constraint nation_name_az_check check (length(btrim(name_az)) between 1 and 200),
  name_ru text not null constraint nation_name_ru_check check (length(btrim(name_ru)) between 1 and 200),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (accord_search_vector(code || ' ' || name_en, name_az, name_ru)) stored
);
create index nation_search_idx on nation using gin (search);
create trigger nation_touch before update on nation for each row execute function accord_touch_updated_at();

create table nation_membership (
  id uuid primary key default gen_random_uuid(),
  nation_id uuid not null references nation on delete cascade,
  kind text not null constraint nation_membership_kind_check check (kind in
    ('alliance_member', 'partnership_for_peace', 'nacc', 'eapc', 'cis_member', 'cis_atc_member')),
  started_on date not null,
  start_precision text not null default 'day'
    constraint nation_membership_start_precision_check check (start_precision in ('day', 'month', 'year')),
  ended_on date,
  source text constraint nation_membership_source_check check (length(source) <= 500),
  note text constraint nation_membership_note_check check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  constraint nation_membership_ended_on_check check (ended_on is null or ended_on >= started_on),
  constraint nation_membership_no_overlap exclude using gist (
    nation_id with =, kind with =, daterange(started_on, ended_on, '[]') with &&)
);
create index nation_membership_nation_idx on nation_membership (nation_id);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint organisation_code_check check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
  name_en text not null constraint organisation_name_en_check check (length(btrim(name_en)) between 1 and 300),
  name_az text constraint organisation_name_az_check check (length(name_az) <= 300),
  name_ru text constraint organisation_name_ru_check check (length(name_ru) <= 300),
  kind text not null constraint organisation_kind_check check (kind in (
    'international_organisation', 'command', 'school', 'parliamentary_assembly', 'agency', 'coordination_centre',
    'regional_office', 'ministry', 'armed_forces', 'security_service', 'training_centre', 'university',
    'anti_terror_centre', 'unit', 'other')),
  nation_id uuid references nation,
  parent_id uuid references organisation,
  city text constraint organisation_city_check check (length(city) <= 200),
  founding_act text constraint organisation_founding_act_check check (length(founding_act) <= 500),
  founded_on date,
  charter_year integer constraint organisation_charter_year_check check (charter_year between 1800 and 2200),
  website text constraint organisation_website_check check (website ~ '^https?://' and length(website) <= 500),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (accord_search_vector(code || ' ' || name_en, name_az, name_ru)) stored,
  constraint organisation_parent_id_check check (parent_id <> id)
);
create index organisation_search_idx on organisation using gin (search);
create index organisation_parent_idx on organisation (parent_id);
create index organisation_nation_idx on organisation (nation_id);
create trigger organisation_touch before update on organisation for each row execute function accord_touch_updated_at();

-- A parent may not be one of the organisation's own descendants.
create function accord_organisation_no_cycle() returns trigger language plpgsql as $$
begin
  if new.parent_id is not null and exists (
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = new.parent_id
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select 1 from up where id = new.id
  ) then
    raise exception 'an organisation cannot be placed under its own descendant'
      using errcode = '23514', constraint = 'organisation_parent_id_check';
  end if;
  return new;
end $$;
create trigger organisation_no_cycle before insert or update of parent_id on organisation
  for each row execute function accord_organisation_no_cycle();

create table person (
  id uuid primary key default gen_random_uuid(),
  given_name text not null constraint person_given_name_check check (length(btrim(given_name)) between 1 and 100),
  family_name text not null constraint person_family_name_check check (length(btrim(family_name)) between 1 and 100),
  rank_title text constraint person_rank_title_check check (length(rank_title) <= 100),
  nation_id uuid not null references nation,
  email text constraint person_email_check check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  phone text constraint person_phone_check check (length(phone) <= 50),
  languages text[] not null default '{}'
    constraint person_languages_check check (cardinality(languages) <= 20),
  owner_nation_id uuid references nation,
  owner_organisation_id uuid references organisation,
  releasability text not null default 'internal'
    constraint person_releasability_check check (releasability in ('public', 'internal', 'restricted')),
  release_nations uuid[] not null default '{}',
  release_organisations uuid[] not null default '{}',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    accord_search_vector(given_name || ' ' || family_name, rank_title, email)) stored,
  constraint person_owner_check check (owner_nation_id is not null or owner_organisation_id is not null)
);
create unique index person_email_key on person (lower(email));
create index person_search_idx on person using gin (search);
create index person_nation_idx on person (nation_id);
create trigger person_touch before update on person for each row execute function accord_touch_updated_at();

create table person_affiliation (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references person on delete cascade,
  organisation_id uuid not null references organisation,
  position text constraint person_affiliation_position_check check (length(position) <= 200),
  started_on date,
  ended_on date,
  created_at timestamptz not null default now(),
  constraint person_affiliation_ended_on_check check (ended_on is null or started_on is null or ended_on >= started_on)
);
create index person_affiliation_person_idx on person_affiliation (person_id);
create index person_affiliation_organisation_idx on person_affiliation (organisation_id);
