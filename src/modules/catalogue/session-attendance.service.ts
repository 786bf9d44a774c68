import "./catalogue.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./session-attendance.queries.js";

/**
 * The attendance recorded at each session of an event. The event answers 404 to whoever may not read its activity;
 * the lines are those of the nominations the caller may see (filtered in SQL by the nominations' rule).
 */
export async function eventAttendance(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "nomination.list");
  const event = await queries.findVisibleEvent(ctx.db, ctx.viewer, eventId);
  if (!event) throw notFound("The event");
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
