import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): the API tests of the rule-bearing code, on the
 * PostgreSQL the global setup provides (ACCORD_TEST_PG=server is the fast choice). One flat project: the Stryker
 * runner does not select projects.
 */
export const MUTATION_TESTS = [
  "src/modules/catalogue/seats.rules.test.ts",
  "src/modules/catalogue/decisions.rules.test.ts",
  "src/modules/catalogue/catalogue.test.ts",
  "src/modules/readiness/team.rules.test.ts",
  "src/modules/training/certificates.rules.test.ts",
  "src/modules/audit/audit.rules.test.ts",
  "src/platform/access/scoped-auditor.test.ts",
  "src/platform/access/releasability.rules.test.ts",
  "src/modules/readiness/readiness.test.ts",
  "src/modules/training/training.test.ts",
  "src/modules/audit/audit.test.ts",
];

export default defineConfig({
  test: {
    include: MUTATION_TESTS,
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
