import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKysely } from "../../src/db/database.js";
import { verifyAuditChain } from "../../src/modules/audit/index.js";
import {
  BackupInvalidError,
  RestoreRefusedError,
  restoreBackup,
  writeBackup,
} from "../../src/modules/backup/index.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { createEmptyDatabase, databaseUrl, dropDatabase, tableFingerprints } from "./support.js";

/** A pool whose idle clients may be cut off when a test database is dropped; that must not crash the run. */
function quietPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", () => {});
  return pool;
}

let t: TestApp;
let admin: Agent;
let source: pg.Pool;
let dir: string;
const FILE_BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  source = quietPool({ connectionString: databaseUrl(t.databaseName), max: 4 });
  dir = mkdtempSync(path.join(tmpdir(), "accord-backup-"));
  const nationId = await t.nationId("AZE");
  for (let i = 0; i < 5; i++) {
    const reply = await admin.post("/api/people", {
      givenName: `Ayşə ${i}`,
      familyName: "Məmmədova 'quoted' \\ back\"slash",
      nationId,
      languages: ["az", "ru"],
    });
    expect(reply.status).toBe(201);
  }
  await source.query(
    `insert into stored_file (filename, content_type, size_bytes, sha256, content)
     values ('every-byte.bin', 'application/octet-stream', $1, 'x', $2)`,
    [FILE_BYTES.length, FILE_BYTES],
  );
});
afterAll(async () => {
  await source.end();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores an empty instance with the same rows, checksums, stored files and a verifying audit chain", async () => {
    const before = await tableFingerprints(source);
    expect(before.person!.rows).toBeGreaterThan(5);
    expect(before.audit_entry!.rows).toBeGreaterThan(5);
    const file = path.join(dir, "full.jsonl.gz");
    const manifest = await writeBackup(source, file);
    expect(
      Object.fromEntries(manifest.tables.map((m) => [m.name, { rows: m.rows, checksum: m.checksum }])),
    ).toEqual(before);

    const target = await createEmptyDatabase();
    const pool = quietPool({ connectionString: target.url, max: 2 });
    try {
      const result = await restoreBackup(pool, file);
      expect(result.rows).toBe(Object.values(before).reduce((sum, table) => sum + table.rows, 0));
      expect(await tableFingerprints(pool)).toEqual(before);
      const db = createKysely(pool);
      const chain = await verifyAuditChain(db);
      expect(chain).toMatchObject({ ok: true, entries: before.audit_entry!.rows });
      const original = await verifyAuditChain(t.db);
      expect(chain.lastHash).toBe(original.lastHash);
      const { rows } = await pool.query("select content from stored_file where filename = 'every-byte.bin'");
      expect(Buffer.compare(rows[0].content, FILE_BYTES)).toBe(0);
      // The restored instance keeps working: a new audited write extends the restored chain.
      const seq = await pool.query("select max(seq)::int as seq from audit_entry");
      await pool.query(
        "insert into audit_entry (actor_label, action, record_type) values ('test', 'test.after_restore', 'test')",
      );
      const after = await verifyAuditChain(db);
      expect(after).toMatchObject({ ok: true, entries: seq.rows[0].seq + 1 });
    } finally {
      await pool.end();
      await dropDatabase(target.name);
    }
  });

  it("refuses to restore into an instance that holds data unless forced", async () => {
    const file = path.join(dir, "refuse.jsonl.gz");
    await writeBackup(source, file);
    const target = await createEmptyDatabase();
    const pool = quietPool({ connectionString: target.url, max: 2 });
    try {
      await restoreBackup(pool, file);
      await pool.query("insert into nation (code, name_en, name_az, name_ru) values ('ZZZ', 'Z', 'Z', 'Z')");
      await expect(restoreBackup(pool, file)).rejects.toThrow(RestoreRefusedError);
      await expect(restoreBackup(pool, file)).rejects.toThrow(/not empty \(rows in .*nation/);
      expect((await pool.query("select 1 from nation where code = 'ZZZ'")).rowCount).toBe(1);

      await restoreBackup(pool, file, { force: true });
      expect((await pool.query("select 1 from nation where code = 'ZZZ'")).rowCount).toBe(0);
      expect(await tableFingerprints(pool)).toEqual(await tableFingerprints(source));
    } finally {
      await pool.end();
      await dropDatabase(target.name);
    }
  });

  it("takes a consistent snapshot while writes continue", async () => {
    const file = path.join(dir, "busy.jsonl.gz");
    const nationId = await t.nationId("AZE");
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        const reply = await admin.post("/api/people", {
          givenName: `Busy ${n++}`,
          familyName: "Writer",
          nationId,
        });
        expect(reply.status).toBe(201);
      }
      return n;
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const manifest = await writeBackup(source, file);
    writing = false;
    expect(await writer).toBeGreaterThan(0);

    const target = await createEmptyDatabase();
    const pool = quietPool({ connectionString: target.url, max: 2 });
    try {
      await restoreBackup(pool, file);
      const counts = Object.fromEntries(manifest.tables.map((m) => [m.name, m.rows]));
      const { rows } = await pool.query("select count(*)::int as people from person");
      expect(rows[0].people).toBe(counts.person);
      // Every person created has its audit entry in the same snapshot and no entry lacks its person: one instant.
      const { rows: created } = await pool.query(
        `select count(*)::int as n from audit_entry a where a.action = 'person.create'
           and not exists (select 1 from person p where p.id::text = a.record_id)`,
      );
      expect(created[0].n).toBe(0);
      expect((await verifyAuditChain(createKysely(pool))).ok).toBe(true);
    } finally {
      await pool.end();
      await dropDatabase(target.name);
    }
  });

  it("refuses a file that is not a complete backup and leaves the target empty", async () => {
    const { writeFileSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    const bogus = path.join(dir, "bogus.jsonl.gz");
    writeFileSync(bogus, gzipSync("not a backup\n"));
    const target = await createEmptyDatabase();
    const pool = quietPool({ connectionString: target.url, max: 2 });
    try {
      await expect(restoreBackup(pool, bogus)).rejects.toThrow(BackupInvalidError);
      const good = path.join(dir, "good.jsonl.gz");
      await writeBackup(source, good);
      const { readFileSync } = await import("node:fs");
      const { gunzipSync } = await import("node:zlib");
      const lines = gunzipSync(readFileSync(good)).toString("utf8").split("\n");
      const cut = path.join(dir, "cut.jsonl.gz");
      writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
      await expect(restoreBackup(pool, cut)).rejects.toThrow(BackupInvalidError);
      expect((await pool.query("select count(*)::int as n from person")).rows[0].n).toBe(0);
    } finally {
      await pool.end();
      await dropDatabase(target.name);
    }
  });
});
