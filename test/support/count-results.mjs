// Sums the vitest JSON reports of `npm test` (unit, dist, browser) into one closing line "N passed, N failed".
// A stage whose report is missing (it did not run because an earlier stage failed) is named and counted as failed.
import {existsSync, readFileSync} from "node:fs";

const stages = ["unit", "dist", "browser"];
let passed = 0;
let failed = 0;
for (const stage of stages) {
  const file = `test/output/report-${stage}.json`;
  if (!existsSync(file)) {
    console.log(`${stage}: no report (the stage did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  // A test file that failed to load has no failed test of its own; count it once.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed")
  ).length;
  const stageFailed = report.numFailedTests + brokenFiles;
  console.log(
    `${stage}: ${report.numPassedTests} passed, ${stageFailed} failed, ${report.numPendingTests ?? 0} skipped`
  );
  passed += report.numPassedTests;
  failed += stageFailed;
}
console.log(`${passed} passed, ${failed} failed`);
