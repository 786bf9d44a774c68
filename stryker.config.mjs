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
  mutate: [
    // seats and nominations
    "src/modules/catalogue/catalogue.service.ts:477-520",
    "src/modules/catalogue/catalogue.service.ts:632-692",
    "src/modules/catalogue/catalogue.service.ts:843-919",
  ],
};
