import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedMeetings } from "./index.js";

let t: TestApp;
let admin: Agent;
let secretariat: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  secretariat = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
});
afterAll(() => t.close());

let seriesCounter = 0;
async function newSeries(code = `TEST-SERIES-${++seriesCounter}`) {
  const reply = await secretariat.post("/api/meeting-series", {
    code,
    kind: "heads_meeting",
    titleEn: `Test series ${code}`,
    ownerOrganisationId: await t.organisationId("CIS-ATC"),
    releasability: "restricted",
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

async function newMeeting(seriesId: string, startsOn: string, number?: number) {
  const reply = await secretariat.post("/api/meetings", {
    seriesId,
    ...(number ? { number } : {}),
    startsOn,
    endsOn: startsOn,
    city: "Moscow",
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

function multipart(filename: string, contentType: string, content: string) {
  const boundary = `----accord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(agent: Agent, url: string, filename: string, content: string) {
  const body = multipart(filename, "text/plain", content);
  const response = await t.app.inject({
    method: "POST",
    url,
    headers: {
      cookie: agent.cookie!,
      "x-csrf-token": agent.csrfToken!,
      "content-type": body.contentType,
    },
    payload: body.payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

describe("meetings and decisions", () => {
  it("numbers meetings in their series and refuses a number already taken", async () => {
    const seriesId = await newSeries();
    const first = await newMeeting(seriesId, "2018-10-10");
    const second = await newMeeting(seriesId, "2019-10-16");
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.numeral).toBe("II");
    const twelfth = await newMeeting(seriesId, "2029-10-16", 12);
    expect(twelfth.numeral).toBe("XII");
    const duplicate = await secretariat.post("/api/meetings", {
      seriesId,
      number: 2,
      startsOn: "2020-01-01",
      endsOn: "2020-01-01",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.number");
    const reversed = await secretariat.post("/api/meetings", {
      seriesId,
      startsOn: "2020-01-02",
      endsOn: "2020-01-01",
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("body.endsOn");
  });

  it("numbers decisions within each meeting of a series as XII/1, XII/2 and restarts at the next meeting", async () => {
    const seriesId = await newSeries();
    const xii = await newMeeting(seriesId, "2019-10-16", 12);
    const xiii = await newMeeting(seriesId, "2020-10-16", 13);
    const texts = [{ language: "ru", body: "Текст решения", translationStatus: "original" }];
    const a = await secretariat.post(`/api/meetings/${xii.id}/decisions`, { title: "First", texts });
    const b = await secretariat.post(`/api/meetings/${xii.id}/decisions`, {
      title: "Second",
      texts: [...texts, { language: "en", body: "Decision text", translationStatus: "pending" }],
    });
    const c = await secretariat.post(`/api/meetings/${xiii.id}/decisions`, { title: "Third", texts });
    expect([a.body.reference, b.body.reference, c.body.reference]).toEqual(["XII/1", "XII/2", "XIII/1"]);
    expect(b.body.texts).toEqual([
      { language: "ru", body: "Текст решения", translationStatus: "original" },
      { language: "en", body: "Decision text", translationStatus: "pending" },
    ]);
    const official = await secretariat.patch(`/api/decisions/${b.body.id}`, {
      texts: [{ language: "en", body: "Decision text", translationStatus: "official" }],
    });
    expect(official.body.texts[1].translationStatus).toBe("official");
    const list = await secretariat.get(`/api/meeting-series/${seriesId}/decisions`);
    expect(list.body.items.map((d: { reference: string }) => d.reference)).toEqual([
      "XII/1",
      "XII/2",
      "XIII/1",
    ]);
  });

  it("gives meetings prepared at the same time distinct numbers", async () => {
    const seriesId = await newSeries();
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        secretariat.post("/api/meetings", { seriesId, startsOn: `202${i}-05-01`, endsOn: `202${i}-05-02` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(replies.map((r) => r.body.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("gives concurrent decisions distinct consecutive numbers", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2019-10-16");
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        secretariat.post(`/api/meetings/${meeting.id}/decisions`, {
          title: `Parallel ${i}`,
          texts: [{ language: "en", body: "x" }],
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = replies.map((r) => r.body.number).sort((x: number, y: number) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("shows a meeting's agenda, delegations, minutes and decisions, and keeps other nations' hands off", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2019-10-16");
    await secretariat.post(`/api/meetings/${meeting.id}/agenda`, {
      title: "Opening",
      presenterOrganisationId: await t.organisationId("CIS-ATC"),
    });
    await secretariat.post(`/api/meetings/${meeting.id}/delegations`, {
      nationId: await t.nationId("KGZ"),
      headName: "Head of delegation",
      members: [{ name: "Expert", position: "Analyst" }],
    });
    const twice = await secretariat.post(`/api/meetings/${meeting.id}/delegations`, {
      nationId: await t.nationId("KGZ"),
    });
    expect(twice.status).toBe(409);
    const patched = await secretariat.patch(`/api/meetings/${meeting.id}`, {
      minutes: "The meeting opened.",
      status: "held",
    });
    expect(patched.body).toMatchObject({ minutes: "The meeting opened.", status: "held", canEdit: true });
    expect(patched.body.agenda[0]).toMatchObject({
      position: 1,
      title: "Opening",
      presenterOrganisation: { code: "CIS-ATC" },
    });
    expect(patched.body.delegations[0]).toMatchObject({
      nation: { code: "KGZ" },
      members: [{ name: "Expert", position: "Analyst" }],
    });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "KGZ" });
    expect((await coordinator.patch(`/api/meetings/${meeting.id}`, { minutes: "x" })).status).toBe(404);
    expect((await coordinator.get(`/api/meetings?seriesId=${seriesId}`)).body.total).toBe(0);
  });

  it("loads the coordination centre's series, the XII meeting of 2019 and the January 2002 visit", async () => {
    const viewer = await t.signIn({ role: "auditor" });
    const series = await viewer.get("/api/meeting-series?q=national anti-terrorism centres");
    const heads = series.body.items.find((s: { code: string }) => s.code === "CIS-ATC-HEADS-NATC");
    expect(heads).toMatchObject({ sinceYear: 2008, sample: false });
    const meetings = await viewer.get(`/api/meetings?seriesId=${heads.id}`);
    const xii = meetings.body.items.find((m: { number: number }) => m.number === 12);
    expect(xii).toMatchObject({ numeral: "XII", startsOn: expect.stringMatching(/^2019-/), sample: true });
    const detail = await viewer.get(`/api/meetings/${xii.id}`);
    expect(detail.body.decisions.map((d: { reference: string }) => d.reference)).toEqual([
      "XII/1",
      "XII/2",
      "XII/3",
    ]);
    const visits = await viewer.get("/api/meetings?q=Parliamentary Assembly");
    const visit = visits.body.items.find((m: { city: string }) => m.city === "Baku");
    expect(visit.startsOn).toBe("2002-01-01");
    const visitDetail = await viewer.get(`/api/meetings/${visit.id}`);
    expect(visitDetail.body.agenda.map((a: { title: string }) => a.title)).toEqual([
      "Meeting with the head of state",
      "Meeting with the speaker of the parliament",
      "Meeting with the minister of defence",
      "Meeting with the minister of foreign affairs",
    ]);
  });
});

describe("API description", () => {
  it("documents the meetings and exchange routes in the OpenAPI document", async () => {
    const reply = await t.anonymous.get("/api/openapi.json");
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/meetings/{id}/decisions",
        "/api/action-items",
        "/api/exchange/messages/{id}/acknowledge",
        "/api/exchange/messages/{id}/forward",
      ]),
    );
  });
});

describe("demo data", () => {
  it("loads again without adding anything", async () => {
    const count = async () =>
      Promise.all(
        (
          ["meetingSeries", "meeting", "meetingDecision", "meetingActionItem", "exchangeMessage"] as const
        ).map(
          async (table) =>
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
        ),
      );
    const before = await count();
    await seedMeetings(t.db);
    expect(await count()).toEqual(before);
  });
});

describe("action items", () => {
  it("refuses an action item without a deadline, and a patch that removes it, naming the field", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2024-03-01");
    const assigneeNationId = await t.nationId("KAZ");
    const url = `/api/meetings/${meeting.id}/action-items`;
    const missing = await secretariat.post(url, { title: "No deadline", assigneeNationId });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toContain("body.deadline");
    const nulled = await secretariat.post(url, { title: "Null deadline", assigneeNationId, deadline: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.fields[0].field).toBe("body.deadline");
    const item = await secretariat.post(url, { title: "Dated", assigneeNationId, deadline: "2024-06-30" });
    expect(item.status).toBe(201);
    const cleared = await secretariat.patch(`/api/action-items/${item.body.id}`, { deadline: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.fields[0].field).toBe("body.deadline");
  });

  it("refuses a second agenda item with the same number, naming the field", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2024-04-01");
    const url = `/api/meetings/${meeting.id}/agenda`;
    expect((await secretariat.post(url, { title: "Opening", position: 1 })).status).toBe(201);
    const duplicate = await secretariat.post(url, { title: "Also first", position: 1 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.position");
  });

  it("carries items over to later meetings until they are closed, with the history of reviews", async () => {
    const seriesId = await newSeries();
    const first = await newMeeting(seriesId, "2020-01-10");
    const second = await newMeeting(seriesId, "2021-01-10");
    const third = await newMeeting(seriesId, "2022-01-10");
    const kgz = await t.organisationId("KGZ-SCNS-ATC");
    const a = await secretariat.post(`/api/meetings/${first.id}/action-items`, {
      title: "Item A",
      assigneeOrganisationId: kgz,
      deadline: "2020-06-30",
    });
    const b = await secretariat.post(`/api/meetings/${first.id}/action-items`, {
      title: "Item B",
      assigneeNationId: await t.nationId("KAZ"),
      deadline: "2020-06-30",
    });
    expect(a.status).toBe(201);
    const reviewed = await secretariat.post(`/api/action-items/${a.body.id}/reviews`, {
      meetingId: second.id,
      status: "done",
      note: "Closed",
    });
    expect(reviewed.status).toBe(201);
    expect(reviewed.body).toMatchObject({ status: "done", closedOn: "2021-01-10" });
    await secretariat.post(`/api/action-items/${b.body.id}/reviews`, {
      meetingId: second.id,
      note: "Still open",
    });

    const atSecond = await secretariat.get(`/api/meetings/${second.id}/action-items`);
    expect(atSecond.body.carriedOver.map((i: { title: string }) => i.title).sort()).toEqual([
      "Item A",
      "Item B",
    ]);
    expect(atSecond.body.raised).toEqual([]);
    const atThird = await secretariat.get(`/api/meetings/${third.id}/action-items`);
    expect(atThird.body.carriedOver.map((i: { title: string }) => i.title)).toEqual(["Item B"]);
    expect(atThird.body.carriedOver[0]).toMatchObject({ overdue: true, raisedAt: { numeral: "I" } });

    const history = await secretariat.get(`/api/action-items/${b.body.id}`);
    expect(history.body.reviews).toEqual([
      expect.objectContaining({ meetingId: second.id, numeral: "II", status: "open", note: "Still open" }),
    ]);
    const early = await secretariat.post(`/api/action-items/${b.body.id}/reviews`, { meetingId: first.id });
    expect(early.status).toBe(201);
  });

  it("computes overdue from the deadline and the date, and never for closed items", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2021-01-10");
    const owner = { assigneeOrganisationId: await t.organisationId("KAZ-NSC-ATC") };
    const due = await secretariat.post(`/api/meetings/${meeting.id}/action-items`, {
      title: "Due mid-year",
      deadline: "2021-06-30",
      ...owner,
    });
    const past = await secretariat.post(`/api/meetings/${meeting.id}/action-items`, {
      title: "Long past",
      deadline: "2000-01-01",
      ...owner,
    });
    const future = await secretariat.post(`/api/meetings/${meeting.id}/action-items`, {
      title: "Far future",
      deadline: "2999-01-01",
      ...owner,
    });
    const closed = await secretariat.post(`/api/meetings/${meeting.id}/action-items`, {
      title: "Closed late",
      deadline: "2000-01-01",
      ...owner,
    });
    await secretariat.patch(`/api/action-items/${closed.body.id}`, {
      status: "done",
      closedOn: "2021-02-01",
    });

    const overdueOn = async (asOf: string) =>
      (await secretariat.get(`/api/action-items?seriesId=${seriesId}&overdue=true&asOf=${asOf}`)).body.items
        .map((i: { title: string }) => i.title)
        .sort();
    expect(await overdueOn("2021-06-30")).toEqual(["Long past"]);
    expect(await overdueOn("2021-07-01")).toEqual(["Due mid-year", "Long past"]);
    const today = await secretariat.get(`/api/action-items?seriesId=${seriesId}`);
    const flags = Object.fromEntries(
      today.body.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue]),
    );
    expect(flags).toEqual({
      "Due mid-year": true,
      "Long past": true,
      "Far future": false,
      "Closed late": false,
    });
    expect(today.body.items[0].overdue).toBe(true);
    expect(future.body.overdue).toBe(false);
    expect(due.body.overdue).toBe(true);
    expect(past.status).toBe(201);
  });

  it("lets the assignee report progress and evidence but not change the deadline", async () => {
    const seriesId = await newSeries();
    const meeting = await newMeeting(seriesId, "2021-01-10");
    const item = await secretariat.post(`/api/meetings/${meeting.id}/action-items`, {
      title: "Report",
      deadline: "2030-01-01",
      assigneeOrganisationId: await t.organisationId("KGZ-SCNS-ATC"),
    });
    const assignee = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
    // The series is restricted to the centre: the assignee sees its item once the meeting is released to it.
    await secretariat.patch(`/api/meetings/${meeting.id}`, {
      releaseOrganisationIds: [await t.organisationId("KGZ-SCNS-ATC")],
    });
    const progress = await assignee.patch(`/api/action-items/${item.body.id}`, {
      status: "in_progress",
      evidence: "Draft sent",
    });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: "in_progress", evidence: "Draft sent", closedOn: null });
    const deadline = await assignee.patch(`/api/action-items/${item.body.id}`, { deadline: "2040-01-01" });
    expect(deadline.status).toBe(403);
    expect(deadline.body.fields[0].field).toBe("body.deadline");
    const file = await upload(
      assignee,
      `/api/action-items/${item.body.id}/evidence`,
      "report.txt",
      "evidence",
    );
    expect(file.status).toBe(201);
    expect(file.body.evidenceFiles[0]).toMatchObject({ filename: "report.txt", contentType: "text/plain" });
    const other = await t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC" });
    expect((await other.patch(`/api/action-items/${item.body.id}`, { status: "done" })).status).toBe(404);
  });
});

describe("information exchange", () => {
  let centre: Agent;
  let kgz: Agent;
  let kaz: Agent;
  let aze: Agent;
  let ids: Record<string, string>;

  beforeAll(async () => {
    centre = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
    kgz = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
    kaz = await t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC" });
    aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    ids = {
      CIS: await t.organisationId("CIS-ATC"),
      KGZ: await t.organisationId("KGZ-SCNS-ATC"),
      KAZ: await t.organisationId("KAZ-NSC-ATC"),
      AZE: await t.organisationId("AZE-SSS"),
    };
  });

  async function send(subject: string, extra: Record<string, unknown> = {}) {
    const reply = await centre.post("/api/exchange/messages", {
      senderOrganisationId: ids.CIS,
      subject,
      body: "Zygomorphic threat assessment attached.",
      recipientOrganisationIds: [ids.KGZ],
      ...extra,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  it("shows a message only to the sender's side and the named recipients, in lists, search, counts and detail", async () => {
    const message = await send("Quarterly bulletin Xylophone");
    for (const [agent, visible] of [
      [centre, true],
      [kgz, true],
      [admin, true],
      [kaz, false],
      [aze, false],
    ] as const) {
      const search = await agent.get("/api/exchange/messages?q=Xylophone");
      expect(search.body.total, agent.userId!).toBe(visible ? 1 : 0);
      const bodySearch = await agent.get("/api/exchange/messages?q=zygomorphic");
      expect(bodySearch.body.items.some((m: { id: string }) => m.id === message.id)).toBe(visible);
      expect((await agent.get(`/api/exchange/messages/${message.id}`)).status).toBe(visible ? 200 : 404);
      expect((await agent.get(`/api/exchange/threads/${message.threadId}`)).status).toBe(visible ? 200 : 404);
    }
    const kgzInbox = await kgz.get("/api/exchange/messages?box=inbox&q=Xylophone");
    expect(kgzInbox.body.items[0]).toMatchObject({ side: "recipient", awaitingMyAcknowledgement: true });
    const kgzCounts = await kgz.get("/api/exchange/counts");
    const kazCounts = await kaz.get("/api/exchange/counts");
    expect(kgzCounts.body.inbox).toBeGreaterThanOrEqual(1);
    const kazBefore = kazCounts.body;
    await send("Another for Kyrgyzstan only");
    expect((await kaz.get("/api/exchange/counts")).body).toEqual(kazBefore);
    expect((await kgz.get("/api/exchange/counts")).body.inbox).toBe(kgzCounts.body.inbox + 1);
    const sent = await centre.get("/api/exchange/messages?box=sent&q=Xylophone");
    expect(sent.body.items[0]).toMatchObject({ side: "sender", sender: { code: "CIS-ATC" } });
  });

  it("refuses to send in the name of a centre the user does not act for", async () => {
    const reply = await kaz.post("/api/exchange/messages", {
      senderOrganisationId: ids.KGZ,
      subject: "Spoofed",
      recipientOrganisationIds: [ids.AZE],
    });
    expect(reply.status).toBe(403);
    expect(reply.body.fields[0].field).toBe("body.senderOrganisationId");
  });

  it("records an acknowledgement once and answers the first time to a repeat", async () => {
    const message = await send("Please acknowledge");
    const first = await kgz.post(`/api/exchange/messages/${message.id}/acknowledge`, {});
    expect(first.status).toBe(200);
    expect(first.body.receipts).toHaveLength(1);
    expect(first.body.receipts[0].alreadyAcknowledged).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await kgz.post(`/api/exchange/messages/${message.id}/acknowledge`, {});
    expect(second.status).toBe(200);
    expect(second.body.receipts[0]).toMatchObject({
      acknowledgedAt: first.body.receipts[0].acknowledgedAt,
      alreadyAcknowledged: true,
    });
    const count = await t.db
      .selectFrom("exchangeAcknowledgement")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("recipientId", "=", first.body.receipts[0].recipientId)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const seen = await centre.get(`/api/exchange/messages/${message.id}`);
    expect(seen.body.recipients[0]).toMatchObject({
      party: { code: "KGZ-SCNS-ATC" },
      acknowledgedAt: first.body.receipts[0].acknowledgedAt,
      acknowledgedBy: expect.stringContaining("Test"),
    });
    expect((await kaz.post(`/api/exchange/messages/${message.id}/acknowledge`, {})).status).toBe(404);
    // Two people of the same centre acknowledging at once still make one receipt.
    const racing = await send("Acknowledged twice at once");
    const colleague = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
    const [x, y] = await Promise.all([
      kgz.post(`/api/exchange/messages/${racing.id}/acknowledge`, {}),
      colleague.post(`/api/exchange/messages/${racing.id}/acknowledge`, {}),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body.receipts[0].acknowledgedAt).toBe(y.body.receipts[0].acknowledgedAt);
    expect([x.body.receipts[0].alreadyAcknowledged, y.body.receipts[0].alreadyAcknowledged].sort()).toEqual([
      false,
      true,
    ]);
    expect((await centre.post(`/api/exchange/messages/${message.id}/acknowledge`, {})).status).toBe(403);
  });

  it("forwards only within the original release list, in the same thread", async () => {
    const message = await send("Releasable to Kazakhstan too", { releaseOrganisationIds: [ids.KAZ] });
    const widened = await kgz.post(`/api/exchange/messages/${message.id}/forward`, {
      recipientOrganisationIds: [ids.AZE],
    });
    expect(widened.status).toBe(403);
    expect(widened.body.fields[0].field).toBe("body.recipientOrganisationIds");
    const forward = await kgz.post(`/api/exchange/messages/${message.id}/forward`, {
      note: "For your information",
      recipientOrganisationIds: [ids.KAZ],
    });
    expect(forward.status).toBe(201);
    expect(forward.body).toMatchObject({
      threadId: message.threadId,
      forwardedFromId: message.id,
      sender: { code: "KGZ-SCNS-ATC" },
      releaseOrganisationIds: expect.arrayContaining([ids.CIS, ids.KGZ, ids.KAZ]),
    });
    expect(forward.body.releaseOrganisationIds).toHaveLength(3);
    // Kazakhstan reads the forward but not the original, to which it was not named.
    expect((await kaz.get(`/api/exchange/messages/${forward.body.id}`)).status).toBe(200);
    expect((await kaz.get(`/api/exchange/messages/${message.id}`)).status).toBe(404);
    // Each party sees the messages of the thread it sends or is named in: the forwarder both, the centre its own.
    const thread = await kgz.get(`/api/exchange/threads/${message.threadId}`);
    expect(thread.body.items.map((m: { id: string }) => m.id)).toEqual([message.id, forward.body.id]);
    const centreThread = await centre.get(`/api/exchange/threads/${message.threadId}`);
    expect(centreThread.body.items.map((m: { id: string }) => m.id)).toEqual([message.id]);
    const kazThread = await kaz.get(`/api/exchange/threads/${message.threadId}`);
    expect(kazThread.body.items.map((m: { id: string }) => m.id)).toEqual([forward.body.id]);
    const outsider = await kaz.post(`/api/exchange/messages/${forward.body.id}/forward`, {
      recipientNationIds: [await t.nationId("AZE")],
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.fields[0].field).toBe("body.recipientNationIds");
  });

  it("audits every read of a message and of its attachments", async () => {
    const message = await send("With attachment");
    const attached = await upload(
      centre,
      `/api/exchange/messages/${message.id}/attachments`,
      "note.txt",
      "hello",
    );
    expect(attached.status).toBe(201);
    const attachmentId = attached.body.attachments[0].id;
    expect((await kaz.get(`/api/exchange/messages/${message.id}/attachments/${attachmentId}`)).status).toBe(
      404,
    );
    const download = await kgz.get(`/api/exchange/messages/${message.id}/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.text).toBe("hello");
    await kgz.get(`/api/exchange/messages/${message.id}`);
    const log = await centre.get(`/api/exchange/messages/${message.id}/access-log`);
    expect(log.status).toBe(200);
    const reads = log.body.items.filter((e: { action: string }) => e.action === "exchange.document.read");
    expect(reads.map((e: { recordType: string }) => e.recordType).sort()).toEqual([
      "exchange_attachment",
      "exchange_message",
    ]);
    expect((await kgz.get(`/api/exchange/messages/${message.id}/access-log`)).status).toBe(403);
    const notSender = await upload(kgz, `/api/exchange/messages/${message.id}/attachments`, "x.txt", "x");
    expect(notSender.status).toBe(403);
  });

  it("refuses a file added after a recipient acknowledged receipt: the receipt covers what was received", async () => {
    const message = await send("Acknowledged content");
    const before = await upload(centre, `/api/exchange/messages/${message.id}/attachments`, "a.txt", "first");
    expect(before.status).toBe(201);
    expect((await kgz.post(`/api/exchange/messages/${message.id}/acknowledge`, {})).status).toBe(200);
    const after = await upload(centre, `/api/exchange/messages/${message.id}/attachments`, "b.txt", "later");
    expect(after.status).toBe(409);
    expect(after.body.code).toBe("INVALID_STATE");
    expect(after.body.message).toContain("acknowledged");
    expect(after.body.fields[0].field).toBe("file");
    const detail = await kgz.get(`/api/exchange/messages/${message.id}`);
    expect(detail.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(["a.txt"]);
  });
});
