import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let organiser: Agent;
let otherOrganiser: Agent;
let coordinator: Agent;
let exerciseId: string;
let participantId: string;

interface ParticipantBody {
  id: string;
  personnel: number;
  contributions: { kind: string; category: string; quantity: number; description: string | null }[];
}
const participantOf = (body: { participants: ParticipantBody[] }) =>
  body.participants.find((p) => p.id === participantId) as ParticipantBody;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  otherOrganiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "KGZ" });
  const created = await organiser.post("/api/exercises", {
    code: "OSH-ANTITERROR-2029",
    name: "Osh-Antiterror-2029",
    kind: "live",
    status: "planning",
    leadOrganisationId: await t.organisationId("CIS-ATC"),
    startsOn: "2029-05-10",
    endsOn: "2029-05-20",
    releasability: "public",
  });
  expect(created.status).toBe(201);
  exerciseId = created.body.id;
  const joined = await organiser.post(`/api/exercises/${exerciseId}/participants`, {
    nationId: await t.nationId("KGZ"),
    role: "member",
    contributions: [
      { kind: "personnel", category: "special forces", quantity: 40 },
      { kind: "personnel", category: "staff officers", quantity: 8 },
      { kind: "unit", category: "Special unit", quantity: 1 },
    ],
  });
  expect(joined.status).toBe(201);
  participantId = joined.body.participants[0].id;
});
afterAll(() => t.close());

describe("a participant's contributions to an exercise", () => {
  it("the lead organisation's organiser edits and removes lines; the list is replaced and audited before and after", async () => {
    const edited = await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      contributions: [
        { kind: "personnel", category: "special forces", quantity: 55, description: "two companies" },
        { kind: "unit", category: "Special unit", quantity: 1 },
      ],
    });
    expect(edited.status).toBe(200);
    const participant = participantOf(edited.body);
    expect(participant.personnel).toBe(55);
    expect(participant.contributions.map((c) => [c.kind, c.category, c.quantity, c.description])).toEqual([
      ["personnel", "special forces", 55, "two companies"],
      ["unit", "Special unit", 1, null],
    ]);

    const entry = await t.db
      .selectFrom("auditEntry")
      .select(["action", "diff"])
      .where("recordType", "=", "exercise_participant")
      .where("recordId", "=", participantId)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("exercise.participant.update");
    const diff = entry.diff as { before: { contributions: unknown[] }; after: { contributions: unknown[] } };
    expect(diff.before.contributions).toEqual([
      { kind: "personnel", category: "special forces", quantity: 40, description: null },
      { kind: "personnel", category: "staff officers", quantity: 8, description: null },
      { kind: "unit", category: "Special unit", quantity: 1, description: null },
    ]);
    expect(diff.after.contributions).toEqual([
      { kind: "personnel", category: "special forces", quantity: 55, description: "two companies" },
      { kind: "unit", category: "Special unit", quantity: 1, description: null },
    ]);

    // A role change alone leaves the contributions as they are and audits no change of them.
    const role = await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      role: "partner",
    });
    expect(participantOf(role.body).contributions).toHaveLength(2);
    const roleEntry = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", participantId)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(roleEntry.diff).toMatchObject({ before: { role: "member" }, after: { role: "partner" } });
    expect(JSON.stringify(roleEntry.diff)).not.toContain("contributions");

    // An empty list removes them all.
    const emptied = await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      contributions: [],
    });
    expect(participantOf(emptied.body)).toMatchObject({ personnel: 0, contributions: [] });
  });

  it("refuses a category listed twice for one kind (409 naming body.contributions) and keeps the stored lines", async () => {
    await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      contributions: [{ kind: "personnel", category: "medics", quantity: 4 }],
    });
    const twice = await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      contributions: [
        { kind: "personnel", category: "medics", quantity: 4 },
        { kind: "personnel", category: "medics", quantity: 6 },
      ],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.fields[0].field).toBe("body.contributions");
    const negative = await organiser.patch(`/api/exercises/${exerciseId}/participants/${participantId}`, {
      contributions: [{ kind: "personnel", category: "medics", quantity: -1 }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.fields[0].field).toBe("body.contributions.0.quantity");
    const detail = await organiser.get(`/api/exercises/${exerciseId}`);
    expect(participantOf(detail.body).contributions.map((c) => [c.category, c.quantity])).toEqual([
      ["medics", 4],
    ]);
  });

  it("is refused to the participating nation's coordinator and another organisation, and for a participant of another exercise", async () => {
    const body = { contributions: [{ kind: "personnel", category: "medics", quantity: 99 }] };
    const url = `/api/exercises/${exerciseId}/participants/${participantId}`;
    expect((await coordinator.patch(url, body)).status).toBe(403);
    expect((await otherOrganiser.patch(url, body)).status).toBe(403);
    const other = await organiser.post("/api/exercises", {
      code: "OSH-ANTITERROR-2030",
      name: "Osh-Antiterror-2030",
      kind: "table_top",
      status: "planning",
      leadOrganisationId: await t.organisationId("CIS-ATC"),
      startsOn: "2030-05-10",
      endsOn: "2030-05-12",
    });
    const elsewhere = await organiser.patch(
      `/api/exercises/${other.body.id}/participants/${participantId}`,
      body,
    );
    expect(elsewhere.status).toBe(404);
    const detail = await organiser.get(`/api/exercises/${exerciseId}`);
    expect(participantOf(detail.body).contributions.map((c) => c.quantity)).toEqual([4]);
  });
});
