-- Issue 23, item 1: the global search reads each kind on its own (docs/search-plans.md, "Fourth round").
--
-- The search counts the visible matches of each kind up to a cap and ranks only the first of them, instead of
-- visiting, ranking and sorting every match of every kind (~24,000 entries and 16,000 heap pages for a common word
-- of the full benchmark set). A kind's first matches come from a GIN index on (kind, search) (btree_gin for the
-- kind, available on PostgreSQL 15 and the embedded 18): its bitmap holds the matches of that kind only, so the heap
-- scan stops after the cap's rows. It also serves a text condition without kind, so the single-column index goes.
create extension if not exists btree_gin;
create index search_entry_kind_search_idx on search_entry using gin (kind, search);
drop index search_entry_search_idx;
