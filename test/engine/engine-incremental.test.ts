/**
 * The fast what-if path (cached baseline, only the touched regions rescored) must give exactly what scoring the edited
 * data from scratch gives: same scores, coverages, ranks and deltas, bit for bit. Since both are the engine, each
 * what-if is also checked against the plain-TypeScript oracle, which shares no code with it: a rule the engine gets
 * wrong on both paths (which override wins, targets) is caught there. Random sequences of requests on one engine
 * (what-ifs after other what-ifs, targets after targets, other peer groups) are checked against the oracle too.
 */
import {readFile} from "node:fs/promises";
import Papa from "papaparse";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {readMethodology} from "../../loaders/methodology.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {createEngine, type Engine} from "../../src/engine/scoring/engine.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import type {ScoreOptions, ValueOverride} from "../../src/engine/scoring/types.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {referenceScore} from "../oracle/reference.js";
import {compareResults} from "./compare-results.js";

const REGIONS = ["620802", "620821", "620822", "620823", "620825", "620826", "620881", "620102", "620103"];
const PINGLIANG = REGIONS.slice(0, 7);

/** The edited data a scenario stands for: overrides applied the way docs/methodology.md section 1 says. */
function edit(rows: Observation[], values: ValueOverride[], periods: string[]): Observation[] {
  const out = new Map(rows.map((r) => [`${r.region}|${r.period}|${r.measure}`, r]));
  const specific = values.filter((v) => v.period != null);
  for (const v of [...values.filter((v) => v.period == null), ...specific]) {
    for (const period of v.period == null ? periods : [v.period]) {
      out.set(`${v.region}|${period}|${v.measure}`, {
        region: v.region,
        period,
        measure: v.measure,
        value: v.value,
        flag: null
      });
    }
  }
  return [...out.values()];
}

describe("what-if on the cached baseline", () => {
  let db: SqlDatabase;
  let methodology: Methodology;
  let observations: Observation[];
  let fast: Engine;
  let scratch: Engine;
  beforeAll(async () => {
    db = await openNodeDatabase();
    methodology = await readMethodology();
    const csv = await readFile("data/observations/illustrative-gansu.csv", "utf8");
    const parsed = Papa.parse<Record<string, string>>(csv, {header: true, skipEmptyLines: true}).data;
    observations = parsed
      .filter((r) => REGIONS.includes(r.region))
      .map((r) => ({
        region: r.region,
        period: r.period,
        measure: r.measure,
        value: r.value === "" ? null : Number(r.value),
        flag: null
      }));
    fast = await createEngine(db, methodology);
    await fast.loadObservations(observationsIpc(observations));
    scratch = await createEngine(db, methodology);
  });
  afterAll(async () => {
    await fast.close();
    await scratch.close();
    await db.close();
  });

  const measures = () => methodology.measures.filter((m) => !m.derive).map((m) => m.id);
  const cases: {label: string; options: () => ScoreOptions}[] = [
    {
      label: "one value, one region, totals of Pingliang in 2023",
      options: () => ({
        peerGroup: PINGLIANG,
        periods: ["2023"],
        level: "total",
        measures: false,
        scenario: {values: [{region: "620825", period: "2023", measure: measures()[0], value: 0}]}
      })
    },
    {
      label: "a value for every period and a period-specific one that beats it, every node and measure",
      options: () => ({
        peerGroup: PINGLIANG,
        scenario: {
          values: [
            {region: "620821", measure: measures()[5], value: 3},
            {region: "620821", period: "2022", measure: measures()[5], value: 97},
            {region: "620802", period: "2023", measure: measures()[9], value: null}
          ]
        }
      })
    },
    {
      label: "every region moved to a goal on one measure (the report's what-if), default peer group",
      options: () => ({
        periods: ["2023"],
        level: "category",
        measures: false,
        scenario: {values: REGIONS.map((region) => ({region, period: "2023", measure: measures()[20], value: 100}))}
      })
    },
    {
      label: "a period-specific value given before the one for every period still beats it",
      options: () => ({
        peerGroup: PINGLIANG,
        periods: ["2022", "2023"],
        scenario: {
          values: [
            {region: "620822", period: "2023", measure: measures()[3], value: 88},
            {region: "620822", measure: measures()[3], value: 4}
          ]
        }
      })
    },
    {
      label: "an override outside the peer group changes nothing",
      options: () => ({
        peerGroup: PINGLIANG,
        periods: ["2022", "2023"],
        level: "total",
        scenario: {values: [{region: "620103", measure: measures()[1], value: 0}]}
      })
    }
  ];

  for (const c of cases) {
    it(c.label, async () => {
      const options = c.options();
      // Warm the cache with a plain run first, the way pages do.
      await fast.score({...options, scenario: undefined});
      const whatIf = await fast.score(options);
      const periods = [...new Set(observations.map((o) => o.period))];
      await scratch.loadObservations(
        observationsIpc(edit(observations, options.scenario!.values!, options.periods ? [...options.periods] : periods))
      );
      const edited = await scratch.score({...options, scenario: undefined});
      compareResults(whatIf, referenceScore(methodology, observations, [], options), `${c.label}: engine vs oracle`);
      expect(whatIf.nodes).toEqual(edited.nodes);
      expect(whatIf.measures).toEqual(edited.measures);
      const baseline = await fast.score({...options, scenario: undefined});
      const before = new Map(baseline.nodes.map((n) => [`${n.region}|${n.period}|${n.node}`, n]));
      expect(whatIf.deltas).toEqual(
        edited.nodes.map((n) => {
          const b = before.get(`${n.region}|${n.period}|${n.node}`)!;
          return {
            region: n.region,
            period: n.period,
            node: n.node,
            baseline: b.score,
            scenario: n.score,
            delta: b.score === null || n.score === null ? null : n.score - b.score,
            baselineRank: b.rank,
            scenarioRank: n.rank
          };
        })
      );
      // Something did change where the scenario touches the peer group, so the test can fail.
      if (c.label.startsWith("an override outside")) expect(whatIf.deltas!.every((d) => d.delta === 0)).toBe(true);
      else expect(whatIf.deltas!.some((d) => d.delta !== 0)).toBe(true);
    });
  }

  it("a what-if that changes only targets after another uses its own targets (frontier best, expert maximum)", async () => {
    const frontier = methodology.measures.find((m) => m.normalise?.method === "frontier")!;
    const expert = methodology.measures.find((m) => m.normalise?.method === "expert")!;
    const [best, worst] =
      frontier.normalise?.method === "frontier" ? [frontier.normalise.best, frontier.normalise.worst] : [];
    const max = expert.normalise?.method === "expert" ? expert.normalise.max : 1;
    const base = {peerGroup: PINGLIANG, periods: ["2023"]};
    for (const targets of [
      {[frontier.id]: worst! + 0.5 * (best! - worst!)},
      {[frontier.id]: worst! + 0.9 * (best! - worst!), [expert.id]: max / 2},
      {[expert.id]: max * 0.75}
    ]) {
      const options: ScoreOptions = {...base, scenario: {targets}};
      const label = `targets ${JSON.stringify(targets)}`;
      const result = await fast.score(options);
      compareResults(result, referenceScore(methodology, observations, [], options), label);
      expect(
        result.deltas!.some((d) => d.delta !== 0),
        `${label} changes something`
      ).toBe(true);
    }
  });
});
