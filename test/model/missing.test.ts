/** Saying why a total is missing: every branch without a score, down to the measures that lack a value. */
import {describe, expect, it} from "vitest";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {explainMissing, explainMissingTotals, formatMissing} from "../../src/engine/model/model.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";

const measure = (id: string) => ({
  id,
  unit: "count",
  direction: "higher_is_better",
  normalise: {method: "expert", max: 10}
});
const methodology = parseMethodology({
  id: "why",
  measures: ["a1", "a2", "b1", "c1"].map(measure),
  nodes: [
    {id: "total", children: [{id: "A"}, {id: "B"}, {id: "C"}].map((c) => ({...c, weight: 1})), missing: "zero"},
    {
      id: "A",
      children: [
        {id: "a1", weight: 1},
        {id: "a2", weight: 1}
      ]
    },
    {id: "B", children: [{id: "b1", weight: 1}]},
    {id: "C", children: [{id: "c1", weight: 1}]}
  ]
});

/** A result of region r in period p where the given measures have no value (and the nodes above them none). */
function resultWithout(missing: string[], total: number | null): ScoreResult {
  const score = (id: string) => (missing.includes(id) ? null : 5);
  const nodeScore = (id: string, kids: string[]) => (kids.every((k) => missing.includes(k)) ? null : 5);
  const row = (node: string, s: number | null) => ({
    region: "r",
    period: "p",
    node,
    level: "",
    score: s,
    rank: null,
    coverage: null
  });
  return {
    measures: ["a1", "a2", "b1", "c1"].map((m) => ({
      region: "r",
      period: "p",
      measure: m,
      raw: score(m),
      score: score(m)
    })),
    nodes: [
      row("A", nodeScore("A", ["a1", "a2"])),
      row("B", nodeScore("B", ["b1"])),
      row("C", nodeScore("C", ["c1"])),
      row("total", total)
    ],
    effectiveWeights: {}
  };
}

describe("explainMissing", () => {
  it("names every branch without a score and the measures under it", () => {
    const reasons = explainMissing(methodology, resultWithout(["a1", "a2", "b1"], null));
    expect(reasons.map((r) => [r.path.join(">"), r.measures])).toEqual([
      ["total>A", ["a1", "a2"]],
      ["total>B", ["b1"]]
    ]);
    expect(formatMissing(reasons[1])).toBe("r p: total → B 无法计算，缺少 b1 / cannot be computed: no value for b1");
  });

  it("says nothing when the total has a score", () => {
    expect(explainMissing(methodology, resultWithout(["b1"], 3))).toEqual([]);
  });
});

describe("explainMissingTotals", () => {
  it("explains the total where it is missing, every branch once", () => {
    const reasons = explainMissingTotals(methodology, resultWithout(["a1", "a2", "b1"], null));
    expect(reasons.map((r) => [r.node, r.path.join(">")])).toEqual([
      ["total", "total>A"],
      ["total", "total>B"]
    ]);
  });

  it("explains a category without a score where the total has one", () => {
    const reasons = explainMissingTotals(methodology, resultWithout(["b1"], 3));
    expect(reasons.map((r) => [r.node, r.path, r.measures])).toEqual([["B", ["B"], ["b1"]]]);
  });
});
