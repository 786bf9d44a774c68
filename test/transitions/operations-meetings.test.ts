import { afterAll, beforeAll } from "vitest";
import {
  ACTION_ITEM_TRANSITIONS,
  MEETING_TRANSITIONS,
} from "../../src/modules/meetings/meetings.transitions.js";
import {
  EXERCISE_TRANSITIONS,
  LESSON_TRANSITIONS,
} from "../../src/modules/operations/operations.transitions.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

let t: TestApp;
let admin: Agent;
let secretariat: Agent;
let ids: { exercise: string; lesson: string; meeting: string; item: string; later: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  secretariat = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  const exercise = await admin.post("/api/exercises", {
    code: "TRANSITIONS-2030",
    name: "Transitions 2030",
    kind: "live",
    leadOrganisationId: await t.organisationId("CIS-ATC"),
    startsOn: "2030-05-10",
    endsOn: "2030-05-20",
  });
  const lesson = await admin.post(`/api/exercises/${exercise.body.id}/lessons`, {
    title: "A lesson",
    ownerNationId: await t.nationId("AZE"),
  });
  const series = await secretariat.post("/api/meeting-series", {
    code: "TRANSITIONS-SERIES",
    kind: "heads_meeting",
    titleEn: "Transitions",
    ownerOrganisationId: await t.organisationId("CIS-ATC"),
    releasability: "restricted",
  });
  const meeting = await secretariat.post("/api/meetings", {
    seriesId: series.body.id,
    startsOn: "2030-01-10",
    endsOn: "2030-01-10",
  });
  const later = await secretariat.post("/api/meetings", {
    seriesId: series.body.id,
    startsOn: "2031-01-10",
    endsOn: "2031-01-10",
  });
  const item = await secretariat.post(`/api/meetings/${meeting.body.id}/action-items`, {
    title: "An item",
    assigneeOrganisationId: await t.organisationId("KAZ-NSC-ATC"),
    deadline: "2030-06-30",
  });
  ids = {
    exercise: exercise.body.id,
    lesson: lesson.body.id,
    meeting: meeting.body.id,
    item: item.body.id,
    later: later.body.id,
  };
  if (Object.values(ids).some((id) => !id)) throw new Error(`fixture not created: ${JSON.stringify(ids)}`);
});
afterAll(() => t.close());

describeTransitions("exercise", EXERCISE_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db.updateTable("exercise").set({ status }).where("id", "=", ids.exercise).execute();
    return ids.exercise;
  },
  move: (id, status) => admin.patch(`/api/exercises/${id}`, { status }),
  read: async (id) => (await admin.get(`/api/exercises/${id}`)).body.status,
  allowed: async (id) => (await admin.get(`/api/exercises/${id}`)).body.allowedTransitions,
}));

describeTransitions("lesson", LESSON_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db
      .updateTable("lesson")
      .set({ status, followUpReference: "Plan 2031, item 4" })
      .where("id", "=", ids.lesson)
      .execute();
    return ids.lesson;
  },
  move: (id, to) => admin.post(`/api/lessons/${id}/transition`, { to, note: "Reviewed" }),
  read: async (id) => (await admin.get(`/api/lessons/${id}`)).body.status,
}));

describeTransitions("meeting", MEETING_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db.updateTable("meeting").set({ status }).where("id", "=", ids.meeting).execute();
    return ids.meeting;
  },
  move: (id, status) => secretariat.patch(`/api/meetings/${id}`, { status }),
  read: async (id) => (await secretariat.get(`/api/meetings/${id}`)).body.status,
  allowed: async (id) => (await secretariat.get(`/api/meetings/${id}`)).body.allowedTransitions,
}));

const placeItem = async (status: string) => {
  const closedOn = status === "done" || status === "cancelled" ? "2030-02-01" : null;
  await t.db.updateTable("meetingActionItem").set({ status, closedOn }).where("id", "=", ids.item).execute();
  return ids.item;
};
const readItem = async (id: string) => (await secretariat.get(`/api/action-items/${id}`)).body.status;

describeTransitions("action item", ACTION_ITEM_TRANSITIONS, () => ({
  place: placeItem,
  move: (id, status) => secretariat.patch(`/api/action-items/${id}`, { status }),
  read: readItem,
}));

describeTransitions("action item reviewed at a later meeting", ACTION_ITEM_TRANSITIONS, () => ({
  place: placeItem,
  move: (id, status) => secretariat.post(`/api/action-items/${id}/reviews`, { meetingId: ids.later, status }),
  read: readItem,
}));
