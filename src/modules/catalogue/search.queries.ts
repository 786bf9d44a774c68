import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import { activityVisible } from "./catalogue.queries.js";
import "./catalogue.policy.js";

/** Activities by the catalogue's rule (releasability, drafts only to their organisers); events through theirs. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  if (!can(viewer, "activity.read")) return {};
  const visible = activityVisible(viewer, "a")(expressionBuilder<DB, keyof DB>());
  const all = readsEverything(viewer);
  return {
    activity: ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from activity a where a.id = s.record_id and ${visible} offset 0)`,
    ),
    event: ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from event e join activity a on a.id = e.activity_id
      where e.id = s.record_id and ${visible} offset 0)`,
    ),
  };
}
