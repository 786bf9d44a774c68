import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import "./operations.policy.js";

/** Exercises by their releasability (as the exercise list); operations are listed to anyone. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  const result: SearchVisibility = {};
  if (can(viewer, "exercise.read")) {
    result.exercise = ruleFor(
      readsEverything(viewer),
      () => sql<boolean>`exists (select 1 from exercise where exercise.id = s.record_id
      and ${visibleTo(viewer, "exercise")(expressionBuilder<DB, keyof DB>())} offset 0)`,
    );
  }
  if (can(viewer, "operation.read")) result.operation = sql<boolean>`true`;
  return result;
}
