/**
 * The catalogue search (issue 23, item 5): one statement over the narrow table `activity_search` (migration 0035),
 * whose columns carry `activity`'s names, so that the read rule and the filters written for the alias `a` apply to
 * it unchanged. The facets are counted in one pass (grouping sets) over the candidates; the catalogue without text is
 * paged in the order of an index. Plans before and after: docs/search-plans.md.
 */
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import {
  type ActivitySummaryRow,
  acceptedCount,
  activitySummaryColumns,
  activityVisible,
  freeSeatsColumn,
  fromActivities,
  inMenu,
  list,
  uuids,
  viewerNations,
} from "./catalogue.queries.js";
import type { ActivityQuery } from "./catalogue.schemas.js";
import { SearchCache } from "./search-cache.js";

type Q = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: predicates apply to any query that has the activity alias `a`
type AnyEb = ExpressionBuilder<any, any>;

type FacetName = "kind" | "area" | "organiser" | "hostNation" | "language" | "year";

/**
 * One facet's own filter over the activity alias `a` and the narrow search row (0035), both under the alias `a`, or undefined when the query
 * does not filter on it.
 */
function facetFilters(query: ActivityQuery): Partial<Record<FacetName, Expression<SqlBool>>> {
  const filters: Partial<Record<FacetName, Expression<SqlBool>>> = {};
  const kinds = list(query.kind);
  if (kinds.length) filters.kind = sql<boolean>`a.kind = any(${sql.val(kinds)}::text[])`;
  const areas = list(query.area);
  if (areas.length) filters.area = sql<boolean>`a.area_codes && ${sql.val(areas)}::text[]`;
  if (query.organiserId) filters.organiser = sql<boolean>`a.organiser_id = ${query.organiserId}`;
  if (query.hostNationId) filters.hostNation = sql<boolean>`a.host_nation_id = ${query.hostNationId}`;
  if (query.language) filters.language = sql<boolean>`${query.language} = any(a.languages)`;
  if (query.year) filters.year = sql<boolean>`a.menu_year = ${query.year}`;
  return filters;
}

/**
 * The part of the activity search that every facet shares: visibility, text and the filters that are not facets.
 * The text condition is index-friendly: the GIN index on `activity.search` (the code is inside the vector), for the
 * words as typed OR-ed with the words a letter or two away (accord_text_query, src/db/functions) in one tsquery, or for a code
 * prefix the trigram index on `activity.code`.
 */
function basePredicate(viewer: Viewer, query: ActivityQuery) {
  return (eb: AnyEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [activityVisible(viewer)(eb)];
    const q = query.q?.trim();
    if (q) {
      parts.push(
        // One tsquery, the words as typed OR their close spellings: one scan of the GIN index instead of two.
        sql<boolean>`(a.search @@ (select accord_text_query(${q})) or a.code ilike ${`${q.replace(/[\\%_]/g, "\\$&")}%`})`,
      );
    }
    // Without a status asked for, the menu only: proposals and rejected ones are found by their status.
    parts.push(query.status ? sql<boolean>`a.status = ${query.status}` : inMenu());
    if (query.from || query.to) {
      parts.push(sql<boolean>`exists (select 1 from event e where e.activity_id = a.id and e.status <> 'cancelled'
        and (${query.to ?? null}::date is null or e.starts_on <= ${query.to ?? null}::date)
        and (${query.from ?? null}::date is null or e.ends_on >= ${query.from ?? null}::date))`);
    }
    const nations = query.eligibleNationId
      ? [query.eligibleNationId]
      : query.eligibleForMyNation
        ? viewerNations(viewer)
        : null;
    if (nations) {
      parts.push(
        sql<boolean>`exists (select 1 from unnest(${uuids(nations)}) as mine(id) where accord_nation_eligible(a.eligibility, a.eligible_nations, mine.id))`,
      );
    }
    if (query.hasFreeSeats) {
      parts.push(sql<boolean>`exists (select 1 from event e where e.activity_id = a.id
        and e.status in ('planned', 'open') and e.ends_on >= current_date
        and (coalesce(e.capacity, a.capacity) is null or ${acceptedCount} < coalesce(e.capacity, a.capacity)))`);
    }
    return eb.and(parts);
  };
}

/** Whether the order needs the text vector, which the candidates do not carry (it is large, and out of line). */
const ranksByText = (query: ActivityQuery) =>
  Boolean(query.q?.trim()) && (query.sort ?? "relevance") === "relevance";

/**
 * The page's order over the hits `h` (code, title, first start, last end) and, when ranking by text, the given rank.
 */
function orderOf(query: ActivityQuery, rank: RawBuilder<unknown>) {
  const q = query.q?.trim();
  switch (query.sort ?? (q ? "relevance" : "startsOn")) {
    case "relevance":
      return q ? sql`${rank} desc, h.code` : sql`h.first_starts_on asc nulls last, h.code`;
    case "upcoming":
      // What has not ended yet by its next (or running) event, soonest first; then what has ended, the most recent
      // first; undated last. The next event depends on today, so it is looked up, only for what has not ended.
      return sql`(h.last_ends_on >= current_date) desc nulls last,
        case when h.last_ends_on >= current_date then (
          select min(greatest(e.starts_on, current_date)) from event e
          where e.activity_id = h.id and e.status <> 'cancelled' and e.ends_on >= current_date) end asc,
        h.last_ends_on desc nulls last, h.code`;
    case "-startsOn":
      return sql`h.first_starts_on desc nulls last, h.code`;
    case "title":
      return sql`h.title_en asc, h.code`;
    case "-title":
      return sql`h.title_en desc, h.code`;
    case "code":
      return sql`h.code asc`;
    case "-code":
      return sql`h.code desc`;
    default:
      return sql`h.first_starts_on asc nulls last, h.code`;
  }
}

type Bucket = { value: string; label: string; count: number };
type Facets = Record<FacetName, Bucket[]>;
type SearchRow = ActivitySummaryRow & {
  ord: number | null;
  /** Null when the statement was told the facets and total of this generation (they were not counted again). */
  total: number | null;
  facets: Facets | null;
};

/** Search results per database handle: each app (and each test database) has its own. */
const searchCaches = new WeakMap<object, SearchCache<ActivitySummaryRow, Facets>>();
/** The total and facets of a search whatever its page and order, under the same handle. */
const facetCaches = new WeakMap<object, SearchCache<never, Facets>>();
// An entry (a page, its total, its facets) is some tens of kilobytes: 500 bound a process to tens of megabytes.
const SEARCH_CACHE_ENTRIES = 500;

function cacheOf<I>(caches: WeakMap<object, SearchCache<I, Facets>>, db: Q) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SearchCache<I, Facets>(SEARCH_CACHE_ENTRIES);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The activity search, its total and its six facets in ONE statement: a set of candidates (visibility, text and
 * non-facet filters, evaluated once, from the narrow `activity_search`) with one boolean column per facet filter;
 * the total and each facet (counted with every filter but its own) are computed from it in one pass. With text,
 * the candidates are materialized and the page is cut from them too; without, the page is read in the order of an
 * index (the candidates, every visible activity, are then only counted, never stored).
 *
 * The page, total and facets are then kept (search-cache.ts) under the query and the viewer, which hold
 * everything the statement is built from. A repeated search reads only the page's free seats (they change with
 * every nomination), with the catalogue generation token in the same statement; if the token moved, the search
 * runs again. The total and facets are also kept under the query without its page and order: another page of the
 * same search gives the statement their generation, and the statement counts them again only if the token moved.
 * Searches on free seats depend on nominations and are never kept.
 */
export async function searchActivities(db: Q, viewer: Viewer, query: ActivityQuery) {
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  const cache = query.hasFreeSeats ? undefined : cacheOf(searchCaches, db);
  const facetCache = query.hasFreeSeats ? undefined : cacheOf(facetCaches, db);
  // The whole query and the whole viewer: everything the statement is built from, so equal keys mean equal SQL.
  const key = JSON.stringify([query, limit, offset, viewer]);
  // The same without the page and the order, which change neither the total nor the facets.
  const facetKey = JSON.stringify([
    { ...query, limit: undefined, offset: undefined, sort: undefined },
    viewer,
  ]);
  const cached = cache?.get(key);
  if (cached) {
    // Only free seats change with nominations: they, and the generation token, are all a repeat reads.
    const { rows } = await sql<{ token: string; id: string | null; freeSeats: number | null }>`
      select g.token, f.id, f.free_seats from catalogue_generation g left join lateral (
        select a.id, ${freeSeatsColumn}
        from unnest(${sql.val(cached.items.map((item) => item.id))}::uuid[]) as pi(id) join activity a on a.id = pi.id
      ) f on true`.execute(db);
    const seats = new Map(rows.filter((row) => row.id != null).map((row) => [row.id!, row.freeSeats]));
    if (rows[0]?.token === cached.generation && seats.size === cached.items.length) {
      return {
        items: cached.items.map((item) => ({ ...item, freeSeats: seats.get(item.id) ?? null })),
        total: cached.total,
        facets: cached.facets,
      };
    }
    cache?.delete(key);
  }
  const known = facetCache?.get(facetKey);
  const { rows } = await searchStatement(db, viewer, query, limit, offset, known?.generation).execute(db);
  const first = rows[0];
  const items: ActivitySummaryRow[] = rows
    .filter((row) => row.id != null)
    .map(({ ord: _ord, total: _total, facets: _facets, token: _token, ...item }) => item);
  const reused = first != null && first.total == null && known != null;
  const total = reused ? known.total : (first?.total ?? 0);
  const facets = reused ? known.facets : (first?.facets ?? undefined);
  const result = { items, total, facets };
  if (cache && first) {
    cache.set(key, { generation: first.token, items, total, facets });
    if (!reused) facetCache?.set(facetKey, { generation: first.token, items: [], total, facets });
  }
  return result;
}

/** `grouping(...)` of each facet's grouping set over the six keys (a 0 bit for the key the set groups by). */
const SETS = { kind: 31, organiser: 47, hostNation: 55, language: 59, year: 61, area: 62, all: 63 } as const;

/** Each facet's column of the candidates, and its type (for the branches that leave it null). */
const FACET_KEYS: Record<FacetName, [string, string]> = {
  kind: ["kind", "text"],
  organiser: ["organiser_id", "uuid"],
  hostNation: ["host_nation_id", "uuid"],
  language: ["languages", "text[]"],
  year: ["menu_year", "int"],
  area: ["area_codes", "text[]"],
};

/** The facet filters that a b-tree index of `activity_search` serves, the usually most selective first. */
const INDEXED_BY_SELECTIVITY: FacetName[] = ["hostNation", "organiser", "year", "kind"];

function searchStatement(
  db: Q,
  viewer: Viewer,
  query: ActivityQuery,
  limit: number,
  offset: number,
  knownGeneration: string | undefined,
) {
  const filters = facetFilters(query);
  const names = Object.keys(filters) as FacetName[];
  const flag = (name: FacetName) => sql.raw(`c.f_${name.toLowerCase()}`);
  const allBut = (skip?: FacetName) => {
    const kept = names.filter((name) => name !== skip);
    return kept.length ? sql.join(kept.map(flag), sql` and `) : sql`true`;
  };
  const withFacets = query.facets !== false;
  const q = query.q?.trim();
  // Words as typed rank above close spellings (1 + a rank below 1), over the vector `v`.
  const rankOf = (v: RawBuilder<unknown>) =>
    sql`case when ${v} @@ accord_search_query(${q!}) then 1 + ts_rank(${v}, accord_search_query(${q!}), 32) else coalesce(ts_rank(${v}, (select accord_fuzzy_query(${q!})), 32), 0) end`;
  const ranked = ranksByText(query);
  // Ranked without facet filters, every candidate is a hit: the rank is taken as the candidate is read (its vector
  // fetched once), rather than looked up again for each hit.
  const rankInCand = ranked && names.length === 0;
  // A candidate that fails at most one facet filter passes at least one of any two: the same condition over the
  // two most selective filters that have an index (0047) lets PostgreSQL intersect the text's bitmap with theirs and
  // read only those heap rows, instead of every text match (a year and a kind: about a quarter of them).
  const indexed = q ? INDEXED_BY_SELECTIVITY.filter((name) => names.includes(name)).slice(0, 2) : [];
  const candidates = db
    .selectFrom("activitySearch as a")
    // The vector is out of line (0044): each use of the column would fetch it from the TOAST table again, so it is
    // fetched once (`|| ''` returns the same vector, as a value in memory) for the match and the rank.
    .$if(rankInCand, (qb) =>
      qb.crossJoin(sql`lateral (select a.search || ''::tsvector as v offset 0)`.as("sv") as never),
    )
    .select([
      sql`a.id`.as("id"),
      sql`a.code`.as("code"),
      sql`a.title_en`.as("title_en"),
      sql`a.kind`.as("kind"),
      sql`a.organiser_id`.as("organiser_id"),
      sql`a.host_nation_id`.as("host_nation_id"),
      sql`a.languages`.as("languages"),
      sql`a.menu_year`.as("menu_year"),
      sql`a.first_starts_on`.as("first_starts_on"),
      sql`a.last_ends_on`.as("last_ends_on"),
      sql`a.area_codes`.as("area_codes"),
      ...names.map((name) => sql<boolean>`${filters[name]!}`.as(`f_${name.toLowerCase()}`)),
      ...(rankInCand ? [rankOf(sql`sv.v`).as("rank")] : []),
    ])
    .where(basePredicate(viewer, query) as never)
    // A candidate that fails two facet filters or more is counted by no facet (each counts with all filters but
    // one) and is no hit: it is left out as it is read, before the candidates are stored, which is most of the
    // text matches of a search filtered on a year (about 9,000 of 14,000 for a common word).
    .$if(names.length >= 2, (qb) =>
      qb.where(
        sql<boolean>`${sql.join(
          names.map((name) => sql`(not ${filters[name]!})::int`),
          sql` + `,
        )} <= 1` as never,
      ),
    )
    .$if(indexed.length === 2, (qb) =>
      qb.where(sql<boolean>`(${filters[indexed[0]!]!} or ${filters[indexed[1]!]!})` as never),
    );
  // One pass over the candidates: a grouping set per facet and one for the total, each facet's count taken with
  // every filter but its own (a filtered aggregate per filtered facet; the others count with all filters).
  // With text and facet filters, each facet is instead counted by its own branch over only the candidates its count
  // takes (those failing no filter but its own): a candidate that passes every filter feeds every branch, the others
  // one, where the grouping sets would hash each candidate seven times with every filtered count.
  const perFacet = Boolean(q) && names.length > 0 && withFacets;
  const counted = (name: FacetName) =>
    sql.raw(!perFacet && names.includes(name) ? `g.n_${name.toLowerCase()}` : "g.n");
  const counts = sql`(count(*) filter (where ${allBut()}))::int as n
      ${sql.join(
        names.map(
          (name) =>
            sql`, (count(*) filter (where ${allBut(name)}))::int as ${sql.raw(`n_${name.toLowerCase()}`)}`,
        ),
        sql``,
      )}`;
  const branch = (set: FacetName | "all") => {
    const keys = (Object.keys(FACET_KEYS) as FacetName[]).map((name) => {
      const [column, type] = FACET_KEYS[name];
      return sql.raw(name === set ? `c.${column}` : `null::${type} as ${column}`);
    });
    return sql`select ${sql.lit(SETS[set])} as g, ${sql.join(keys)}, count(*)::int as n from cand c
      where ${allBut(set === "all" ? undefined : set)}
      ${set === "all" ? sql`` : sql.raw(`group by c.${FACET_KEYS[set][0]}`)}`;
  };
  const agg = perFacet
    ? sql.join(
        (["kind", "organiser", "hostNation", "language", "year", "area", "all"] as const).map(branch),
        sql` union all `,
      )
    : withFacets
      ? sql`select grouping(c.kind, c.organiser_id, c.host_nation_id, c.languages, c.menu_year, c.area_codes)::int as g,
          c.kind, c.organiser_id, c.host_nation_id, c.languages, c.menu_year, c.area_codes, ${counts}
        from cand c
        group by grouping sets ((c.kind), (c.organiser_id), (c.host_nation_id), (c.languages), (c.menu_year),
          (c.area_codes), ())`
      : sql`select ${sql.lit(SETS.all)} as g, ${counts} from cand c`;
  const bucket = (value: string, label: string, order: string) =>
    sql.raw(
      `coalesce(json_agg(json_build_object('value', ${value}, 'label', ${label}, 'count', n) order by ${order}), '[]')`,
    );
  const facets = !withFacets
    ? sql`null::json`
    : sql`json_build_object(
        'kind', (select ${bucket("v", "v", "n desc, v")} from (
          select g.kind as v, ${counted("kind")} as n from agg g where g.g = ${sql.lit(SETS.kind)} and ${counted("kind")} > 0) f),
        'area', (select ${bucket("v", "l", "n desc, s")} from (
          select ca.code as v, ca.name_en as l, ca.sort_order as s, sum(${counted("area")})::int as n
          from agg g cross join lateral unnest(g.area_codes) as aa(area_code)
          join cooperation_area ca on ca.code = aa.area_code
          where g.g = ${sql.lit(SETS.area)} and ${counted("area")} > 0
          group by ca.code, ca.name_en, ca.sort_order) f),
        'organiser', (select ${bucket("v", "l", "n desc, l")} from (
          select o.id::text as v, o.code as l, ${counted("organiser")} as n
          from agg g join organisation o on o.id = g.organiser_id
          where g.g = ${sql.lit(SETS.organiser)} and ${counted("organiser")} > 0) f),
        'host_nation', (select ${bucket("v", "l", "n desc, l")} from (
          select hn.id::text as v, hn.code as l, ${counted("hostNation")} as n
          from agg g join nation hn on hn.id = g.host_nation_id
          where g.g = ${sql.lit(SETS.hostNation)} and ${counted("hostNation")} > 0) f),
        'language', (select ${bucket("v", "v", "n desc, v")} from (
          select l.value as v, sum(${counted("language")})::int as n
          from agg g cross join lateral unnest(g.languages) as l(value)
          where g.g = ${sql.lit(SETS.language)} and ${counted("language")} > 0
          group by l.value) f),
        'year', (select ${bucket("v::text", "v::text", "v desc")} from (
          select g.menu_year as v, ${counted("year")} as n from agg g
          where g.g = ${sql.lit(SETS.year)} and ${counted("year")} > 0) f))`;
  // The hits: with text, the candidates that pass every facet filter; without, the narrow table itself (not
  // materialized), so that the page can be read in the order of an index and stop at its end.
  const allFilters = Object.values(filters);
  const hits = q
    ? sql`select c.id, c.code, c.title_en, c.first_starts_on, c.last_ends_on${rankInCand ? sql`, c.rank` : sql``}
        from cand c where ${allBut()}`
    : sql`select a.id, a.code, a.title_en, a.first_starts_on, a.last_ends_on
        from ${where(db, basePredicate(viewer, query))} a
        ${allFilters.length ? sql`where ${sql.join(allFilters, sql` and `)}` : sql``}`;
  // With facet filters, only the hits are ranked, each looked up by its key. `offset 0` keeps the lookup a per-row
  // index scan: the planner cannot estimate how many candidates pass the facet flags (it would hash-join a scan of
  // the table). The vector is fetched once per hit, as above.
  const rankOfHit =
    ranked && !rankInCand
      ? sql`cross join lateral (select ${rankOf(sql`x.v`)} as rank
        from (select s.search || ''::tsvector as v from activity_search s where s.id = h.id offset 0) x offset 0) r`
      : sql``;
  const rank = rankInCand ? sql`h.rank` : sql`r.rank`;
  // The total and the facets are counted only when the statement was not told them for the current token; an
  // uncorrelated subquery in the branch of a CASE not taken is never run, nor the candidates it would read.
  const fresh = sql`t.token is distinct from ${knownGeneration ?? null}::uuid`;
  // The page is cut before it is numbered, so that PostgreSQL keeps only the best rows while sorting (a window
  // over all hits would sort every one of them).
  return sql<SearchRow & { token: string }>`
    with cand as ${q ? sql`materialized` : sql`not materialized`} ${candidates},
    agg as materialized (${agg}),
    hits as not materialized (${hits}),
    cut as (
      select h.id, h.code, h.title_en, h.first_starts_on, h.last_ends_on, ${ranked ? rank : sql`null::real`} as rank
      from hits h ${rankOfHit}
      order by ${orderOf(query, rank)} limit ${limit} offset ${offset}),
    page as (select h.id, ${offset}::int + row_number() over (order by ${orderOf(query, sql`h.rank`)}) as ord from cut h)
    select p.*, s.total, s.token, case when coalesce(p.ord, 1) = ${offset + 1} or p.ord is null then s.facets end as facets
    from (select t.token,
                 case when ${fresh} then (select g.n from agg g where g.g = ${sql.lit(SETS.all)}) end as total,
                 case when ${fresh} then ${facets} end as facets
          from catalogue_generation t) s
    left join (select ${activitySummaryColumns}, pi.ord from page pi join ${fromActivities} on a.id = pi.id) p on true
    order by p.ord`;
}

/** A predicate built for alias `a`, over the narrow search table, as a subquery aliased by the caller. */
function where(db: Q, predicate: (eb: AnyEb) => Expression<SqlBool>) {
  return sql`(${db
    .selectFrom("activitySearch as a")
    .selectAll("a")
    .where(predicate as never)})`;
}
