// Sums the vitest JSON reports of `npm test` (unit, dist, browser) into one closing line "N passed, N failed", after a
// line per stage with its passed, failed and skipped tests and the skipped groups (file › describe titles).
// Counted as one failure each, with a line saying why:
// - a stage whose report is missing (it did not run because an earlier stage failed);
// - a report older than this run (BIZENV_RUN_START, in ms since 1970, set by .ci/run): left over from an earlier run;
// - a test file that failed to load (it has no failed test of its own);
// - errors outside any test (`unhandledErrors`, written by json-reporter.ts), or a report with `success: false` that no
//   failed test explains.
// Usage: node test/support/count-results.mjs [directory of report-*.json, default test/output]. Exits 1 if anything failed.
import {existsSync, readFileSync} from "node:fs";
import {relative} from "node:path";

const stages = ["unit", "dist", "browser"];
const dir = process.argv[2] ?? "test/output";
const runStart = process.env.BIZENV_RUN_START ? Number(process.env.BIZENV_RUN_START) : null;
const file = (name) => relative(process.cwd(), name) || name;
const skippedStatuses = new Set(["skipped", "pending", "todo"]);

let passed = 0;
let failed = 0;
for (const stage of stages) {
  const path = `${dir}/report-${stage}.json`;
  if (!existsSync(path)) {
    console.log(`${stage}: no report (the stage did not run), counted as 1 failed`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  if (runStart !== null && !(report.startTime >= runStart)) {
    const when = Number.isFinite(report.startTime) ? new Date(report.startTime).toISOString() : "an unknown time";
    console.log(
      `${stage}: the report is from ${when}, before this run started: the stage did not run, counted as 1 failed`
    );
    failed += 1;
    continue;
  }
  const notes = [];
  let stagePassed = 0;
  let stageFailed = 0;
  let stageSkipped = 0;
  const skippedGroups = new Map();
  for (const result of report.testResults) {
    const tests = result.assertionResults;
    stagePassed += tests.filter((a) => a.status === "passed").length;
    stageFailed += tests.filter((a) => a.status === "failed").length;
    // A test file that failed to load (or whose hook failed) has no failed test of its own; count it once. Its tests
    // that did not run are part of that failure, not skipped.
    if (result.status === "failed" && !tests.some((a) => a.status === "failed")) {
      stageFailed += 1;
      const why = firstLine(result.message) || "a hook or describe block failed";
      const notRun = tests.filter((a) => a.status !== "passed").length;
      notes.push(`  failed to run: ${file(result.name)}${notRun ? ` (${notRun} tests not run)` : ""}: ${why}`);
      continue;
    }
    for (const a of tests.filter((a) => skippedStatuses.has(a.status))) {
      stageSkipped += 1;
      const group = [file(result.name), ...(a.ancestorTitles.length ? a.ancestorTitles : [a.title])].join(" › ");
      skippedGroups.set(group, (skippedGroups.get(group) ?? 0) + 1);
    }
  }
  for (const [group, n] of skippedGroups) notes.push(`  skipped: ${group} (${n} test${n === 1 ? "" : "s"})`);
  const unhandled = report.unhandledErrors ?? [];
  if (unhandled.length) {
    stageFailed += 1;
    notes.push(`  ${unhandled.length} error(s) outside any test, counted as 1 failed: ${firstLine(unhandled[0])}`);
  } else if (report.success === false && stageFailed === 0) {
    stageFailed += 1;
    notes.push("  vitest reports the run unsuccessful although no test failed, counted as 1 failed");
  }
  console.log(`${stage}: ${stagePassed} passed, ${stageFailed} failed, ${stageSkipped} skipped`);
  for (const note of notes) console.log(note);
  passed += stagePassed;
  failed += stageFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

function firstLine(text) {
  return String(text ?? "").split("\n")[0];
}
