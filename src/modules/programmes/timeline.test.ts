import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { TIMELINE_KINDS } from "./timeline.schemas.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let aze: string;
let geo: string;

interface Entry {
  kind: string;
  id: string;
  startsOn: string;
  endsOn: string | null;
  title: string;
}

const entriesOf = async (agent: Agent, query = "") => {
  const reply = await agent.get(`/api/partnership-timeline?nationId=${aze}${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.entries as Entry[];
};
const countByKind = (entries: Entry[]) =>
  Object.fromEntries(
    TIMELINE_KINDS.map((kind) => [kind, entries.filter((entry) => entry.kind === kind).length]),
  );

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  aze = await t.nationId("AZE");
  geo = await t.nationId("GEO");
  // The demo data holds no action item or exchange message of the partner: one of each, through the API.
  const meeting = await t.db
    .selectFrom("meeting")
    .innerJoin("meetingDelegation as md", "md.meetingId", "meeting.id")
    .where("md.nationId", "=", aze)
    .select("meeting.id")
    .orderBy("meeting.startsOn", "desc")
    .executeTakeFirstOrThrow();
  const item = await admin.post(`/api/meetings/${meeting.id}/action-items`, {
    title: "Report on the counter-terrorism training centre",
    assigneeNationId: aze,
    deadline: "2020-06-30",
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  const message = await azeCoordinator.post("/api/exchange/messages", {
    senderNationId: aze,
    subject: "Nominations for the CREVAL course",
    body: "The list of candidates is attached.",
    recipientNationIds: [geo],
  });
  expect(message.status, JSON.stringify(message.body)).toBe(201);
  // Nor any event other than a course that its people attended: an officer at Cooperative Determination 2001.
  const exercise = await t.db
    .selectFrom("event")
    .innerJoin("activity", "activity.id", "event.activityId")
    .where("activity.code", "=", "CD-2001")
    .select("event.id")
    .executeTakeFirstOrThrow();
  const person = await t.db
    .selectFrom("person")
    .where("nationId", "=", aze)
    .select("id")
    .orderBy("familyName")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("nomination")
    .values({
      eventId: exercise.id,
      personId: person.id,
      nationId: aze,
      status: "accepted",
      attendance: "attended",
    })
    .execute();
});
afterAll(() => t.close());

describe("the whole partnership timeline", () => {
  it("shows the partner's coordinator every kind of record, each as often as the partner has them", async () => {
    const entries = await entriesOf(azeCoordinator);
    const counts = countByKind(entries);
    for (const kind of TIMELINE_KINDS) expect(counts[kind], kind).toBeGreaterThan(0);
    // The records of the demo data (src/seed) that belong to the partner, kind by kind, and the three added above
    // (one action item was already assigned to one of the partner's organisations).
    expect(counts).toMatchObject({
      event: 1,
      course: 1,
      certificate: 6,
      accreditation: 2,
      evaluation: 2,
      contribution: 2,
      meeting: 2,
      decision: 3,
      action_item: 2,
      message: 1,
    });
    expect(entries.map((entry) => entry.startsOn)).toEqual(entries.map((entry) => entry.startsOn).sort());
  });

  it("filters by kind and years in the query", async () => {
    const all = await entriesOf(azeCoordinator);
    const filtered = await entriesOf(
      azeCoordinator,
      "&kinds=certificate,evaluation,meeting&fromYear=2015&toYear=2020",
    );
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered.map((entry) => entry.kind))).toEqual(
      new Set(
        ["certificate", "evaluation", "meeting"].filter((kind) => filtered.some((e) => e.kind === kind)),
      ),
    );
    const inYears = (entry: Entry) =>
      ["certificate", "evaluation", "meeting"].includes(entry.kind) &&
      (entry.endsOn ?? entry.startsOn) >= "2015-01-01" &&
      entry.startsOn <= "2020-12-31";
    expect(filtered.map((entry) => entry.id).sort()).toEqual(
      all
        .filter(inYears)
        .map((entry) => entry.id)
        .sort(),
    );
    expect((await entriesOf(azeCoordinator, "&kinds=course")).every((entry) => entry.kind === "course")).toBe(
      true,
    );
    const reversed = await azeCoordinator.get(
      `/api/partnership-timeline?nationId=${aze}&fromYear=2020&toYear=2019`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("query.fromYear");
  });

  it("shows another nation none of the partner's restricted or internal-to-the-partner records", async () => {
    const counts = countByKind(await entriesOf(geoCoordinator));
    // Nominations, certificates and evaluations are the partner's business; the contributions, goals and plans
    // are restricted to it. The message was addressed to Georgia, so Georgia sees it.
    expect(counts).toMatchObject({
      event: 0,
      course: 0,
      certificate: 0,
      goal: 0,
      plan_period: 0,
      message: 1,
    });
    const anonymous = await t.anonymous.get(`/api/partnership-timeline?nationId=${aze}`);
    expect(anonymous.status).toBe(401);
  });
});

describe("timeline export", () => {
  it("answers the filtered timeline as CSV, with the headers in the language asked for", async () => {
    const entries = await entriesOf(azeCoordinator, "&kinds=certificate,contribution");
    const reply = await azeCoordinator.get(
      `/api/partnership-timeline/export?nationId=${aze}&kinds=certificate,contribution&lang=ru`,
    );
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/csv");
    expect(reply.headers["content-disposition"]).toContain("timeline-AZE.csv");
    const text = reply.text.replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Вид,Начало,Окончание,Название,Подробности,Источник,Ссылка,Пример");
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(entries.map((entry) => entry.kind));
  });

  it("neutralises a cell a spreadsheet would run as a formula", async () => {
    const created = await azeCoordinator.post("/api/partnership-milestones", {
      nationId: aze,
      occurredOn: "2003-03-03",
      titleEn: '=HYPERLINK("http://example.org","click")',
      source: "@SUM(A1:A2)",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reply = await azeCoordinator.get(
      `/api/partnership-timeline/export?nationId=${aze}&kinds=milestone&fromYear=2003&toYear=2003`,
    );
    const row = reply.text.split("\r\n").find((line: string) => line.startsWith("milestone,2003-03-03"));
    expect(row).toBe(`milestone,2003-03-03,,"'=HYPERLINK(""http://example.org"",""click"")",,'@SUM(A1:A2),,`);
  });
});
