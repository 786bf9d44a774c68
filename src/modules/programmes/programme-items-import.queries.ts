import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

/** Reads of the programme-items import (the writes go through annual-programmes.service.ts). */

type Q = Kysely<DB>;

/** The annual programmes of these nations the viewer may see. */
export async function programmesOfNations(db: Q, viewer: Viewer, nationIds: string[]) {
  if (!nationIds.length) return [];
  return db
    .selectFrom("annualProgramme as ap")
    .select(["ap.id", "ap.nationId", "ap.firstYear", "ap.lastYear"])
    .where("ap.nationId", "in", nationIds)
    .where(visibleTo(viewer, "ap"))
    .execute();
}

/** The activities of these codes the viewer may see, by upper-case code. */
export async function visibleActivitiesByCode(db: Q, viewer: Viewer, codes: string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await db
    .selectFrom("activity as a")
    .select(["a.id", "a.code"])
    .where("a.code", "in", codes)
    .where(visibleTo(viewer, "a"))
    // Proposals and rejected ones are not in the menu (issue 22, item 6).
    .where("a.status", "not in", ["proposed", "rejected"])
    .execute();
  return new Map(rows.map((row) => [row.code.toUpperCase(), row.id]));
}

/** The items of these programmes as stored (the title an own item has, not the activity's). */
export async function storedItems(db: Q, programmeIds: string[]) {
  if (!programmeIds.length) return [];
  return db
    .selectFrom("programmeItem as pi")
    .select([
      "pi.id",
      "pi.programmeId",
      "pi.activityId",
      "pi.title",
      "pi.areaCode",
      "pi.plannedStartsOn",
      "pi.plannedEndsOn",
      "pi.plannedParticipants",
      "pi.ownOutcome",
      "pi.ownParticipants",
      "pi.note",
    ])
    .where("pi.programmeId", "in", programmeIds)
    .orderBy("pi.createdAt")
    .execute();
}
