import { type AccessEntry, access, type MatrixContext, SIGNED_IN } from "../matrix.js";
import { activity } from "./catalogue.access.js";

type Scope = "in" | "out";

/** Readers of the restricted activity (catalogue.access.ts READERS): its event's offers list answers them. */
const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});
/**
 * An offer is answered by the nominee (the matrix participant is a colleague of the nominee, not the nominee, and
 * does not see it), the nation's coordinators, those who run the event, and administrators.
 */
const ANSWERERS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
});

const owner = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

async function newPerson(ctx: MatrixContext, scope: Scope) {
  const o = owner(ctx, scope);
  const row = await ctx.db
    .insertInto("person")
    .values({
      givenName: "Matrix",
      familyName: `Waiting ${ctx.unique()}`,
      nationId: o.nationId,
      ownerNationId: o.nationId,
      ownerOrganisationId: o.organisationId,
      releasability: "restricted",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A waitlisted nomination of the scope's nation (of `personId` when given) on a restricted activity's event. */
async function waiting(ctx: MatrixContext, scope: Scope, personId?: string) {
  const a = await activity(ctx, scope);
  const row = await ctx.db
    .insertInto("nomination")
    .values({
      eventId: a.eventId,
      personId: personId ?? (await newPerson(ctx, scope)),
      nationId: owner(ctx, scope).nationId,
      status: "waitlisted",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, eventId: a.eventId };
}

/** An open seat offer to a waitlisted nomination of the scope's nation. */
async function offer(ctx: MatrixContext, scope: Scope) {
  const nomination = await waiting(ctx, scope);
  const row = await ctx.db
    .insertInto("seatOffer")
    .values({
      nominationId: nomination.id,
      eventId: nomination.eventId,
      expiresAt: new Date(Date.now() + 72 * 3600_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The caller's own person when the record is in scope (only participants have one), else someone else's. */
async function callerPerson(ctx: MatrixContext, scope: Scope) {
  if (scope === "out" || !ctx.caller.userId) return undefined;
  const user = await ctx.db
    .selectFrom("appUser")
    .select(["personId"])
    .where("id", "=", ctx.caller.userId)
    .executeTakeFirst();
  return user?.personId ?? undefined;
}

export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/events/:id/seat-offers",
    // Whoever reads the event gets its offers, each held to the read rule of its nomination.
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await waiting(ctx, scope)).eventId}/seat-offers`,
    }),
  },
  { method: "GET", url: "/api/seat-offers/mine", access: SIGNED_IN },
  ...(["accept", "decline"] as const).map(
    (answer): AccessEntry => ({
      method: "POST",
      url: `/api/seat-offers/:id/${answer}`,
      access: ANSWERERS,
      request: async (ctx, scope) => ({
        url: `/api/seat-offers/${await offer(ctx, scope)}/${answer}`,
        ...(answer === "decline" ? { body: { reason: "Matrix decline" } } : {}),
      }),
    }),
  ),
  {
    method: "POST",
    url: "/api/nominations/:id/leave-waitlist",
    // Only the nominee themselves: in scope, the participant's own nomination; out of scope, another person's.
    access: access({ participant: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/nominations/${(await waiting(ctx, scope, await callerPerson(ctx, scope))).id}/leave-waitlist`,
      body: { reason: "Matrix" },
    }),
  },
];
