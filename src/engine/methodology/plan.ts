/**
 * The methodology flattened into the tables the scoring SQL joins: normalisation parameters (after scenario
 * targets), edges (after scenario weights), node heights and levels, derivations and the flag-forcing map.
 */
import type {Aggregation, HierarchyNode, Methodology, MissingPolicy} from "./methodology.js";
import {nodeHeights, nodeLevels, rootNode} from "./methodology.js";

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
  flags: {flag: string; score: number}[];
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

/** Flattens a methodology, applying scenario weights and targets; throws {@link ScenarioError} on unknown ids. */
export function buildPlan(m: Methodology, overrides: MethodologyOverrides = {}): ScoringPlan {
  const measures = new Map(m.measures.map((x) => [x.id, x]));
  const nodeIds = new Set(m.nodes.map((n) => n.id));
  for (const [id, w] of Object.entries(overrides.weights ?? {})) {
    if (!measures.has(id) && !nodeIds.has(id))
      throw new ScenarioError(`情景权重：未知指标或节点 ${id} / scenario weights: unknown measure or node ${id}`);
    if (!Number.isFinite(w) || w < 0)
      throw new ScenarioError(`情景权重 ${id} 必须 ≥ 0 / scenario weight of ${id} must be ≥ 0`);
  }
  for (const [id, t] of Object.entries(overrides.targets ?? {})) {
    const method = measures.get(id)?.normalise?.method;
    if (!method || method === "yes_no")
      throw new ScenarioError(`情景目标：${id} 没有可改的目标 / scenario targets: ${id} has no target to change`);
    if (!Number.isFinite(t))
      throw new ScenarioError(`情景目标 ${id} 必须是有限数值 / scenario target of ${id} must be a finite number`);
  }
  const params: MeasureParams[] = [];
  for (const x of m.measures) {
    const n = x.normalise;
    if (!n) continue;
    const t = overrides.targets?.[x.id];
    const p: MeasureParams = {
      measure: x.id,
      method: n.method,
      best: null,
      worst: null,
      target: null,
      cap: null,
      max: null,
      scale: n.scale ?? m.scale,
      higher: x.direction === "higher_is_better"
    };
    if (n.method === "frontier") Object.assign(p, {best: t ?? n.best, worst: n.worst});
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
  const edges = m.nodes.flatMap((n) =>
    n.children.map((e) => ({node: n.id, child: e.id, weight: overrides.weights?.[e.id] ?? e.weight}))
  );
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
    flags: m.flags.map((f) => ({flag: f.id, score: f.score})),
    forcing: forcingMap(m, levels),
    maxHeight: Math.max(...heights.values())
  };
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

/** Each node's and measure's weight in the total: products of relative edge weights along every path from the root. */
export function effectiveWeights(plan: ScoringPlan): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const x of plan.methodology.measures) weights[x.id] = 0;
  for (const n of plan.nodes) weights[n.node] = 0;
  weights[plan.root] = 1;
  const order = [...plan.nodes].sort((a, b) => b.height - a.height);
  for (const n of order) {
    const edges = plan.edges.filter((e) => e.node === n.node);
    const total = edges.reduce((s, e) => s + e.weight, 0);
    if (total > 0) for (const e of edges) weights[e.child] += (weights[n.node] * e.weight) / total;
  }
  for (const d of plan.scoreDerived) for (const input of d.of) weights[input] += weights[d.measure] / d.of.length;
  // Inputs of a raw sum or mean carry no separate weight unless the hierarchy also uses them directly.
  for (const d of plan.rawDerived) for (const input of d.of) if (weights[input] === 0) delete weights[input];
  return weights;
}
