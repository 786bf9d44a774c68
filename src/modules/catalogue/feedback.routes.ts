import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { created, ok } from "../../platform/http/schemas.js";
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
  const question = route.records("/api/feedback/questions");
  question.list(
    "The feedback questions of each activity kind (retired ones included, marked inactive)",
    { query: QuestionQuery, response: ok(Type.Object({ items: Type.Array(Question) })) },
    service.listQuestions,
  );
  question.create(
    "Add a question to an activity kind's questionnaire (administrators)",
    { body: QuestionInput, response: created(Question) },
    service.createQuestion,
  );
  question.update(
    "Reword, reorder or retire a question (administrators)",
    { body: QuestionPatch, response: ok(Question) },
    service.updateQuestion,
  );
  route.get(
    "/api/feedback/pending",
    "Events the caller took part in (in the last year) and has not yet given feedback on",
    { response: ok(PendingFeedback) },
    (ctx) => service.listPending(ctx),
  );
  const event = route.records("/api/events");
  event.read(
    "feedback",
    { summary: "The event's questionnaire for one of its accepted participants", response: ok(FeedbackForm) },
    service.getForm,
  );
  event.post(
    "feedback",
    {
      summary: "Give feedback on an event one took part in, once, anonymously",
      body: FeedbackInput,
      response: created(FeedbackReceipt),
    },
    service.submit,
  );
  event.read(
    "feedback/report",
    {
      summary: "The event's feedback, aggregated (counts only below five respondents); organisers",
      response: ok(EventFeedbackReport),
    },
    service.eventReport,
  );
  route.records("/api/activities").read(
    "feedback/report",
    {
      summary: "The activity's feedback year by year, across its copies in other menu years; organisers",
      response: ok(ActivityFeedbackReport),
    },
    service.activityReport,
  );
};
