import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** The SQL of checklist versions: numbering under the template's lock, and the freeze once an evaluation uses one. */

type Q = Kysely<DB>;

/** Locks the template (its next version number is taken under this lock); undefined when it does not exist. */
export function lockTemplate(db: Q, templateId: string) {
  return db
    .selectFrom("checklistTemplate")
    .select("id")
    .where("id", "=", templateId)
    .forUpdate()
    .executeTakeFirst();
}

export async function templateExists(db: Q, templateId: string) {
  const row = await db
    .selectFrom("checklistTemplate")
    .select("id")
    .where("id", "=", templateId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the template's next version (the caller holds the template's lock). */
export async function insertNextVersion(
  db: Q,
  version: {
    templateId: string;
    note: string | null;
    sourceFilename: string | null;
    createdBy: string | null;
  },
) {
  const last = await db
    .selectFrom("checklistVersion")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("templateId", "=", version.templateId)
    .executeTakeFirst();
  return db
    .insertInto("checklistVersion")
    .values({ ...version, version: Number(last?.version ?? 0) + 1 })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}

/**
 * Locks the version against a concurrent evaluation plan that would start using it, and tells whether an
 * evaluation uses it already (its criteria are then frozen).
 */
export async function lockVersionInUse(db: Q, versionId: string) {
  await db.selectFrom("checklistVersion").select("id").where("id", "=", versionId).forUpdate().execute();
  const used = await db
    .selectFrom("evaluation")
    .select("id")
    .where("checklistVersionId", "=", versionId)
    .limit(1)
    .executeTakeFirst();
  return used !== undefined;
}
