import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { type FuzzFigures, fuzz, operationsOf, Random, VOLATILE_TABLES } from "./fuzz.js";
import { fuzzFields } from "./fuzz-fields.js";
import { WellFormed } from "./fuzz-values.js";
import { databaseUrl, tableFingerprints } from "./support.js";

// Quick mode in the normal suite; the long mode is `npm run reliability:fuzz` (ACCORD_FUZZ_REQUESTS=10000).
const REQUESTS = Number(process.env.ACCORD_FUZZ_REQUESTS || 300);
const SEED = Number(process.env.ACCORD_FUZZ_SEED || Date.now() % 100_000);

let t: TestApp;
let figures: FuzzFigures;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
});
afterAll(() => t.close());

describe("bad input on every route", () => {
  it(
    "answers generated and broken requests on every route, as every role, without a 5xx, a leak or a change",
    async () => {
      const agents = [
        { role: "signed-out", agent: t.anonymous },
        { role: "administrator", agent: await t.signIn({ role: "administrator" }) },
        {
          role: "national_coordinator",
          agent: await t.signIn({ role: "national_coordinator", nation: "AZE" }),
        },
        { role: "organiser", agent: await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" }) },
        {
          role: "course_director",
          agent: await t.signIn({ role: "course_director", organisation: "NATO-SCHOOL" }),
        },
        { role: "evaluator", agent: await t.signIn({ role: "evaluator", organisation: "NATO-SCHOOL" }) },
        { role: "participant", agent: await t.signIn({ role: "participant", personNation: "AZE" }) },
        { role: "auditor", agent: await t.signIn({ role: "auditor" }) },
      ];
      // The well-formed requests never pick the agents' own users and people (no fuzzer locks itself out).
      const userIds = agents.flatMap(({ agent }) => (agent.userId ? [agent.userId] : []));
      const people = await t.db
        .selectFrom("appUser")
        .select("personId")
        .where("id", "in", userIds)
        .where("personId", "is not", null)
        .execute();
      figures = await fuzz({
        app: t.app,
        databaseUrl: databaseUrl(t.databaseName),
        agents,
        protectedIds: [...userIds, ...people.map((p) => p.personId!)],
        requests: REQUESTS,
        seed: SEED,
        log: REQUESTS > 1000 ? (message) => console.log(`[fuzz] ${message}`) : undefined,
      });
      const { failures, ...summary } = figures;
      console.log(`[fuzz] seed ${SEED}: ${JSON.stringify(summary)}`);
      for (const failure of failures.slice(0, 40)) console.log(`[fuzz] ${JSON.stringify(failure)}`);
      expect(figures.requests).toBe(REQUESTS);
      expect(figures.operations).toBeGreaterThan(30);
      expect(figures.refusedBatchesChecked).toBeGreaterThan(0);
      // Success paths are fuzzed too: well-formed writes succeed, and refused ones are checked one by one.
      expect(figures.writesSucceeded.POST ?? 0).toBeGreaterThan(0);
      expect(figures.refusedWritesChecked).toBeGreaterThan(0);
      expect(failures.filter((f) => f.kind === "5xx")).toEqual([]);
      expect(failures.filter((f) => f.kind === "leak")).toEqual([]);
      expect(failures.filter((f) => f.kind === "db-change")).toEqual([]);
      expect({
        serverErrors: figures.serverErrors,
        leaks: figures.leaks,
        changes: figures.dbChangesFromRefused,
      }).toEqual({ serverErrors: 0, leaks: 0, changes: 0 });
    },
    Math.max(120_000, REQUESTS * 250),
  );

  it("refuses NUL, control characters and lone surrogates in every field (JSON-stored ones too) with 400 naming it, survives 1 MB strings and deep JSON, and changes nothing", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const figures = await fuzzFields({
      app: t.app,
      databaseUrl: databaseUrl(t.databaseName),
      administrator: admin,
      protectedIds: admin.userId ? [admin.userId] : [],
      seed: SEED,
      exhaustive: REQUESTS > 1000,
    });
    const { failures, hugeAccepted, ...summary } = figures;
    console.log(`[fuzz-fields] seed ${SEED}: ${JSON.stringify(summary)}`);
    if (hugeAccepted.length) console.log(`[fuzz-fields] 1 MB strings accepted: ${hugeAccepted.join("; ")}`);
    for (const failure of failures.slice(0, 40)) console.log(`[fuzz-fields] ${JSON.stringify(failure)}`);
    expect(failures).toEqual([]);
    expect(figures.operationsReached).toBeGreaterThan(60);
    expect(figures.fields).toBeGreaterThan(300);
    // Most bodies were well-formed, so the text check (not the schema or the service) answered, naming the field.
    expect(figures.namedExactly).toBeGreaterThan(figures.badText * 0.8);
    expect(figures.queryParams).toBeGreaterThan(20);
  }, 600_000);

  it("answers an empty PATCH of an existing record on every route with a 400 or a no-op, never a 5xx, and changes nothing", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const patches = operationsOf(doc).filter((op) => op.method === "PATCH");
    expect(patches.length).toBeGreaterThan(20);
    const pool = new pg.Pool({ connectionString: databaseUrl(t.databaseName), max: 2 });
    pool.on("error", () => {});
    try {
      const random = new Random(1);
      const values = new WellFormed(pool, () => random.next(), doc);
      const answers: string[] = [];
      let reached = 0;
      for (const op of patches) {
        const url = await values.url(op.path, []);
        if (!url) continue;
        const before = await tableFingerprints(pool, VOLATILE_TABLES);
        const reply = await admin.patch(url, {});
        const after = await tableFingerprints(pool, VOLATILE_TABLES);
        answers.push(`${op.path} ${reply.status}`);
        if (reply.status !== 404) reached += 1;
        expect(reply.status, `${url}: ${reply.text}`).toBeLessThan(500);
        expect([200, 400, 404], `${url}: ${reply.text}`).toContain(reply.status);
        expect(after, `${url} ${reply.status} changed the database`).toEqual(before);
      }
      // Most routes had a record to patch, so the services (not only the schemas) were reached.
      expect(reached, answers.join("\n")).toBeGreaterThan(patches.length / 2);
    } finally {
      await pool.end();
    }
  });

  it("answers a PATCH of each single field of every route without a 5xx, and a refused one changes nothing", async () => {
    // A patch of one field that is not a column of the record (areas, contributions, release lists) once reached
    // an UPDATE without SET: the empty-patch check above cannot see that.
    const admin = await t.signIn({ role: "administrator" });
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const patches = operationsOf(doc).filter((op) => op.method === "PATCH" && op.body?.properties);
    const pool = new pg.Pool({ connectionString: databaseUrl(t.databaseName), max: 2 });
    pool.on("error", () => {});
    try {
      const random = new Random(2);
      const values = new WellFormed(pool, () => random.next(), doc);
      let sent = 0;
      let applied = 0;
      // loop runs: `sent` is asserted below
      for (const op of patches) {
        // loop runs: `sent` is asserted below
        for (const [field, schema] of Object.entries<Record<string, unknown>>(op.body!.properties)) {
          const url = await values.url(op.path, []);
          if (!url) break;
          const context = op.path.split("/").filter((segment) => !segment.startsWith("{"));
          const value = await values.value(schema, field, context, new Map());
          if (value === undefined) continue;
          const before = await tableFingerprints(pool, VOLATILE_TABLES);
          const reply = await admin.patch(url, { [field]: value });
          sent += 1;
          const where = `${url} {${field}: ${JSON.stringify(value)}}: ${reply.status} ${reply.text.slice(0, 300)}`;
          expect(reply.status, where).toBeLessThan(500);
          if (reply.status < 300) applied += 1;
          else expect(await tableFingerprints(pool, VOLATILE_TABLES), where).toEqual(before);
        }
      }
      expect(sent).toBeGreaterThan(100);
      expect(applied).toBeGreaterThan(sent / 4);
    } finally {
      await pool.end();
    }
  }, 240_000);
});
