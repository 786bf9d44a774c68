import { createHash, randomBytes } from "node:crypto";
import { type AccessEntry, access, type MatrixContext, PUBLIC, SIGNED_IN } from "../matrix.js";

type Scope = "in" | "out";

/**
 * Readers of a restricted activity owned by the scope's nation and organisation: its nation's people and
 * coordinators, the organisation's staff, global readers.
 */
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
 * Those who run an activity: its organisation's organisers and course directors (DOMAIN: the organiser publishes
 * activities, decides nominations and records attendance; the course director runs sessions and attendance).
 * Evaluators score readiness evaluations; they do not run the catalogue.
 */
const RUNNERS = access({ administrator: "allow", organiser: "scope", course_director: "scope" });
/** A nomination is the nominating nation's business: its coordinators (and administrators) change it. */
const NOMINATORS = access({ administrator: "allow", national_coordinator: "scope" });
/** Nation-wide views: the nation's coordinators and people, global readers. */
const NATION_READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  participant: "scope",
});

const owner = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

/**
 * A restricted, published activity organised and owned by the scope's organisation and nation, with one open
 * event (in the past when `past`, so that attendance can be recorded).
 */
export async function activity(
  ctx: MatrixContext,
  scope: Scope,
  options: { releasability?: "public" | "restricted"; past?: boolean } = {},
) {
  const o = owner(ctx, scope);
  const row = await ctx.db
    .insertInto("activity")
    .values({
      code: `MATRIX-ACT-${ctx.unique()}`,
      titleEn: "Matrix activity",
      kind: "course",
      menuYear: 2027,
      organiserId: o.organisationId,
      status: "published",
      ownerNationId: o.nationId,
      ownerOrganisationId: o.organisationId,
      releasability: options.releasability ?? "restricted",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await ctx.db
    .insertInto("event")
    .values({
      activityId: row.id,
      startsOn: options.past ? "2026-01-12" : "2027-03-01",
      endsOn: options.past ? "2026-01-16" : "2027-03-05",
      status: "open",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, eventId: event.id };
}

async function session(ctx: MatrixContext, eventId: string) {
  return (
    await ctx.db
      .insertInto("eventSession")
      .values({
        eventId,
        title: "Matrix session",
        startsAt: new Date("2026-01-12T09:00:00Z"),
        endsAt: new Date("2026-01-12T12:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A restricted person of the scope's nation, held by the scope's organisation. */
async function person(ctx: MatrixContext, scope: Scope) {
  const o = owner(ctx, scope);
  return (
    await ctx.db
      .insertInto("person")
      .values({
        givenName: "Matrix",
        familyName: `Nominee ${ctx.unique()}`,
        nationId: o.nationId,
        ownerNationId: o.nationId,
        ownerOrganisationId: o.organisationId,
        releasability: "restricted",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A pending application of a person of the scope's nation for an open event of the scope's organisation. */
async function application(ctx: MatrixContext, scope: Scope) {
  const a = await activity(ctx, scope);
  const personId = await person(ctx, scope);
  const row = await ctx.db
    .insertInto("eventApplication")
    .values({ eventId: a.eventId, personId, nationId: owner(ctx, scope).nationId, motivation: "Matrix" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A nomination of a person of the scope's nation for an activity of the scope's organisation. */
async function nomination(
  ctx: MatrixContext,
  scope: Scope,
  options: { status?: "nominated" | "accepted"; past?: boolean } = {},
) {
  const a = await activity(ctx, scope, { past: options.past });
  const personId = await person(ctx, scope);
  const row = await ctx.db
    .insertInto("nomination")
    .values({
      eventId: a.eventId,
      personId,
      nationId: owner(ctx, scope).nationId,
      status: options.status ?? "nominated",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, eventId: a.eventId, activityId: a.id, personId };
}

async function calendarToken(ctx: MatrixContext, userId: string, revoked = false) {
  const token = randomBytes(24).toString("base64url");
  const row = await ctx.db
    .insertInto("calendarToken")
    .values({
      tokenHash: createHash("sha256").update(token).digest("hex"),
      userId,
      scope: "search",
      search: JSON.stringify({ year: 2027 }),
      revokedAt: revoked ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export const accessEntries: AccessEntry[] = [
  // ------------------------------------------------------------ activities
  { method: "GET", url: "/api/areas", access: PUBLIC },
  { method: "GET", url: "/api/activities", access: PUBLIC },
  {
    method: "GET",
    url: "/api/activities/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/activities/${(await activity(ctx, scope)).id}` }),
  },
  {
    method: "POST",
    url: "/api/activities",
    // activity.create: organisers and course directors of the organising organisation (not evaluators).
    access: RUNNERS,
    request: (ctx, scope) => ({
      url: "/api/activities",
      body: {
        code: `MATRIX-NEW-${ctx.unique()}`,
        titleEn: "New matrix activity",
        kind: "seminar",
        menuYear: 2027,
        organiserId: owner(ctx, scope).organisationId,
        releasability: "restricted",
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/activities/:id",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/activities/${(await activity(ctx, scope)).id}`,
      body: { city: "Baku" },
    }),
  },
  {
    method: "POST",
    url: "/api/activities/:id/status",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/activities/${(await activity(ctx, scope)).id}/status`,
      body: { status: "closed" },
    }),
  },
  {
    method: "POST",
    url: "/api/activities/:id/copy",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/activities/${(await activity(ctx, scope)).id}/copy`,
      body: { menuYear: 2028 },
    }),
  },
  // ------------------------------------------------------------ events
  {
    method: "POST",
    url: "/api/activities/:id/events",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/activities/${(await activity(ctx, scope)).id}/events`,
      body: { startsOn: "2027-06-01", endsOn: "2027-06-03" },
    }),
  },
  {
    method: "GET",
    url: "/api/events/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/events/${(await activity(ctx, scope)).eventId}` }),
  },
  {
    method: "GET",
    url: "/api/events/:id/roster.pdf",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/roster.pdf?lang=az`,
    }),
  },
  {
    method: "PATCH",
    url: "/api/events/:id",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}`,
      body: { city: "Baku" },
    }),
  },
  {
    method: "POST",
    url: "/api/events/:id/cancel",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/cancel`,
      body: { reason: "Matrix cancellation" },
    }),
  },
  {
    method: "POST",
    url: "/api/events/:id/sessions",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/sessions`,
      body: { title: "Opening", startsAt: "2027-03-01T09:00:00Z", endsAt: "2027-03-01T12:00:00Z" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/events/:id/sessions/:sessionId",
    access: RUNNERS,
    request: async (ctx, scope) => {
      const a = await activity(ctx, scope);
      return { url: `/api/events/${a.eventId}/sessions/${await session(ctx, a.eventId)}` };
    },
  },
  {
    method: "PUT",
    url: "/api/events/:id/sessions/:sessionId/attendance",
    access: RUNNERS,
    request: async (ctx, scope) => {
      const n = await nomination(ctx, scope, { status: "accepted", past: true });
      return {
        url: `/api/events/${n.eventId}/sessions/${await session(ctx, n.eventId)}/attendance`,
        body: { entries: [{ nominationId: n.id, present: true }] },
      };
    },
  },
  {
    method: "GET",
    url: "/api/events/:id/attendance",
    // Whoever reads the event reads the sheet; its lines are filtered by the nominations' rule.
    access: READERS,
    request: async (ctx, scope) => {
      const n = await nomination(ctx, scope, { status: "accepted", past: true });
      await session(ctx, n.eventId);
      return { url: `/api/events/${n.eventId}/attendance` };
    },
  },
  {
    method: "GET",
    url: "/api/calendar",
    // A nation's calendar (with its nominations) is for the nation and global readers.
    access: NATION_READERS,
    request: (ctx, scope) => ({
      url: `/api/calendar?from=2027-01-01&to=2027-12-31&nationId=${owner(ctx, scope).nationId}`,
    }),
  },
  // ------------------------------------------------------------ nominations
  {
    method: "POST",
    url: "/api/events/:id/nominations",
    // A coordinator nominates people of their own nation, for activities they can see.
    access: NOMINATORS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/nominations`,
      body: { personId: await person(ctx, scope) },
    }),
  },
  {
    method: "GET",
    url: "/api/events/:id/candidates",
    // The nomination form's people: for those who nominate, on events they can see.
    access: NOMINATORS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/candidates`,
    }),
  },
  { method: "GET", url: "/api/nominations", access: SIGNED_IN },
  { method: "GET", url: "/api/applications", access: SIGNED_IN },
  // ------------------------------------------------------------ applications (two-step)
  {
    // A person applies for themselves: of the matrix's callers only the participant is a person.
    method: "POST",
    url: "/api/events/:id/applications",
    access: access({ participant: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/applications`,
      body: { motivation: "Matrix application" },
    }),
  },
  ...(["approve", "refuse"] as const).map(
    (step): AccessEntry => ({
      // The national point of contact of the applicant's nation decides; administrators too.
      method: "POST",
      url: `/api/applications/:id/${step}`,
      access: NOMINATORS,
      request: async (ctx, scope) => ({
        url: `/api/applications/${await application(ctx, scope)}/${step}`,
        body: { reason: "Matrix decision" },
      }),
    }),
  ),
  {
    method: "GET",
    url: "/api/nominations/:id",
    // The nominating nation's coordinators, the organisers of the activity, global readers, and the nominee (the
    // participant here is a colleague of the nominee, not the nominee: they do not see it).
    access: access({
      administrator: "allow",
      auditor: "allow",
      national_coordinator: "scope",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
    }),
    request: async (ctx, scope) => ({ url: `/api/nominations/${(await nomination(ctx, scope)).id}` }),
  },
  {
    method: "PATCH",
    url: "/api/nominations/:id",
    access: NOMINATORS,
    request: async (ctx, scope) => ({
      url: `/api/nominations/${(await nomination(ctx, scope)).id}`,
      body: { priority: 5, reason: "Matrix reprioritisation" },
    }),
  },
  {
    method: "POST",
    url: "/api/nominations/:id/decision",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/nominations/${(await nomination(ctx, scope)).id}/decision`,
      body: { decision: "accept" },
    }),
  },
  {
    method: "POST",
    url: "/api/nominations/decisions",
    // The bulk route answers 200 to every signed-in caller with one outcome per nomination (each decided, or
    // refused, exactly as the single decision route would); nothing is written for a refused nomination.
    access: SIGNED_IN,
    request: async (ctx, scope) => ({
      url: "/api/nominations/decisions",
      body: { nominationIds: [(await nomination(ctx, scope)).id], decision: "waitlist" },
    }),
  },
  {
    method: "POST",
    url: "/api/nominations/:id/withdraw",
    access: NOMINATORS,
    request: async (ctx, scope) => ({
      url: `/api/nominations/${(await nomination(ctx, scope)).id}/withdraw`,
      body: { reason: "Matrix withdrawal" },
    }),
  },
  {
    method: "POST",
    url: "/api/nominations/:id/attendance",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/nominations/${(await nomination(ctx, scope, { status: "accepted", past: true })).id}/attendance`,
      body: { attendance: "attended", completed: true },
    }),
  },
  {
    method: "GET",
    url: "/api/people/:id/participation",
    // A person's history: the person's nation (coordinators, people), global readers, and the organisers and
    // course directors who hold the person's record (to vet nominees); never a restricted person outside scope.
    access: access({
      administrator: "allow",
      auditor: "allow",
      national_coordinator: "scope",
      participant: "scope",
      organiser: "scope",
      course_director: "scope",
    }),
    request: async (ctx, scope) => ({ url: `/api/people/${await person(ctx, scope)}/participation` }),
  },
  {
    method: "GET",
    url: "/api/nations/:id/participation",
    access: NATION_READERS,
    request: (ctx, scope) => ({ url: `/api/nations/${owner(ctx, scope).nationId}/participation` }),
  },
  // ------------------------------------------------------------ calendar feeds
  { method: "GET", url: "/api/calendar/tokens", access: SIGNED_IN },
  {
    method: "POST",
    url: "/api/calendar/tokens",
    access: NATION_READERS,
    request: (ctx, scope) => ({
      url: "/api/calendar/tokens",
      body: { scope: "nation", nationId: owner(ctx, scope).nationId },
    }),
  },
  {
    method: "DELETE",
    url: "/api/calendar/tokens/:id",
    // One's own feed (in scope) but never another user's (out of scope).
    access: access({ others: "scope", anonymous: "deny" }),
    request: async (ctx, scope) => {
      const caller = ctx.caller.userId;
      const holder =
        scope === "in" && caller
          ? caller
          : caller === ctx.admin.userId
            ? await someOtherUser(ctx)
            : ctx.admin.userId!;
      return { url: `/api/calendar/tokens/${(await calendarToken(ctx, holder)).id}` };
    },
  },
  {
    method: "GET",
    url: "/api/calendar/:file",
    // The token is the credential: anyone with a live token reads the feed, nobody reads a revoked one.
    access: access({ others: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/calendar/${(await calendarToken(ctx, ctx.admin.userId!, scope === "out")).token}.ics`,
    }),
  },
];

/** Any user other than the matrix administrator (the seed has many). */
async function someOtherUser(ctx: MatrixContext) {
  const row = await ctx.db
    .selectFrom("appUser")
    .select("id")
    .where("id", "!=", ctx.admin.userId!)
    .orderBy("createdAt")
    .executeTakeFirstOrThrow();
  return row.id;
}
