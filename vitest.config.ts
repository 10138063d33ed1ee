import {defineConfig} from "vitest/config";
import JsonReporterWithErrors from "./test/support/json-reporter.js";

// Unit and Node-DuckDB tests. The JSON report feeds the "N passed, N failed" line of .ci/run.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/dist/**", "test/browser/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {TZ: "UTC"},
    reporters: ["default", new JsonReporterWithErrors()],
    outputFile: {json: "test/output/report-unit.json"}
  }
});
