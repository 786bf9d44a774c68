import { Type } from "typebox";
import { viewerForUser } from "../../platform/access/viewer.queries.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import {
  ChildParams,
  created,
  errorResponses,
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
    "Search the menu: full text in English, Azerbaijani and Russian, filters and facet counts",
    { query: ActivityQuery, response: ok(ActivityPage) },
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
  events
    .records("/api/activities")
    .post("events", { body: EventInput, response: created(EventDetail) }, service.createEvent);
  const event = events.records("/api/events");
  event.get("An event with its sessions and seat gauge", { response: ok(EventDetail) }, service.getEvent);
  event.update({ body: EventPatch, response: ok(EventDetail) }, service.updateEvent);
  event.post("cancel", { body: CancelInput, response: ok(EventDetail) }, service.cancelEvent);
  const sessions = events.children("/api/events/:id/sessions", "sessionId");
  sessions.add({ body: SessionInput, response: created(EventDetail) }, service.addSession);
  sessions.remove({ response: ok(EventDetail) }, service.removeSession);
  events.put(
    "/api/events/:id/sessions/:sessionId/attendance",
    { params: ChildParams("sessionId"), body: SessionAttendanceInput, response: noContent },
    (ctx, { params, body }) =>
      service.recordSessionAttendance(ctx, params.sessionId, body.entries, params.id),
  );
  event.read(
    "attendance",
    {
      summary: "The attendance recorded at each session of the event, for the nominations the caller may see",
      response: ok(EventAttendance),
    },
    attendance.eventAttendance,
  );
  events
    .records("/api/calendar")
    .list(
      "Events between two dates (for month, week and list views), optionally of a nation or person",
      { query: CalendarQuery, response: ok(Type.Array(CalendarEntry)) },
      service.calendar,
    );

  // ---------------------------------------------------------------- nominations
  const nominations = routeTable(app, ["catalogue: nominations and seats"]);
  const eventFor = nominations.records("/api/events");
  eventFor.post(
    "nominations",
    {
      summary:
        "Nominate a person of your nation (first-come events allocate a seat or a waitlist place at once)",
      body: NominationInput,
      response: created(Nomination),
    },
    service.nominate,
  );
  eventFor.read(
    "candidates",
    {
      summary:
        "People the caller may nominate for the event, with their nomination for it and whether they already hold the course's qualification",
      query: CandidateQuery,
      response: ok(Page(Candidate)),
    },
    candidates.listCandidates,
  );
  const nomination = nominations.records("/api/nominations");
  nomination.list(
    "Nominations the caller may see: the organiser's inbox, the coordinator's list, one's own",
    { query: NominationQuery, response: ok(Page(Nomination)) },
    service.listNominations,
  );
  nomination.get({ response: ok(Nomination) }, service.getNomination);
  nomination.update({ body: NominationPatch, response: ok(Nomination) }, service.updateNomination);
  nomination.post(
    "decision",
    {
      summary: "Accept, waitlist, decline (with a reason) or cancel a nomination",
      body: DecisionInput,
      response: ok(Nomination),
    },
    service.decide,
  );
  nominations
    .records("/api/nominations/decisions")
    .create(
      "The same decision for many nominations, each in its own transaction",
      { body: BulkDecisionInput, response: ok(BulkOutcome) },
      service.decideMany,
    );
  nomination.post("withdraw", { body: WithdrawInput, response: ok(Nomination) }, service.withdraw);
  nomination.post(
    "attendance",
    { body: AttendanceInput, response: ok(Nomination) },
    service.recordAttendance,
  );
  nominations
    .records("/api/people")
    .read(
      "participation",
      { summary: "A person's participation history", response: ok(Type.Array(Nomination)) },
      service.personParticipation,
    );
  nominations.records("/api/nations").read(
    "participation",
    {
      summary: "A nation's participation by area, for a year or overall",
      query: ParticipationQuery,
      response: ok(NationParticipation),
    },
    service.nationParticipation,
  );

  // ---------------------------------------------------------------- calendar feeds
  const feeds = routeTable(app, ["catalogue: calendar feeds"]);
  const token = feeds.records("/api/calendar/tokens");
  token.list({ response: ok(Type.Array(CalendarToken)) }, service.listCalendarTokens);
  token.create(
    "A revocable iCalendar feed of a nation, a person or a saved search",
    { body: CalendarTokenInput, response: created(CreatedCalendarToken) },
    service.createCalendarToken,
  );
  token.remove({ response: noContent }, service.revokeCalendarToken);
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
