import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/**
 * Issue 20: a meeting's items never share a number. Agenda items are numbered by their position (unique in the
 * meeting, the next free one under the meeting's row lock); decisions by the meeting's counter, also under that lock.
 */
let t: TestApp;
let secretariat: Agent;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  secretariat = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  const series = await secretariat.post("/api/meeting-series", {
    code: "TEST-NUMBERING",
    kind: "heads_meeting",
    titleEn: "Numbering series",
    ownerOrganisationId: await t.organisationId("CIS-ATC"),
    releasability: "restricted",
  });
  expect(series.status).toBe(201);
  const meeting = await secretariat.post("/api/meetings", {
    seriesId: series.body.id,
    startsOn: "2026-05-01",
    endsOn: "2026-05-01",
    city: "Moscow",
  });
  expect(meeting.status).toBe(201);
  meetingId = meeting.body.id;
});
afterAll(() => t.close());

const COUNT = 8;

describe("numbers of a meeting's items", () => {
  it("gives agenda items added at the same moment distinct numbers, 1 to n", async () => {
    const replies = await Promise.all(
      Array.from({ length: COUNT }, (_, index) =>
        secretariat.post(`/api/meetings/${meetingId}/agenda`, { title: `Concurrent item ${index + 1}` }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(COUNT).fill(201));
    const detail = await secretariat.get(`/api/meetings/${meetingId}`);
    const positions = (detail.body.agenda as { position: number }[]).map((item) => item.position);
    expect(positions).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1));
  });

  it("refuses a number already taken, also when two people type the same one at once", async () => {
    const taken = await secretariat.post(`/api/meetings/${meetingId}/agenda`, {
      title: "Again one",
      position: 1,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.fields[0].field).toBe("body.position");
    const replies = await Promise.all(
      [1, 2, 3].map((n) =>
        secretariat.post(`/api/meetings/${meetingId}/agenda`, { title: `Typed ${n}`, position: 50 }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
    // The next number given after a typed one follows the highest.
    const next = await secretariat.post(`/api/meetings/${meetingId}/agenda`, {
      title: "After the typed one",
    });
    expect(next.status).toBe(201);
    const positions = (next.body.agenda as { position: number }[]).map((item) => item.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions.at(-1)).toBe(51);
  });

  it("numbers decisions taken at the same moment one after the other", async () => {
    const texts = [{ language: "ru", body: "Текст решения", translationStatus: "original" }];
    const replies = await Promise.all(
      Array.from({ length: COUNT }, (_, index) =>
        secretariat.post(`/api/meetings/${meetingId}/decisions`, { title: `Decision ${index + 1}`, texts }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(COUNT).fill(201));
    const numbers = replies.map((reply) => reply.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1));
  });
});
