import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import { seesOnlyOwnTeams } from "./readiness.policy.js";
import { evaluationVisibleTo } from "./readiness.queries.js";

/** Units are organisations (reference data, listed to every signed-in user); evaluations by their read rule. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  const result: SearchVisibility = {};
  if (can(viewer, "unit.read")) result.unit = sql<boolean>`true`;
  if (can(viewer, "evaluation.read")) {
    // An evaluator who is nothing more sees only their teams' evaluations, whatever else they hold.
    result.evaluation = ruleFor(
      readsEverything(viewer) && !seesOnlyOwnTeams(viewer),
      () => sql<boolean>`exists (select 1 from evaluation e where e.id = s.record_id
      and ${evaluationVisibleTo(viewer, "e")(expressionBuilder<DB, keyof DB>())} offset 0)`,
    );
  }
  return result;
}
