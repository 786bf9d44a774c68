import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { type FuzzFigures, fuzz } from "./fuzz.js";
import { databaseUrl } from "./support.js";

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
      figures = await fuzz({
        app: t.app,
        databaseUrl: databaseUrl(t.databaseName),
        agents,
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
});
