import { sql } from "kysely";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { OperationQuery } from "./operations.schemas.js";
import { organisationRef, type Q } from "./shared.queries.js";

// ------------------------------------------------------------------ operations
const operationSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("operation")
    .select([
      "operation.id",
      "operation.code",
      "operation.name",
      "operation.startsOn",
      "operation.endsOn",
      "operation.description",
      "operation.source",
      "operation.leadOrganisationId",
    ])
    .select((eb) => [
      organisationRef(eb, "operation.lead_organisation_id").$notNull().as("leadOrganisation"),
      eb
        .selectFrom("contingent as vc")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("vc.operationId", "=", "operation.id")
        .where(visibleTo(viewer, "vc"))
        .$asScalar()
        .as("contingentCount"),
    ]);

export async function listOperations(db: Q, viewer: Viewer, query: OperationQuery) {
  let base = db.selectFrom("operation");
  if (query.q?.trim()) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) =>
      eb.or([eb("operation.name", "ilike", like), eb("operation.code", "ilike", like)]),
    );
  }
  const ids = base.select("operation.id");
  return pageOf(
    query,
    operationSelect(db, viewer)
      .where("operation.id", "in", ids)
      .orderBy("operation.startsOn")
      .orderBy("operation.id"),
    base,
  );
}

export function findOperation(db: Q, viewer: Viewer, id: string) {
  return operationSelect(db, viewer).where("operation.id", "=", id).executeTakeFirst();
}
