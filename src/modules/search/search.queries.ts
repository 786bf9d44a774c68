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
  /** The matches of the kind the caller may see, counted up to the cap. */
  total: number;
  /** More than `total` (the cap) match. */
  capped: boolean;
}

/**
 * The candidates of each kind that are ranked: the page is the best `limit` of them. A common word matches tens of
 * thousands of entries on the full benchmark set; ranking them all was most of the statement (docs/search-plans.md).
 */
const CANDIDATES = 100;

/**
 * The global search in one statement over `search_entry` (0029): the text matches (as typed, or each word widened to
 * the known words a letter or two away, `accord_fuzzy_query`), each held to its kind's read rule, so the page AND
 * the count of each kind cover only what the caller may see. Exact matches rank first, then by text rank; `limit`
 * rows per kind.
 *
 * Each kind is read on its own through the GIN index on (kind, search) (0046): the first `cap + 1` visible matches
 * are counted (the count says `capped` beyond `cap`) and not one more heap row is visited; the first `CANDIDATES`
 * exact matches among them (and, when fewer than `limit` are exact, the first `CANDIDATES` close spellings) are
 * ranked, read again by their row address (ctid, stable within the statement's snapshot). Only when there were more
 * matches than were read and too few of those read are exact are the exact matches looked up on their own (an exact
 * match beyond the cap still ranks above every close spelling). What is left out is the ranking of every
 * match: the page is the best of the first candidates, not of all matches (docs/search-plans.md, fourth round).
 */
export async function searchEverything(
  db: Kysely<DB>,
  q: string,
  kinds: SearchKind[],
  limit: number,
  visibility: SearchVisibility,
  cap: number,
): Promise<SearchHitRow[]> {
  const readable = kinds.filter((kind) => visibility[kind]);
  if (!readable.length) return [];
  // The read rule of the kind at hand (k.kind); each rule is a condition on the entry `s`.
  const visible = sql`(case k.kind ${sql.join(
    readable.map((kind) => sql`when ${kind} then ${visibility[kind]!}`),
    sql` `,
  )} else false end)`;
  const candidates = Math.max(CANDIDATES, limit);
  // The matches read for the count and the candidates (the service keeps the cap at or above `limit`).
  const readUpTo = cap + 1;
  // The queries are computed once (InitPlans), so the index scans take them as constants.
  const statement = sql<SearchHitRow>`
    with q as materialized (
      select e.exact, coalesce(f.fuzzy, e.exact) as ranking, coalesce(f.fuzzy || e.exact, e.exact) as matching
      from (select accord_search_query(${q}) as exact) e cross join (select accord_fuzzy_query(${q}) as fuzzy) f)
    select h.record_id as id, k.kind, h.parent_id, h.code, h.title_en, h.title_az, h.title_ru, h.exact,
           least(c.n, ${cap}::int) as total, c.n > ${cap}::int as capped
    from unnest(${sql.val(readable)}::text[]) with ordinality as k(kind, position)
    cross join lateral (
      select count(*)::int as n, count(*) filter (where m.exact)::int as exact_n,
             (array_agg(m.ctid) filter (where m.exact))[1:${candidates}::int] as exact_ids,
             (array_agg(m.ctid) filter (where not m.exact))[1:${candidates}::int] as close_ids
      from (select s.ctid, s.search @@ (select exact from q) as exact
            from search_entry s
            where s.kind = k.kind and s.search @@ (select matching from q) and ${visible}
            limit ${readUpTo}::int) m) c
    cross join lateral (
      select array_agg(s.ctid) as ids
      from (select s.ctid, s.record_id, s.kind from search_entry s
            where s.kind = k.kind and s.search @@ (select exact from q) and ${visible}
            limit case when c.n = ${readUpTo}::int and c.exact_n < ${limit}::int then ${candidates}::int else 0 end) s) e
    cross join lateral (
      select s.record_id, s.parent_id, s.code, s.title_en, s.title_az, s.title_ru,
             s.search @@ (select exact from q) as exact, ts_rank(s.search, (select ranking from q), 32) as rank
      from search_entry s
      where c.n > 0
        and s.ctid = any(coalesce(c.exact_ids, '{}'::tid[]) || coalesce(e.ids, '{}'::tid[])
                         || case when c.exact_n < ${limit}::int then coalesce(c.close_ids, '{}'::tid[]) else '{}'::tid[] end)
      order by 7 desc, 8 desc, s.title_en, s.record_id
      limit ${limit}::int) h
    order by k.position, h.exact desc, h.rank desc, h.title_en, h.record_id`;
  // Without JIT: a viewer whose rules are probes gets a plan estimated above jit_above_cost (the probes of every kind,
  // costed for each kind's scan), and compiling its ~300 expressions took 300-650 ms of a statement that runs in
  // tens of milliseconds (docs/search-plans.md, fourth round). A viewer who reads every kind (rules all `true`) gets
  // a plan far below that cost and the statement alone, without the transaction's three more round trips.
  const probes = readable.some((kind) => visibility[kind]!.compile(db).sql.trim() !== "true");
  if (!probes) return (await statement.execute(db)).rows;
  const run = async (trx: Kysely<DB>) => {
    await sql`set local jit = off`.execute(trx);
    return (await statement.execute(trx)).rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
