// Mutation testing of the rule-bearing code: `npm run test:mutation` (see docs/testing.md).
// Each mutant runs only the tests that covered its code in the first (dry) run; results are kept in
// reports/stryker-incremental.json, so the next run retests only mutants whose code or tests changed.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false, pool: "forks" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // The machine is shared: one test runner (plus one checker) at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  timeoutMS: 60_000,
  dryRunTimeoutMinutes: 30,
  // Module-level tables (mutated only at load) need a reload and the whole test set per mutant; their rules
  // are pinned by the seat and status tests instead (see docs/testing.md).
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  ignorePatterns: ["web", "e2e", "bench", "docs", "dist", "data", ".accord-test", "reports", ".tools"],
  // The rule-bearing code, function by function (line ranges: keep them on the functions when the code moves).
  // `npm run test:mutation -- --mutate <file:lines>` measures one function; see docs/testing.md for the figures.
  mutate: [
    // activity status moves
    "src/modules/catalogue/catalogue.service.ts:254-299",
    // seats and nominations: capacity changes, waitlist promotion, acceptance, bulk decisions, withdrawal
    "src/modules/catalogue/catalogue.service.ts:477-540",
    "src/modules/catalogue/catalogue.service.ts:651-711",
    "src/modules/catalogue/catalogue.service.ts:877-1001",
    // calendar feeds, built with the owner's view
    "src/modules/catalogue/catalogue.service.ts:1209-1270",
    // readiness team rules
    "src/modules/readiness/readiness.service.ts:559-677",
    // releasability and viewer scope
    "src/platform/access/releasability.ts:28-62",
    "src/platform/access/viewer.ts:53-58",
    // the audit chain and the audit viewer's filters
    "src/modules/audit/audit.queries.ts:13-42",
    "src/modules/audit/audit.queries.ts:70-86",
    // certificates (visibility, status filter) and the certified registry
    "src/modules/training/training.queries.ts:195-209",
    "src/modules/training/training.queries.ts:248-277",
    "src/modules/training/training.queries.ts:339-364",
    // accreditation: allowed transitions
    "src/modules/training/accreditation.service.ts:145-152",
    "src/modules/training/accreditation.service.ts:380-445",
  ],
};
