-- Issue 23, item 5: the catalogue search table's text vector out of line (docs/search-plans.md, "Third round").
--
-- A distinct search with a common word visits the heap row of each of its ~14,000 text matches (the facets count
-- the matches the filters exclude). With the vector in the row (about 700 of its ~1,000 bytes) those rows filled
-- about 9,300 of the table's 13,100 pages; with the vector in the TOAST table the rows are about 250 bytes and the
-- same matches fill about 3,500 pages. The GIN index answers a plain text query without rechecking the vector, so
-- the vector is read (detoasted) only to rank the page's hits and on the few pages the code-prefix condition
-- rechecks.
--
-- PostgreSQL moves values out of a row only when the whole row exceeds TOAST_TUPLE_THRESHOLD (about 2 kB) as it is
-- written: `toast_tuple_target` lowers the size the toaster then aims for, not the size that starts it, and a
-- 1 kB row is never toasted whatever the column's storage. What starts it is a row over 2 kB, or a row that already
-- holds an out-of-line value (every update of a row whose vector is out of line). `toast_pad` is that: 2,048
-- spaces by default, stored compressed in the row (storage main: about 30 bytes), so that a row is over 2 kB
-- when it is first written, the toaster runs, and with the target at 128 bytes it moves the vector out (storage
-- external: not compressed, the only column allowed out of line). The other variable-length columns are `main`:
-- compressed in the row if it helps, out of line only for a row over 8 kB. A later update of the row finds the vector
-- out of line and toasts again; a dump, a restore or a VACUUM FULL writes the pad again and keeps it so.
alter table activity_search set (toast_tuple_target = 128);
alter table activity_search
  alter column search set storage external,
  alter column kind set storage main,
  alter column status set storage main,
  alter column eligibility set storage main,
  alter column releasability set storage main,
  alter column code set storage main,
  alter column title_en set storage main,
  alter column languages set storage main,
  alter column eligible_nations set storage main,
  alter column release_nations set storage main,
  alter column release_organisations set storage main,
  alter column area_codes set storage main;
alter table activity_search add column toast_pad text default repeat(' ', 2048);
alter table activity_search alter column toast_pad set storage main;
-- Rewrite every row (a column's storage applies to rows written after it is set): CLUSTER writes each row again,
-- with its pad, through the toaster, and rebuilds the indexes, in this transaction (VACUUM FULL cannot run in one).
-- In the catalogue's default order, so that the unfiltered catalogue's pages, read in that order, start in
-- neighbouring heap pages.
cluster activity_search using activity_search_starts_idx;
analyze activity_search;
