/**
 * The methodology flattened for the two non-SQL benchmark implementations (arquero and typed arrays), read
 * straight from the methodology file (not from the engine's plan), after checking it uses only what they support:
 * the features of the default zhuanglang-2023 methodology (no derived measures, no flags, arithmetic means with the
 * "reweight" missing policy and a coverage threshold) plus every normalisation method.
 */
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {nodeHeights} from "../src/engine/methodology/methodology.js";

/** Normalisation method codes used in typed arrays. */
export const METHOD_CODES = {frontier: 0, target: 1, expert: 2, yes_no: 3} as const;

/** Normalisation constants of one observed measure (null where the method has none). */
export interface MeasureRule {
  id: string;
  method: keyof typeof METHOD_CODES;
  best: number | null;
  worst: number | null;
  target: number | null;
  cap: number | null;
  max: number | null;
  scale: number;
  higher: boolean;
}

/** One node with its children (measure or node ids) and their weights. */
export interface NodeRule {
  id: string;
  height: number;
  minCoverage: number;
  children: {id: string; weight: number}[];
}

/** What both benchmark implementations need; nodes are ordered by height, lowest first. */
export interface CompiledMethodology {
  measures: MeasureRule[];
  nodes: NodeRule[];
  maxHeight: number;
}

/** Throws, naming every unsupported feature, when the methodology needs more than the benchmarks implement. */
export function assertSupported(m: Methodology): void {
  const problems: string[] = [];
  for (const x of m.measures) if (x.derive) problems.push(`derived measure ${x.id}`);
  if (m.flags.length) problems.push(`flags ${m.flags.map((f) => f.id).join(", ")}`);
  for (const n of m.nodes) {
    if (n.aggregate !== "arithmetic") problems.push(`node ${n.id}: aggregate ${n.aggregate}`);
    if (n.missing !== "reweight") problems.push(`node ${n.id}: missing policy ${n.missing}`);
  }
  if (problems.length) throw new Error(`benchmark implementations do not support: ${problems.join("; ")}`);
}

/** Checks and flattens a methodology. */
export function compileMethodology(m: Methodology): CompiledMethodology {
  assertSupported(m);
  const measures = m.measures.map((x): MeasureRule => {
    const n = x.normalise!;
    const rule: MeasureRule = {
      id: x.id,
      method: n.method,
      best: null,
      worst: null,
      target: null,
      cap: null,
      max: null,
      scale: n.scale ?? m.scale,
      higher: x.direction === "higher_is_better"
    };
    if (n.method === "frontier") Object.assign(rule, {best: n.best, worst: n.worst});
    if (n.method === "target") Object.assign(rule, {target: n.target, cap: n.cap ?? 1});
    if (n.method === "expert") rule.max = n.max;
    return rule;
  });
  const heights = nodeHeights(m);
  const nodes = m.nodes
    .map((n): NodeRule => ({
      id: n.id,
      height: heights.get(n.id)!,
      minCoverage: n.minCoverage,
      children: n.children.map((e) => ({id: e.id, weight: e.weight}))
    }))
    .sort((a, b) => a.height - b.height);
  return {measures, nodes, maxHeight: Math.max(...nodes.map((n) => n.height))};
}
