-- Issue 23, item 5: a distinct catalogue search reads only the text matches that can count (docs/search-plans.md,
-- "Sixth round").
--
-- A text match that fails two facet filters or more is counted by no facet and is no hit. Every match that can
-- count passes at least one of any two filters, so the search adds "one of the two most selective filters" to its
-- condition, and PostgreSQL intersects the text's bitmap with the bitmaps of these b-tree indexes: for a year and
-- a kind, about a quarter of a common word's matches and 60 % of its heap pages are read.
create index activity_search_kind_idx on activity_search (kind);
create index activity_search_menu_year_idx on activity_search (menu_year);
create index activity_search_organiser_idx on activity_search (organiser_id);
create index activity_search_host_nation_idx on activity_search (host_nation_id);
