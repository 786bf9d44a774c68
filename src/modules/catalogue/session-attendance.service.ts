import "./catalogue.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { invalidState, notFound, orNotFound, unprocessable } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as catalogue from "./catalogue.queries.js";
import { activityOfEvent } from "./loaders.service.js";
import * as queries from "./session-attendance.queries.js";

/**
 * The attendance recorded at each session of an event. The event answers 404 to whoever may not read its activity;
 * the lines are those of the nominations the caller may see (filtered in SQL by the nominations' rule).
 */
export async function eventAttendance(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "nomination.list");
  const event = orNotFound(await queries.findVisibleEvent(ctx.db, ctx.viewer, eventId), "The event");
  const { sessions, lines } = await queries.attendanceOf(ctx.db, ctx.viewer, eventId);
  return {
    canRecord: can(ctx.viewer, "event.manage", event),
    sessions: sessions.map((session) => {
      const entries = lines
        .filter((line) => line.sessionId === session.id)
        .map(({ sessionId: _session, ...line }) => line);
      const present = entries.filter((line) => line.present).length;
      return { ...session, present, absent: entries.length - present, entries };
    }),
  };
}

/** Per-session presence of accepted nominations (a course's attendance sheet). */
export async function recordSessionAttendance(
  ctx: Ctx,
  sessionId: string,
  entries: { nominationId: string; present: boolean; note?: string | null }[],
  eventId?: string,
) {
  authorize(ctx.viewer, "nomination.list");
  const session = await queries.findSession(ctx.db, sessionId);
  if (!session || (eventId && session.eventId !== eventId)) throw notFound("The session");
  const { owner } = await activityOfEvent(ctx, ctx.db, session.eventId);
  authorize(ctx.viewer, "event.manage", owner);
  if (new Date(session.startsAt) > new Date())
    throw invalidState(
      `Attendance of this session opens at ${new Date(session.startsAt).toISOString()}, when it begins`,
    );
  if (await catalogue.resultsSignedOff(ctx.db, session.eventId))
    throw invalidState("The results of this event are signed off: attendance is locked");
  await ctx.db.transaction().execute(async (trx) => {
    for (const entry of entries) {
      const nomination = await queries.nominationStatusOfEvent(trx, entry.nominationId, session.eventId);
      if (nomination?.status !== "accepted")
        throw unprocessable("body.nominationId", "not an accepted nomination of this event");
      await queries.upsertSessionAttendance(trx, {
        sessionId,
        nominationId: entry.nominationId,
        present: entry.present,
        note: entry.note ?? null,
        recordedBy: ctx.viewer.userId,
      });
    }
    await writeAudit(trx, ctx, {
      action: "event.session.attendance",
      recordType: "event_session",
      recordId: sessionId,
      detail: { entries: entries.length },
    });
  });
}
