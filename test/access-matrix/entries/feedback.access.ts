import { type AccessEntry, ADMINISTRATORS, access, type MatrixContext, SIGNED_IN } from "../matrix.js";
import { activity } from "./catalogue.access.js";

type Scope = "in" | "out";

/** Feedback reports: those who run the activity (its organisation's organisers and course directors), global readers. */
const REPORTERS = access({
  administrator: "allow",
  auditor: "allow",
  organiser: "scope",
  course_director: "scope",
});
/** Answering is the participant's own: in scope, an event they were accepted for; out of scope, one they were not. */
const PARTICIPANT = access({ participant: "scope" });

/** A past event of the scope's organisation; in scope the caller's person (when it has one) was accepted for it. */
async function pastEvent(ctx: MatrixContext, scope: Scope) {
  const { id, eventId } = await activity(ctx, scope, { past: true });
  const user = ctx.caller.userId
    ? await ctx.db
        .selectFrom("appUser")
        .select("personId")
        .where("id", "=", ctx.caller.userId)
        .executeTakeFirst()
    : undefined;
  if (scope === "in" && user?.personId) {
    const person = await ctx.db
      .selectFrom("person")
      .select("nationId")
      .where("id", "=", user.personId)
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto("nomination")
      .values({ eventId, personId: user.personId, nationId: person.nationId, status: "accepted" })
      .execute();
  }
  return { activityId: id, eventId };
}

async function ratings(ctx: MatrixContext) {
  const questions = await ctx.db
    .selectFrom("feedbackQuestion")
    .select("id")
    .where("activityKind", "=", "course")
    .where("answer", "=", "rating")
    .where("active", "=", true)
    .execute();
  return { answers: questions.map((q) => ({ questionId: q.id, rating: 4 })) };
}

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/feedback/questions", access: SIGNED_IN },
  {
    method: "POST",
    url: "/api/feedback/questions",
    access: ADMINISTRATORS,
    request: async () => ({
      url: "/api/feedback/questions",
      body: { activityKind: "visit", position: 50, answer: "text", textEn: "Matrix question" },
    }),
  },
  {
    method: "PATCH",
    url: "/api/feedback/questions/:id",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      const row = await ctx.db
        .insertInto("feedbackQuestion")
        .values({ activityKind: "visit", position: 51, answer: "text", textEn: "Matrix question" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/feedback/questions/${row.id}`, body: { textEn: "Matrix question, reworded" } };
    },
  },
  { method: "GET", url: "/api/feedback/pending", access: access({ participant: "allow" }) },
  {
    method: "GET",
    url: "/api/events/:id/feedback",
    access: PARTICIPANT,
    request: async (ctx, scope) => ({ url: `/api/events/${(await pastEvent(ctx, scope)).eventId}/feedback` }),
  },
  {
    method: "POST",
    url: "/api/events/:id/feedback",
    access: PARTICIPANT,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await pastEvent(ctx, scope)).eventId}/feedback`,
      body: await ratings(ctx),
    }),
  },
  {
    method: "GET",
    url: "/api/events/:id/feedback/report",
    access: REPORTERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await pastEvent(ctx, scope)).eventId}/feedback/report`,
    }),
  },
  {
    method: "GET",
    url: "/api/activities/:id/feedback/report",
    access: REPORTERS,
    request: async (ctx, scope) => ({
      url: `/api/activities/${(await pastEvent(ctx, scope)).activityId}/feedback/report`,
    }),
  },
];
