/**
 * The methodology flattened into the tables the scoring SQL joins: normalisation parameters (after scenario
 * targets), edges (after scenario weights), node heights and levels, derivations and the flag-forcing map.
 */
import type {Aggregation, HierarchyNode, Methodology, MissingPolicy} from "./methodology.js";
import {nodeHeights, nodeLevels, rootNode} from "./methodology.js";
import {UNITS} from "./units.js";

/** What a scenario may change in the methodology itself (raw-value overrides are applied to the data). */
export interface MethodologyOverrides {
  /** Node or measure id → new weight on every edge that leads to it. */
  weights?: Record<string, number>;
  /** Measure id → new target (target method), frontier best (frontier method) or maximum (expert method). */
  targets?: Record<string, number>;
}

/** Normalisation constants of one measure, flattened. */
export interface MeasureParams {
  measure: string;
  method: "frontier" | "target" | "expert" | "yes_no";
  best: number | null;
  worst: number | null;
  target: number | null;
  cap: number | null;
  max: number | null;
  /** Exponent of a frontier's clamped distance (null: 1, plain distance to frontier). */
  power: number | null;
  scale: number;
  higher: boolean;
}

/** The flattened methodology. */
export interface ScoringPlan {
  methodology: Methodology;
  root: string;
  /** Observed measures, in file order. */
  observed: string[];
  /** Normalisation of observed and raw-derived measures. */
  params: MeasureParams[];
  rawDerived: {measure: string; op: "sum" | "mean"; of: string[]}[];
  scoreDerived: {measure: string; of: string[]}[];
  nodes: {
    node: string;
    height: number;
    level: string;
    aggregate: Aggregation;
    missing: MissingPolicy;
    minCoverage: number;
  }[];
  edges: {node: string; child: string; weight: number}[];
  /** Methodology flags: a flagged measure scores `score`, or with `remove` is left out of its parents (score null). */
  flags: {flag: string; score: number | null; remove: boolean}[];
  /** An observed measure carrying `flag` forces `target` (a score-derived measure or a node) to the flag's score. */
  forcing: {measure: string; flag: string; target: string}[];
  maxHeight: number;
}

/** Thrown when a scenario names something the methodology does not have. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
}

/**
 * Flattens a methodology, applying scenario weights and targets; throws {@link ScenarioError} naming the id on an
 * unknown id, a weight that is not a number ≥ 0, weights that leave a node's children summing to 0, or a target outside
 * its unit's range. Ids are looked up in Maps, so an id such as `toString` or `__proto__` is just an id.
 */
export function buildPlan(m: Methodology, overrides: MethodologyOverrides = {}): ScoringPlan {
  const measures = new Map(m.measures.map((x) => [x.id, x]));
  checkWeights(m, overrides.weights ?? {});
  const targets = new Map(Object.entries(overrides.targets ?? {}));
  for (const [id, t] of targets) {
    const measure = measures.get(id);
    const method = measure?.normalise?.method;
    if (!measure || !method || method === "yes_no")
      throw new ScenarioError(`情景目标：${id} 没有可改的目标 / scenario targets: ${id} has no target to change`);
    if (typeof t !== "number" || !Number.isFinite(t))
      throw new ScenarioError(`情景目标 ${id} 必须是有限数值 / scenario target of ${id} must be a finite number`);
    const unit = UNITS[measure.unit];
    if (t < unit.min || t > unit.max) {
      const range = `${unit.min}–${unit.max === Infinity ? "∞" : unit.max}`;
      throw new ScenarioError(
        `情景目标 ${id} = ${t} 超出单位「${unit.zh}」的范围 ${range} / ` +
          `scenario target of ${id} = ${t} is out of range for ${unit.en} (${range})`
      );
    }
  }
  const params: MeasureParams[] = [];
  for (const x of m.measures) {
    const n = x.normalise;
    if (!n) continue;
    const t = targets.get(x.id);
    const p: MeasureParams = {
      measure: x.id,
      method: n.method,
      best: null,
      worst: null,
      target: null,
      cap: null,
      max: null,
      power: null,
      scale: n.scale ?? m.scale,
      higher: x.direction === "higher_is_better"
    };
    if (n.method === "frontier") Object.assign(p, {best: t ?? n.best, worst: n.worst, power: n.power ?? null});
    if (n.method === "target") Object.assign(p, {target: t ?? n.target, cap: n.cap ?? 1});
    if (n.method === "expert") Object.assign(p, {max: t ?? n.max});
    if (p.method === "frontier" && p.best === p.worst)
      throw new ScenarioError(`情景目标：${x.id} 最优值等于最差值 / scenario targets: ${x.id} best == worst`);
    if ((p.method === "target" && !(p.target! > 0)) || (p.method === "expert" && !(p.max! > 0))) {
      throw new ScenarioError(`情景目标 ${x.id} 必须 > 0 / scenario target of ${x.id} must be > 0`);
    }
    params.push(p);
  }
  const heights = nodeHeights(m);
  const levels = nodeLevels(m);
  const edges = scenarioEdges(m, overrides.weights);
  return {
    methodology: m,
    root: rootNode(m),
    observed: m.measures.filter((x) => !x.derive).map((x) => x.id),
    params,
    rawDerived: m.measures
      .filter((x) => x.derive?.from === "raw")
      .map((x) => ({measure: x.id, op: x.derive!.op, of: x.derive!.of})),
    scoreDerived: m.measures.filter((x) => x.derive?.from === "score").map((x) => ({measure: x.id, of: x.derive!.of})),
    nodes: m.nodes.map((n: HierarchyNode) => ({
      node: n.id,
      height: heights.get(n.id)!,
      level: levels.get(n.id)!,
      aggregate: n.aggregate,
      missing: n.missing,
      minCoverage: n.minCoverage
    })),
    edges,
    flags: m.flags.map((f) => ({flag: f.id, score: f.remove ? null : f.score!, remove: f.remove === true})),
    forcing: forcingMap(m, levels),
    maxHeight: Math.max(...heights.values())
  };
}

/** Scenario weights as a Map; throws {@link ScenarioError} on an unknown id or a weight that is not a number ≥ 0. */
function checkWeights(m: Methodology, given: Record<string, number>): Map<string, number> {
  const known = new Set([...m.measures.map((x) => x.id), ...m.nodes.map((n) => n.id)]);
  const weights = new Map(Object.entries(given));
  for (const [id, w] of weights) {
    if (!known.has(id))
      throw new ScenarioError(`情景权重：未知指标或节点 ${id} / scenario weights: unknown measure or node ${id}`);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0)
      throw new ScenarioError(`情景权重 ${id} 必须 ≥ 0 / scenario weight of ${id} must be a number ≥ 0`);
  }
  return weights;
}

/**
 * The hierarchy's edges with scenario weights (a node or measure id → its weight on every edge that leads to it);
 * throws {@link ScenarioError} as {@link buildPlan} does for the weights. Cheaper than a whole plan, for batches that
 * only change weights (a sensitivity draw).
 */
export function scenarioEdges(m: Methodology, given: Record<string, number> = {}): ScoringPlan["edges"] {
  const weights = checkWeights(m, given);
  const edges = m.nodes.flatMap((n) =>
    n.children.map((e) => ({node: n.id, child: e.id, weight: weights.get(e.id) ?? e.weight}))
  );
  if (weights.size > 0) {
    for (const n of m.nodes) {
      if (n.children.length > 0 && n.children.every((e) => (weights.get(e.id) ?? e.weight) === 0)) {
        throw new ScenarioError(
          `情景权重使节点 ${n.id} 的子项权重之和为 0 / scenario weights make the children of node ${n.id} sum to 0`
        );
      }
    }
  }
  return edges;
}

/** For each flag with `upTo` and each observed measure: the score-derived measures and nodes between it and a node of that level. */
function forcingMap(m: Methodology, levels: Map<string, string>): ScoringPlan["forcing"] {
  const parents = new Map<string, string[]>();
  const link = (child: string, parent: string) => parents.set(child, [...(parents.get(child) ?? []), parent]);
  for (const n of m.nodes) for (const e of n.children) link(e.id, n.id);
  for (const x of m.measures) for (const input of x.derive?.of ?? []) link(input, x.id);
  const scoreDerived = new Set(m.measures.filter((x) => x.derive?.from === "score").map((x) => x.id));
  const out: ScoringPlan["forcing"] = [];
  for (const flag of m.flags) {
    if (flag.upTo === undefined) continue;
    // reaches(id): a node of level upTo is id itself or above it.
    const memo = new Map<string, boolean>();
    const reaches = (id: string): boolean => {
      if (!memo.has(id)) memo.set(id, levels.get(id) === flag.upTo || (parents.get(id) ?? []).some(reaches));
      return memo.get(id)!;
    };
    for (const x of m.measures) {
      if (x.derive) continue;
      const seen = new Set<string>();
      const up = (id: string) => {
        for (const p of parents.get(id) ?? []) {
          if (seen.has(p) || !reaches(p)) continue;
          seen.add(p);
          up(p);
        }
      };
      up(x.id);
      for (const target of seen) {
        if (levels.has(target) || scoreDerived.has(target)) out.push({measure: x.id, flag: flag.id, target});
      }
    }
  }
  return out;
}

/**
 * Each node's and measure's weight in the total: products of relative edge weights along every path from the root.
 * Linear in the size of the hierarchy. The record has no prototype, so any id (`constructor`, `__proto__`) is a key.
 */
export function effectiveWeights(plan: ScoringPlan): Record<string, number> {
  const weights = new Map<string, number>();
  for (const x of plan.methodology.measures) weights.set(x.id, 0);
  for (const n of plan.nodes) weights.set(n.node, 0);
  weights.set(plan.root, 1);
  const edgesOf = new Map<string, ScoringPlan["edges"]>();
  for (const e of plan.edges) edgesOf.set(e.node, [...(edgesOf.get(e.node) ?? []), e]);
  const add = (id: string, w: number) => weights.set(id, (weights.get(id) ?? 0) + w);
  const order = [...plan.nodes].sort((a, b) => b.height - a.height);
  for (const n of order) {
    const edges = edgesOf.get(n.node) ?? [];
    const total = edges.reduce((s, e) => s + e.weight, 0);
    if (total > 0) for (const e of edges) add(e.child, (weights.get(n.node)! * e.weight) / total);
  }
  for (const d of plan.scoreDerived) for (const input of d.of) add(input, weights.get(d.measure)! / d.of.length);
  // Inputs of a raw sum or mean carry no separate weight unless the hierarchy also uses them directly.
  for (const d of plan.rawDerived) for (const input of d.of) if (weights.get(input) === 0) weights.delete(input);
  const out = Object.create(null) as Record<string, number>;
  for (const [id, w] of weights) out[id] = w;
  return out;
}
