/** The CI count (count-results.mjs) on small vitest JSON reports written for each case. */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";

const SCRIPT = "test/support/count-results.mjs";
const NOW = Date.now();

type Status = "passed" | "failed" | "skipped" | "pending" | "todo";
const t = (title: string, status: Status, ancestorTitles: string[] = []) => ({
  ancestorTitles,
  fullName: [...ancestorTitles, title].join(" "),
  status,
  title,
  failureMessages: status === "failed" ? ["AssertionError: expected 1 to be 2"] : []
});
type Test = ReturnType<typeof t>;
const file = (name: string, tests: Test[], extra: {status?: string; message?: string} = {}) => ({
  assertionResults: tests,
  name: join(process.cwd(), name),
  status: extra.status ?? (tests.some((x) => x.status === "failed") ? "failed" : "passed"),
  message: extra.message ?? "",
  startTime: NOW,
  endTime: NOW + 10
});
type File = ReturnType<typeof file>;
/** A report as vitest writes it (the fields the count reads, and the totals it does not trust). */
const report = (testResults: File[], extra: Record<string, unknown> = {}) => {
  const tests = testResults.flatMap((f) => f.assertionResults);
  return {
    numTotalTests: tests.length,
    numPassedTests: tests.filter((x) => x.status === "passed").length,
    numFailedTests: tests.filter((x) => x.status === "failed").length,
    numPendingTests: tests.filter((x) => x.status === "skipped").length,
    numTodoTests: tests.filter((x) => x.status === "todo").length,
    startTime: NOW,
    success: testResults.every((f) => f.status === "passed"),
    unhandledErrors: [],
    testResults,
    ...extra
  };
};
const passing = (name: string, n = 1) =>
  report([
    file(
      name,
      Array.from({length: n}, (_, i) => t(`test ${i + 1}`, "passed"))
    )
  ]);

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
  dirs = [];
});

/** Writes the reports of the stages given and runs the count on them. */
function count(reports: Record<string, unknown>, runStart?: number) {
  const dir = mkdtempSync(join(tmpdir(), "count-results-"));
  dirs.push(dir);
  for (const [stage, r] of Object.entries(reports)) writeFileSync(join(dir, `report-${stage}.json`), JSON.stringify(r));
  const env = {...process.env};
  delete env.BIZENV_RUN_START;
  if (runStart !== undefined) env.BIZENV_RUN_START = String(runStart);
  const run = spawnSync(process.execPath, [SCRIPT, dir], {encoding: "utf8", env});
  expect(run.stderr).toBe("");
  return {lines: run.stdout.trimEnd().split("\n"), status: run.status};
}

describe("CI count of the vitest reports", () => {
  it("gives passed, failed and skipped per stage, names skipped groups by file and describe title, exits 0 when all pass", () => {
    const unit = report([
      file("test/engine/db2020.test.ts", [
        t("reproduces every official topic score", "skipped", ["DB2020 reference"]),
        t("ranks economies", "skipped", ["DB2020 reference"])
      ]),
      file("test/engine/engine.test.ts", [
        t("normalises", "passed", ["engine"]),
        t("later", "todo", ["engine", "ties"]),
        t("top-level skip", "skipped")
      ])
    ]);
    const {lines, status} = count({unit, dist: passing("test/dist/offline.test.ts"), browser: passing("b.test.ts", 2)});
    expect(lines).toEqual([
      "unit: 1 passed, 0 failed, 4 skipped",
      "  skipped: test/engine/db2020.test.ts › DB2020 reference (2 tests)",
      "  skipped: test/engine/engine.test.ts › engine › ties (1 test)",
      "  skipped: test/engine/engine.test.ts › top-level skip (1 test)",
      "dist: 1 passed, 0 failed, 0 skipped",
      "browser: 2 passed, 0 failed, 0 skipped",
      "4 passed, 0 failed"
    ]);
    expect(status).toBe(0);
  });

  it("counts an error outside any test (an unhandled rejection) as a failure although every test passed", () => {
    const leaked = {...passing("test/a.test.ts", 3), success: false, unhandledErrors: ["Error: leaked\n    at x.ts:1"]};
    // A report without `unhandledErrors` (vitest's own reporter) that says the run was not a success.
    const unsuccessful = {...passing("test/dist/offline.test.ts"), success: false, unhandledErrors: undefined};
    const {lines, status} = count({unit: leaked, dist: unsuccessful, browser: passing("b.test.ts")});
    expect(lines).toEqual([
      "unit: 3 passed, 1 failed, 0 skipped",
      "  1 error(s) outside any test, counted as 1 failed: Error: leaked",
      "dist: 1 passed, 1 failed, 0 skipped",
      "  vitest reports the run unsuccessful although no test failed, counted as 1 failed",
      "browser: 1 passed, 0 failed, 0 skipped",
      "5 passed, 2 failed"
    ]);
    expect(status).toBe(1);
  });

  it("counts a failed test once, and a file that failed to run once (its tests not as skipped)", () => {
    const unit = report([
      file("test/a.test.ts", [t("fails", "failed"), t("passes", "passed")]),
      file("test/b.test.ts", [], {status: "failed", message: "Cannot find module './gone.js'\nmore"}),
      file("test/c.test.ts", [t("one", "skipped", ["setup fails"]), t("two", "skipped", ["setup fails"])], {
        status: "failed"
      })
    ]);
    const {lines, status} = count({unit, dist: passing("d.test.ts"), browser: passing("b.test.ts")});
    expect(lines).toEqual([
      "unit: 1 passed, 3 failed, 0 skipped",
      "  failed to run: test/b.test.ts: Cannot find module './gone.js'",
      "  failed to run: test/c.test.ts (2 tests not run): a hook or describe block failed",
      "dist: 1 passed, 0 failed, 0 skipped",
      "browser: 1 passed, 0 failed, 0 skipped",
      "3 passed, 3 failed"
    ]);
    expect(status).toBe(1);
  });

  it("never counts a report older than the run, nor a missing one, as passed", () => {
    const old = {...passing("test/a.test.ts", 300), startTime: Date.UTC(2025, 0, 2, 3, 4, 5)};
    const {lines, status} = count({unit: old, dist: passing("d.test.ts")}, NOW - 1000);
    expect(lines).toEqual([
      "unit: the report is from 2025-01-02T03:04:05.000Z, before this run started: the stage did not run, counted as 1 failed",
      "dist: 1 passed, 0 failed, 0 skipped",
      "browser: no report (the stage did not run), counted as 1 failed",
      "1 passed, 2 failed"
    ]);
    expect(status).toBe(1);
    // Without BIZENV_RUN_START (a run by hand), the same report is read.
    expect(count({unit: old, dist: passing("d.test.ts")}).lines[0]).toBe("unit: 300 passed, 0 failed, 0 skipped");
  });
});
