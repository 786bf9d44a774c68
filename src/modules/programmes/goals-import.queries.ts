import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

type Q = Kysely<DB>;

/** Reads of the partnership-goal and programme-item imports (the writes go through the module's services). */

/** Nation codes (upper case) and the cooperation areas' codes a file may name. */
export async function programmeImportCodes(db: Q) {
  const [nations, areas] = await Promise.all([
    db.selectFrom("nation").select(["id", "code"]).where("archivedAt", "is", null).execute(),
    db.selectFrom("cooperationArea").select("code").where("archivedAt", "is", null).execute(),
  ]);
  return {
    nation: new Map(nations.map((row) => [row.code.toUpperCase(), row.id])),
    areas: new Set(areas.map((area) => area.code)),
  };
}

/** The goals of these nations with these codes, whether or not the viewer sees them, keyed "nationId CODE". */
export async function goalsByKey(db: Q, viewer: Viewer, nationIds: string[], codes: string[]) {
  if (!nationIds.length || !codes.length) return new Map();
  const rows = await db
    .selectFrom("partnershipGoal")
    .select([
      "id",
      "nationId",
      "code",
      "title",
      "areaCode",
      "description",
      "targetOn",
      "agreedYear",
      "status",
    ])
    .select((eb) => eb.and([visibleTo(viewer, "partnership_goal")(eb)]).as("visible"))
    .where("nationId", "in", nationIds)
    .where("code", "in", codes)
    .execute();
  return new Map(rows.map((row) => [`${row.nationId} ${row.code}`, row]));
}
