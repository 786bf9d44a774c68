// Mutation testing of the rule-bearing code: `npm run test:mutation` (see docs/testing.md).
// Each mutant runs only the tests that covered its code in the first (dry) run; results are kept in
// reports/stryker-incremental.json, so the next run retests only mutants whose code or tests changed.

import { readFileSync } from "node:fs";

/**
 * `file:first-last` of a top-level function (or const) by its name: from its declaration to the last line before the
 * next top-level statement. Line ranges written by hand went stale whenever the code above them moved; a name that
 * is no longer there fails here, and in test/guards/mutation-config.unit.test.ts.
 */
export function functionRange(file, name) {
  const lines = readFileSync(new URL(file, import.meta.url), "utf8").split("\n");
  const declaration = new RegExp(`^(export )?(async )?(function\\*? ${name}\\b|const ${name}\\b)`);
  const start = lines.findIndex((line) => declaration.test(line));
  if (start < 0)
    throw new Error(`stryker.config.mjs: no top-level ${name} in ${file}; update the mutate list`);
  let end = start + 1;
  // Up to the next line that starts a statement at column 0 (closing brackets and comments belong to this one).
  while (end < lines.length && !/^[A-Za-z@]/.test(lines[end])) end++;
  let last = end - 1;
  while (last > start && /^\s*$|^\s*\/\/|^\/\*\*|^ \*/.test(lines[last])) last--;
  return `${file}:${start + 1}-${last + 1}`;
}

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
  // The rule-bearing code, function by function, found by name (see `functionRange` above), so that the set
  // follows the code when it moves. `npm run test:mutation -- --mutate <file:lines>` measures one function; see
  // docs/testing.md for the figures.
  mutate: [
    // activity status moves
    functionRange("src/modules/catalogue/activities.service.ts", "changeActivityStatus"),
    // seats and nominations: capacity changes, seat offers to the waitlist, acceptance, bulk decisions, withdrawal
    functionRange("src/modules/catalogue/events.service.ts", "updateEvent"),
    functionRange("src/modules/catalogue/seats.service.ts", "offerFreedSeats"),
    functionRange("src/modules/catalogue/seats.service.ts", "auditOffers"),
    functionRange("src/modules/catalogue/seats.service.ts", "seatRefusalMessage"),
    functionRange("src/modules/catalogue/nominations.service.ts", "decide"),
    functionRange("src/modules/catalogue/nominations.service.ts", "decideMany"),
    functionRange("src/modules/catalogue/nominations.service.ts", "withdraw"),
    // calendar feeds, built with the owner's view
    functionRange("src/modules/catalogue/calendar-feeds.service.ts", "calendarFeed"),
    // readiness team rules
    functionRange("src/modules/readiness/evaluations.service.ts", "addTeamMember"),
    functionRange("src/modules/readiness/evaluations.service.ts", "removeTeamMember"),
    // releasability and viewer scope
    functionRange("src/platform/access/releasability.ts", "visibleTo"),
    functionRange("src/platform/access/releasability.ts", "canRead"),
    functionRange("src/platform/access/viewer.ts", "readsEverything"),
    // the audit chain and the audit viewer's filters
    functionRange("src/modules/audit/audit.queries.ts", "verifyAuditChain"),
    functionRange("src/modules/audit/audit.queries.ts", "filterSql"),
    // certificates (visibility, status filter) and the certified registry
    functionRange("src/modules/training/training.queries.ts", "certificateVisibleTo"),
    functionRange("src/modules/training/training.queries.ts", "listCertificates"),
    functionRange("src/modules/training/training.queries.ts", "registry"),
    // accreditation: allowed transitions
    functionRange("src/modules/training/accreditation-applications.service.ts", "allowedTransitions"),
    functionRange("src/modules/training/accreditation-steps.service.ts", "transition"),
  ],
};
