import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { skipBecause } from "../support/skip.js";
import {
  type Agent,
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type UserSpec,
} from "../support/test-app.js";
import { loadAccessEntries } from "./load-entries.js";
import {
  type AccessEntry,
  type Expectation,
  MATRIX_ROLES,
  type MatrixContext,
  type MatrixRole,
} from "./matrix.js";

/**
 * The access matrix: every route registered in the app × every role × a record in and out of the caller's scope.
 * Entries live in `test/access-matrix/entries/<capability>.access.ts`; see test/access-matrix/README.md.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const entries = await loadAccessEntries();
const key = (method: string, url: string) => `${method} ${url}`;

/**
 * With a built web app, @fastify/static registers one route per file of web/dist. They are public by design and
 * change with every build, so they are checked together (below) rather than listed.
 */
const isWebAsset = (route: string) =>
  route.startsWith("GET /") && !route.startsWith("GET /api/") && /\.[A-Za-z0-9]+$/.test(route);

const SCOPE = { nation: "AZE", organisation: "AZE-NDU" } as const;
const OUT_OF_SCOPE = { nation: "GEO", organisation: "NATO-SCHOOL" } as const;

function specFor(role: MatrixRole): UserSpec | null {
  switch (role) {
    case "anonymous":
      return null;
    case "administrator":
      return { role: "administrator" };
    case "auditor":
      return { role: "auditor" };
    case "participant":
      return { role: "participant", personNation: SCOPE.nation };
    case "national_coordinator":
      return { role: "national_coordinator", nation: SCOPE.nation };
    default:
      return { role, organisation: SCOPE.organisation };
  }
}

let t: TestApp;
let registered: Set<string>;
const callers = new Map<MatrixRole, Agent>();
/** An auditor scoped to the in-scope nation: the matrix's own auditor is global. */
let scopedAuditor: Agent;
let counter = 0;
const runId = Date.now().toString().slice(-6);

/** Every row of every table except session bookkeeping: a deny must leave it unchanged. */
const fingerprint = async () =>
  (await sql<{ fingerprint: string }>`select accord_matrix_fingerprint() as fingerprint`.execute(t.db))
    .rows[0]!.fingerprint;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  await sql`
    create function accord_matrix_fingerprint() returns text language plpgsql as $$
    declare
      name text;
      part text;
      result text := '';
    begin
      for name in select tablename from pg_tables where schemaname = 'public'
          and tablename not in ('user_session', 'rate_limit_hit', 'schema_migration') order by tablename loop
        execute format('select coalesce(md5(string_agg(md5(t::text), '''' order by md5(t::text))), ''-'') from %I t', name)
          into part;
        result := result || name || ':' || part || ';';
      end loop;
      return md5(result);
    end $$`.execute(t.db);

  const routes = new Set<string>();
  const probe = await buildApp({
    config: t.config,
    db: t.db,
    logger: false,
    onRoute: ({ method, url }) => {
      for (const one of Array.isArray(method) ? method : [method])
        if (one !== "HEAD") routes.add(key(one, url));
    },
  });
  await probe.ready();
  await probe.close();
  registered = routes;

  for (const role of MATRIX_ROLES) {
    const spec = specFor(role);
    callers.set(role, spec ? await t.signIn(spec) : t.anonymous);
  }
  scopedAuditor = await t.signIn({ role: "auditor", nation: SCOPE.nation });
});
afterAll(() => t?.close());

describe("the access matrix covers the route table", () => {
  it("has an entry for every registered route", () => {
    const declared = new Set(entries.map(({ entry }) => key(entry.method, entry.url)));
    const missing = [...registered].filter((route) => !declared.has(route) && !isWebAsset(route)).sort();
    expect(
      missing,
      `These routes have no access-matrix entry. Add each to test/access-matrix/entries/<capability>.access.ts ` +
        `(export const accessEntries: AccessEntry[]), see test/access-matrix/README.md:\n  ${missing.join("\n  ")}`,
    ).toEqual([]);
  });

  it("has no entry for a route that does not exist", () => {
    const stale = entries
      .filter(({ entry }) => !entry.optional && !registered.has(key(entry.method, entry.url)))
      .map(({ source, entry }) => `${key(entry.method, entry.url)} (${source})`);
    expect(stale, "These entries name routes the app does not register").toEqual([]);
  });

  it("serves the built web app's files to everyone, signed in or not", async (context) => {
    if (!existsSync(path.join(root, "web/dist/index.html")))
      skipBecause(context, "the web app is not built (npm run build:web): no web files to request");
    // A concurrent `npm run build:web` may have replaced the files since the app started: take ones still there.
    const assets = [...registered]
      .filter(
        (route) => isWebAsset(route) && existsSync(path.join(root, "web/dist", route.slice("GET /".length))),
      )
      .slice(0, 5);
    expect(assets.length, "the app registered no file of the built web app").toBeGreaterThan(0);
    for (const asset of assets) {
      const url = asset.slice("GET ".length);
      for (const role of ["anonymous", "participant"] as const) {
        const reply = await callers.get(role)!.request("GET", url);
        expect(reply.status, `${url} as ${role}`).toBe(200);
      }
    }
  });

  it("declares each route once", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { source, entry } of entries) {
      const id = key(entry.method, entry.url);
      if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${source}`);
      seen.set(id, source);
    }
    expect(twice).toEqual([]);
  });
});

const isAllowed = (entry: AccessEntry, status: number) =>
  (status >= 200 && status < 300) || (entry.allowStatuses ?? []).includes(status);
const DENY_STATUSES = [401, 403, 404];

function expected(expectation: Expectation, scope: "in" | "out"): "allow" | "deny" {
  if (expectation === "scope") return scope === "in" ? "allow" : "deny";
  return expectation;
}

describe.each(entries.map(({ source, entry }) => ({ name: key(entry.method, entry.url), source, entry })))(
  "$name",
  ({ entry, source }) => {
    it.for([...MATRIX_ROLES])(`as %s`, async (role, context) => {
      if (!registered.has(key(entry.method, entry.url)))
        skipBecause(context, "an optional route this configuration does not register");
      // A static URL is the same request in and out of scope.
      const scopes: ("in" | "out")[] = entry.request ? ["in", "out"] : ["in"];
      // loop runs: scopes is one or two literal scopes
      for (const scope of scopes) {
        // Sign-ins of fresh callers come from one address: the per-address limit is not under test here.
        await sql`delete from rate_limit_hit`.execute(t.db);
        const spec = specFor(role);
        const caller = entry.freshCaller && spec ? await t.signIn(spec) : callers.get(role)!;
        const ctx: MatrixContext = {
          db: t.db,
          inScope: {
            nationId: await t.nationId(SCOPE.nation),
            organisationId: await t.organisationId(SCOPE.organisation),
          },
          outOfScope: {
            nationId: await t.nationId(OUT_OF_SCOPE.nation),
            organisationId: await t.organisationId(OUT_OF_SCOPE.organisation),
          },
          admin: callers.get("administrator")!,
          caller,
          role,
          callerPassword: TEST_PASSWORD,
          unique: () => `${runId}${++counter}`,
          nationId: t.nationId,
          organisationId: t.organisationId,
        };
        const request = entry.request ? await entry.request(ctx, scope) : { url: entry.url };
        const want = expected(entry.access[role], scope);
        const before = want === "deny" ? await fingerprint() : undefined;
        const reply = await caller.request(entry.method, request.url, request.body, request.headers);
        const where = `${entry.method} ${request.url} as ${role}, record ${scope} of scope (entry in ${source}): got ${reply.status} ${reply.text.slice(0, 300)}`;
        if (want === "allow") {
          expect(isAllowed(entry, reply.status), `expected allow — ${where}`).toBe(true);
        } else {
          expect(DENY_STATUSES, `expected deny — ${where}`).toContain(reply.status);
          if (role === "anonymous" && reply.status !== 404) expect(reply.status, where).toBe(401);
          expect(await fingerprint(), `a denied request changed the database — ${where}`).toBe(before);
        }
      }
    });
  },
);

/**
 * Record reads that depend on the reader's nation (the national coordinator's expectation is "scope") and that a
 * global auditor may make: an auditor scoped to the in-scope nation reads the in-scope record and not the other.
 */
const scopedReads = entries
  .filter(
    ({ entry }) =>
      entry.method === "GET" &&
      entry.request &&
      entry.access.auditor === "allow" &&
      entry.access.national_coordinator === "scope",
  )
  .map(({ source, entry }) => ({ name: key(entry.method, entry.url), source, entry }));

describe("an auditor scoped to a nation", () => {
  it("has record reads to check", () => {
    expect(scopedReads.length).toBeGreaterThan(0);
  });

  it.for(scopedReads)("reads $name in scope only", async ({ entry, source }, context) => {
    if (!registered.has(key(entry.method, entry.url)))
      skipBecause(context, "an optional route this configuration does not register");
    await sql`delete from rate_limit_hit`.execute(t.db);
    // loop runs: two literal scopes
    for (const scope of ["in", "out"] as const) {
      const ctx: MatrixContext = {
        db: t.db,
        inScope: {
          nationId: await t.nationId(SCOPE.nation),
          organisationId: await t.organisationId(SCOPE.organisation),
        },
        outOfScope: {
          nationId: await t.nationId(OUT_OF_SCOPE.nation),
          organisationId: await t.organisationId(OUT_OF_SCOPE.organisation),
        },
        admin: callers.get("administrator")!,
        caller: scopedAuditor,
        role: "auditor",
        callerPassword: TEST_PASSWORD,
        unique: () => `${runId}${++counter}`,
        nationId: t.nationId,
        organisationId: t.organisationId,
      };
      const request = await entry.request!(ctx, scope);
      const reply = await scopedAuditor.request("GET", request.url, undefined, request.headers);
      const where = `GET ${request.url} as an auditor of ${SCOPE.nation}, record ${scope} of scope (entry in ${source}): got ${reply.status} ${reply.text.slice(0, 300)}`;
      if (scope === "in") expect(isAllowed(entry, reply.status), `expected allow — ${where}`).toBe(true);
      else expect(DENY_STATUSES, `expected deny — ${where}`).toContain(reply.status);
    }
  });
});
