import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
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
  const tags = ["feedback"];
  app.get(
    "/api/feedback/questions",
    {
      schema: {
        tags,
        summary: "The feedback questions of each activity kind (retired ones included, marked inactive)",
        querystring: QuestionQuery,
        response: ok(Type.Object({ items: Type.Array(Question) })),
      },
    },
    async (request) => service.listQuestions(ctxOf(request), request.query),
  );
  app.post(
    "/api/feedback/questions",
    {
      schema: {
        tags,
        summary: "Add a question to an activity kind's questionnaire (administrators)",
        body: QuestionInput,
        response: created(Question),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createQuestion(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/feedback/questions/:id",
    {
      schema: {
        tags,
        summary: "Reword, reorder or retire a question (administrators)",
        params: IdParams,
        body: QuestionPatch,
        response: ok(Question),
      },
    },
    async (request) => service.updateQuestion(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/feedback/pending",
    {
      schema: {
        tags,
        summary: "Events the caller took part in (in the last year) and has not yet given feedback on",
        response: ok(PendingFeedback),
      },
    },
    async (request) => service.listPending(ctxOf(request)),
  );
  app.get(
    "/api/events/:id/feedback",
    {
      schema: {
        tags,
        summary: "The event's questionnaire for one of its accepted participants",
        params: IdParams,
        response: ok(FeedbackForm),
      },
    },
    async (request) => service.getForm(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/events/:id/feedback",
    {
      schema: {
        tags,
        summary: "Give feedback on an event one took part in, once, anonymously",
        params: IdParams,
        body: FeedbackInput,
        response: created(FeedbackReceipt),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.submit(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/events/:id/feedback/report",
    {
      schema: {
        tags,
        summary: "The event's feedback, aggregated (counts only below five respondents); organisers",
        params: IdParams,
        response: ok(EventFeedbackReport),
      },
    },
    async (request) => service.eventReport(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/activities/:id/feedback/report",
    {
      schema: {
        tags,
        summary: "The activity's feedback year by year, across its copies in other menu years; organisers",
        params: IdParams,
        response: ok(ActivityFeedbackReport),
      },
    },
    async (request) => service.activityReport(ctxOf(request), request.params.id),
  );
};
