import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { ProgrammeSnapshot, SnapshotItem } from "../../db/schema/programmes.js";

/** The programme and its items as they stand now: what a submission keeps. */
export async function snapshotOf(db: Kysely<DB>, programmeId: string): Promise<ProgrammeSnapshot> {
  const programme = await db
    .selectFrom("annualProgramme")
    .select(["title", "firstYear", "lastYear", "planId", "note"])
    .where("id", "=", programmeId)
    .executeTakeFirstOrThrow();
  const items: SnapshotItem[] = await db
    .selectFrom("programmeItem as pi")
    .leftJoin("activity as a", "a.id", "pi.activityId")
    .select((eb) => [
      "pi.id",
      "pi.activityId",
      "a.code as activityCode",
      eb.fn.coalesce("pi.title", "a.titleEn").as("title"),
      "pi.areaCode",
      "pi.plannedStartsOn",
      "pi.plannedEndsOn",
      "pi.plannedParticipants",
      "pi.note",
      sql<string[]>`coalesce((select array_agg(o.objective_id order by o.objective_id)
        from programme_item_objective o where o.item_id = pi.id), '{}')`.as("objectiveIds"),
    ])
    .where("pi.programmeId", "=", programmeId)
    .orderBy("pi.plannedStartsOn", (ob) => ob.asc().nullsLast())
    .orderBy("pi.id")
    .execute();
  return { ...programme, items };
}

/** The number the next submission of the programme gets. */
export async function nextVersionNumber(db: Kysely<DB>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom("annualProgrammeVersion")
    .select((eb) => eb.fn.max("version").as("last"))
    .where("programmeId", "=", programmeId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export function insertVersion(
  db: Kysely<DB>,
  values: { programmeId: string; version: number; snapshot: ProgrammeSnapshot; submittedBy: string | null },
) {
  return db
    .insertInto("annualProgrammeVersion")
    .values({ ...values, snapshot: JSON.stringify(values.snapshot) })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}

/** Writes the decision on the programme's latest undecided version (none when it was created submitted). */
export function decideLatest(
  db: Kysely<DB>,
  programmeId: string,
  decision: { decision: "agreed" | "returned"; decidedBy: string | null; reason: string | null },
) {
  return db
    .updateTable("annualProgrammeVersion")
    .set({ ...decision, decidedAt: sql`now()` })
    .where("programmeId", "=", programmeId)
    .where("decision", "is", null)
    .where("version", "=", (eb) =>
      eb
        .selectFrom("annualProgrammeVersion as latest")
        .select((inner) => inner.fn.max("latest.version").as("version"))
        .where("latest.programmeId", "=", programmeId),
    )
    .returning(["id", "version"])
    .executeTakeFirst();
}

/** The programme's versions, newest first, with who submitted and decided them. */
export function versionsOf(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom("annualProgrammeVersion as v")
    .leftJoin("appUser as s", "s.id", "v.submittedBy")
    .leftJoin("appUser as d", "d.id", "v.decidedBy")
    .select([
      "v.id",
      "v.version",
      "v.snapshot",
      "v.submittedAt",
      "s.displayName as submittedBy",
      "v.decision",
      "v.decidedAt",
      "d.displayName as decidedBy",
      "v.reason",
    ])
    .where("v.programmeId", "=", programmeId)
    .orderBy("v.version", "desc")
    .execute();
}
