import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { isAdministrator, type Viewer } from "./viewer.js";

/**
 * The alliance side of the instance: the alliance organisation (code NATO), whose staff decide for the alliance
 * (programmes agreed, goals assessed, partners' activity proposals approved). Shared by the modules that need it,
 * so that none of them imports another for it.
 */
export interface AllianceSide {
  allianceOrganisationId: string | null;
}

/** Alliance staff: administrators and the organisers of the alliance organisation itself. */
export const isAllianceStaff = (viewer: Viewer, side: AllianceSide) =>
  isAdministrator(viewer) ||
  (!!side.allianceOrganisationId &&
    viewer.grants.some(
      (grant) => grant.role === "organiser" && grant.organisationId === side.allianceOrganisationId,
    ));

/** The alliance organisation (code NATO), when the directory holds it. */
export async function allianceSide(db: Kysely<DB>): Promise<AllianceSide> {
  const row = await db.selectFrom("organisation").select("id").where("code", "=", "NATO").executeTakeFirst();
  return { allianceOrganisationId: row?.id ?? null };
}

/**
 * `isAllianceStaff` as a SQL predicate, for read rules built without a round trip: true for administrators, false
 * for a viewer with no organiser grant, else whether one of their organiser grants is on the alliance organisation.
 */
export function allianceStaffSql(viewer: Viewer): RawBuilder<boolean> {
  if (isAdministrator(viewer)) return sql<boolean>`true`;
  const organised = viewer.grants
    .filter((grant) => grant.role === "organiser" && grant.organisationId)
    .map((grant) => grant.organisationId!);
  if (!organised.length) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from organisation alliance where alliance.code = 'NATO'
    and alliance.id = any(${sql.val(organised)}::uuid[]))`;
}
