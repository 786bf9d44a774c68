import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let organiser: Agent;
let otherOrganiser: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let auditor: Agent;
let participant: Agent;
let eventId: string;
let hiddenEventId: string;
let sessions: string[];
const nominations: Record<string, string> = {};

interface Sheet {
  canRecord: boolean;
  sessions: {
    id: string;
    title: string;
    present: number;
    absent: number;
    entries: {
      nominationId: string;
      person: { familyName: string };
      present: boolean;
      note: string | null;
    }[];
  }[];
}

/** An activity of NATO-SCHOOL with one past event of two sessions. */
async function eventFixture(code: string, releasability: "public" | "restricted") {
  const organiserId = await t.organisationId("NATO-SCHOOL");
  const activity = await t.db
    .insertInto("activity")
    .values({
      code,
      titleEn: `Attendance course ${code}`,
      kind: "course",
      menuYear: 2026,
      organiserId,
      ownerOrganisationId: organiserId,
      releasability,
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto("event")
    .values({ activityId: activity.id, startsOn: "2026-02-02", endsOn: "2026-02-03", city: "Oberammergau" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = await t.db
    .insertInto("eventSession")
    .values([
      { eventId: event.id, title: "Day 1", startsAt: "2026-02-02T08:00:00Z", endsAt: "2026-02-02T16:00:00Z" },
      { eventId: event.id, title: "Day 2", startsAt: "2026-02-03T08:00:00Z", endsAt: "2026-02-03T16:00:00Z" },
    ])
    .returning("id")
    .execute();
  return { eventId: event.id, sessions: rows.map((row) => row.id) };
}

async function accepted(event: string, familyName: string, nation: string, personId?: string) {
  const nationId = await t.nationId(nation);
  const person =
    personId ??
    (
      await t.db
        .insertInto("person")
        .values({
          givenName: "Test",
          familyName,
          nationId,
          ownerNationId: nationId,
          releasability: "internal",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const row = await t.db
    .insertInto("nomination")
    .values({ eventId: event, personId: person, nationId, status: "accepted" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  otherOrganiser = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  auditor = await t.signIn({ role: "auditor" });
  participant = await t.signIn({ role: "participant", personNation: "AZE" });
  const fixture = await eventFixture("ATT-READ-1", "public");
  eventId = fixture.eventId;
  sessions = fixture.sessions;
  hiddenEventId = (await eventFixture("ATT-READ-2", "restricted")).eventId;
  const own = await t.db
    .selectFrom("appUser")
    .select("personId")
    .where("id", "=", participant.userId!)
    .executeTakeFirstOrThrow();
  await t.db.updateTable("person").set({ familyName: "Own" }).where("id", "=", own.personId!).execute();
  nominations.Aliyev = await accepted(eventId, "Aliyev", "AZE");
  nominations.Beridze = await accepted(eventId, "Beridze", "GEO");
  nominations.Own = await accepted(eventId, "Own", "AZE", own.personId!);
  // Recorded through the API: the first session in full, the second for one person only.
  const first = await organiser.put(`/api/events/${eventId}/sessions/${sessions[0]}/attendance`, {
    entries: [
      { nominationId: nominations.Aliyev, present: true },
      { nominationId: nominations.Beridze, present: false, note: "flight cancelled" },
      { nominationId: nominations.Own, present: true },
    ],
  });
  expect(first.status).toBe(204);
  await organiser.put(`/api/events/${eventId}/sessions/${sessions[1]}/attendance`, {
    entries: [{ nominationId: nominations.Aliyev, present: false }],
  });
});
afterAll(() => t.close());

const sheetOf = async (agent: Agent, id = eventId) => agent.get<Sheet>(`/api/events/${id}/attendance`);
const namesBySession = (sheet: Sheet) =>
  sheet.sessions.map((session) => session.entries.map((entry) => entry.person.familyName));

describe("reading the attendance recorded per session", () => {
  it("shows the organiser every line of every session, with notes and counts, and that they may record it", async () => {
    const sheet = await sheetOf(organiser);
    expect(sheet.status).toBe(200);
    expect(sheet.body.canRecord).toBe(true);
    expect(sheet.body.sessions.map((s) => s.title)).toEqual(["Day 1", "Day 2"]);
    expect(namesBySession(sheet.body)).toEqual([["Aliyev", "Beridze", "Own"], ["Aliyev"]]);
    expect(sheet.body.sessions.map((s) => [s.present, s.absent])).toEqual([
      [2, 1],
      [0, 1],
    ]);
    const beridze = sheet.body.sessions[0]!.entries.find((e) => e.person.familyName === "Beridze");
    expect(beridze).toMatchObject({
      nominationId: nominations.Beridze,
      present: false,
      note: "flight cancelled",
    });
    // A correction is read back as recorded.
    await organiser.put(`/api/events/${eventId}/sessions/${sessions[1]}/attendance`, {
      entries: [{ nominationId: nominations.Aliyev, present: true, note: "arrived late" }],
    });
    const again = await sheetOf(organiser);
    expect(again.body.sessions[1]!.entries[0]).toMatchObject({ present: true, note: "arrived late" });
    expect((await sheetOf(auditor)).body.sessions[0]!.entries).toHaveLength(3);
  });

  it("shows a nation's coordinator only the nation's lines, a participant only their own, another organisation none", async () => {
    const aze = await sheetOf(azeCoordinator);
    expect(aze.body.canRecord).toBe(false);
    expect(namesBySession(aze.body)).toEqual([["Aliyev", "Own"], ["Aliyev"]]);
    const geo = await sheetOf(geoCoordinator);
    expect(namesBySession(geo.body)).toEqual([["Beridze"], []]);
    expect(geo.body.sessions.map((s) => [s.present, s.absent])).toEqual([
      [0, 1],
      [0, 0],
    ]);
    const own = await sheetOf(participant);
    expect(namesBySession(own.body)).toEqual([["Own"], []]);
    const other = await sheetOf(otherOrganiser);
    expect(other.status).toBe(200);
    expect(other.body.canRecord).toBe(false);
    expect(namesBySession(other.body)).toEqual([[], []]);
  });

  it("answers 401 signed out and 404 for an event the caller may not see or that does not exist", async () => {
    expect((await sheetOf(t.anonymous)).status).toBe(401);
    expect((await sheetOf(azeCoordinator, hiddenEventId)).status).toBe(404);
    expect((await sheetOf(organiser, hiddenEventId)).status).toBe(200);
    expect((await sheetOf(organiser, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
