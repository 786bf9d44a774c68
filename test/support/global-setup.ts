import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type EmbeddedServer, startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";
import { migrate } from "../../src/db/migrate.js";
import { type PgBouncer, startPgBouncer } from "./pgbouncer.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgKind: "embedded" | "server";
    runId: string;
    /** With ACCORD_TEST_POOLER=pgbouncer: the port of a PgBouncer in transaction mode the apps connect through. */
    pgPoolerPort: number;
  }
}

/** Which PostgreSQL the API suite runs on: ACCORD_TEST_PG=embedded (default) or server. */
export function serverUrl(): string {
  return process.env.ACCORD_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * Starts (or reaches) PostgreSQL once per run and migrates a template database; every test file then clones the
 * template into a database of its own, so files never see each other's rows and runs never collide.
 */
export default async function setup(project: TestProject) {
  const kind = process.env.ACCORD_TEST_PG === "server" ? "server" : "embedded";
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  if (kind === "embedded") {
    dataDir = path.resolve(".accord-test", runId);
    mkdirSync(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir, port: 0, log: () => {} });
    adminUrl = embedded.adminUrl("postgres");
  } else {
    adminUrl = serverUrl();
    // Reaches the server and creates the database of the URL when it is missing (the same script as npm test).
    const probe = spawnSync(process.execPath, ["scripts/ensure-test-database.mjs", adminUrl], {
      encoding: "utf8",
    });
    if (probe.status !== 0)
      throw new Error(probe.stderr.trim() || `The PostgreSQL server at ${adminUrl} failed`);
  }
  const template = `accord_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  await migrate(pool);
  await pool.end();
  await admin.end();

  // Opt-in (npm run test:cluster): the apps under test reach the server through PgBouncer in transaction mode.
  let bouncer: PgBouncer | undefined;
  if (process.env.ACCORD_TEST_POOLER === "pgbouncer") bouncer = await startPgBouncer(adminUrl);
  project.provide("pgPoolerPort", bouncer?.port ?? 0);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  project.provide("pgKind", kind);
  project.provide("runId", runId);

  return async () => {
    await bouncer?.stop();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`accord_%_${runId}%`],
    );
    for (const { datname } of rows) await cleanup.query(`drop database if exists "${datname}" with (force)`);
    await cleanup.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
