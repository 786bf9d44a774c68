import "./applications.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { auditedInsert, auditedUpdate, lockRow } from "../../platform/audited-write.js";
import { isUniqueViolation } from "../../platform/constraint-errors.js";
import { conflict, invalidState, notFound, unprocessable } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertMove, withNext } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as queries from "./applications.queries.js";
import type { ApplicationDecisionInput, ApplicationQuery, ApplyInput } from "./applications.schemas.js";
import { APPLICATION_TRANSITIONS } from "./applications.transitions.js";
import { nominationContext } from "./catalogue.queries.js";
import { activityReadable, nominate } from "./catalogue.service.js";

/**
 * Two-step application (docs/life-cycles.md): a participant applies for an event, the national point of contact of
 * the participant's nation approves (which nominates, in the same transaction) or refuses. The organiser sees only
 * the nominations that approvals create; coordinators keep nominating directly.
 */

const output = (ctx: Ctx, row: queries.ApplicationRow) => {
  const { total: _t, nationId, personId: _p, ...rest } = row;
  return withNext(APPLICATION_TRANSITIONS, {
    ...rest,
    canDecide: row.status === "pending" && can(ctx.viewer, "application.decide", { nationId }),
  });
};

async function loadApplication(ctx: Ctx, id: string) {
  const { items } = await queries.listApplications(ctx.db, ctx.viewer, { id, limit: 1 });
  if (!items[0]) throw notFound("The application");
  return items[0];
}

export async function listApplications(ctx: Ctx, query: ApplicationQuery) {
  authorize(ctx.viewer, "application.list");
  const page = await queries.listApplications(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => output(ctx, row)) });
}

export async function apply(ctx: Ctx, eventId: string, input: ApplyInput) {
  authorize(ctx.viewer, "application.create");
  const personId = ctx.viewer.personId!;
  const event = await nominationContext(ctx.db, eventId, personId);
  if (!event || !activityReadable(ctx.viewer, event)) throw notFound("The event");
  if (event.activityStatus !== "published" || !["planned", "open"].includes(event.status))
    throw invalidState(`The event is ${event.status}; it takes no applications`);
  const today = new Date().toISOString().slice(0, 10);
  if (event.nominationsCloseOn && event.nominationsCloseOn < today)
    throw invalidState(`Nominations closed on ${event.nominationsCloseOn}`);
  if (!event.eligible) throw unprocessable("eventId", "your nation is not eligible for this event");
  if (await queries.hasNomination(ctx.db, eventId, personId))
    throw conflict("You are already nominated for this event");
  const nationId = event.person!.nationId;
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await auditedInsert(
        trx,
        ctx,
        "eventApplication",
        { eventId, personId, nationId, motivation: input.motivation ?? null, appliedBy: ctx.viewer.userId },
        { action: "application.create" },
      );
      await notify(trx, {
        recipients: { nationCoordinators: [nationId] },
        kind: "application.submitted",
        record: { type: "event_application", id: row.id, link: "/applications" },
        title: `${event.activityCode}: a new application to approve`,
        body: input.motivation ?? null,
        params: { activity: event.activityCode },
        actorUserId: ctx.viewer.userId,
      });
      return row.id;
    })
    .catch((error) => {
      if (isUniqueViolation(error)) throw conflict("You have already applied for this event");
      throw error;
    });
  return output(ctx, await loadApplication(ctx, id));
}

/** Approves (nominating the participant, as the coordinator would) or refuses a pending application. */
export async function decideApplication(
  ctx: Ctx,
  id: string,
  to: "approved" | "refused",
  input: ApplicationDecisionInput,
) {
  const found = await loadApplication(ctx, id);
  authorize(ctx.viewer, "application.decide", { nationId: found.nationId });
  await ctx.db.transaction().execute(async (trx) => {
    // The application's lock first, then (approving) the event's, as the seat function takes it.
    const before = await lockRow(trx, "eventApplication", { id, missing: "The application" });
    assertMove(APPLICATION_TRANSITIONS, before.status, to);
    const nomination =
      to === "approved"
        ? await nominate({ ...ctx, db: trx }, before.eventId, { personId: before.personId })
        : null;
    await auditedUpdate(
      trx,
      ctx,
      "eventApplication",
      { id, missing: "The application" },
      {
        status: to,
        reason: input.reason ?? null,
        nominationId: nomination?.id ?? null,
        decidedBy: ctx.viewer.userId,
        decidedAt: new Date(),
      },
      { action: to === "approved" ? "application.approve" : "application.refuse" },
    );
    await notify(trx, {
      recipients: { people: [before.personId] },
      kind: to === "approved" ? "application.approved" : "application.refused",
      record: { type: "event_application", id, link: "/applications" },
      title: `${found.event.activityCode}: application ${to}`,
      body: input.reason ?? null,
      params: { activity: found.event.activityCode },
      actorUserId: ctx.viewer.userId,
    });
  });
  return output(ctx, await loadApplication(ctx, id));
}
