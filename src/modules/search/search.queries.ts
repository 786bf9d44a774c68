import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { SearchKind, SearchVisibility } from "../../platform/search.js";

export interface SearchHitRow {
  id: string;
  kind: SearchKind;
  parentId: string | null;
  code: string | null;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  exact: boolean;
  total: number;
}

/**
 * The global search in one statement over `search_entry` (0029): the text matches (as typed, or each word widened to
 * the known words a letter or two away, `accord_fuzzy_query`) through the one GIN index, then each candidate held to
 * its kind's read rule, so the page AND the count of each kind cover only what the caller may see. Exact matches
 * rank first, then by text rank; `limit` rows per kind.
 *
 * The work grows with the matches (a common word matches tens of thousands of entries on the full benchmark set), so
 * each match costs as little as it can (docs/search-plans.md): one index scan (the close-spelling query holds every
 * word as typed, so `exact || fuzzy` matches the same rows as the two conditions OR-ed, from one scan of the index),
 * and the ranking sorts only what orders it (kind, ranks, English title, key); the other columns are read for the
 * page's rows alone (the wide rows of every match made the sort spill to disk).
 */
export async function searchEverything(
  db: Kysely<DB>,
  q: string,
  kinds: SearchKind[],
  limit: number,
  visibility: SearchVisibility,
): Promise<SearchHitRow[]> {
  const readable = kinds.filter((kind) => visibility[kind]);
  if (!readable.length) return [];
  const visible = sql.join(
    readable.map((kind) => sql`(s.kind = ${kind} and ${visibility[kind]!})`),
    sql` or `,
  );
  // The queries are computed once (InitPlans), so the index scan takes them as constants.
  const { rows } = await sql<SearchHitRow>`
    with q as materialized (
      select e.exact, coalesce(f.fuzzy, e.exact) as ranking, coalesce(f.fuzzy || e.exact, e.exact) as matching
      from (select accord_search_query(${q}) as exact) e cross join (select accord_fuzzy_query(${q}) as fuzzy) f),
    hits as (
      select s.kind, s.source, s.record_id, s.title_en,
             s.search @@ (select exact from q) as exact,
             ts_rank(s.search, (select ranking from q), 32) as rank
      from search_entry s
      where s.search @@ (select matching from q)
        and s.kind = any(${sql.val(readable)}::text[])
        and (${visible})),
    ranked as (
      select h.kind, h.source, h.record_id, h.exact,
             row_number() over (partition by h.kind order by h.exact desc, h.rank desc, h.title_en, h.record_id) as n,
             count(*) over (partition by h.kind)::int as total
      from hits h)
    select r.record_id as id, r.kind, s.parent_id, s.code, s.title_en, s.title_az, s.title_ru, r.exact, r.total
    from ranked r join search_entry s on s.source = r.source and s.record_id = r.record_id
    where r.n <= ${limit}
    order by r.kind, r.n`.execute(db);
  return rows;
}
