/**
 * vitest's JSON reporter, plus what it leaves out: the errors thrown outside any test (an unhandled rejection, an error
 * in a timer). vitest 4 fails such a run (exit 1) but its JSON report still says `success: true` when every test passed,
 * so the CI count (count-results.mjs) would miss it. This reporter writes `unhandledErrors` (their messages) and sets
 * `success: false` when there are any.
 */
import type {SerializedError} from "vitest";
import type {TestModule, TestRunEndReason} from "vitest/node";
import {JsonReporter} from "vitest/reporters";

export default class JsonReporterWithErrors extends JsonReporter {
  private unhandled: string[] = [];

  constructor() {
    // The output file comes from the config's `outputFile.json`.
    super({});
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError> = [],
    _reason?: TestRunEndReason
  ): Promise<void> {
    this.unhandled = unhandledErrors.map((e) => `${e.name ?? "Error"}: ${e.message ?? String(e)}`);
    await super.onTestRunEnd(testModules);
  }

  async writeReport(report: string): Promise<void> {
    const json = JSON.parse(report);
    json.unhandledErrors = this.unhandled;
    if (this.unhandled.length) json.success = false;
    await super.writeReport(JSON.stringify(json));
  }
}
