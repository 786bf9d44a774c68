import { Type } from "typebox";
import { viewerForUser } from "../../platform/access/viewer.queries.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { created, errorResponses, IdParams, ok, Page, Uuid } from "../../platform/http/schemas.js";
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

const SessionParams = Type.Object({ id: Uuid, sessionId: Uuid }, { additionalProperties: false });
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
  const activities = ["catalogue: activities"];
  app.get(
    "/api/areas",
    { schema: { tags: activities, summary: "Areas of cooperation", response: { 200: Type.Array(Area) } } },
    async (request) => service.listAreas(ctxOf(request)),
  );
  app.get(
    "/api/activities",
    {
      schema: {
        tags: activities,
        summary: "Search the menu: full text in English, Azerbaijani and Russian, filters and facet counts",
        querystring: ActivityQuery,
        response: ok(ActivityPage),
      },
    },
    async (request) => service.searchActivities(ctxOf(request), request.query),
  );
  app.get(
    "/api/activities/:id",
    { schema: { tags: activities, params: IdParams, response: ok(ActivityDetail) } },
    async (request) => service.getActivity(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/activities",
    { schema: { tags: activities, body: ActivityInput, response: created(ActivityDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createActivity(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/activities/:id",
    { schema: { tags: activities, params: IdParams, body: ActivityPatch, response: ok(ActivityDetail) } },
    async (request) => service.updateActivity(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/activities/:id/status",
    {
      schema: {
        tags: activities,
        summary: "Publish, close for nominations, complete or cancel (with a reason)",
        params: IdParams,
        body: ActivityStatusChange,
        response: ok(ActivityDetail),
      },
    },
    async (request) => service.changeActivityStatus(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/activities/:id/copy",
    {
      schema: {
        tags: activities,
        summary: "Copy a recurring activity with its events and sessions to another menu year (as a draft)",
        params: IdParams,
        body: CopyActivityInput,
        response: created(ActivityDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.copyActivity(ctxOf(request), request.params.id, request.body)),
  );

  // ---------------------------------------------------------------- events
  const events = ["catalogue: events"];
  app.post(
    "/api/activities/:id/events",
    { schema: { tags: events, params: IdParams, body: EventInput, response: created(EventDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createEvent(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/events/:id",
    {
      schema: {
        tags: events,
        summary: "An event with its sessions and seat gauge",
        params: IdParams,
        response: ok(EventDetail),
      },
    },
    async (request) => service.getEvent(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/events/:id",
    { schema: { tags: events, params: IdParams, body: EventPatch, response: ok(EventDetail) } },
    async (request) => service.updateEvent(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/events/:id/cancel",
    { schema: { tags: events, params: IdParams, body: CancelInput, response: ok(EventDetail) } },
    async (request) => service.cancelEvent(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/events/:id/sessions",
    { schema: { tags: events, params: IdParams, body: SessionInput, response: created(EventDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addSession(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/events/:id/sessions/:sessionId",
    { schema: { tags: events, params: SessionParams, response: ok(EventDetail) } },
    async (request) => {
      const params = request.params as { id: string; sessionId: string };
      return service.removeSession(ctxOf(request), params.id, params.sessionId);
    },
  );
  app.put(
    "/api/events/:id/sessions/:sessionId/attendance",
    {
      schema: {
        tags: events,
        params: SessionParams,
        body: SessionAttendanceInput,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; sessionId: string };
      await service.recordSessionAttendance(
        ctxOf(request),
        params.sessionId,
        request.body.entries,
        params.id,
      );
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/events/:id/attendance",
    {
      schema: {
        tags: events,
        summary:
          "The attendance recorded at each session of the event, for the nominations the caller may see",
        params: IdParams,
        response: ok(EventAttendance),
      },
    },
    async (request) => attendance.eventAttendance(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/calendar",
    {
      schema: {
        tags: events,
        summary:
          "Events between two dates (for month, week and list views), optionally of a nation or person",
        querystring: CalendarQuery,
        response: ok(Type.Array(CalendarEntry)),
      },
    },
    async (request) => service.calendar(ctxOf(request), request.query),
  );

  // ---------------------------------------------------------------- nominations
  const nominations = ["catalogue: nominations and seats"];
  app.post(
    "/api/events/:id/nominations",
    {
      schema: {
        tags: nominations,
        summary:
          "Nominate a person of your nation (first-come events allocate a seat or a waitlist place at once)",
        params: IdParams,
        body: NominationInput,
        response: created(Nomination),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.nominate(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/events/:id/candidates",
    {
      schema: {
        tags: nominations,
        summary:
          "People the caller may nominate for the event, with their nomination for it and whether they already hold the course's qualification",
        params: IdParams,
        querystring: CandidateQuery,
        response: ok(Page(Candidate)),
      },
    },
    async (request) => candidates.listCandidates(ctxOf(request), request.params.id, request.query),
  );
  app.get(
    "/api/nominations",
    {
      schema: {
        tags: nominations,
        summary: "Nominations the caller may see: the organiser's inbox, the coordinator's list, one's own",
        querystring: NominationQuery,
        response: ok(Page(Nomination)),
      },
    },
    async (request) => service.listNominations(ctxOf(request), request.query),
  );
  app.get(
    "/api/nominations/:id",
    { schema: { tags: nominations, params: IdParams, response: ok(Nomination) } },
    async (request) => service.getNomination(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/nominations/:id",
    { schema: { tags: nominations, params: IdParams, body: NominationPatch, response: ok(Nomination) } },
    async (request) => service.updateNomination(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/nominations/:id/decision",
    {
      schema: {
        tags: nominations,
        summary: "Accept, waitlist, decline (with a reason) or cancel a nomination",
        params: IdParams,
        body: DecisionInput,
        response: ok(Nomination),
      },
    },
    async (request) => service.decide(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/nominations/decisions",
    {
      schema: {
        tags: nominations,
        summary: "The same decision for many nominations, each in its own transaction",
        body: BulkDecisionInput,
        response: ok(BulkOutcome),
      },
    },
    async (request) => service.decideMany(ctxOf(request), request.body),
  );
  app.post(
    "/api/nominations/:id/withdraw",
    { schema: { tags: nominations, params: IdParams, body: WithdrawInput, response: ok(Nomination) } },
    async (request) => service.withdraw(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/nominations/:id/attendance",
    { schema: { tags: nominations, params: IdParams, body: AttendanceInput, response: ok(Nomination) } },
    async (request) => service.recordAttendance(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/people/:id/participation",
    {
      schema: {
        tags: nominations,
        summary: "A person's participation history",
        params: IdParams,
        response: ok(Type.Array(Nomination)),
      },
    },
    async (request) => service.personParticipation(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/nations/:id/participation",
    {
      schema: {
        tags: nominations,
        summary: "A nation's participation by area, for a year or overall",
        params: IdParams,
        querystring: ParticipationQuery,
        response: ok(NationParticipation),
      },
    },
    async (request) => service.nationParticipation(ctxOf(request), request.params.id, request.query),
  );

  // ---------------------------------------------------------------- calendar feeds
  const feeds = ["catalogue: calendar feeds"];
  app.get(
    "/api/calendar/tokens",
    { schema: { tags: feeds, response: ok(Type.Array(CalendarToken)) } },
    async (request) => service.listCalendarTokens(ctxOf(request)),
  );
  app.post(
    "/api/calendar/tokens",
    {
      schema: {
        tags: feeds,
        summary: "A revocable iCalendar feed of a nation, a person or a saved search",
        body: CalendarTokenInput,
        response: created(CreatedCalendarToken),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCalendarToken(ctxOf(request), request.body)),
  );
  app.delete(
    "/api/calendar/tokens/:id",
    { schema: { tags: feeds, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.revokeCalendarToken(ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/calendar/:file",
    {
      schema: {
        tags: feeds,
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
