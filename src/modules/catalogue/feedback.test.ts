import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";
import { runReminders } from "../notifications/reminders.js";

/**
 * Participant feedback: accepted participants answer once after the event; the organiser sees only aggregates,
 * and only from five respondents; who answered and what was answered are never joined.
 */
let t: TestApp;
let organiser: Agent;
let otherOrganiser: Agent;
let coordinator: Agent;
let admin: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  otherOrganiser = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  admin = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

const personOf = async (agent: Agent) =>
  (
    await t.db
      .selectFrom("appUser")
      .select("personId")
      .where("id", "=", agent.userId!)
      .executeTakeFirstOrThrow()
  ).personId!;

/** A published course with one event and `accepted` participants accepted for it (plus one only nominated). */
async function eventWith(accepted: number) {
  const code = `FB-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Feedback test ${code}`,
    kind: "course",
    menuYear: 2040,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2040-10-01",
    endsOn: "2040-10-05",
  });
  expect(event.status, event.text).toBe(201);
  const participants: Agent[] = [];
  for (let i = 0; i <= accepted; i++) {
    const participant = await t.signIn({ role: "participant", personNation: "GEO" });
    const nominated = await coordinator.post(`/api/events/${event.body.id}/nominations`, {
      personId: await personOf(participant),
    });
    expect(nominated.status, nominated.text).toBe(201);
    if (i < accepted) {
      const decided = await organiser.post(`/api/nominations/${nominated.body.id}/decision`, {
        decision: "accept",
      });
      expect(decided.status, decided.text).toBe(200);
    }
    participants.push(participant);
  }
  const onlyNominated = participants.pop()!;
  return {
    activityId: activity.body.id as string,
    eventId: event.body.id as string,
    participants,
    onlyNominated,
  };
}

/** Moves the event into the past (ended `daysAgo` days ago): the API refuses dates before today. */
async function endEvent(eventId: string, daysAgo = 2) {
  const day = (shift: number) => new Date(Date.now() - shift * 86_400_000).toISOString().slice(0, 10);
  await t.db
    .updateTable("event")
    .set({ startsOn: day(daysAgo + 4), endsOn: day(daysAgo) })
    .where("id", "=", eventId)
    .execute();
}

type FormQuestion = { id: string; answer: "rating" | "text"; position: number };
const questions = async (agent: Agent, eventId: string) => {
  const form = await agent.get(`/api/events/${eventId}/feedback`);
  expect(form.status, form.text).toBe(200);
  return form.body.questions as FormQuestion[];
};
const answersFor = (qs: FormQuestion[], ratings: number[], comment?: string) => ({
  answers: [
    ...qs.filter((q) => q.answer === "rating").map((q, i) => ({ questionId: q.id, rating: ratings[i] })),
    ...(comment ? qs.filter((q) => q.answer === "text").map((q) => ({ questionId: q.id, comment })) : []),
  ],
});

describe("giving feedback", () => {
  it("is for accepted participants once the event has ended, once each, and checks every answer", async () => {
    const { eventId, participants, onlyNominated } = await eventWith(2);
    const [first, second] = participants as [Agent, Agent];
    const qs = await questions(first, eventId);
    expect(qs.map((q) => q.answer)).toEqual(["rating", "rating", "rating", "text"]);

    const early = await first.post(`/api/events/${eventId}/feedback`, answersFor(qs, [5, 5, 5]));
    expect(early.status, early.text).toBe(409);
    expect(early.body.message).toMatch(/feedback opens the day after/);
    expect((await first.get("/api/feedback/pending")).body.items).toEqual([]);

    await endEvent(eventId);
    const pending = await first.get("/api/feedback/pending");
    expect(pending.body.items.map((e: { id: string }) => e.id)).toEqual([eventId]);

    // Not accepted, or not a participant at all: the questionnaire does not exist for them.
    expect((await onlyNominated.get(`/api/events/${eventId}/feedback`)).status).toBe(404);
    expect(
      (await onlyNominated.post(`/api/events/${eventId}/feedback`, answersFor(qs, [5, 5, 5]))).status,
    ).toBe(404);
    expect((await organiser.post(`/api/events/${eventId}/feedback`, answersFor(qs, [5, 5, 5]))).status).toBe(
      403,
    );

    const bad = async (body: unknown, status: number, field: string) => {
      const reply = await first.post(`/api/events/${eventId}/feedback`, body);
      expect(reply.status, reply.text).toBe(status);
      expect(reply.body.fields.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad({ answers: [{ questionId: qs[0]!.id, rating: 5 }] }, 422, "body.answers");
    await bad({ answers: [{ questionId: qs[0]!.id, rating: 6 }] }, 400, "body.answers.0.rating");
    await bad(
      { answers: [{ questionId: crypto.randomUUID(), rating: 3 }] },
      422,
      "body.answers.0.questionId",
    );
    await bad({ answers: [{ questionId: qs[3]!.id, rating: 3 }] }, 422, "body.answers.0.rating");
    await bad({ answers: [{ questionId: qs[3]!.id, comment: "   " }] }, 422, "body.answers.0.comment");
    await bad(
      { answers: [...answersFor(qs, [1, 2, 3]).answers, { questionId: qs[0]!.id, rating: 4 }] },
      422,
      "body.answers.3.questionId",
    );
    expect(
      await t.db.selectFrom("feedbackResponse").select("id").where("eventId", "=", eventId).execute(),
    ).toEqual([]);

    const given = await first.post(
      `/api/events/${eventId}/feedback`,
      answersFor(qs, [4, 3, 5], "More practice"),
    );
    expect(given.status, given.text).toBe(201);
    expect(given.body).toEqual({ eventId, answered: true });
    const again = await first.post(`/api/events/${eventId}/feedback`, answersFor(qs, [1, 1, 1]));
    expect(again.status, again.text).toBe(409);
    expect(again.body.fields).toEqual([
      { field: "body", message: "You have already given feedback on this event" },
    ]);
    expect((await first.get(`/api/events/${eventId}/feedback`)).body.answered).toBe(true);
    expect((await first.get("/api/feedback/pending")).body.items).toEqual([]);
    expect((await second.get(`/api/events/${eventId}/feedback`)).body.answered).toBe(false);
  });

  it("takes one answer when a participant sends it twice at once", async () => {
    const { eventId, participants } = await eventWith(1);
    await endEvent(eventId);
    const qs = await questions(participants[0]!, eventId);
    const replies = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        participants[0]!.post(`/api/events/${eventId}/feedback`, answersFor(qs, [n, n, n])),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const responses = await t.db
      .selectFrom("feedbackResponse")
      .select("id")
      .where("eventId", "=", eventId)
      .execute();
    expect(responses).toHaveLength(1);
  });

  it("keeps who answered apart from what was answered, also in the audit trail", async () => {
    const { eventId, participants } = await eventWith(1);
    await endEvent(eventId);
    const qs = await questions(participants[0]!, eventId);
    await participants[0]!.post(
      `/api/events/${eventId}/feedback`,
      answersFor(qs, [2, 3, 4], "Secret remark"),
    );
    const columns = await t.db
      .selectFrom("information_schema.columns" as never)
      .select(["table_name as table", "column_name as column"] as never[])
      .where("table_name" as never, "in", ["feedback_response", "feedback_answer"] as never)
      .execute();
    expect((columns as { column: string }[]).map((c) => c.column).sort()).toEqual(
      ["comment", "event_id", "id", "question_id", "rating", "response_id", "submitted_on"].sort(),
    );
    const audit = await t.db
      .selectFrom("auditEntry")
      .select(["action", "recordType", "diff"])
      .where("actorUserId", "=", participants[0]!.userId)
      .where("action", "=", "feedback.submit")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.recordType).toBe("feedback_receipt");
    expect(JSON.stringify(audit[0]!.diff)).not.toMatch(/Secret remark|rating/);
  });
});

describe("the organiser's report", () => {
  it("shows only counts below five respondents, then averages, distributions and sorted comments", async () => {
    const { activityId, eventId, participants } = await eventWith(6);
    await endEvent(eventId);
    const qs = await questions(participants[0]!, eventId);
    const ratings = [5, 4, 3, 5, 4];
    const comments = ["Zebra crossing drills", "Apt case studies", "More maps", undefined, "Longer breaks"];
    const replies = await Promise.all(
      ratings
        .slice(0, 4)
        .map((rating, i) =>
          participants[i]!.post(
            `/api/events/${eventId}/feedback`,
            answersFor(qs, [rating, 3, 2], comments[i]),
          ),
        ),
    );
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
    const early = await organiser.get(`/api/events/${eventId}/feedback/report`);
    expect(early.status, early.text).toBe(200);
    expect(early.body).toMatchObject({
      participants: 6,
      respondents: 4,
      minimumRespondents: 5,
      withheld: true,
      questions: [],
      comments: [],
    });

    await participants[4]!.post(
      `/api/events/${eventId}/feedback`,
      answersFor(qs, [ratings[4]!, 3, 2], comments[4]),
    );
    const report = await organiser.get(`/api/events/${eventId}/feedback/report`);
    expect(report.body).toMatchObject({ participants: 6, respondents: 5, withheld: false });
    const overall = report.body.questions.find((q: { id: string }) => q.id === qs[0]!.id);
    expect(overall).toMatchObject({ answers: 5, average: 4.2, distribution: [0, 0, 1, 2, 2] });
    const remark = report.body.questions.find((q: { id: string }) => q.id === qs[3]!.id);
    expect(remark).toMatchObject({ answer: "text", answers: 4, average: null });
    expect(report.body.comments.map((c: { text: string }) => c.text)).toEqual([
      "Apt case studies",
      "Longer breaks",
      "More maps",
      "Zebra crossing drills",
    ]);

    // Another organisation's organiser, a coordinator and a participant may not see it; global readers may.
    expect((await otherOrganiser.get(`/api/events/${eventId}/feedback/report`)).status).toBe(403);
    expect((await coordinator.get(`/api/events/${eventId}/feedback/report`)).status).toBe(403);
    expect((await participants[0]!.get(`/api/events/${eventId}/feedback/report`)).status).toBe(403);
    expect((await admin.get(`/api/events/${eventId}/feedback/report`)).body.respondents).toBe(5);
    expect((await organiser.get(`/api/events/${crypto.randomUUID()}/feedback/report`)).status).toBe(404);

    // Across years: the copy to the next menu year has no answers yet and shows counts only.
    const copy = await organiser.post(`/api/activities/${activityId}/copy`, { menuYear: 2041 });
    expect(copy.status, copy.text).toBe(201);
    const years = await organiser.get(`/api/activities/${copy.body.id}/feedback/report`);
    expect(years.status, years.text).toBe(200);
    expect(years.body.years.map((y: { menuYear: number }) => y.menuYear)).toEqual([2040, 2041]);
    expect(years.body.years[0]).toMatchObject({
      events: 1,
      respondents: 5,
      participants: 6,
      withheld: false,
    });
    expect(years.body.years[0].questions.find((q: { id: string }) => q.id === qs[0]!.id).average).toBe(4.2);
    expect(years.body.years[1]).toMatchObject({ respondents: 0, withheld: true, questions: [] });
    expect((await otherOrganiser.get(`/api/activities/${activityId}/feedback/report`)).status).toBe(403);
  });
});

describe("questions and invitations", () => {
  it("lets administrators add, reword and retire questions (kept, marked inactive)", async () => {
    const input = { activityKind: "visit", position: 9, answer: "rating", textEn: "Was the host prepared?" };
    expect((await organiser.post("/api/feedback/questions", input)).status).toBe(403);
    const empty = await admin.post("/api/feedback/questions", { ...input, textEn: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((d: { field: string }) => d.field)).toContain("body.textEn");
    expect((await admin.post("/api/feedback/questions", { ...input, activityKind: "picnic" })).status).toBe(
      400,
    );
    const created = await admin.post("/api/feedback/questions", input);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ ...input, active: true, textAz: null });
    const listed = await organiser.get("/api/feedback/questions?activityKind=visit");
    expect(listed.body.items.map((q: { id: string }) => q.id)).toContain(created.body.id);
    const retired = await admin.patch(`/api/feedback/questions/${created.body.id}`, { active: false });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body.active).toBe(false);
    expect(
      (await admin.patch(`/api/feedback/questions/${crypto.randomUUID()}`, { active: false })).status,
    ).toBe(404);
    expect((await admin.patch(`/api/feedback/questions/${created.body.id}`, {})).status).toBe(400);
  });

  it("asks the accepted participants of an event that ended, once, from the hourly reminders", async () => {
    const { eventId, participants, onlyNominated } = await eventWith(1);
    await endEvent(eventId, 1);
    const feedbackNotices = async (agent: Agent) =>
      ((await agent.get("/api/notifications")).body.items as { kind: string; link: string }[]).filter(
        (n) => n.kind === "feedback.requested" && n.link.includes(eventId),
      );
    await runReminders(t.db, new Date());
    await runReminders(t.db, new Date());
    expect(await feedbackNotices(participants[0]!)).toHaveLength(1);
    expect(await feedbackNotices(onlyNominated)).toEqual([]);
  });
});
