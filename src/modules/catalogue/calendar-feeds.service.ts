/* The calendar of events (the page) and its iCalendar feeds: tokens a user creates, and the public feed they open. */
import "./catalogue.policy.js";
import { createHash, randomBytes } from "node:crypto";
import { authorize, can } from "../../platform/access/policy.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { notFound, orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { renderCalendar } from "../../platform/icalendar.js";
import * as feeds from "./calendar-feeds.queries.js";
import * as queries from "./catalogue.queries.js";
import type { CalendarQuery, CalendarTokenInput } from "./catalogue.schemas.js";
import { authorizePerson } from "./loaders.service.js";

export { revokeCalendarTokensOfUser } from "./calendar-feeds.queries.js";

export async function calendar(ctx: Ctx, query: CalendarQuery) {
  authorize(ctx.viewer, "activity.read");
  if (query.to < query.from) throw validation("query.to", "must not be before from");
  if (query.nationId) authorize(ctx.viewer, "calendar.nation", { id: query.nationId });
  if (query.personId) await authorizePerson(ctx, query.personId, "calendar.person");
  return queries.calendarEntries(ctx.db, ctx.viewer, query);
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listCalendarTokens(ctx: Ctx) {
  authorize(ctx.viewer, "calendar.token");
  return feeds.tokensOfUser(ctx.db, ctx.viewer.userId!);
}

export async function createCalendarToken(ctx: Ctx, input: CalendarTokenInput) {
  authorize(ctx.viewer, "calendar.token");
  if (input.scope === "nation") {
    if (!input.nationId) throw validation("body.nationId", "a nation feed needs nationId");
    authorize(ctx.viewer, "calendar.nation", { id: input.nationId });
  }
  if (input.scope === "person") {
    const personId = input.personId ?? ctx.viewer.personId;
    if (!personId) throw validation("body.personId", "a person feed needs personId");
    input = { ...input, personId };
    await authorizePerson(ctx, personId, "calendar.person");
  }
  if (input.scope === "search" && !input.search)
    throw validation("body.search", "a saved-search feed needs search");
  const token = randomBytes(24).toString("base64url");
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await feeds.insertToken(trx, {
      tokenHash: hashToken(token),
      userId: ctx.viewer.userId!,
      scope: input.scope,
      nationId: input.scope === "nation" ? input.nationId! : null,
      personId: input.scope === "person" ? input.personId! : null,
      search: input.scope === "search" ? JSON.stringify(input.search) : null,
      label: input.label ?? null,
    });
    await writeAudit(trx, ctx, {
      action: "calendar.token.create",
      recordType: "calendar_token",
      recordId: created.id,
      after: { scope: created.scope, nationId: created.nationId, personId: created.personId },
    });
    return created;
  });
  return { ...row, token, url: `/api/calendar/${token}.ics` };
}

export async function revokeCalendarToken(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "calendar.token");
  await ctx.db.transaction().execute(async (trx) => {
    orNotFound(await feeds.revokeToken(trx, id, ctx.viewer.userId!), "The calendar feed");
    await writeAudit(trx, ctx, {
      action: "calendar.token.revoke",
      recordType: "calendar_token",
      recordId: id,
    });
  });
}

/**
 * The public feed: the token stands in for a session. The feed is built as its owner would see it now, so a
 * role taken away, a revoked token or a disabled account stops it.
 */
export async function calendarFeed(
  ctx: Ctx,
  token: string,
  ownerViewer: (userId: string) => Promise<Viewer | undefined>,
) {
  authorize(ctx.viewer, "activity.read");
  const row = await feeds.tokenByHash(ctx.db, hashToken(token));
  if (!row || row.revokedAt || row.disabledAt) throw notFound("The calendar feed");
  const viewer = orNotFound(await ownerViewer(row.userId), "The calendar feed");
  const owner: Ctx = { ...ctx, viewer };
  if (row.scope === "nation" && (!row.nationId || !can(viewer, "calendar.nation", { id: row.nationId })))
    throw notFound("The calendar feed");
  if (row.scope === "person") {
    const person = await feeds.feedPerson(ctx.db, row.personId!);
    if (!person || !can(viewer, "calendar.person", person)) throw notFound("The calendar feed");
  }
  const search = (row.search ?? {}) as Record<string, string | number | undefined>;
  const entries = await queries.calendarEntries(owner.db, viewer, {
    ...(row.scope === "nation" ? { nationId: row.nationId! } : {}),
    ...(row.scope === "person" ? { personId: row.personId! } : {}),
    ...(row.scope === "search"
      ? {
          q: search.q as string | undefined,
          kind: search.kind as string | undefined,
          area: search.area as string | undefined,
          organiserId: search.organiserId as string | undefined,
          hostNationId: search.hostNationId as string | undefined,
          language: search.language as string | undefined,
          year: search.year as number | undefined,
        }
      : {}),
  });
  await feeds.markTokenUsed(ctx.db, row.id);
  return renderCalendar({
    name: row.label ?? `Accord ${row.scope}`,
    entries,
  });
}
