import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../../test/support/smtp-sink.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../../config.js";
import { sampleEmail } from "../catalogue/catalogue.seed.js";
import { deliverDue, smtpTransport, type Transport } from "./mail/delivery.js";
import { MAX_SUBJECT } from "./mail/templates.js";

let t: TestApp;
let sink: SmtpSink;
let transport: Transport;
let organiser: Agent;
let coordinator: Agent;
let crevalEventId: string;

const mailConfig = () => ({ ...loadConfig({}).mail, smtpUrl: sink.url, concurrency: 4, retryBaseSeconds: 1 });
const deliver = () =>
  deliverDue({ db: t.db, config: mailConfig(), publicUrl: t.config.publicUrl, transport, workerId: "test" });

const personId = async (given: string, family: string) =>
  (
    await t.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", sampleEmail(given, family))
      .executeTakeFirstOrThrow()
  ).id;

const mailTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ publicUrl: "https://accord.example.org" });
  transport = smtpTransport(mailConfig());
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  const creval = await t.db
    .selectFrom("activity")
    .select("id")
    .where("code", "=", "CREVAL-2027")
    .executeTakeFirstOrThrow();
  crevalEventId = (
    await t.db.selectFrom("event").select("id").where("activityId", "=", creval.id).executeTakeFirstOrThrow()
  ).id;
  // Mail that the seed queued is not what these tests look at.
  await t.db.deleteFrom("mailOutbox").execute();
});
afterAll(async () => {
  transport?.close();
  await t?.close();
  await sink?.close();
});

describe("notices and their e-mail", () => {
  it("mails an accepted seat to the coordinator in Azerbaijani, with a link to the event and an .ics", async () => {
    await coordinator.put("/api/notifications/preferences", { email: "coordinator.aze@example.org" });
    await t.db
      .updateTable("appUser")
      .set({ preferredLanguage: "az" })
      .where("id", "=", coordinator.userId!)
      .execute();
    await organiser.put("/api/notifications/preferences", { email: "organiser.school@example.org" });

    const nominated = await coordinator.post(`/api/events/${crevalEventId}/nominations`, {
      personId: await personId("Kamran", "Mammadov"),
      priority: 1,
    });
    expect(nominated.status).toBe(201);
    const accepted = await organiser.post(`/api/nominations/${nominated.body.id}/decision`, {
      decision: "accept",
    });
    expect(accepted.body.status).toBe("accepted");

    // Queued in the same transactions as the changes, nothing sent yet.
    const queued = await t.db.selectFrom("mailOutbox").select(["kind", "toAddress", "status"]).execute();
    expect(queued).toEqual(
      expect.arrayContaining([
        { kind: "nomination.nominated", toAddress: "organiser.school@example.org", status: "pending" },
        { kind: "nomination.accepted", toAddress: "coordinator.aze@example.org", status: "pending" },
      ]),
    );
    expect(sink.messages).toHaveLength(0);

    const result = await deliver();
    expect(result.sent).toBe(queued.length);
    const [mail] = mailTo("coordinator.aze@example.org");
    expect(mail).toBeDefined();
    expect(mail!.subject).toMatch(/^Yer təsdiqləndi: CREVAL-2027 /);
    const link = `https://accord.example.org/catalogue/events/${crevalEventId}`;
    expect(mail!.parsed.text).toContain(link);
    expect(mail!.parsed.text).toContain("Accord-da açın");
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    const headers = mail!.raw.replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(
      /^List-Unsubscribe: <https:\/\/accord\.example\.org\/api\/notifications\/unsubscribe\/[0-9a-f-]{36}>\r$/m,
    );
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    // The .ics parses as iCalendar: one all-day event, the course's dates (DTEND exclusive).
    const ics = mail!.parsed.attachments.find((a) => a.filename === "event.ics");
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString("utf8").replace(/\r\n[ \t]/g, "");
    expect(calendar.split("\r\n")).toEqual(
      expect.arrayContaining([
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "DTSTART;VALUE=DATE:20270308",
        "DTEND;VALUE=DATE:20270313",
        `UID:${crevalEventId}@accord`,
        "END:VEVENT",
        "END:VCALENDAR",
      ]),
    );
    // The link opens the record for the recipient.
    const record = await coordinator.get(`/api/events/${crevalEventId}`);
    expect(record.status).toBe(200);
    // The organiser's e-mail is in English, about the new nomination.
    const [organiserMail] = mailTo("organiser.school@example.org");
    expect(organiserMail!.subject).toMatch(/^New nomination: CREVAL-2027 /);

    // Sent once: a second run finds nothing to do, and every row is marked sent.
    expect((await deliver()).sent).toBe(0);
    const states = await t.db.selectFrom("mailOutbox").select("status").distinct().execute();
    expect(states).toEqual([{ status: "sent" }]);
    expect(sink.count(mail!.messageId)).toBe(1);
  });

  it("lists one's notices with a kind filter and marks all read, paged", async () => {
    const all = await coordinator.get("/api/notifications?limit=1");
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(1);
    expect(all.body.items).toHaveLength(1);
    const nominations = await coordinator.get("/api/notifications?kind=nomination.&limit=100");
    expect(nominations.body.items.every((n: { kind: string }) => n.kind.startsWith("nomination."))).toBe(
      true,
    );
    const count = await coordinator.get("/api/notifications/unread-count");
    expect(count.body.unread).toBe(all.body.unread);
    const marked = await coordinator.post("/api/notifications/read", { ids: "all" });
    expect(marked.body.marked).toBe(all.body.unread);
    expect((await coordinator.get("/api/notifications/unread-count")).body.unread).toBe(0);
  });

  it("keeps in-app-only kinds out of the mail, and one-click unsubscribe turns a kind to in-app only", async () => {
    const prefs = await coordinator.put("/api/notifications/preferences", {
      kinds: [{ kind: "nomination.waitlisted", delivery: "in_app" }],
    });
    expect(prefs.status).toBe(200);
    expect(prefs.body.kinds).toEqual(
      expect.arrayContaining([{ kind: "nomination.waitlisted", delivery: "in_app" }]),
    );
    const farid = await coordinator.post(`/api/events/${crevalEventId}/nominations`, {
      personId: await personId("Farid", "Hasanov"),
      priority: 2,
    });
    await organiser.post(`/api/nominations/${farid.body.id}/decision`, {
      decision: "waitlist",
      reason: "Later",
    });
    const notice = await t.db
      .selectFrom("notification")
      .select("id")
      .where("userId", "=", coordinator.userId!)
      .where("kind", "=", "nomination.waitlisted")
      .executeTakeFirst();
    expect(notice).toBeDefined();
    const mailed = await t.db
      .selectFrom("mailOutbox")
      .select("id")
      .where("notificationId", "=", notice!.id)
      .execute();
    expect(mailed).toHaveLength(0);

    const sent = await t.db
      .selectFrom("mailOutbox")
      .select("id")
      .where("userId", "=", organiser.userId!)
      .where("kind", "=", "nomination.nominated")
      .executeTakeFirstOrThrow();
    const off = await t.anonymous.post(`/api/notifications/unsubscribe/${sent.id}`, {});
    expect(off.status).toBe(200);
    const organiserPrefs = await organiser.get("/api/notifications/preferences");
    expect(organiserPrefs.body.kinds).toEqual(
      expect.arrayContaining([{ kind: "nomination.nominated", delivery: "in_app" }]),
    );
  });

  it("never puts CR/LF from a title into a header, and cuts a 10,000-character title in the subject", async () => {
    await t.db.deleteFrom("mailOutbox").execute();
    const user = await t.signIn({ role: "participant", personNation: "AZE" });
    await t.db
      .updateTable("appUser")
      .set({ email: "long.title@example.org" })
      .where("id", "=", user.userId!)
      .execute();
    const evil = `Budget\r\nBcc: victim@example.org\r\nX-Injected: yes ${"x".repeat(10_000)}`;
    await t.db.transaction().execute(async (trx) => {
      const { notify } = await import("../notices/index.js");
      await notify(trx, {
        recipients: { users: [user.userId] },
        kind: "exchange.received",
        record: { type: "exchange_message", id: crypto.randomUUID(), link: "/exchange" },
        title: evil,
        params: { title: evil },
      });
    });
    await deliver();
    const [mail] = mailTo("long.title@example.org");
    expect(mail).toBeDefined();
    expect(mail!.to).toEqual(["long.title@example.org"]);
    expect(mail!.parsed.headers.has("x-injected")).toBe(false);
    expect(mail!.parsed.bcc).toBeUndefined();
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect([...mail!.subject].length).toBeLessThanOrEqual(MAX_SUBJECT);
    expect(mail!.subject.startsWith("New message: Budget Bcc: victim@example.org X-Injected: yes xxx")).toBe(
      true,
    );
    expect(mail!.subject.endsWith("…")).toBe(true);
  });

  it("refuses an invalid address in the preferences, naming the field", async () => {
    const bad = await coordinator.put("/api/notifications/preferences", {
      email: "not an address\r\nBcc: x@y.z",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("body.email");
  });

  it("retries while the SMTP server is down, then parks the message for an administrator who retries it", async () => {
    await t.db.deleteFrom("mailOutbox").execute();
    const user = await t.signIn({ role: "participant", personNation: "AZE" });
    await t.db
      .updateTable("appUser")
      .set({ email: "retry@example.org" })
      .where("id", "=", user.userId!)
      .execute();
    await t.db.transaction().execute(async (trx) => {
      const { notify } = await import("../notices/index.js");
      await notify(trx, {
        recipients: { users: [user.userId] },
        kind: "exchange.received",
        record: { type: "exchange_message", id: crypto.randomUUID(), link: "/exchange" },
        title: "Retry me",
      });
    });
    await sink.stop();
    try {
      const config = { ...mailConfig(), maxAttempts: 2 };
      const down = smtpTransport(config);
      const first = await deliverDue({ db: t.db, config, publicUrl: t.config.publicUrl, transport: down });
      expect(first).toMatchObject({ sent: 0, failed: 1 });
      const waiting = await t.db.selectFrom("mailOutbox").selectAll().executeTakeFirstOrThrow();
      expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
      expect(waiting.lastError).toBeTruthy();
      expect(first.nextDueAt!.getTime()).toBeGreaterThan(Date.now());
      await sql`update mail_outbox set next_attempt_at = now()`.execute(t.db);
      await deliverDue({ db: t.db, config, publicUrl: t.config.publicUrl, transport: down });
      const parked = await t.db.selectFrom("mailOutbox").selectAll().executeTakeFirstOrThrow();
      expect(parked).toMatchObject({ status: "failed", attempts: 2 });
      down.close();
    } finally {
      await sink.start();
    }
    const admin = await t.signIn({ role: "administrator" });
    const failed = await admin.get("/api/admin/mail?status=failed");
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.counts.failed).toBe(1);
    const retried = await admin.post(`/api/admin/mail/${failed.body.items[0].id}/retry`, {});
    expect(retried.body.retried).toBe(1);
    await deliver();
    expect(mailTo("retry@example.org")).toHaveLength(1);
    expect((await admin.get("/api/admin/mail?status=sent")).body.total).toBe(1);
  });
});
