import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { verifyAuditChain } from "./index.js";

let t: TestApp;
let first: Agent;
let second: Agent;
let auditor: Agent;

beforeAll(async () => {
  t = await createTestApp();
  first = await t.signIn({ role: "administrator", username: "first.admin" });
  second = await t.signIn({ role: "administrator", username: "second.admin" });
  auditor = await t.signIn({ role: "auditor" });
  // Both administrators write, so a filter that lets everything through shows the other's entries.
  for (const [agent, codes] of [
    [first, ["QRA", "QRB"]],
    [second, ["QRC", "QRD", "QRE"]],
  ] as const) {
    for (const code of codes) {
      const reply = await agent.post("/api/nations", {
        code,
        nameEn: code,
        nameAz: code,
        nameRu: code,
        nonIsoCode: true,
      });
      expect(reply.status, reply.text).toBe(201);
    }
  }
});
afterAll(() => t.close());

describe("the audit viewer's actor filters", () => {
  it("lists only the entries of the account asked for", async () => {
    const page = await auditor.get(`/api/audit?actorUserId=${first.userId}&action=nation.create`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((e: { actorUserId: string }) => e.actorUserId)).toEqual([
      first.userId,
      first.userId,
    ]);
    const other = await auditor.get(`/api/audit?actorUserId=${second.userId}&action=nation.create`);
    expect(other.body.total).toBe(3);
  });

  it("lists only the entries whose actor's name contains the text", async () => {
    const page = await auditor.get("/api/audit?actor=SECOND.adm&action=nation.create");
    expect(page.body.total).toBe(3);
    expect(new Set(page.body.items.map((e: { actorLabel: string }) => e.actorLabel))).toEqual(
      new Set(["second.admin"]),
    );
    expect((await auditor.get("/api/audit?actor=nobody-by-this-name")).body.total).toBe(0);
  });
});

describe("the audit viewer's other filters", () => {
  const countWhere = async (column: "recordType" | "action", value: string) =>
    Number(
      (
        await t.db
          .selectFrom("auditEntry")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(column, "=", value)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("lists only the entries of the record type asked for", async () => {
    // Sign-ins wrote entries of another record type; a filter that lets everything through lists them too.
    const nations = await countWhere("recordType", "nation");
    expect(nations).toBeGreaterThanOrEqual(5);
    const page = await auditor.get("/api/audit?recordType=nation&limit=100");
    expect(page.body.total).toBe(nations);
    expect(new Set(page.body.items.map((e: { recordType: string }) => e.recordType))).toEqual(
      new Set(["nation"]),
    );
  });

  it("takes an action without a final dot as that action only, not as a prefix", async () => {
    // auth.login is a prefix of auth.login_failed: a failed sign-in must not be listed under auth.login.
    await expect(t.login("first.admin", "not the password")).rejects.toThrow();
    expect(await countWhere("action", "auth.login_failed")).toBeGreaterThan(0);
    const page = await auditor.get("/api/audit?action=auth.login&limit=100");
    expect(page.body.total).toBe(await countWhere("action", "auth.login"));
    expect(new Set(page.body.items.map((e: { action: string }) => e.action))).toEqual(
      new Set(["auth.login"]),
    );
    const prefix = await auditor.get("/api/audit?action=auth.login_&limit=100");
    expect(prefix.body.total).toBe(0);
  });

  it("lists the entries from the first instant up to, not including, the last", async () => {
    // Boundaries to the microsecond, at two entries themselves: from includes its entry, to excludes its own.
    const entries = await t.db
      .selectFrom("auditEntry")
      .select([
        "seq",
        sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("at"),
      ])
      .where("action", "=", "nation.create")
      .orderBy("seq")
      .execute();
    expect(entries).toHaveLength(5);
    const page = await auditor.get(
      `/api/audit?action=nation.create&from=${entries[1]!.at}&to=${entries[3]!.at}`,
    );
    expect(page.status, page.text).toBe(200);
    expect(page.body.items.map((e: { seq: number }) => Number(e.seq)).sort()).toEqual(
      [entries[1]!.seq, entries[2]!.seq].map(Number).sort(),
    );
  });
});

describe("the audit chain", () => {
  it("gives away a forged entry whose own hash was recomputed, at the entry after it", async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const entries = await t.db
      .selectFrom("auditEntry")
      .select("seq")
      .where("action", "=", "nation.create")
      .orderBy("seq")
      .execute();
    expect(entries.length).toBe(5);
    const forged = Number(entries[1]!.seq);
    // The forger rewrites the entry and its hash consistently; only the next entry's link can tell.
    await sql`alter table audit_entry disable trigger audit_entry_no_update`.execute(t.db);
    await sql`update audit_entry
      set diff = jsonb_set(diff, '{after,nameEn}', '"Forged"'),
        hash = accord_audit_hash(prev_hash, seq, occurred_at, actor_user_id, actor_label, action, record_type,
          record_id, jsonb_set(diff, '{after,nameEn}', '"Forged"'), request_id)
      where seq = ${forged}`.execute(t.db);
    await sql`alter table audit_entry enable trigger audit_entry_no_update`.execute(t.db);
    const row = await t.db
      .selectFrom("auditEntry")
      .select(["diff"])
      .where("seq", "=", forged)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.diff)).toContain("Forged");

    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAt: forged + 1,
      reason: "its previous-hash does not match the entry before it",
    });
  });
});
