import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { ATTENTION_ITEMS } from "./attention.queries.js";

let t: TestApp;
let secretariat: Agent;
let coordinatorAze: Agent;
let coordinatorTur: Agent;
let organiserSchool: Agent;
let organiserKaz: Agent;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  secretariat = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  coordinatorAze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  coordinatorTur = await t.signIn({ role: "national_coordinator", nation: "TUR" });
  organiserSchool = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  organiserKaz = await t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC" });
});
afterAll(() => t?.close());

async function meeting(release: string[]) {
  const series = await secretariat.post("/api/meeting-series", {
    code: `ATTN-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    kind: "heads_meeting",
    titleEn: "Attention series",
    ownerOrganisationId: await t.organisationId("CIS-ATC"),
    releasability: "restricted",
    releaseNationIds: await Promise.all(release.map((code) => t.nationId(code))),
  });
  expect(series.status, JSON.stringify(series.body)).toBe(201);
  const created = await secretariat.post("/api/meetings", {
    seriesId: series.body.id,
    startsOn: "2030-01-10",
    endsOn: "2030-01-10",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

describe("what needs me (the home page)", () => {
  it("counts open action items assigned to the viewer's nation, only of meetings the viewer may read", async () => {
    const before = (await coordinatorAze.get("/api/notifications/attention")).body.actionItems.total;
    const released = await meeting(["AZE"]);
    const hidden = await meeting([]);
    const aze = await t.nationId("AZE");
    for (const [meetingId, title, deadline] of [
      [released, "Visible overdue", "2020-01-31"],
      [released, "Visible later", inDays(30)],
      [hidden, "Hidden from AZE", inDays(10)],
    ] as const) {
      const item = await secretariat.post(`/api/meetings/${meetingId}/action-items`, {
        title,
        assigneeNationId: aze,
        deadline,
      });
      expect(item.status, JSON.stringify(item.body)).toBe(201);
    }
    const mine = await coordinatorAze.get("/api/notifications/attention");
    expect(mine.status).toBe(200);
    expect(mine.body.actionItems.total).toBe(before + 2);
    const titles = mine.body.actionItems.items.map((i: { title: string }) => i.title);
    expect(titles).toContain("Visible overdue");
    expect(titles).not.toContain("Hidden from AZE");
    expect(
      mine.body.actionItems.items.find((i: { title: string }) => i.title === "Visible overdue").overdue,
    ).toBe(true);
    // Another nation's coordinator: nothing of AZE's.
    const other = await coordinatorTur.get("/api/notifications/attention");
    expect(other.body.actionItems.items.map((i: { title: string }) => i.title)).not.toContain(
      "Visible later",
    );
  });

  it("counts the nominations waiting for the organiser's decision, not another organisation's", async () => {
    const creval = await t.db
      .selectFrom("activity")
      .innerJoin("event", "event.activityId", "activity.id")
      .select("event.id")
      .where("activity.code", "=", "CREVAL-2027")
      .executeTakeFirstOrThrow();
    const person = await t.signIn({ role: "participant", personNation: "AZE" });
    const personId = (
      await t.db
        .selectFrom("appUser")
        .select("personId")
        .where("id", "=", person.userId!)
        .executeTakeFirstOrThrow()
    ).personId!;
    const before = (await organiserSchool.get("/api/notifications/attention")).body.nominations.total;
    const nominated = await coordinatorAze.post(`/api/events/${creval.id}/nominations`, { personId });
    expect(nominated.status).toBe(201);
    const after = (await organiserSchool.get("/api/notifications/attention")).body;
    expect(after.nominations.total).toBe(before + 1);
    expect(after.nominations.items.length).toBe(Math.min(after.nominations.total, ATTENTION_ITEMS));
    // The count agrees with the organiser's own list of nominations to decide.
    const list = await organiserSchool.get("/api/nominations?scope=organising&status=nominated&limit=1");
    expect(list.body.total).toBe(after.nominations.total);
    expect((await organiserKaz.get("/api/notifications/attention")).body.nominations.total).toBe(0);
    expect((await coordinatorAze.get("/api/notifications/attention")).body.nominations.total).toBe(0);
    // Deciding it takes it off the list.
    await organiserSchool.post(`/api/nominations/${nominated.body.id}/decision`, { decision: "accept" });
    expect((await organiserSchool.get("/api/notifications/attention")).body.nominations.total).toBe(before);
  });

  it("counts unread notices like the bell, and the viewer's own certificates expiring within 90 days", async () => {
    const attention = (await coordinatorAze.get("/api/notifications/attention")).body;
    const bell = (await coordinatorAze.get("/api/notifications/unread-count")).body.unread;
    expect(attention.notices.total).toBe(bell);
    expect(attention.notices.total).toBeGreaterThan(0);

    const holder = await t.signIn({ role: "participant" });
    const certificate = await t.db
      .selectFrom("certificate")
      .select(["id", "personId"])
      .where("revokedAt", "is", null)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("appUser")
      .set({ personId: certificate.personId })
      .where("id", "=", holder.userId!)
      .execute();
    await t.db
      .updateTable("certificate")
      .set({ validUntil: inDays(30) })
      .where("id", "=", certificate.id)
      .execute();
    const own = (await holder.get("/api/notifications/attention")).body;
    expect(own.certificates.items.map((c: { id: string }) => c.id)).toContain(certificate.id);
    expect((await coordinatorTur.get("/api/notifications/attention")).body.certificates.total).toBe(0);
  });

  it("lists the messages waiting for the viewer's acknowledgement until they acknowledge, and only to their side", async () => {
    const before = (await coordinatorAze.get("/api/notifications/attention")).body.messages.total as number;
    const turBefore = (await coordinatorTur.get("/api/notifications/attention")).body.messages
      .total as number;
    const subject = `Attention message ${Math.random().toString(36).slice(2, 8)}`;
    const sent = await secretariat.post("/api/exchange/messages", {
      senderOrganisationId: await t.organisationId("CIS-ATC"),
      subject,
      body: "Please confirm receipt.",
      recipientNationIds: [await t.nationId("AZE")],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    const aze = (await coordinatorAze.get("/api/notifications/attention")).body.messages;
    expect(aze.total).toBe(before + 1);
    expect(aze.items.map((m: { subject: string }) => m.subject)).toContain(subject);
    // The exchange inbox agrees with the count.
    const inbox = await coordinatorAze.get("/api/exchange/messages?box=inbox&unacknowledged=true&limit=1");
    expect(inbox.body.total).toBe(aze.total);
    const tur = (await coordinatorTur.get("/api/notifications/attention")).body.messages;
    expect(tur.total).toBe(turBefore);
    expect(tur.items.map((m: { subject: string }) => m.subject)).not.toContain(subject);

    expect((await coordinatorAze.post(`/api/exchange/messages/${sent.body.id}/acknowledge`, {})).status).toBe(
      200,
    );
    const after = (await coordinatorAze.get("/api/notifications/attention")).body.messages;
    expect(after.total).toBe(before);
    expect(after.items.map((m: { subject: string }) => m.subject)).not.toContain(subject);
  });

  it("refuses the signed-out", async () => {
    expect((await t.anonymous.get("/api/notifications/attention")).status).toBe(401);
  });
});
