import {readFile} from "node:fs/promises";
import {beforeAll, describe, expect, it} from "vitest";
import {GENERATOR_DEFAULTS, generateObservations, observationsCsvText} from "../../loaders/generate-observations.js";
import {ZHUANGLANG_FILES} from "../../loaders/methodology-zhuanglang.js";
import {readRegions} from "../../loaders/regions.js";
import {parseMethodology, type Methodology} from "../../src/engine/methodology/methodology.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {checkObservations} from "../../src/engine/observations/check.js";
import type {PeerGroup, Region} from "../../src/engine/regions/regions.js";
import {UNITS} from "../../src/engine/methodology/units.js";

const COMMITTED = "data/observations/illustrative-gansu.csv";
const PERIODS = GENERATOR_DEFAULTS.periods;
let m: Methodology;
let groups: Map<string, PeerGroup>;
let regions: Region[];
let gansu: Observation[];

beforeAll(async () => {
  m = parseMethodology(JSON.parse(await readFile(ZHUANGLANG_FILES.json, "utf8")));
  const r = await readRegions();
  regions = r.regions;
  groups = new Map(r.peerGroups.map((g) => [g.id, g]));
  gansu = generateObservations({regions: groups.get("gansu")!.members, methodology: m, seed: GENERATOR_DEFAULTS.seed});
});

const cache = new WeakMap<Methodology, Map<string, NonNullable<Methodology["measures"][number]["normalise"]>>>();
const normalisations = (methodology: Methodology) => {
  if (!cache.has(methodology)) cache.set(methodology, new Map(methodology.measures.map((x) => [x.id, x.normalise!])));
  return cache.get(methodology)!;
};

/** Distance to frontier 0..100 (or the expert score), the way docs/methodology.md defines it. */
function dtf(o: Observation, methodology: Methodology): number {
  const n = normalisations(methodology).get(o.measure)!;
  if (n.method === "expert") return (100 * o.value!) / n.max;
  if (n.method !== "frontier") throw new Error(n.method);
  return Math.min(100, Math.max(0, (100 * (n.worst - o.value!)) / (n.worst - n.best)));
}

describe("generateObservations (illustrative data)", () => {
  it("gives the same rows for the same seed and different ones for another seed", () => {
    const pl = groups.get("pingliang")!.members;
    const a = generateObservations({regions: pl, methodology: m, seed: 1});
    expect(generateObservations({regions: [...pl].reverse(), methodology: m, seed: 1})).toEqual(a);
    const b = generateObservations({regions: pl, methodology: m, seed: 2});
    expect(b.filter((o, i) => a[i] && o.value !== a[i].value).length).toBeGreaterThan(a.length / 2);
  });

  it("gives a county the same values whatever other regions are generated", () => {
    const pl = new Set(groups.get("pingliang")!.members);
    const alone = generateObservations({regions: [...pl], methodology: m, seed: GENERATOR_DEFAULTS.seed});
    expect(gansu.filter((o) => pl.has(o.region))).toEqual(alone);
  });

  it("keeps every value in its unit's range and near the measure's bounds, rounded as reported", () => {
    const byId = new Map(m.measures.map((x) => [x.id, x]));
    const bad: string[] = [];
    const check = (ok: boolean, o: Observation, why: string) =>
      ok || bad.push(`${o.region} ${o.period} ${o.measure} ${o.value}: ${why}`);
    for (const o of gansu) {
      const x = byId.get(o.measure)!;
      const v = o.value!;
      check(v >= UNITS[x.unit].min && v <= UNITS[x.unit].max, o, "outside the unit's range");
      const n = x.normalise!;
      if (n.method === "expert") check(v >= 40 && v <= 98, o, "expert score outside 40..98");
      if (n.method === "frontier") {
        const slack = 0.1 * Math.abs(n.best - n.worst) + 1;
        check(
          v >= Math.min(n.best, n.worst) - slack && v <= Math.max(n.best, n.worst) + slack,
          o,
          "far from the bounds"
        );
      }
      if (x.unit === "working_day") check(Number.isInteger(v * 2), o, "days not in halves");
      if (x.unit === "step") check(Number.isInteger(v) && v >= 1, o, "steps not a whole number ≥ 1");
      if (x.unit === "percent" || x.unit === "score")
        check(Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, o, "more than one decimal");
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("improves on average from 2022 to 2023H1 to 2023", () => {
    const mean = (period: string) => {
      const rows = gansu.filter((o) => o.period === period);
      return rows.reduce((s, o) => s + dtf(o, m), 0) / rows.length;
    };
    const [a, b, c] = PERIODS.map(mean);
    expect(b).toBeGreaterThan(a + 1);
    expect(c).toBeGreaterThan(b + 1);
  });

  it("leaves out about 2 % of the values as absent rows, and none with missingRate 0", () => {
    const full = groups.get("gansu")!.members.length * m.measures.length * PERIODS.length;
    expect(gansu.every((o) => o.value !== null)).toBe(true);
    expect(1 - gansu.length / full).toBeGreaterThan(0.01);
    expect(1 - gansu.length / full).toBeLessThan(0.03);
    const pl = groups.get("pingliang")!.members;
    expect(generateObservations({regions: pl, methodology: m, seed: 5, missingRate: 0})).toHaveLength(
      pl.length * m.measures.length * 3
    );
  });

  it("puts 庄浪县 at the bottom of Pingliang in 2022 and lifts it more than its peers by 2023", () => {
    const pl = groups.get("pingliang")!.members;
    const mean = (region: string, period: string) => {
      const rows = gansu.filter((o) => o.region === region && o.period === period);
      return rows.reduce((s, o) => s + dtf(o, m), 0) / rows.length;
    };
    const others = pl.filter((r) => r !== "620825");
    for (const r of others) expect(mean("620825", "2022"), r).toBeLessThan(mean(r, "2022"));
    const gain = (r: string) => mean(r, "2023") - mean(r, "2022");
    for (const r of others) expect(gain("620825"), r).toBeGreaterThan(gain(r));
  });
});

describe(`${COMMITTED}`, () => {
  it("equals a fresh generation with the documented defaults (so it cannot drift)", async () => {
    expect(await readFile(COMMITTED, "utf8")).toBe(observationsCsvText(gansu));
  });

  it("passes the observation checks with no rejected row and marks every row illustrative", async () => {
    const text = await readFile(COMMITTED, "utf8");
    const result = checkObservations(text, COMMITTED, {
      regions: new Map(regions.map((r) => [r.code, r])),
      measures: new Map(m.measures.map((x) => [x.id, {unit: x.unit}])),
      periods: PERIODS
    });
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toHaveLength(gansu.length);
    expect(result.accepted.every((o) => o.source === `illustrative:seed=${GENERATOR_DEFAULTS.seed}`)).toBe(true);
    expect(new Set(result.accepted.map((o) => o.region))).toEqual(new Set(groups.get("gansu")!.members));
  });
});
