-- Imports (issue 21): the column mapping each user last confirmed for each kind of import, so the next file with
-- the same headers is mapped without asking. field → header name, e.g. {"givenName": "Ad", "nation": "Ölkə"}.
create table import_mapping (
  user_id uuid not null references app_user on delete cascade,
  kind text not null constraint import_mapping_kind_check check (length(kind) between 1 and 40),
  mapping jsonb not null constraint import_mapping_mapping_check check (jsonb_typeof(mapping) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);
