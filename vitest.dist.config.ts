import {defineConfig} from "vitest/config";
import JsonReporterWithErrors from "./test/support/json-reporter.js";
import LongestFirst from "./test/support/longest-first.js";

// Tests of the built site in dist/: the offline check (test/dist) and the Chromium page tests (test/browser).
// Run after `observable build`; `npm test` runs them in that order.
const suite = process.env.BIZENV_DIST_SUITE ?? "browser";

export default defineConfig({
  test: {
    include: [`test/${suite}/**/*.test.ts`],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time: much of a page test is waiting (network idle, redraws, printing), which the other file's
    // work fills; builds of other configurations take turns (test/support/site-build.ts).
    fileParallelism: true,
    maxWorkers: 2,
    // The two workers are reused from file to file instead of forking one per file: vitest gives a fork 5 s to start
    // (WORKER_START_TIMEOUT), which a fork started while Chromium and a site build hold both cores can miss ("Timeout
    // starting forks runner", one CI run on 2026-11-30). Each file still launches and closes its own browser and server.
    isolate: false,
    sequence: {sequencer: LongestFirst},
    env: {TZ: "UTC"},
    reporters: ["default", new JsonReporterWithErrors()],
    outputFile: {json: `test/output/report-${suite}.json`}
  }
});
