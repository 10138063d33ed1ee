import {defineConfig} from "vitest/config";
import JsonReporterWithErrors from "./test/support/json-reporter.js";

// Unit and Node-DuckDB tests. The JSON report feeds the "N passed, N failed" line of .ci/run.
// Two workers even on a 2-core machine: vitest's default (cores − 1) runs the files one by one there, while much of a
// file's time is spent waiting on the command-line processes it spawns.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/dist/**", "test/browser/**", "node_modules/**"],
    maxWorkers: 2,
    // Room for a busy machine: two workers share the cores with the command-line processes the tests spawn.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: {TZ: "UTC"},
    reporters: ["default", new JsonReporterWithErrors()],
    outputFile: {json: "test/output/report-unit.json"}
  }
});
