import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../../test/support/smtp-sink.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../../config.js";
import { deliverDue, smtpTransport, type Transport } from "./mail/delivery.js";

let t: TestApp;
let sink: SmtpSink;
let transport: Transport;

const mailConfig = () => ({ ...loadConfig({}).mail, smtpUrl: sink.url, concurrency: 2, retryBaseSeconds: 1 });
const deliver = () =>
  deliverDue({ db: t.db, config: mailConfig(), publicUrl: t.config.publicUrl, transport, workerId: "test" });

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ publicUrl: "https://accord.example.org" });
  transport = smtpTransport(mailConfig());
});
afterAll(async () => {
  transport?.close();
  await t?.close();
  await sink?.close();
});

const alive = async (agent: Agent) => (await agent.get("/api/auth/session")).body.user !== null;
const newFeed = async (agent: Agent) => {
  const created = await agent.post("/api/calendar/tokens", { scope: "search", search: { q: "CREVAL" } });
  expect(created.status).toBe(201);
  expect((await t.anonymous.get(created.body.url)).status).toBe(200);
  return created.body.url as string;
};

/** A signed-in user with an address, and the token of the reset link that reaches that address. */
async function userWithAddress(address: string) {
  const agent = await t.signIn({ role: "participant" });
  await t.db.updateTable("appUser").set({ email: address }).where("id", "=", agent.userId!).execute();
  const user = await t.db
    .selectFrom("appUser")
    .select("username")
    .where("id", "=", agent.userId!)
    .executeTakeFirstOrThrow();
  return { agent, username: user.username };
}

async function mailedToken(address: string) {
  await deliver();
  const mail = sink.messages.filter((m) => m.to.includes(address)).at(-1);
  expect(mail).toBeDefined();
  const match = /https:\/\/accord\.example\.org\/reset-password#token=([A-Za-z0-9_-]+)/.exec(
    mail!.parsed.text ?? "",
  );
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("self-service password reset", () => {
  it("answers an unknown address exactly like a known one, and mails only the known one", async () => {
    await userWithAddress("known.reset@example.org");
    const known = await t.anonymous.post("/api/auth/password/forgot", { email: "Known.Reset@example.org" });
    const unknown = await t.anonymous.post("/api/auth/password/forgot", { email: "nobody.here@example.org" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const queued = await t.db
      .selectFrom("mailOutbox")
      .select("toAddress")
      .where("kind", "=", "account.password_reset")
      .execute();
    expect(queued).toEqual([{ toAddress: "known.reset@example.org" }]);
  });

  it("ends every session and revokes the account's calendar feed tokens, once, and the new password works", async () => {
    const { agent, username } = await userWithAddress("feeds.reset@example.org");
    const second = await t.login(username);
    const feed = await newFeed(agent);
    const bystander = await newFeed(await t.signIn({ role: "participant" }));
    await t.anonymous.post("/api/auth/password/forgot", { email: "feeds.reset@example.org" });
    const token = await mailedToken("feeds.reset@example.org");

    const reset = await t.anonymous.post("/api/auth/password/reset", {
      token,
      password: "a-new-reset-passphrase-2026",
    });
    expect(reset.status).toBe(200);
    expect(await alive(agent)).toBe(false);
    expect(await alive(second)).toBe(false);
    // The feed URL is a credential too: revoked like on the other paths that end a user's sessions.
    expect((await t.anonymous.get(feed)).status).toBe(404);
    expect((await t.anonymous.get(bystander)).status).toBe(200);
    const audit = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("action", "=", "user.password_reset")
      .where("recordId", "=", agent.userId!)
      .executeTakeFirstOrThrow();
    expect(audit.diff).toEqual({ detail: { sessionsEnded: 2, calendarFeedsRevoked: 1 } });

    // Single use.
    const again = await t.anonymous.post("/api/auth/password/reset", {
      token,
      password: "yet-another-passphrase-2026",
    });
    expect(again.status).toBe(400);
    expect(again.body.fields).toEqual([{ field: "body.token", message: "is invalid, used or expired" }]);
    const signedIn = await t.login(username, "a-new-reset-passphrase-2026");
    expect(await alive(signedIn)).toBe(true);
  });

  it("refuses a link older than 30 minutes and leaves sessions and feeds alone", async () => {
    const { agent } = await userWithAddress("late.reset@example.org");
    const feed = await newFeed(agent);
    await t.anonymous.post("/api/auth/password/forgot", { email: "late.reset@example.org" });
    const token = await mailedToken("late.reset@example.org");
    await sql`update password_reset_token set expires_at = now() - interval '1 second'
      where user_id = ${agent.userId}`.execute(t.db);
    const late = await t.anonymous.post("/api/auth/password/reset", {
      token,
      password: "a-late-reset-passphrase-2026",
    });
    expect(late.status).toBe(400);
    expect(await alive(agent)).toBe(true);
    expect((await t.anonymous.get(feed)).status).toBe(200);
  });
});
