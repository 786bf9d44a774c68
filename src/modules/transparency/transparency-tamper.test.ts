import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../../config.js";
import { generateSigningKeyPem, type SignedHead } from "./heads.js";
import { signNow } from "./transparency.service.js";
import { checkHeadAgainstLog, verifyLog } from "./verify.js";

/** Tampering with the log behind the application's back, and what the verifier, the file witness and the CLI say. */
const run = promisify(execFile);
const KEY = generateSigningKeyPem();
const ORIGIN = "https://log-t.example";
const dir = mkdtempSync(path.join(tmpdir(), "accord-tlog-"));
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({
    transparency: { ...loadConfig({}).transparency, signingKey: KEY, origin: ORIGIN, trustedLogs: [] },
  });
  admin = await t.signIn({ role: "administrator" });
  await nations(["QXA", "QXB", "QXC", "QXD"]);
});
afterAll(() => t.close());

async function nations(codes: string[]) {
  for (const code of codes) {
    const reply = await admin.post("/api/nations", {
      code,
      nameEn: code,
      nameAz: code,
      nameRu: code,
      nonIsoCode: true,
    });
    expect(reply.status, reply.text).toBe(201);
  }
}
const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, JSON.stringify(content));
  return target;
};
async function exec(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, {
      env: {
        ...process.env,
        DATABASE_URL: t.config.databaseUrl,
        LOG_LEVEL: "silent",
        ACCORD_TLOG_SIGNING_KEY: KEY,
        ACCORD_TLOG_ORIGIN: ORIGIN,
      },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}
const cli = (...args: string[]) => exec(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args]);
const script = (...args: string[]) => exec(process.execPath, ["scripts/verify-proof.mjs", ...args]);
const asOwner = (statements: (db: TestApp["db"]) => Promise<unknown>) =>
  t.db.connection().execute(async (connection) => {
    await sql`set session_replication_role = replica`.execute(connection);
    try {
      await statements(connection);
    } finally {
      await sql`set session_replication_role = origin`.execute(connection);
    }
  });

describe("an intact log", () => {
  it("verifies, and its proofs pass the CLI and the standalone script; altered proofs fail, saying which", async () => {
    const older = await signNow(t.db, t.config);
    await nations(["QXE"]);
    const auditor = await t.signIn({ role: "auditor" });
    const newer = await signNow(t.db, t.config);
    const proof = await auditor.get(
      `/api/transparency/inclusion/${older.treeSize - 1}?treeSize=${newer.treeSize}`,
    );
    expect(proof.status, proof.text).toBe(200);
    const head = proof.body.head as SignedHead;
    expect(head.treeSize).toBeGreaterThan(older.treeSize);
    const consistency = await t.anonymous.get(
      `/api/transparency/consistency?first=${older.treeSize}&second=${head.treeSize}`,
    );
    const files = [
      "--head",
      file("head.json", head),
      "--inclusion",
      file("proof.json", proof.body),
      "--old-head",
      file("old.json", older),
      "--consistency",
      file("consistency.json", consistency.body),
    ];
    const good = await script(...files);
    expect(good.out).toContain(
      `ok: entry ${older.treeSize - 1} (leaf ${older.treeSize - 2}) is in the log at tree size ${head.treeSize}`,
    );
    expect(good.out).toContain(
      `ok: the log of size ${head.treeSize} extends the log of size ${older.treeSize}`,
    );
    expect(good.code).toBe(0);
    const viaCli = await cli("audit", "verify-proof", ...files);
    expect(viaCli.out).toContain("extends the log of size");
    expect(viaCli.code).toBe(0);

    const altered = { ...proof.body, proof: [...proof.body.proof].reverse() };
    const bad = await script("--head", files[1]!, "--inclusion", file("bad.json", altered));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`FAILED: entry ${older.treeSize - 1}`);
    const forgedHead = await script("--head", file("forged.json", { ...head, treeSize: head.treeSize + 1 }));
    expect(forgedHead.out).toContain("its signature does not verify");
    expect(forgedHead.code).toBe(1);

    expect(await verifyLog(t.db)).toMatchObject({ ok: true, problems: [] });
    const verify = await cli("audit", "verify");
    expect(verify.out).toContain("Transparency log verified");
    expect(verify.code).toBe(0);
  });
});

let baseUrl: string;
const stateFile = path.join(dir, "held-head.json");

describe("the command-line witness", () => {
  it("holds the first head, then accepts a grown log with its consistency proof", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const first = await cli("audit", "witness", "--from", baseUrl, "--state", stateFile);
    expect(first.out).toContain("(first head held)");
    expect(first.code).toBe(0);
    await nations(["QXM"]);
    const grown = await signNow(t.db, t.config);
    const second = await cli("audit", "witness", "--from", baseUrl, "--state", stateFile);
    expect(second.out).toMatch(
      new RegExp(`Accepted the head of size ${grown.treeSize} .*\\(extends size \\d+\\)`),
    );
    expect(second.code).toBe(0);
  });
});

describe("tampering", () => {
  it("an older state restored over a newer one: the kept head names the rollback, then the fork", async () => {
    const older = await signNow(t.db, t.config);
    await nations(["QXF", "QXG", "QXH"]);
    const kept = await signNow(t.db, t.config);
    const keptFile = file("kept.json", kept);
    expect(await checkHeadAgainstLog(t.db, kept)).toEqual([]);
    // "Restore" the older state: entries, heads and cached subtrees as they were at the older head.
    await asOwner(async (db) => {
      await sql`delete from audit_entry where seq > ${older.treeSize}`.execute(db);
      await sql`delete from transparency_head where tree_size > ${older.treeSize}`.execute(db);
      await sql`delete from audit_tree_node`.execute(db);
    });
    // Alone, the database is consistent: only a head kept elsewhere can tell.
    expect((await verifyLog(t.db)).ok).toBe(true);
    expect(await checkHeadAgainstLog(t.db, kept)).toEqual([
      `ROLLBACK: the kept head (signed ${kept.timestamp}) covers ${kept.treeSize} entries, but the log holds ${older.treeSize}: entries ${older.treeSize + 1} to ${kept.treeSize} are gone (deleted, or an older backup restored)`,
    ]);
    // The restored instance goes on writing: now it has as many entries as the kept head, but other ones.
    await nations(["QXI", "QXJ", "QXK", "QXL"]);
    const checked = await cli("audit", "check-head", keptFile);
    expect(checked.out).toContain(
      `${keptFile}: FORK: the first ${kept.treeSize} entries no longer give the root`,
    );
    expect(checked.code).toBe(2);
  });

  it("an entry edited after it was signed, hash and leaf rewritten: the verifier names the range", async () => {
    const head = await signNow(t.db, t.config);
    const target = head.treeSize - 2;
    await asOwner(async (db) => {
      await sql`update audit_entry set diff = '{"after":{"nameEn":"Forged"}}'::jsonb,
          hash = accord_audit_hash(prev_hash, seq, occurred_at, actor_user_id, actor_label, action, record_type,
            record_id, '{"after":{"nameEn":"Forged"}}'::jsonb, request_id)
        where seq = ${target}`.execute(db);
      await sql`update audit_entry set leaf_hash = sha256('\\x00'::bytea || decode(hash, 'hex')) where seq = ${target}`.execute(
        db,
      );
    });
    const verdict = await verifyLog(t.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.some((p) => /^entries \d+ to \d+: the subtree hash stored/.test(p))).toBe(true);
    const changed = verdict.problems.find((p) => p.startsWith("CHANGED"));
    const range = changed?.match(/between (\d+) and (\d+) was changed/);
    expect(range, verdict.problems.join("\n")).not.toBeNull();
    expect(Number(range![1])).toBeLessThanOrEqual(target);
    expect(Number(range![2])).toBeGreaterThanOrEqual(target);
    const verify = await cli("audit", "verify");
    expect(verify.out).toContain("Transparency log: CHANGED");
    expect(verify.code).toBe(1);
  });

  it("the newest entries deleted: the verifier names the entries gone", async () => {
    const head = await signNow(t.db, t.config);
    await asOwner((db) => sql`delete from audit_entry where seq > ${head.treeSize - 3}`.execute(db));
    const verdict = await verifyLog(t.db);
    expect(verdict.problems).toContain(
      `ROLLBACK: the head signed ${head.timestamp} covers ${head.treeSize} entries, but the log holds ${head.treeSize - 3}: entries ${head.treeSize - 2} to ${head.treeSize} were removed`,
    );
    // The heads go too (as with an older backup restored), but a witness had fetched the newest one.
    writeFileSync(stateFile, JSON.stringify(head));
    await asOwner(async (db) => {
      await sql`delete from transparency_head where tree_size > ${head.treeSize - 3}`.execute(db);
      await sql`delete from audit_tree_node`.execute(db);
    });
    const witness = await cli("audit", "witness", "--from", baseUrl, "--state", stateFile);
    expect(witness.out).toContain(`ALARM (rollback) from ${baseUrl}: log ${ORIGIN} ROLLED BACK`);
    expect(witness.code).toBe(2);
  });
});
