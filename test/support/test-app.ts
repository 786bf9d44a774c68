import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createKysely, createPool, type Db } from "../../src/db/database.js";
import { routingPool } from "../../src/db/read-routing.js";
import { hashPassword } from "../../src/modules/identity/passwords.js";
import type { Role } from "../../src/platform/access/viewer.js";
import { seedDemo } from "../../src/seed/demo.js";

export const TEST_PASSWORD = "correct-horse-battery-9";
let passwordHash: Promise<string> | undefined;

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A client of the API: signed out, or signed in with a session cookie and its CSRF token. */
export class Agent {
  constructor(
    readonly app: FastifyInstance,
    public cookie: string | null = null,
    public csrfToken: string | null = null,
    readonly userId: string | null = null,
  ) {}

  async request<T = any>(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
        : {}),
    });
    let parsed: unknown = null;
    try {
      parsed = response.body ? JSON.parse(response.body) : null;
    } catch {
      parsed = response.body;
    }
    return {
      status: response.statusCode,
      body: parsed as T,
      headers: response.headers,
      text: response.body,
    } as Reply<T>;
  }

  get<T = any>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = any>(url: string, body: unknown = {}) {
    return this.request<T>("POST", url, body);
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>("PATCH", url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>("PUT", url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>("DELETE", url);
  }
}

export interface UserSpec {
  role?: Role;
  /** ISO alpha-3 code of the nation the role is scoped to (national coordinator, scoped auditor). */
  nation?: string;
  /** Code of the organisation the role is scoped to (organiser, course director, evaluator, scoped auditor). */
  organisation?: string;
  /** More roles for the same user. */
  extraRoles?: { role: Role; nation?: string; organisation?: string }[];
  /** Link the account to a new person of this nation (the person's own nation scopes what they may read). */
  personNation?: string;
  username?: string;
  mustChangePassword?: boolean;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  databaseName: string;
  anonymous: Agent;
  /** Loads the reference and demo data of every capability (no demo accounts). */
  seed(): Promise<void>;
  nationId(code: string): Promise<string>;
  organisationId(code: string): Promise<string>;
  /** Creates a user with the given role and scope and returns an agent signed in as them. */
  signIn(spec?: UserSpec): Promise<Agent>;
  /** Signs in an existing user by username and password. */
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

let counter = 0;

export interface TestAppOptions {
  /**
   * Read-only requests go through a read pool (DATABASE_READ_URL, db/read-routing.ts): "same" is the test's own
   * database in read-only transactions, a stand-in replica that refuses any write a GET would make. Also chosen for
   * every test app of a run by ACCORD_TEST_READ_REPLICA=same. `{ url }`: real replicas (HAProxy's read-only port
   * of scripts/cluster.sh), reached under the test database's name.
   */
  readReplica?: "same" | { url: string };
}

/** A fresh database cloned from the migrated template, and an app on it. Call in beforeAll; close in afterAll. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const runId = inject("runId");
  const databaseName = `accord_t_${runId}_${process.pid}_${++counter}_${randomBytes(2).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Cloning needs the template to have no other sessions; a concurrent clone can briefly hold it, so retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${databaseName}" template "${template}"`);
      break;
    } catch (error) {
      if (attempt >= 20 || (error as { code?: string }).code !== "55006") throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const direct = new URL(adminUrl);
  direct.pathname = `/${databaseName}`;
  // Through PgBouncer in transaction mode when the run asks for it (ACCORD_TEST_POOLER=pgbouncer): the app, the
  // test's own queries and every pool made from config.databaseUrl; the job queue's LISTEN connects directly.
  const poolerPort = inject("pgPoolerPort");
  const url = new URL(direct);
  if (poolerPort) url.port = String(poolerPort);
  const pooled = poolerPort
    ? ({ databasePooler: "transaction", databaseDirectUrl: direct.toString() } as const)
    : {};
  const pool = createPool(url.toString(), 10);
  const db = createKysely(pool, { prepare: !poolerPort });
  const readReplica =
    options.readReplica ?? (process.env.ACCORD_TEST_READ_REPLICA === "same" ? "same" : undefined);
  let readUrl: URL | undefined;
  if (readReplica === "same") {
    readUrl = new URL(url);
    readUrl.searchParams.set("options", "-c default_transaction_read_only=on");
  } else if (readReplica) {
    readUrl = new URL(readReplica.url);
    readUrl.pathname = `/${databaseName}`;
  }
  const readPool = readUrl ? createPool(readUrl.toString(), 10) : undefined;
  const readDb = readPool ? createKysely(routingPool(readPool, pool), { prepare: !poolerPort }) : undefined;
  const config = loadConfig(
    {},
    {
      databaseUrl: url.toString(),
      databaseReadUrl: readUrl?.toString(),
      logLevel: "silent",
      ...pooled,
      ...overrides,
    },
  );
  // ACCORD_TEST_LOG=error shows the server's own log of a failing test (a 500's cause).
  const testLog = process.env.ACCORD_TEST_LOG;
  const app = await buildApp({ config, db, readDb, logger: testLog ? { level: testLog } : false });
  await app.ready();

  const cache = new Map<string, string>();
  const lookup = async (table: "nation" | "organisation", code: string) => {
    const key = `${table}:${code}`;
    if (!cache.has(key)) {
      const row = await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirst();
      if (!row) throw new Error(`No ${table} with code ${code}: call seed() first or create it`);
      cache.set(key, row.id);
    }
    return cache.get(key)!;
  };

  // Each sign-in comes from its own address: a test that signs in dozens of users within a minute is not a
  // guesser, and the per-address limit it would meet has its own tests (sessions.test.ts).
  let loginAddress = 0;
  const login = async (username: string, password = TEST_PASSWORD) => {
    loginAddress++;
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: `10.${(loginAddress >> 16) & 255}.${(loginAddress >> 8) & 255}.${loginAddress & 255}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username, password }),
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const setCookie = response.headers["set-cookie"];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(";")[0]!;
    const body = JSON.parse(response.body) as { csrfToken: string; user: { id: string } };
    return new Agent(app, cookie, body.csrfToken, body.user.id);
  };

  return {
    app,
    db,
    config,
    databaseName,
    anonymous: new Agent(app),
    seed: () => seedDemo(db, { demoAccounts: false }),
    nationId: (code) => lookup("nation", code),
    organisationId: (code) => lookup("organisation", code),
    login,
    async signIn(spec: UserSpec = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const username = spec.username ?? `user${++counter}${randomBytes(3).toString("hex")}`;
      let personId: string | null = null;
      if (spec.personNation) {
        const nationId = await lookup("nation", spec.personNation);
        personId = (
          await db
            .insertInto("person")
            .values({
              givenName: "Test",
              familyName: username,
              nationId,
              ownerNationId: nationId,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      }
      const user = await db
        .insertInto("appUser")
        .values({
          username,
          displayName: `Test ${username}`,
          passwordHash: await passwordHash,
          personId,
          mustChangePassword: spec.mustChangePassword ?? false,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roles = [
        ...(spec.role ? [{ role: spec.role, nation: spec.nation, organisation: spec.organisation }] : []),
        ...(spec.extraRoles ?? []),
      ];
      for (const grant of roles) {
        await db
          .insertInto("roleAssignment")
          .values({
            userId: user.id,
            role: grant.role,
            nationId: grant.nation ? await lookup("nation", grant.nation) : null,
            organisationId: grant.organisation ? await lookup("organisation", grant.organisation) : null,
          })
          .execute();
      }
      return login(username);
    },
    async close() {
      await app.close();
      await readDb?.destroy();
      if (readPool && !readPool.ending) await readPool.end();
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${databaseName}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Runs SQL as the database owner, behind the application's back (for tamper tests). */
export async function rawSql(db: Db, statement: string): Promise<unknown[]> {
  const result = await sql.raw(statement).execute(db);
  return result.rows as unknown[];
}
