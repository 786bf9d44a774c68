-- The close spellings of a query word are looked up through the trigram index of `search_word` (0029). The planner
-- estimated one match and preferred reading all the words (24,000 on the small benchmark set: 70 ms against 12 ms
-- through the index, docs/search.md); inside this function only, it is told not to.
alter function accord_fuzzy_query(text) set enable_seqscan = off;
