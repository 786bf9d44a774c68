/* The catalogue's records loaded for an action or refused (404, never 403, for what the viewer may not see). */
import "./catalogue.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { type Action, authorize } from "../../platform/access/policy.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { lockActivity } from "./activities.queries.js";
import * as queries from "./catalogue.queries.js";
import { activityOwner } from "./events.queries.js";

type Trx = Kysely<DB>;

/** A per-nation quota may not exceed the capacity (either may be unset). */
export function checkCapacity(
  capacity: number | null | undefined,
  quota: number | null | undefined,
  field: string,
) {
  if (capacity != null && quota != null && quota > capacity)
    throw validation(field, "the per-nation quota cannot exceed the capacity");
}

/** The activity locked for update, as the viewer may see it, or 404. */
export async function visibleActivity(ctx: Ctx, trx: Trx, id: string) {
  const row = orNotFound(await lockActivity(trx, id), "The activity");
  orNotFound(await queries.findActivitySummary(trx, ctx.viewer, id), "The activity");
  return row;
}

/** The event (with its effective capacity), its activity as the viewer may see it, and the activity's organisers. */
export async function activityOfEvent(ctx: Ctx, db: Trx, eventId: string) {
  const event = orNotFound(await queries.findEvent(db, eventId), "The event");
  const activity = orNotFound(
    await queries.findActivitySummary(db, ctx.viewer, event.activityId),
    "The event",
  );
  const owner = await activityOwner(db, event.activityId);
  return { event, activity, owner };
}

/** The person, when the viewer may see them and `action` allows it; a person out of sight is missing. */
export async function authorizePerson(ctx: Ctx, personId: string, action: Action) {
  // A person the viewer may not see is reported as missing, as the directory does.
  const person = orNotFound(await queries.findVisiblePerson(ctx.db, ctx.viewer, personId), "The person");
  authorize(ctx.viewer, action, person);
  return person;
}
