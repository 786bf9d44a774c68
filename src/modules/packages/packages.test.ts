import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, tableFingerprints } from "../../../test/reliability/support.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { Viewer } from "../../platform/access/viewer.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { readArchive, writeArchive } from "./package.archive.js";
import { PACKAGE_TABLES } from "./package.tables.js";
import { exportPackage, importPackage, type PackageManifest } from "./packages.service.js";

/**
 * Packages between two instances (issue 21, item 6): instance A holds the demo data and a few records of other
 * nations; its package for AZE is loaded into an empty instance B.
 */

const ADMIN: Viewer = {
  userId: null,
  username: "package-test",
  personId: null,
  personNationId: null,
  grants: [{ role: "administrator", nationId: null, organisationId: null }],
  nationIds: [],
  organisationIds: [],
  managedOrganisationIds: [],
  mustChangePassword: false,
};
const ctxOf = (t: TestApp): Ctx => ({ db: t.db, viewer: ADMIN, requestId: null, config: t.config });

let a: TestApp;
let b: TestApp;
let bPool: pg.Pool;
let archive: Buffer;
let manifest: PackageManifest;
const dir = mkdtempSync(join(tmpdir(), "accord-package-"));

/** A restricted activity of GEO, released to the given nations. */
async function geoActivity(code: string, releaseTo: string[]) {
  const geo = await a.nationId("GEO");
  const organiser = await sql<{ id: string }>`select id from organisation order by code limit 1`.execute(
    a.db,
  );
  await sql`insert into activity (code, title_en, kind, menu_year, organiser_id, owner_nation_id, releasability,
      release_nations)
    values (${code}, ${`Activity ${code}`}, 'seminar', 2026, ${organiser.rows[0]!.id}, ${geo}, 'restricted',
      ${releaseTo}::uuid[])`.execute(a.db);
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestApp(), createTestApp()]);
  await a.seed();
  const [aze, geo] = await Promise.all([a.nationId("AZE"), a.nationId("GEO")]);
  await geoActivity("PKG-HIDDEN-GEO", []);
  await geoActivity("PKG-RELEASED-AZE", [aze]);
  await sql`update activity set copied_from_id = (select id from activity where code = 'PKG-HIDDEN-GEO')
    where code = 'PKG-RELEASED-AZE'`.execute(a.db);
  await sql`insert into person (given_name, family_name, nation_id, email, owner_nation_id, releasability)
    values ('Hidden', 'Person', ${geo}, 'hidden.person@package.example', ${geo}, 'restricted')`.execute(a.db);
  bPool = new pg.Pool({ connectionString: databaseUrl(b.databaseName), max: 2 });
  bPool.on("error", () => {});
  ({ archive, manifest } = await exportPackage(ctxOf(a), "AZE"));
});
afterAll(async () => {
  await bPool.end();
  await Promise.all([a.close(), b.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (pkg: Buffer, table: string) =>
  readArchive(pkg)
    .get(`${table}.jsonl`)!
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const countsOf = (m: PackageManifest) => Object.fromEntries(m.members.map((x) => [x.table, x.rows]));
const sumsOf = (m: PackageManifest) => Object.fromEntries(m.members.map((x) => [x.table, x.sha256]));
const total = (m: PackageManifest) => m.members.reduce((sum, x) => sum + x.rows, 0);

describe("instance-to-instance packages", { timeout: 240_000 }, () => {
  it("writes one member per table of the scope with counts and checksums, from the demo data", () => {
    expect(manifest.members.map((m) => m.table)).toEqual(PACKAGE_TABLES.map((t) => t.name));
    const counts = countsOf(manifest);
    const empty = [
      "nation",
      "organisation",
      "person",
      "person_affiliation",
      "activity",
      "event",
      "nomination",
      "plan",
      "annual_programme",
      "programme_item",
      "partnership_goal",
      "fund_contribution",
    ].filter((table) => !counts[table]);
    expect(empty).toEqual([]);
    expect(manifest.nation.code).toBe("AZE");
  });

  it("holds nothing that is not releasable to the nation", async () => {
    const aze = await a.nationId("AZE");
    const codes = rowsOf(archive, "activity").map((row) => row.code);
    expect(codes).toContain("PKG-RELEASED-AZE");
    // Its link to the hidden activity it was copied from is cleared: not even the id leaves.
    expect(rowsOf(archive, "activity").find((row) => row.code === "PKG-RELEASED-AZE")).toMatchObject({
      copied_from_id: null,
    });
    expect(codes).not.toContain("PKG-HIDDEN-GEO");
    expect(rowsOf(archive, "person").map((row) => row.email)).not.toContain("hidden.person@package.example");
    expect(rowsOf(archive, "nomination").filter((row) => row.nation_id !== aze)).toEqual([]);
    const organisations = new Set(
      rowsOf(archive, "organisation")
        .filter((row) => row.nation_id === aze)
        .map((row) => row.id),
    );
    const foreignRestricted = PACKAGE_TABLES.filter((t) => t.releasable)
      .flatMap((t) =>
        rowsOf(archive, t.name).map((row): Record<string, unknown> => ({ table: t.name, ...row })),
      )
      .filter(
        (row) =>
          row.releasability === "restricted" &&
          row.owner_nation_id !== aze &&
          !(row.release_nations as string[]).includes(aze) &&
          !organisations.has(row.owner_organisation_id as string) &&
          !(row.release_organisations as string[]).some((id) => organisations.has(id)),
      );
    expect(foreignRestricted).toEqual([]);
    const inA = await sql<{ n: number }>`select count(*)::int as n from activity
      where releasability = 'restricted' and owner_nation_id <> ${aze} and not ${aze} = any(release_nations)`.execute(
      a.db,
    );
    expect(inA.rows[0]!.n).toBeGreaterThan(0);
  });

  it("loads into an empty instance with the same records, once, with one audit entry; again changes nothing", async () => {
    const audits = () =>
      sql<{ n: number }>`select count(*)::int as n from audit_entry where action = 'package.import'`.execute(
        b.db,
      );
    const result = await importPackage(ctxOf(b), archive);
    expect(result).toMatchObject({ nation: "AZE", created: total(manifest), updated: 0, unchanged: 0 });
    expect((await audits()).rows[0]!.n).toBe(1);

    const again = await exportPackage(ctxOf(b), "AZE");
    expect(countsOf(again.manifest)).toEqual(countsOf(manifest));
    expect(sumsOf(again.manifest)).toEqual(sumsOf(manifest));

    const before = await tableFingerprints(bPool, ["audit_entry"]);
    const second = await importPackage(ctxOf(b), archive);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: total(manifest) });
    expect(await tableFingerprints(bPool, ["audit_entry"])).toEqual(before);
    expect((await audits()).rows[0]!.n).toBe(2);
  });

  it("loaded back into its own instance changes nothing there, links the package had to clear included", async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl(a.databaseName), max: 2 });
    pool.on("error", () => {});
    try {
      const before = await tableFingerprints(pool, ["audit_entry"]);
      const result = await importPackage(ctxOf(a), archive);
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: total(manifest) });
      expect(await tableFingerprints(pool, ["audit_entry"])).toEqual(before);
      const copied = await sql<{
        code: string;
      }>`select s.code from activity a join activity s on s.id = a.copied_from_id
        where a.code = 'PKG-RELEASED-AZE'`.execute(a.db);
      expect(copied.rows).toEqual([{ code: "PKG-HIDDEN-GEO" }]);
    } finally {
      await pool.end();
    }
  });

  it("GET /api/packages/:nation and POST /api/packages/import, for administrators", async () => {
    const [adminA, adminB, coordinator] = await Promise.all([
      a.signIn({ role: "administrator" }),
      b.signIn({ role: "administrator" }),
      a.signIn({ role: "national_coordinator", nation: "AZE" }),
    ]);
    expect((await coordinator.get("/api/packages/AZE")).status).toBe(403);
    const download = await a.app.inject({
      method: "GET",
      url: "/api/packages/AZE",
      headers: { cookie: adminA.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/gzip");
    const pkg = download.rawPayload;
    expect(countsOf(JSON.parse(readArchive(pkg).get("manifest.json")!.toString("utf8")))).toEqual(
      countsOf(manifest),
    );
    const boundary = "----packagetest";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="aze.tar.gz"\r\nContent-Type: application/gzip\r\n\r\n`,
      ),
      pkg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = await adminB.request("POST", "/api/packages/import", body, {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
    expect(multipart.status, multipart.text).toBe(200);
    expect(multipart.body).toMatchObject({
      nation: "AZE",
      created: 0,
      updated: 0,
      unchanged: total(manifest),
    });
  });

  it("refuses a package whose checksums do not match, or whose manifest is malformed, and writes nothing", async () => {
    const members = readArchive(archive);
    const rebuilt = (change: (name: string, data: Buffer) => Buffer) =>
      writeArchive(
        [...members].map(([name, data]) => ({ name, data: change(name, data) })),
        new Date(),
      );
    const tampered = rebuilt((name, data) =>
      name === "activity.jsonl"
        ? Buffer.from(data.toString("utf8").replace("PKG-RELEASED-AZE", "PKG-RELEASED-AZF"))
        : data,
    );
    const malformed = rebuilt((name, data) =>
      name === "manifest.json"
        ? Buffer.from(data.toString("utf8").replace('"version": 1', '"version": "1"'))
        : data,
    );
    const before = await tableFingerprints(bPool);
    await expect(importPackage(ctxOf(b), tampered)).rejects.toThrow(
      "The package is refused: the checksum of activity.jsonl does not match the manifest",
    );
    await expect(importPackage(ctxOf(b), malformed)).rejects.toThrow(
      /manifest.json is malformed \(\/version/,
    );
    await expect(importPackage(ctxOf(b), Buffer.from("not a package"))).rejects.toThrow(
      /not a gzip'd package/,
    );
    expect(await tableFingerprints(bPool)).toEqual(before);
  });

  it("loads all or nothing: a package that verifies but breaks a rule halfway leaves the target as it was", async () => {
    const target = await createTestApp();
    const pool = new pg.Pool({ connectionString: databaseUrl(target.databaseName), max: 2 });
    pool.on("error", () => {});
    try {
      const members = readArchive(archive);
      const people = members.get("person.jsonl")!.toString("utf8");
      const broken = Buffer.from(people.replace(/"given_name":"[^"]*"/, '"given_name":" "'));
      const m = JSON.parse(members.get("manifest.json")!.toString("utf8")) as PackageManifest;
      const { createHash } = await import("node:crypto");
      m.members.find((x) => x.table === "person")!.sha256 = createHash("sha256").update(broken).digest("hex");
      const pkg = writeArchive(
        [...members].map(([name, data]) => ({
          name,
          data:
            name === "person.jsonl"
              ? broken
              : name === "manifest.json"
                ? Buffer.from(JSON.stringify(m))
                : data,
        })),
        new Date(),
      );
      expect(broken.equals(members.get("person.jsonl")!)).toBe(false);
      const before = await tableFingerprints(pool);
      await expect(importPackage(ctxOf(target), pkg)).rejects.toThrow(
        /The package is refused: person could not be loaded, nothing was written \(.*person_given_name_check/,
      );
      expect(await tableFingerprints(pool)).toEqual(before);
    } finally {
      await pool.end();
      await target.close();
    }
  });

  it("maps records the target already has under other ids by their codes, and keeps the links", async () => {
    const target = await createTestApp();
    try {
      const own = await sql<{ id: string }>`insert into nation (code, name_en, name_az, name_ru)
        values ('AZE', 'Azerbaijan', 'Azərbaycan', 'Азербайджан') returning id`.execute(target.db);
      const azeId = own.rows[0]!.id;
      expect(azeId).not.toBe(manifest.nation.id);
      await importPackage(ctxOf(target), archive);
      const nations = await sql<{ id: string }>`select id from nation where code = 'AZE'`.execute(target.db);
      expect(nations.rows).toEqual([{ id: azeId }]);
      const people = await sql<{
        n: number;
      }>`select count(*)::int as n from person where nation_id = ${azeId}`.execute(target.db);
      const packaged = rowsOf(archive, "person").filter((row) => row.nation_id === manifest.nation.id).length;
      expect(people.rows[0]!.n).toBe(packaged);
      expect(packaged).toBeGreaterThan(0);
      const second = await importPackage(ctxOf(target), archive);
      expect(second).toMatchObject({ created: 0, updated: 0 });
    } finally {
      await target.close();
    }
  });

  it("accord export package / accord import package: a refused package exits 1 with the reason", async () => {
    const run = promisify(execFile);
    const cli = async (t: TestApp, ...args: string[]) => {
      try {
        const { stdout, stderr } = await run(
          process.execPath,
          ["--import", "tsx", "src/cli/main.ts", ...args],
          {
            env: {
              ...process.env,
              DATABASE_URL: t.config.databaseUrl,
              ...(t.config.databasePooler === "transaction" ? { DATABASE_POOLER: "transaction" } : {}),
              LOG_LEVEL: "silent",
            },
          },
        );
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    const file = join(dir, "aze.tar.gz");
    const exported = await cli(a, "export", "package", "--nation", "AZE", "--out", file);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Package of AZE written to ${file}`);
    const imported = await cli(b, "import", "package", file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("Imported the package of AZE: 0 created, 0 updated");

    const bad = join(dir, "bad.tar.gz");
    const members = readArchive(readFileSync(file));
    writeFileSync(
      bad,
      writeArchive(
        [...members].map(([name, data]) => ({
          name,
          data: name === "nation.jsonl" ? Buffer.from(`${data}`.slice(1)) : data,
        })),
        new Date(),
      ),
    );
    const refused = await cli(b, "import", "package", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "The package is refused: the checksum of nation.jsonl does not match the manifest",
    );
  });
});
