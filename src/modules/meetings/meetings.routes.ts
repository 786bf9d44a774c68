import { uploadFrom } from "../../platform/http/files.js";
import { routeTable } from "../../platform/http/route-table.js";
import { ChildParams, created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { DelegationInput } from "./delegations.schemas.js";
import { auditedFileRoute } from "./meetings.http.js";
import {
  AgendaItemInput,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingQuery,
  MeetingSummary,
} from "./meetings.schemas.js";
import * as service from "./meetings.service.js";

/** Meetings with their agenda, documents and delegations. */
export const meetingRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- meetings
  const meetings = routeTable(app, ["meetings: meetings"]);
  const meeting = meetings.records("/api/meetings");
  meeting.list({ query: MeetingQuery, response: ok(Page(MeetingSummary)) }, service.listMeetings);
  meeting.get(
    "A meeting with its agenda, delegations, minutes and decisions",
    { response: ok(MeetingDetail) },
    service.getMeeting,
  );
  meeting.create(
    "Prepare a meeting; its number defaults to the next in the series",
    { body: MeetingInput, response: created(MeetingDetail) },
    service.createMeeting,
  );
  meeting.update({ body: MeetingPatch, response: ok(MeetingDetail) }, service.updateMeeting);
  const agenda = meetings.children("/api/meetings/:id/agenda", "itemId");
  agenda.add({ body: AgendaItemInput, response: created(MeetingDetail) }, service.addAgendaItem);
  agenda.remove({ response: ok(MeetingDetail) }, service.removeAgendaItem);
  meetings.post(
    "/api/meetings/:id/agenda/:itemId/documents",
    "Attach a document to an agenda item (multipart/form-data, field file)",
    { params: ChildParams("itemId"), response: created(MeetingDetail) },
    (ctx, { params }, request) =>
      service.uploadAgendaDocument(ctx, uploadFrom(request), params.id, params.itemId),
  );
  auditedFileRoute(meetings, "/api/meetings/:id/documents/:documentId", service.downloadAgendaDocument);
  const delegations = meetings.children("/api/meetings/:id/delegations", "delegationId");
  delegations.add({ body: DelegationInput, response: created(MeetingDetail) }, service.addDelegation);
  delegations.remove({ response: ok(MeetingDetail) }, service.removeDelegation);
};
