// Adds up the JSON reports of every vitest run of the test command into one closing line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.numFailedTestSuites) failed += report.numFailedTestSuites;
  const runSkipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(
    `${path.basename(file, ".json")}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed, ${runSkipped} skipped` +
      (report.skippedReason ? ` (not run: ${report.skippedReason})` : ""),
  );
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
