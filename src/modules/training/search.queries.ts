import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import { certificateVisibleTo } from "./training.queries.js";
import "./training.policy.js";

/** Courses through their activity's releasability (as the course list); certificates by the certificate list's rule. */
export function searchVisibility(viewer: Viewer): SearchVisibility {
  const eb = expressionBuilder<DB, keyof DB>();
  const result: SearchVisibility = {};
  if (can(viewer, "course.read")) {
    result.course = ruleFor(
      readsEverything(viewer),
      () => sql<boolean>`exists (select 1 from course c join activity a on a.id = c.activity_id
      where c.id = s.record_id and ${visibleTo(viewer, "a")(eb)} offset 0)`,
    );
  }
  if (can(viewer, "certificate.list")) {
    result.certificate = ruleFor(
      readsEverything(viewer),
      () => sql<boolean>`exists (select 1 from certificate x join person p on p.id = x.person_id
      join course c on c.id = x.course_id join activity a on a.id = c.activity_id
      where x.id = s.record_id and ${certificateVisibleTo(viewer)()} offset 0)`,
    );
  }
  return result;
}
