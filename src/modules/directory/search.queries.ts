import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import "./directory.policy.js";

/** Nations and organisations are reference data (read by anyone); people by their releasability, as the list. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  const eb = expressionBuilder<DB, keyof DB>();
  return {
    nation: sql<boolean>`true`,
    organisation: sql<boolean>`true`,
    ...(can(viewer, "person.list")
      ? {
          person: ruleFor(
            readsEverything(viewer),
            () => sql<boolean>`exists (select 1 from person where person.id = s.record_id
            and ${visibleTo(viewer, "person")(eb)} offset 0)`,
          ),
        }
      : {}),
  };
}
