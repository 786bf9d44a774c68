import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { verifyAuditChain } from "./index.js";

const run = promisify(execFile);
let t: TestApp;
let admin: Agent;
let auditor: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator", username: "audit.admin" });
  auditor = await t.signIn({ role: "auditor", username: "global.auditor" });
  for (const code of ["QAA", "QAB", "QAC"]) {
    await admin.post("/api/nations", {
      code,
      nameEn: `Nation ${code}`,
      nameAz: code,
      nameRu: code,
      nonIsoCode: true,
    });
  }
});
afterAll(() => t.close());

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      env: { ...process.env, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: "silent" },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe("audit viewer API", () => {
  it("records who created what, with the request id, and filters by actor, record and action", async () => {
    const created = await admin.request(
      "POST",
      "/api/nations",
      { code: "QAD", nameEn: "Nation QAD", nameAz: "QAD", nameRu: "QAD", nonIsoCode: true },
      { "x-request-id": "req-audit-test-0001" },
    );
    const page = await auditor.get(`/api/audit?recordType=nation&recordId=${created.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({
      action: "nation.create",
      actorLabel: "audit.admin",
      actorUserId: admin.userId,
      requestId: "req-audit-test-0001",
      diff: { after: { code: "QAD", nameEn: "Nation QAD" } },
    });
    const byActor = await auditor.get(`/api/audit?actorUserId=${admin.userId}&action=nation.create`);
    expect(byActor.body.total).toBe(4);
    const byPrefix = await auditor.get("/api/audit?action=auth.&actor=audit.adm");
    expect(byPrefix.body.items.every((e: { action: string }) => e.action.startsWith("auth."))).toBe(true);
    expect(byPrefix.body.total).toBeGreaterThanOrEqual(1);
  });

  it("filters by time range and names a reversed range", async () => {
    const future = await auditor.get("/api/audit?from=2999-01-01T00:00:00Z");
    expect(future.body.total).toBe(0);
    const reversed = await auditor.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("query.to");
  });

  it("is closed to everyone but administrators and global auditors", async () => {
    const scoped = await t.signIn({ role: "auditor", nation: "AZE" });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    for (const agent of [scoped, coordinator]) {
      expect((await agent.get("/api/audit")).status).toBe(403);
      expect((await agent.get("/api/audit/export.csv")).status).toBe(403);
      expect((await agent.get("/api/audit/verify")).status).toBe(403);
    }
    expect((await t.anonymous.get("/api/audit")).status).toBe(401);
    expect((await admin.get("/api/audit")).status).toBe(200);
  });

  it("exports the filtered entries as CSV, neutralising formulas", async () => {
    await admin.post("/api/nations", {
      code: "QAE",
      nameEn: '=HYPERLINK("x")',
      nameAz: "QAE",
      nameRu: "QAE",
      nonIsoCode: true,
    });
    const reply = await auditor.get("/api/audit/export.csv?recordType=nation&action=nation.create");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/csv");
    expect(reply.headers["content-disposition"]).toMatch(/attachment; filename="accord-audit-.*\.csv"/);
    const lines = reply.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "seq,occurred_at,actor_user_id,actor,action,record_type,record_id,diff,request_id,prev_hash,hash",
    );
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((line) => line.includes(",nation.create,nation,"))).toBe(true);
    expect(reply.text).toContain("QAE");
    expect(reply.text).not.toMatch(/,=HYPERLINK/);
  });
});

describe("tamper evidence", () => {
  it("refuses plain updates and deletes of audit rows", async () => {
    await expect(
      sql`update audit_entry set actor_label = 'someone else' where seq = 1`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_entry where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_entry`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("verifies an intact chain through the API and the CLI", async () => {
    const verdict = await auditor.get("/api/audit/verify");
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ ok: true });
    expect(verdict.body.entries).toBeGreaterThanOrEqual(5);
    const result = await cli("audit", "verify");
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Audit chain verified: ${verdict.body.entries} entries`);
  });

  it("detects a row edited behind the application's back, at that entry", async () => {
    const target = await t.db
      .selectFrom("auditEntry")
      .select("seq")
      .where("action", "=", "nation.create")
      .orderBy("seq")
      .executeTakeFirstOrThrow();
    // The owner of the database can switch triggers off; the chain still gives the edit away.
    await sql`alter table audit_entry disable trigger audit_entry_no_update`.execute(t.db);
    await sql`update audit_entry set diff = jsonb_set(diff, '{after,nameEn}', '"Forged"') where seq = ${target.seq}`.execute(
      t.db,
    );
    await sql`alter table audit_entry enable trigger audit_entry_no_update`.execute(t.db);

    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({
      ok: false,
      brokenAt: Number(target.seq),
      reason: "its content does not match its hash",
    });
    const api = await admin.get("/api/audit/verify");
    expect(api.body).toMatchObject({ ok: false, brokenAt: Number(target.seq) });
    const result = await cli("audit", "verify");
    expect(result.out).toContain(`Audit chain BROKEN at entry ${target.seq}`);
    expect(result.code).toBe(1);
  });

  it("detects a deleted entry through session_replication_role = replica", async () => {
    const fresh = await createTestApp();
    try {
      const writer = await fresh.signIn({ role: "administrator" });
      for (const code of ["QBA", "QBB", "QBC"]) {
        await writer.post("/api/nations", {
          code,
          nameEn: code,
          nameAz: code,
          nameRu: code,
          nonIsoCode: true,
        });
      }
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
      const middle = await fresh.db
        .selectFrom("auditEntry")
        .select("seq")
        .where("action", "=", "nation.create")
        .orderBy("seq")
        .offset(1)
        .executeTakeFirstOrThrow();
      await fresh.db.connection().execute(async (connection) => {
        await sql`set session_replication_role = replica`.execute(connection);
        await sql`delete from audit_entry where seq = ${middle.seq}`.execute(connection);
        await sql`set session_replication_role = origin`.execute(connection);
      });
      const verdict = await verifyAuditChain(fresh.db);
      expect(verdict.ok).toBe(false);
      expect(verdict.brokenAt).toBe(Number(middle.seq) + 1);
    } finally {
      await fresh.close();
    }
  });
});
