// Adds up the JSON reports of every vitest run of the test command into one closing line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // The failures by name at the very end, where a CI log that keeps only its tail still shows them.
  for (const suite of report.testResults ?? []) {
    const where = `${path.basename(file, ".json")} ${path.relative(process.cwd(), suite.name ?? "")}`;
    const failing = (suite.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failing) failures.push(`${where} › ${test.fullName}`);
    // A file that failed outside its tests (an error on import, an unhandled error) counts as one failure.
    if (suite.status === "failed" && failing.length === 0) {
      failed += 1;
      failures.push(
        `${where}: ${String(suite.message ?? "failed")
          .split("\n")[0]
          .slice(0, 300)}`,
      );
    }
  }
  const runSkipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(
    `${path.basename(file, ".json")}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed, ${runSkipped} skipped` +
      (report.skippedReason ? ` (not run: ${report.skippedReason})` : ""),
  );
}
for (const failure of failures) console.log(`FAILED: ${failure}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
