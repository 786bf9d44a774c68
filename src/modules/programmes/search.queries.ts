import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import "./programmes.policy.js";

/** Plans and partnership goals by their releasability, as their lists. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  if (!can(viewer, "programmes.read")) return {};
  const eb = expressionBuilder<DB, keyof DB>();
  const all = readsEverything(viewer);
  return {
    plan: ruleFor(
      all,
      () =>
        sql<boolean>`exists (select 1 from plan p where p.id = s.record_id and ${visibleTo(viewer, "p")(eb)} offset 0)`,
    ),
    goal: ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from partnership_goal g where g.id = s.record_id
      and ${visibleTo(viewer, "g")(eb)} offset 0)`,
    ),
  };
}
