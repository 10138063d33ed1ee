/** A malformed methodology is rejected with a message naming the path of every problem. */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {buildPlan, effectiveWeights} from "../../src/engine/methodology/plan.js";
import {MethodologyError, nodeLevels, parseMethodology} from "../../src/engine/methodology/methodology.js";

const here = dirname(fileURLToPath(import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(resolve(here, path), "utf8")) as unknown;

function issuesOf(json: unknown): string[] {
  try {
    parseMethodology(json);
  } catch (error) {
    expect(error).toBeInstanceOf(MethodologyError);
    return (error as MethodologyError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error("expected the methodology to be rejected");
}

describe("parseMethodology rejects bad files with the path of each problem", () => {
  const cases: [file: string, path: string, words: RegExp][] = [
    ["cycle.json", "nodes[2].children[1].id", /cycle in the hierarchy: a → b → a/],
    ["negative-weight.json", "nodes[1].children[1].weight", /must be ≥ 0/],
    ["worst-equals-best.json", "measures[0].normalise.worst", /worst == best/],
    ["unknown-measure.json", "nodes[0].children[1].id", /unknown measure or node rate_typo/],
    ["duplicate-id.json", "measures[2].id", /duplicate id days/],
    ["bad-enum.json", "nodes[0].aggregate", /must be one of arithmetic \| geometric/],
    ["direction-contradiction.json", "measures[0].normalise.best", /contradict direction lower_is_better/],
    ["unknown-derive-input.json", "measures[2].derive.of[1]", /unknown measure speed/]
  ];
  for (const [file, path, words] of cases) {
    it(`${file} → ${path}`, () => {
      const issues = issuesOf(read(`../fixtures/methodology-bad/${file}`));
      const hit = issues.find((i) => i.startsWith(`${path}: `));
      expect(hit, issues.join("\n")).toBeDefined();
      expect(hit).toMatch(words);
      expect(hit).toMatch(/[\u4e00-\u9fff]/); // bilingual: Chinese first
    });
  }

  it("lists every problem at once, and the thrown message shows them line by line", () => {
    const json = read("../fixtures/methodology-bad/negative-weight.json") as {
      measures: {unit: string}[];
      scale?: unknown;
    };
    json.measures[1].unit = "furlongs";
    json.scale = -1;
    try {
      parseMethodology(json, "m.json");
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^m\.json: .*3 error/);
      expect(message).toContain("\n  scale: ");
      expect(message).toContain("\n  measures[1].unit: ");
      expect(message).toContain("\n  nodes[1].children[1].weight: ");
    }
  });

  it("rejects unknown fields (a typo must not silently fall back to a default)", () => {
    const json = {
      id: "x",
      measures: [
        {id: "d", unit: "day", direction: "lower_is_better", normalise: {method: "frontier", best: 0, worst: 9}}
      ],
      nodes: [{id: "t", children: [{id: "d", wieght: 2}]}]
    };
    expect(issuesOf(json)).toContain("nodes[0].children[0].wieght: 未知字段 / unknown field (allowed: id, weight)");
  });

  it("names the level labels in `levels`, and only labels some node has", () => {
    const json = {
      id: "x",
      measures: [
        {id: "d", unit: "day", direction: "lower_is_better", normalise: {method: "frontier", best: 0, worst: 9}}
      ],
      nodes: [{id: "t", level: "total", children: [{id: "d", weight: 1}]}],
      levels: {total: {zh: "总分", en: "Total"}}
    };
    expect(parseMethodology(json).levels).toEqual({total: {zh: "总分", en: "Total"}});
    const typo = {...json, levels: {totl: {zh: "总分"}, total: {zh: "总分", fr: "x"}}};
    expect(issuesOf(typo)).toEqual([
      "levels.total.fr: 未知字段 / unknown field (allowed: zh, en)",
      "levels.totl: 没有节点属于层级 totl / no node has level totl (levels: total)"
    ]);
  });

  it("requires exactly one root", () => {
    const json = {
      id: "x",
      measures: [
        {id: "d", unit: "day", direction: "lower_is_better", normalise: {method: "frontier", best: 0, worst: 9}}
      ],
      nodes: [
        {id: "t1", children: [{id: "d"}]},
        {id: "t2", children: [{id: "d"}]}
      ]
    };
    expect(issuesOf(json).join("\n")).toMatch(/^nodes: .*found t1, t2/m);
  });
});

describe("threshold-and-power frontiers and flags that remove a measure", () => {
  const base = (normalise: object, flags: object[] = []) => ({
    id: "x",
    measures: [
      {id: "rate", unit: "index", direction: "lower_is_better", normalise},
      {id: "days", unit: "day", direction: "lower_is_better", normalise: {method: "frontier", best: 1, worst: 9}},
      {id: "both", unit: "index", direction: "higher_is_better", derive: {from: "score", op: "mean", of: ["days"]}}
    ],
    nodes: [{id: "t", children: [{id: "rate"}, {id: "days"}, {id: "both"}]}],
    flags
  });
  const frontier = {method: "frontier", best: 26.1, worst: 84};
  const cases: [name: string, json: unknown, path: string, words: RegExp][] = [
    ["a power ≤ 0", base({...frontier, power: 0}), "measures[0].normalise.power", /must be > 0/],
    ["a power on a target", base({method: "target", target: 5, power: 2}), "measures[0].normalise.power", /target/],
    [
      "a flag with remove and a score",
      base(frontier, [{id: "f", remove: true, score: 0}]),
      "flags[0].score",
      /no score/
    ],
    ["a removing flag with upTo", base(frontier, [{id: "f", remove: true, upTo: "total"}]), "flags[0].upTo", /forces/],
    ["remove: false", base(frontier, [{id: "f", remove: false}]), "flags[0].remove", /must be true/],
    ["neither score nor remove", base(frontier, [{id: "f"}]), "flags[0].score", /missing score \(or remove: true\)/],
    [
      "an unknown flagged measure",
      base(frontier, [{id: "f", remove: true, measures: ["rat"]}]),
      "flags[0].measures[0]",
      /unknown measure rat/
    ],
    [
      "a derived flagged measure",
      base(frontier, [{id: "f", score: 0, measures: ["both"]}]),
      "flags[0].measures[0]",
      /derived/
    ]
  ];
  for (const [name, json, path, words] of cases) {
    it(`rejects ${name} at ${path}`, () => {
      const issues = issuesOf(json);
      const hit = issues.find((i) => i.startsWith(`${path}: `));
      expect(hit, issues.join("\n")).toBeDefined();
      expect(hit).toMatch(words);
      expect(hit).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it("accepts a power on a frontier and a removing flag that names its measures", () => {
    const m = parseMethodology(base({...frontier, power: 0.8}, [{id: "gone", remove: true, measures: ["rate"]}]));
    expect(m.measures[0].normalise).toEqual({method: "frontier", best: 26.1, worst: 84, power: 0.8, scale: undefined});
    expect(m.flags).toEqual([{id: "gone", remove: true, measures: ["rate"], note: undefined}]);
    expect(buildPlan(m).flags).toEqual([{flag: "gone", score: null, remove: true}]);
  });
});

describe("the bundled DB2020 methodology", () => {
  const m = parseMethodology(read("../../data/methodologies/db2020.json"));

  it("has five topics under one total and a no-practice flag reaching the topic", () => {
    const levels = nodeLevels(m);
    expect(
      [...levels]
        .filter(([, l]) => l === "topic")
        .map(([id]) => id)
        .sort()
    ).toEqual([
      "construction_permits",
      "getting_credit",
      "getting_electricity",
      "registering_property",
      "starting_business"
    ]);
    expect(m.flags).toEqual([{id: "no_practice", score: 0, upTo: "topic", note: expect.any(String)}]);
  });

  it("reports effective weights: each topic 1/5, the men's start-up procedures 1/5 · 1/4 · 1/2", () => {
    const w = effectiveWeights(buildPlan(m));
    expect(w.starting_business).toBeCloseTo(0.2, 12);
    expect(w.sb_procedures_men).toBeCloseTo(0.025, 12);
    expect(w.gc_rights_plus_information).toBeCloseTo(0.2, 12);
    expect(w).not.toHaveProperty("gc_legal_rights_index");
    const leaves = [
      "sb_procedures_men",
      "sb_procedures_women",
      "sb_time_men_days",
      "sb_time_women_days",
      "sb_cost_men_pct_income",
      "sb_cost_women_pct_income",
      "sb_min_capital_pct_income"
    ];
    expect(leaves.reduce((s, id) => s + w[id], 0)).toBeCloseTo(0.2, 12);
  });
});

describe("the bundled DB2020 ten-topic methodology", () => {
  const m = parseMethodology(read("../../data/methodologies/db2020-all.json"));

  it("has ten topics of weight 1/10 under the ease of doing business score", () => {
    const levels = nodeLevels(m);
    const topics = [...levels].filter(([, l]) => l === "topic").map(([id]) => id);
    expect(topics).toHaveLength(10);
    expect(levels.get("ease_of_doing_business")).toBe("total");
    const w = effectiveWeights(buildPlan(m));
    for (const t of topics) expect(w[t]).toBeCloseTo(0.1, 12);
    // Paying taxes' four parts, the postfiling index's four components.
    expect(w.pt_postfiling).toBeCloseTo(0.1 / 4, 12);
    expect(w.pt_vat_refund_comply_hours).toBeCloseTo(0.1 / 16, 12);
  });

  it("scores the total tax rate by threshold and power, and declares the tax flags on their measures", () => {
    const rate = m.measures.find((x) => x.id === "pt_total_tax_rate_pct_profit")!;
    expect(rate.normalise).toMatchObject({method: "frontier", best: 26.1, worst: 84, power: 0.8});
    const flags = Object.fromEntries(m.flags.map((f) => [f.id, f]));
    const vat = ["pt_vat_refund_comply_hours", "pt_vat_refund_obtain_weeks"];
    const cit = ["pt_cit_correction_comply_hours", "pt_cit_correction_complete_weeks"];
    expect(flags.pt_no_vat).toMatchObject({remove: true, measures: vat});
    expect(flags.pt_no_cit).toMatchObject({remove: true, measures: cit});
    expect(flags.pt_no_vat_refund).toMatchObject({score: 0, measures: vat});
    expect(flags.no_practice).toMatchObject({score: 0, upTo: "topic"});
  });
});
