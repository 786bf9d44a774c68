import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  ActivityFeedbackReport,
  EventFeedbackReport,
  FeedbackForm,
  FeedbackInput,
  FeedbackReceipt,
  PendingFeedback,
  Question,
  QuestionInput,
  QuestionPatch,
  QuestionQuery,
} from "./feedback.schemas.js";
import * as service from "./feedback.service.js";

/** Participant feedback: questionnaires per activity kind, answers after an event, aggregated reports. */
export const feedbackRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["feedback"]);
  route.get(
    "/api/feedback/questions",
    "The feedback questions of each activity kind (retired ones included, marked inactive)",
    { query: QuestionQuery, response: ok(Type.Object({ items: Type.Array(Question) })) },
    (ctx, { query }) => service.listQuestions(ctx, query),
  );
  route.post(
    "/api/feedback/questions",
    "Add a question to an activity kind's questionnaire (administrators)",
    { body: QuestionInput, response: created(Question) },
    (ctx, { body }) => service.createQuestion(ctx, body),
  );
  route.patch(
    "/api/feedback/questions/:id",
    "Reword, reorder or retire a question (administrators)",
    { params: IdParams, body: QuestionPatch, response: ok(Question) },
    (ctx, { params, body }) => service.updateQuestion(ctx, params.id, body),
  );
  route.get(
    "/api/feedback/pending",
    "Events the caller took part in (in the last year) and has not yet given feedback on",
    { response: ok(PendingFeedback) },
    (ctx) => service.listPending(ctx),
  );
  route.get(
    "/api/events/:id/feedback",
    "The event's questionnaire for one of its accepted participants",
    { params: IdParams, response: ok(FeedbackForm) },
    (ctx, { params }) => service.getForm(ctx, params.id),
  );
  route.post(
    "/api/events/:id/feedback",
    "Give feedback on an event one took part in, once, anonymously",
    { params: IdParams, body: FeedbackInput, response: created(FeedbackReceipt) },
    (ctx, { params, body }) => service.submit(ctx, params.id, body),
  );
  route.get(
    "/api/events/:id/feedback/report",
    "The event's feedback, aggregated (counts only below five respondents); organisers",
    { params: IdParams, response: ok(EventFeedbackReport) },
    (ctx, { params }) => service.eventReport(ctx, params.id),
  );
  route.get(
    "/api/activities/:id/feedback/report",
    "The activity's feedback year by year, across its copies in other menu years; organisers",
    { params: IdParams, response: ok(ActivityFeedbackReport) },
    (ctx, { params }) => service.activityReport(ctx, params.id),
  );
};
