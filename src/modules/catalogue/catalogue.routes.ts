import { Type } from "typebox";
import { viewerForUser } from "../../platform/access/viewer.queries.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import {
  ChildParams,
  created,
  errorResponses,
  IdParams,
  noContent,
  ok,
  Page,
  Uuid,
} from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import { applicationsRoutes } from "./applications.routes.js";
import { Candidate, CandidateQuery } from "./candidates.schemas.js";
import * as candidates from "./candidates.service.js";
import {
  ActivityDetail,
  ActivityInput,
  ActivityPage,
  ActivityPatch,
  ActivityQuery,
  ActivityStatusChange,
  Area,
  AttendanceInput,
  BulkDecisionInput,
  BulkOutcome,
  CalendarEntry,
  CalendarQuery,
  CalendarToken,
  CalendarTokenInput,
  CancelInput,
  CopyActivityInput,
  CreatedCalendarToken,
  DecisionInput,
  EventDetail,
  EventInput,
  EventPatch,
  FeedParams,
  NationParticipation,
  Nomination,
  NominationInput,
  NominationPatch,
  NominationQuery,
  ParticipationQuery,
  SessionInput,
  WithdrawInput,
} from "./catalogue.schemas.js";
import * as service from "./catalogue.service.js";
import { catalogueReportsRoutes } from "./reports.routes.js";
import { EventAttendance } from "./session-attendance.schemas.js";
import * as attendance from "./session-attendance.service.js";

const SessionAttendanceInput = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          nominationId: Uuid,
          present: Type.Boolean(),
          note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const catalogueRoutes: RoutesPlugin = async (app) => {
  await applicationsRoutes(app, {});
  await catalogueReportsRoutes(app, {});
  // ---------------------------------------------------------------- activities
  const activities = routeTable(app, ["catalogue: activities"]);
  activities.get("/api/areas", "Areas of cooperation", { response: { 200: Type.Array(Area) } }, (ctx) =>
    service.listAreas(ctx),
  );
  const activity = activities.records("/api/activities");
  activity.list(
    {
      summary: "Search the menu: full text in English, Azerbaijani and Russian, filters and facet counts",
      query: ActivityQuery,
      response: ok(ActivityPage),
    },
    service.searchActivities,
  );
  activity.get({ response: ok(ActivityDetail) }, service.getActivity);
  activity.create({ body: ActivityInput, response: created(ActivityDetail) }, service.createActivity);
  activity.update({ body: ActivityPatch, response: ok(ActivityDetail) }, service.updateActivity);
  activity.post(
    "status",
    {
      summary: "Publish, close for nominations, complete or cancel (with a reason)",
      body: ActivityStatusChange,
      response: ok(ActivityDetail),
    },
    service.changeActivityStatus,
  );
  activity.post(
    "copy",
    {
      summary: "Copy a recurring activity with its events and sessions to another menu year (as a draft)",
      body: CopyActivityInput,
      response: created(ActivityDetail),
    },
    service.copyActivity,
  );

  // ---------------------------------------------------------------- events
  const events = routeTable(app, ["catalogue: events"]);
  events.post(
    "/api/activities/:id/events",
    { params: IdParams, body: EventInput, response: created(EventDetail) },
    (ctx, { params, body }) => service.createEvent(ctx, params.id, body),
  );
  events.get(
    "/api/events/:id",
    "An event with its sessions and seat gauge",
    { params: IdParams, response: ok(EventDetail) },
    (ctx, { params }) => service.getEvent(ctx, params.id),
  );
  events.patch(
    "/api/events/:id",
    { params: IdParams, body: EventPatch, response: ok(EventDetail) },
    (ctx, { params, body }) => service.updateEvent(ctx, params.id, body),
  );
  events.post(
    "/api/events/:id/cancel",
    { params: IdParams, body: CancelInput, response: ok(EventDetail) },
    (ctx, { params, body }) => service.cancelEvent(ctx, params.id, body),
  );
  const sessions = events.children("/api/events/:id/sessions", "sessionId");
  sessions.add({ body: SessionInput, response: created(EventDetail) }, service.addSession);
  sessions.remove({ response: ok(EventDetail) }, service.removeSession);
  events.put(
    "/api/events/:id/sessions/:sessionId/attendance",
    { params: ChildParams("sessionId"), body: SessionAttendanceInput, response: noContent },
    (ctx, { params, body }) =>
      service.recordSessionAttendance(ctx, params.sessionId, body.entries, params.id),
  );
  events.get(
    "/api/events/:id/attendance",
    "The attendance recorded at each session of the event, for the nominations the caller may see",
    { params: IdParams, response: ok(EventAttendance) },
    (ctx, { params }) => attendance.eventAttendance(ctx, params.id),
  );
  events.get(
    "/api/calendar",
    "Events between two dates (for month, week and list views), optionally of a nation or person",
    { query: CalendarQuery, response: ok(Type.Array(CalendarEntry)) },
    (ctx, { query }) => service.calendar(ctx, query),
  );

  // ---------------------------------------------------------------- nominations
  const nominations = routeTable(app, ["catalogue: nominations and seats"]);
  nominations.post(
    "/api/events/:id/nominations",
    "Nominate a person of your nation (first-come events allocate a seat or a waitlist place at once)",
    { params: IdParams, body: NominationInput, response: created(Nomination) },
    (ctx, { params, body }) => service.nominate(ctx, params.id, body),
  );
  nominations.get(
    "/api/events/:id/candidates",
    "People the caller may nominate for the event, with their nomination for it and whether they already hold the course's qualification",
    { params: IdParams, query: CandidateQuery, response: ok(Page(Candidate)) },
    (ctx, { params, query }) => candidates.listCandidates(ctx, params.id, query),
  );
  nominations.get(
    "/api/nominations",
    "Nominations the caller may see: the organiser's inbox, the coordinator's list, one's own",
    { query: NominationQuery, response: ok(Page(Nomination)) },
    (ctx, { query }) => service.listNominations(ctx, query),
  );
  nominations.get("/api/nominations/:id", { params: IdParams, response: ok(Nomination) }, (ctx, { params }) =>
    service.getNomination(ctx, params.id),
  );
  nominations.patch(
    "/api/nominations/:id",
    { params: IdParams, body: NominationPatch, response: ok(Nomination) },
    (ctx, { params, body }) => service.updateNomination(ctx, params.id, body),
  );
  nominations.post(
    "/api/nominations/:id/decision",
    "Accept, waitlist, decline (with a reason) or cancel a nomination",
    { params: IdParams, body: DecisionInput, response: ok(Nomination) },
    (ctx, { params, body }) => service.decide(ctx, params.id, body),
  );
  nominations.post(
    "/api/nominations/decisions",
    "The same decision for many nominations, each in its own transaction",
    { body: BulkDecisionInput, response: ok(BulkOutcome) },
    (ctx, { body }) => service.decideMany(ctx, body),
  );
  nominations.post(
    "/api/nominations/:id/withdraw",
    { params: IdParams, body: WithdrawInput, response: ok(Nomination) },
    (ctx, { params, body }) => service.withdraw(ctx, params.id, body),
  );
  nominations.post(
    "/api/nominations/:id/attendance",
    { params: IdParams, body: AttendanceInput, response: ok(Nomination) },
    (ctx, { params, body }) => service.recordAttendance(ctx, params.id, body),
  );
  nominations.get(
    "/api/people/:id/participation",
    "A person's participation history",
    { params: IdParams, response: ok(Type.Array(Nomination)) },
    (ctx, { params }) => service.personParticipation(ctx, params.id),
  );
  nominations.get(
    "/api/nations/:id/participation",
    "A nation's participation by area, for a year or overall",
    { params: IdParams, query: ParticipationQuery, response: ok(NationParticipation) },
    (ctx, { params, query }) => service.nationParticipation(ctx, params.id, query),
  );

  // ---------------------------------------------------------------- calendar feeds
  const feeds = routeTable(app, ["catalogue: calendar feeds"]);
  feeds.get("/api/calendar/tokens", { response: ok(Type.Array(CalendarToken)) }, (ctx) =>
    service.listCalendarTokens(ctx),
  );
  feeds.post(
    "/api/calendar/tokens",
    "A revocable iCalendar feed of a nation, a person or a saved search",
    { body: CalendarTokenInput, response: created(CreatedCalendarToken) },
    (ctx, { body }) => service.createCalendarToken(ctx, body),
  );
  feeds.delete("/api/calendar/tokens/:id", { params: IdParams, response: noContent }, (ctx, { params }) =>
    service.revokeCalendarToken(ctx, params.id),
  );
  app.get(
    "/api/calendar/:file",
    {
      schema: {
        tags: feeds.tags,
        summary: "The iCalendar feed behind a token (no session needed; the token is the credential)",
        params: FeedParams,
        response: { 200: Type.String(), ...errorResponses, 429: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await enforceRateLimit(ctx.db, `calendar-feed:${request.ip}`, 120, 60);
      const token = request.params.file.replace(/\.ics$/, "");
      const text = await service.calendarFeed(ctx, token, (userId) => viewerForUser(ctx.db, userId));
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(text);
    },
  );
};
