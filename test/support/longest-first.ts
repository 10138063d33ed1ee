/**
 * The order in which the page test files start, longest first, so that the two workers finish about together instead
 * of one running the longest file alone at the end. vitest's own order (its cache of durations, else the file's size)
 * has no cache on a fresh clone, where it put report-layout, a short file with many cases, last. The names below are
 * ordered by their duration in CI; files not named start after them, in vitest's order.
 */
import {BaseSequencer, type TestSpecification} from "vitest/node";

const LONGEST_FIRST = [
  "report-layout",
  "simulator-data",
  "simulator-why",
  "site-ndrc",
  "simulator.test",
  "one-number",
  "site-world",
  "report-pages",
  "next-year",
  "targets-units",
  "pages.test",
  "missing-why"
];

const rank = (spec: TestSpecification) => {
  const i = LONGEST_FIRST.findIndex((name) => spec.moduleId.includes(`/${name}`));
  return i < 0 ? LONGEST_FIRST.length : i;
};

export default class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, i) => ({spec, i}))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map((x) => x.spec);
  }
}
