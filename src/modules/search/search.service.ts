import "./search.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { SEARCH_KINDS, type SearchKind, type SearchVisibility } from "../../platform/search.js";
import { searchVisibility as catalogue } from "../catalogue/index.js";
import { searchVisibility as directory } from "../directory/index.js";
import { searchVisibility as meetings } from "../meetings/index.js";
import { searchVisibility as operations } from "../operations/index.js";
import { searchVisibility as programmes } from "../programmes/index.js";
import { searchVisibility as readiness } from "../readiness/index.js";
import { searchVisibility as training } from "../training/index.js";
import { searchEverything } from "./search.queries.js";
import type { SearchQuery } from "./search.schemas.js";

function kindsOf(value: string | undefined): SearchKind[] {
  if (!value?.trim()) return [...SEARCH_KINDS];
  const asked = value
    .split(",")
    .map((kind) => kind.trim())
    .filter(Boolean);
  const unknown = asked.filter((kind) => !(SEARCH_KINDS as readonly string[]).includes(kind));
  if (unknown.length) throw validation("query.kinds", `unknown kind: ${unknown.join(", ")}`);
  return SEARCH_KINDS.filter((kind) => asked.includes(kind));
}

/** One search across every kind the caller reads, grouped by kind in the order of SEARCH_KINDS. */
export async function search(ctx: Ctx, query: SearchQuery) {
  authorize(ctx.viewer, "search.read");
  const kinds = kindsOf(query.kinds);
  const q = query.q.trim();
  if (!q) throw validation("query.q", "must contain a word");
  const visibility: SearchVisibility = {
    ...directory(ctx.viewer),
    ...catalogue(ctx.viewer),
    ...programmes(ctx.viewer),
    ...training(ctx.viewer),
    ...readiness(ctx.viewer),
    ...operations(ctx.viewer),
    ...(await meetings(ctx)),
  };
  const limit = query.limit ?? 5;
  const rows = await searchEverything(
    ctx.db,
    q,
    kinds,
    limit,
    visibility,
    // Never below the page: a count smaller than the hits listed would read oddly ("10 of 5+").
    Math.max(ctx.config.searchCountCap, limit),
  );
  const groups = kinds.flatMap((kind) => {
    const items = rows.filter((row) => row.kind === kind);
    if (!items.length) return [];
    const { total, capped } = items[0]!;
    return [{ kind, total, capped, items: items.map(({ total: _t, capped: _c, ...item }) => item) }];
  });
  return {
    total: groups.reduce((sum, group) => sum + group.total, 0),
    capped: groups.some((group) => group.capped),
    groups,
  };
}
