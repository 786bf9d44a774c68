-- Performance (issue 11): indexes for the hot read paths.

-- Code prefixes in the activity search (`a.code ilike 'CD-20%'`): with a trigram index the text condition
-- `search @@ q or code ilike 'q%'` becomes a bitmap OR of two index scans instead of a sequential scan.
create index if not exists activity_code_trgm_idx on activity using gin (code gin_trgm_ops);
