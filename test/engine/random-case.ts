/**
 * Random scoring cases for the engine-vs-oracle tests: a methodology (every normalisation, derived measures, several
 * flags, shared children, both aggregations, every missing policy, thresholds), data with gaps and flags, sub-unit
 * roll-ups, and requests (peer groups, periods, levels, scenarios). Some features are planted on purpose rather than
 * left to chance, since a bug hides where the data never reaches it: a region whose scores differ from another's by
 * less than 1e-10 (ranks must tie), two flags with different scores on one region and period, a general and a
 * period-specific override of the same value in either order, an override of a flagged observation, and scenario
 * targets on every normalisation. Frontiers may have a power, and a flag may remove its measure. Everything is drawn from a seed, so a failing case is reproduced from its seed.
 */
import {parseMethodology, type Methodology} from "../../src/engine/methodology/methodology.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import type {ScoreOptions, SubUnit, ValueOverride} from "../../src/engine/scoring/types.js";

/** A small deterministic PRNG (mulberry32) with the draws the generator needs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  const subset = <T>(xs: readonly T[]) => {
    const out = xs.filter(() => chance(0.5));
    return out.length ? out : [pick(xs)];
  };
  const shuffle = <T>(xs: readonly T[]) =>
    xs
      .map((x) => ({x, k: next()}))
      .sort((p, q) => p.k - q.k)
      .map((p) => p.x);
  return {next, int, pick, chance, subset, shuffle};
}

export type Random = ReturnType<typeof prng>;

/** What requests can name: the data and methodology of a case, with the ids the generator drew. */
export interface World {
  methodology: Methodology;
  observations: Observation[];
  subunits: SubUnit[];
  /** Leaf regions with observations ("t", when present, is the near-twin of another region). */
  regions: string[];
  /** Observed measures. */
  base: string[];
  /** Every measure. */
  all: string[];
  /** Node ids and level labels a request may filter on. */
  levels: string[];
  /** Measures whose target, frontier best or maximum a scenario may replace, with a few valid new values each. */
  targets: {id: string; values: number[]}[];
}

export type Case = World & {options: ScoreOptions};

/** The first seed of the random tests; BIZENV_SEED replaces it. */
export const SEED = Number(process.env.BIZENV_SEED ?? 20251111);

/** The ids of the periods observed; requests may also name "p3", which has no data. */
const PERIODS = ["p1", "p2"];

/** A random methodology and data. */
export function randomWorld(r: Random, seed: number): World {
  const measures: unknown[] = [];
  const base: string[] = [];
  const targets: World["targets"] = [];
  for (let i = 0; i < r.int(2, 5); i++) {
    const id = `b${i}`;
    const higher = r.chance(0.5);
    const scale = r.pick([undefined, 10, 100]);
    const method = r.pick(["frontier", "frontier", "target", "expert", "yes_no"] as const);
    let normalise: Record<string, unknown>;
    if (method === "frontier") {
      const a = r.int(0, 5);
      const b = a + r.int(1, 10);
      const [best, worst] = higher ? [b, a] : [a, b];
      normalise = {method, best, worst};
      // Sometimes a threshold-and-power frontier: the clamped distance raised to a power.
      if (r.chance(0.3)) normalise.power = r.pick([0.5, 0.8, 2]);
      // A new best on the same side of worst, nearer or farther: never equal to worst.
      targets.push({id, values: [0.5, 1.5, 3].map((f) => worst + f * (best - worst))});
    } else if (method === "target") {
      normalise = {method, target: r.int(1, 10), cap: r.pick([undefined, 1, 1.5])};
      targets.push({id, values: [0.5, 2.5, 6, 11]});
    } else if (method === "expert") {
      normalise = {method, max: r.int(1, 10)};
      targets.push({id, values: [1, 3, 8, 15]});
    } else normalise = {method};
    if (scale) normalise.scale = scale;
    measures.push({
      id,
      unit: "index",
      direction: method === "expert" || higher ? "higher_is_better" : "lower_is_better",
      normalise
    });
    base.push(id);
  }
  const all = [...base];
  if (r.chance(0.5)) {
    measures.push({
      id: "rawsum",
      unit: "index",
      direction: "higher_is_better",
      derive: {from: "raw", op: r.pick(["sum", "mean"]), of: [base[0], base[1]]},
      normalise: {method: "frontier", best: 20, worst: 0}
    });
    all.push("rawsum");
    targets.push({id: "rawsum", values: [10, 30]});
  }
  if (r.chance(0.5)) {
    const inputs = [...new Set([r.pick(all), r.pick(all)])];
    measures.push({
      id: "scoremean",
      unit: "index",
      direction: "higher_is_better",
      derive: {from: "score", op: "mean", of: inputs}
    });
    all.push("scoremean");
  }
  const policy = () => r.pick(["reweight", "reweight", "zero", r.chance(0.3) ? "fail" : "zero"]);
  // Some zero weights, never all of a node's (a methodology whose weights sum to 0 is refused).
  const weights = (n: number) => {
    const ws: number[] = Array.from({length: n}, () => r.pick([0, 1, 1, 2, 3]));
    if (!ws.some((w) => w > 0)) ws[0] = 1;
    return ws;
  };
  const node = (id: string, children: string[]) => {
    const ws = weights(children.length);
    return {
      id,
      aggregate: r.pick(["arithmetic", "geometric"]),
      missing: policy(),
      minCoverage: r.pick([0, 0, 0.5, 1]),
      children: children.map((c, i) => ({id: c, weight: ws[i]}))
    };
  };
  const nodes: ReturnType<typeof node>[] = [];
  const lower: string[] = [];
  for (let i = 0; i < r.int(1, 3); i++) {
    nodes.push(node(`i${i}`, r.subset(all)));
    lower.push(`i${i}`);
  }
  let top = lower;
  const labels = ["total", "level1"];
  if (r.chance(0.5)) {
    nodes.push(node("c0", r.subset(lower)));
    top = ["c0", ...lower.filter((id) => !nodes.at(-1)!.children.some((e) => e.id === id))];
    labels.push("level2");
  }
  const rootChildren = [...top, ...(r.chance(0.3) ? [r.pick(all)] : [])];
  nodes.push(node("total", [...new Set(rootChildren)]));
  // Several flags, with different scores, reaching different levels (or only the measure itself).
  const upTo = () => (r.chance(0.7) ? {upTo: r.pick(labels)} : {});
  const flags = [
    {id: "np", score: r.pick([0, 5]), ...upTo()},
    {id: "lo", score: r.pick([1, 2, 3]), ...upTo()},
    {id: "hi", score: r.pick([7, 9]), ...upTo()},
    // A flag that removes its measure from every parent's mean (it does not exist there).
    ...(r.chance(0.5) ? [{id: "gone", remove: true}] : [])
  ];
  const flagIds = flags.map((f) => f.id);
  const methodology = parseMethodology({id: `random${seed}`, scale: r.pick([100, 10]), measures, nodes, flags});

  const regions = ["r0", "r1", "r2", "r3"].slice(0, r.int(2, 4));
  const observations: Observation[] = [];
  for (const region of regions) {
    for (const period of PERIODS) {
      for (const measure of base) {
        const roll = r.next();
        if (roll < 0.1) continue;
        const value = roll < 0.2 ? null : r.chance(0.7) ? r.int(-1, 12) : Math.round(r.next() * 1200) / 100;
        const flag = r.chance(0.12) ? r.pick(flagIds) : r.chance(0.05) ? "other" : null;
        observations.push({region, period, measure, value, flag});
      }
    }
  }
  // Two different flags on one region and period: the lowest flag score must win wherever both reach.
  if (r.chance(0.6)) {
    const [region, period] = [r.pick(regions), r.pick(PERIODS)];
    const [lo, hi] = r.shuffle(["lo", "hi"]);
    const [m1, m2] = r.chance(0.5) ? [base[0], base[1]] : r.shuffle(base);
    for (const [measure, flag] of [
      [m1, lo],
      [m2, hi]
    ]) {
      const o = observations.find((x) => x.region === region && x.period === period && x.measure === measure);
      if (o) o.flag = flag;
      else observations.push({region, period, measure, value: r.int(0, 12), flag});
    }
  }
  // A near-twin: another region's data with every non-zero value moved by 2e-14 of itself, so that its scores differ
  // by less than 1e-10 (a tie for ranking, which rounds to 1e-9) but are not equal.
  if (r.chance(0.7)) {
    const source = r.pick(regions);
    const twin = observations
      .filter((o) => o.region === source)
      .map((o) => ({...o, region: "t", value: o.value === null || o.value === 0 ? o.value : o.value * (1 + 2e-14)}));
    observations.push(...twin);
    regions.push("t");
  }
  const subunits: SubUnit[] = [];
  if (r.chance(0.4)) {
    subunits.push(
      {region: "r0", parent: "P", weight: r.pick([0, 1, 2])},
      {region: "r1", parent: "P", weight: r.pick([1, 3])}
    );
    const last = regions.filter((x) => x !== "t").at(-1)!;
    if (last !== "r1" && r.chance(0.5))
      subunits.push({region: "P", parent: "Q", weight: 2}, {region: last, parent: "Q", weight: r.pick([0, 1])});
  }
  const levels = [...labels, "i0", ...(labels.includes("level2") ? ["c0"] : [])];
  return {methodology, observations, subunits, regions, base, all, levels, targets};
}

/** A random request: peer group, periods, level, measures or not, and a scenario. */
export function randomOptions(r: Random, w: World): ScoreOptions {
  const options: ScoreOptions = {};
  const parents = [...new Set(w.subunits.map((s) => s.parent))];
  if (r.chance(0.3)) options.peerGroup = r.subset([...w.regions, ...parents, "nobody"]);
  if (r.chance(0.3)) options.periods = r.subset([...PERIODS, "p3"]);
  if (r.chance(0.3)) options.level = r.pick(w.levels);
  if (r.chance(0.2)) options.measures = false;
  if (r.chance(0.6)) {
    const scenario: NonNullable<ScoreOptions["scenario"]> = {};
    if (r.chance(0.7)) scenario.values = randomOverrides(r, w);
    if (r.chance(0.4)) {
      const ids = [...w.all, ...w.methodology.nodes.map((n) => n.id).filter((id) => id !== "total")];
      scenario.weights = Object.fromEntries(Array.from({length: r.int(1, 2)}, () => [r.pick(ids), r.pick([0, 2, 5])]));
    }
    if (w.targets.length && r.chance(0.5)) scenario.targets = randomTargets(r, w);
    options.scenario = scenario;
  }
  return options;
}

/** New targets for some measures: each normalisation's own parameter (frontier best, target, expert maximum). */
export function randomTargets(r: Random, w: World): Record<string, number> {
  const chosen = w.targets.filter(() => r.chance(0.6));
  return Object.fromEntries((chosen.length ? chosen : [r.pick(w.targets)]).map((t) => [t.id, r.pick(t.values)]));
}

/** One to six value overrides; often a general and a period-specific one of the same value, and a flagged one. */
export function randomOverrides(r: Random, w: World): ValueOverride[] {
  const value = () => (r.chance(0.15) ? null : r.chance(0.7) ? r.int(0, 12) : Math.round(r.next() * 1200) / 100);
  const regions = [...w.regions, ...(w.subunits.length && r.chance(0.2) ? ["P"] : [])];
  const out: ValueOverride[] = Array.from({length: r.int(1, 3)}, () => ({
    region: r.pick(regions),
    measure: r.pick(w.base),
    value: value(),
    ...(r.chance(0.5) ? {period: r.pick([...PERIODS, "p3"])} : {})
  }));
  if (r.chance(0.6)) {
    // The period-specific override must win whichever comes first.
    const [region, measure] = [r.pick(w.regions), r.pick(w.base)];
    const pair: ValueOverride[] = [
      {region, measure, value: value()},
      {region, measure, value: value(), period: r.pick(PERIODS)}
    ];
    out.push(...(r.chance(0.5) ? pair : pair.reverse()));
  }
  const flagged = w.observations.filter((o) => o.flag !== null && o.flag !== "other");
  if (flagged.length && r.chance(0.6)) {
    // An override clears the observation's flag.
    const o = r.pick(flagged);
    out.push({region: o.region, measure: o.measure, value: value(), ...(r.chance(0.5) ? {period: o.period} : {})});
  }
  return out;
}

/** A world and one request, from one seed. */
export function randomCase(seed: number): Case {
  const r = prng(seed);
  const world = randomWorld(r, seed);
  return {...world, options: randomOptions(r, world)};
}
