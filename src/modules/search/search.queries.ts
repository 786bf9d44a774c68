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
  // The two queries are computed once (InitPlans), so the index scans take them as constants.
  const { rows } = await sql<SearchHitRow>`
    with q as materialized (select accord_search_query(${q}) as exact, accord_fuzzy_query(${q}) as fuzzy),
    hits as (
      select s.kind, s.record_id, s.parent_id, s.code, s.title_en, s.title_az, s.title_ru,
             s.search @@ (select exact from q) as exact,
             ts_rank(s.search, coalesce((select fuzzy from q), (select exact from q)), 32) as rank
      from search_entry s
      where (s.search @@ (select exact from q) or s.search @@ (select fuzzy from q))
        and s.kind = any(${sql.val(readable)}::text[])
        and (${visible})),
    ranked as (
      select h.*, row_number() over (partition by h.kind order by h.exact desc, h.rank desc, h.title_en, h.record_id) as n,
             count(*) over (partition by h.kind)::int as total
      from hits h)
    select r.record_id as id, r.kind, r.parent_id, r.code, r.title_en, r.title_az, r.title_ru, r.exact, r.total
    from ranked r where r.n <= ${limit}
    order by r.kind, r.n`.execute(db);
  return rows;
}
