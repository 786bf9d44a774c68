import "./feedback.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { auditedInsert, insertRecord, updateRecord } from "../../platform/audited-write.js";
import { invalidState, notFound, orNotFound, unprocessable } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./feedback.queries.js";
import {
  type FeedbackInput,
  MINIMUM_RESPONDENTS,
  type QuestionInput,
  type QuestionPatch,
  type QuestionQuery,
} from "./feedback.schemas.js";

/**
 * Participant feedback (level 1): after an event its accepted participants answer the questions of its activity
 * kind once; organisers see the answers only aggregated, and only from MINIMUM_RESPONDENTS respondents on.
 */

type ActivityKind = QuestionInput["activityKind"];
type Question = Awaited<ReturnType<typeof queries.listQuestions>>[number] & { activityKind: ActivityKind };

const summary = (event: queries.FeedbackEvent) => ({
  id: event.id,
  startsOn: event.startsOn,
  endsOn: event.endsOn,
  activityId: event.activityId,
  activityCode: event.activityCode,
  activityTitle: event.activityTitle,
  activityKind: event.activityKind as ActivityKind,
});

const today = () => new Date().toISOString().slice(0, 10);

const questionsOf = async (ctx: Ctx, filter: Parameters<typeof queries.listQuestions>[1]) =>
  (await queries.listQuestions(ctx.db, filter)) as Question[];

export async function listQuestions(ctx: Ctx, query: QuestionQuery) {
  authorize(ctx.viewer, "feedback.questions.read");
  return { items: await questionsOf(ctx, { activityKind: query.activityKind }) };
}

export async function createQuestion(ctx: Ctx, input: QuestionInput) {
  authorize(ctx.viewer, "feedback.questions.manage");
  const row = await insertRecord(
    ctx,
    "feedbackQuestion",
    { ...input, textAz: input.textAz ?? null, textRu: input.textRu ?? null },
    { action: "feedback.question.create" },
  );
  return row as Question;
}

export async function updateQuestion(ctx: Ctx, id: string, patch: QuestionPatch) {
  authorize(ctx.viewer, "feedback.questions.manage");
  const { after } = await updateRecord(ctx, "feedbackQuestion", { id, missing: "The question" }, patch, {
    action: "feedback.question.update",
  });
  return after as Question;
}

/** The events the caller took part in and has not yet given feedback on. */
export async function listPending(ctx: Ctx) {
  authorize(ctx.viewer, "feedback.answer");
  const rows = await queries.listPending(ctx.db, ctx.viewer.personId!, today());
  return { items: rows.map(summary) };
}

/** The participant's event: accepted for it, else 404 (whether it exists is not the caller's business). */
async function participantEvent(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "feedback.answer");
  return orNotFound(await queries.findParticipantEvent(ctx.db, eventId, ctx.viewer.personId!), "The event");
}

export async function getForm(ctx: Ctx, eventId: string) {
  const event = await participantEvent(ctx, eventId);
  const questions = await questionsOf(ctx, { activityKind: event.activityKind, activeOnly: true });
  return { event: summary(event), answered: event.answered, questions };
}

/** Checks the answers against the questionnaire: every rating question rated, comments where comments go. */
function answersOf(questions: Question[], input: FeedbackInput) {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const answers = input.answers.map((answer, index) => {
    const field = `body.answers.${index}`;
    const question = byId.get(answer.questionId);
    if (!question)
      throw unprocessable(`${field}.questionId`, "is not a question of this event's questionnaire");
    if (seen.has(answer.questionId)) throw unprocessable(`${field}.questionId`, "is answered twice");
    seen.add(answer.questionId);
    if (question.answer === "rating" && answer.rating === undefined)
      throw unprocessable(`${field}.rating`, "a rating from 1 to 5 is required for this question");
    if (question.answer === "text" && answer.rating !== undefined)
      throw unprocessable(`${field}.rating`, "this question takes a comment, not a rating");
    const comment = answer.comment?.trim() || null;
    if (question.answer === "text" && !comment)
      throw unprocessable(`${field}.comment`, "write a comment or leave the question out");
    return { questionId: answer.questionId, rating: answer.rating ?? null, comment };
  });
  const unrated = questions.filter((question) => question.answer === "rating" && !seen.has(question.id));
  if (unrated.length)
    throw unprocessable(
      "body.answers",
      `rate every question; missing: ${unrated.map((q) => q.textEn).join("; ")}`,
    );
  return answers;
}

export async function submit(ctx: Ctx, eventId: string, input: FeedbackInput) {
  const event = await participantEvent(ctx, eventId);
  if (event.status === "cancelled") throw invalidState("The event was cancelled; it takes no feedback");
  if (event.status !== "completed" && event.endsOn >= today())
    throw invalidState(`The event ends on ${event.endsOn}; its feedback opens the day after`);
  const questions = await questionsOf(ctx, { activityKind: event.activityKind, activeOnly: true });
  const answers = answersOf(questions, input);
  await ctx.db.transaction().execute(async (trx) => {
    // The receipt (who answered) is audited; the answers are stored apart from it, with nothing to join them.
    await auditedInsert(
      trx,
      ctx,
      "feedbackReceipt",
      { eventId, personId: ctx.viewer.personId! },
      {
        action: "feedback.submit",
        rules: { feedback_receipt_once: ["body", "You have already given feedback on this event"] },
      },
    );
    await queries.insertResponse(trx, eventId, answers);
  });
  return { eventId, answered: true as const };
}

const withheldUnder = <T extends { respondents: number; questions: unknown[] }>(figures: T) => {
  const withheld = figures.respondents < MINIMUM_RESPONDENTS;
  return { ...figures, withheld, questions: withheld ? [] : figures.questions };
};

export async function eventReport(ctx: Ctx, eventId: string) {
  const event = orNotFound(await queries.findVisibleEvent(ctx.db, ctx.viewer, eventId), "The event");
  authorize(ctx.viewer, "feedback.report", event);
  const figures = withheldUnder(await queries.eventFigures(ctx.db, [eventId]));
  return {
    event: summary(event),
    minimumRespondents: MINIMUM_RESPONDENTS,
    ...figures,
    comments: figures.withheld ? [] : await queries.eventComments(ctx.db, [eventId]),
  };
}

/** The activity's feedback year by year, over the copies of it in other menu years the caller may report on. */
export async function activityReport(ctx: Ctx, activityId: string) {
  const line = await queries.activityLine(ctx.db, ctx.viewer, activityId);
  const asked = line.find((activity) => activity.id === activityId);
  if (!asked) throw notFound("The activity");
  authorize(ctx.viewer, "feedback.report", asked);
  const years = [];
  for (const activity of line.filter((row) => can(ctx.viewer, "feedback.report", row))) {
    const figures = activity.eventIds.length
      ? await queries.eventFigures(ctx.db, activity.eventIds)
      : { participants: 0, respondents: 0, questions: [] };
    years.push({
      menuYear: activity.menuYear,
      activityId: activity.id,
      activityCode: activity.code,
      events: activity.eventIds.length,
      ...withheldUnder(figures),
    });
  }
  return { activityId, minimumRespondents: MINIMUM_RESPONDENTS, years };
}
