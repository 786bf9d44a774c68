-- The items of a nation's annual programmes by their programme (the nation dashboard, issue 23). The only index
-- that started with programme_id was partial (items that name an activity), so the dashboard read every item of
-- every nation (a sequential scan of 67,000 rows on the full benchmark set) to keep one nation's 1,200
-- (docs/search-plans.md).
create index if not exists programme_item_programme_idx on programme_item (programme_id);
