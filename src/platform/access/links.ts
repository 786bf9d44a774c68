import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { AppError } from "../errors.js";
import { visibleTo } from "./releasability.js";
import { readsEverything, type Viewer } from "./viewer.js";

/**
 * Records another record may link to, with how the viewer's right to see them is decided: releasable tables by
 * their own releasability, events through their activity; an activity in draft only by its organisers.
 */
const TARGETS = {
  activity: { table: "activity", via: null, draft: true },
  event: { table: "activity", via: "event", draft: true },
  plan: { table: "plan", via: null, draft: false },
  annualProgramme: { table: "annualProgramme", via: null, draft: false },
  frameworkDocument: { table: "frameworkDocument", via: null, draft: false },
  partnershipGoal: { table: "partnershipGoal", via: null, draft: false },
  exercise: { table: "exercise", via: null, draft: false },
  meeting: { table: "meeting", via: null, draft: false },
  person: { table: "person", via: null, draft: false },
} as const;
export type LinkTarget = keyof typeof TARGETS;

/** The answer to a link to a record that does not exist, and (the same) to one the writer may not see. */
export const unknownLink = (field: string) =>
  new AppError("UNPROCESSABLE", `The referenced ${field.replace(/^body\./, "")} does not exist`, [
    { field, message: "does not exist" },
  ]);

/**
 * Refuses a link (`field`, e.g. `body.activityId`) to a record the writer cannot see exactly like a link to an id
 * that does not exist — same status, code, message and field — so a write never confirms that a hidden record
 * exists, and never ties a record to one its writer may not read. A null or absent id is no link.
 */
export async function requireVisibleLink(
  db: Kysely<DB>,
  viewer: Viewer,
  target: LinkTarget,
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id) return;
  const { table, via, draft } = TARGETS[target];
  // biome-ignore lint/suspicious/noExplicitAny: the target table is chosen at run time from the fixed list above
  let query = (db as Kysely<any>)
    .selectFrom(`${table} as r`)
    .select(sql<number>`1`.as("found"))
    .where(visibleTo(viewer, "r"));
  query = via
    ? query.innerJoin(`${via} as l`, "l.activityId", "r.id").where("l.id", "=", id)
    : query.where("r.id", "=", id);
  if (draft && !readsEverything(viewer)) {
    const managed = sql`${sql.val(viewer.managedOrganisationIds)}::uuid[]`;
    query = query.where(
      sql<boolean>`(r.status <> 'draft' or r.organiser_id = any(${managed}) or r.host_institution_id = any(${managed}))`,
    );
  }
  const visible = await query.executeTakeFirst();
  if (!visible) throw unknownLink(field);
}
