/**
 * A scoring methodology as data: measures with their normalisation, derived measures, flags and a weighted
 * hierarchy of nodes. `parseMethodology` checks a parsed JSON file and fills in defaults; every problem is
 * reported with the path of the offending value (`nodes[3].children[0].weight: …`). Format: docs/methodology-format.md.
 */
import {isUnitId, type UnitId} from "./units.js";

/** Which way a raw value is better. */
export type Direction = "higher_is_better" | "lower_is_better";

/** How a raw value becomes a score on 0..scale. */
export type Normalisation =
  | {method: "frontier"; best: number; worst: number; scale?: number}
  | {method: "target"; target: number; cap?: number; scale?: number}
  | {method: "expert"; max: number; scale?: number}
  | {method: "yes_no"; scale?: number};

/** A measure computed from other measures: before normalising (`from: "raw"`) or after (`from: "score"`). */
export interface Derivation {
  from: "raw" | "score";
  op: "sum" | "mean";
  of: string[];
}

/** Bilingual display name. */
export interface Names {
  zh?: string;
  en?: string;
}

/** One measure: observed (has `normalise`, no `derive`) or derived (has `derive`). */
export interface Measure {
  id: string;
  name?: Names;
  unit: UnitId;
  direction: Direction;
  normalise?: Normalisation;
  derive?: Derivation;
  note?: string;
}

/** A weighted edge from a node to a child measure or node; weights are relative within the parent. */
export interface Edge {
  id: string;
  weight: number;
}

/** How a node combines its children's scores. */
export type Aggregation = "arithmetic" | "geometric";

/** What a node does when a child has no score. */
export type MissingPolicy = "reweight" | "zero" | "fail";

/** A node of the hierarchy (indicator, category, topic, total…). */
export interface HierarchyNode {
  id: string;
  name?: Names;
  /** Level label shared by the nodes of one tier, e.g. "topic"; default "total" for the root, else "level<height>". */
  level?: string;
  aggregate: Aggregation;
  missing: MissingPolicy;
  /** Smallest share (0..1) of the children's weight that must have a score; below it the node is missing. */
  minCoverage: number;
  children: Edge[];
  note?: string;
}

/** An observation flag with a fixed score, e.g. DB2020 "no_practice" → 0 for the measure and its topic. */
export interface FlagRule {
  id: string;
  score: number;
  /** Level label: every node on the way from the flagged measure up to a node of this level also gets `score`. */
  upTo?: string;
}

/** A complete, checked methodology with defaults filled in. */
export interface Methodology {
  id: string;
  name?: Names;
  /** Default top of the score range for every measure (default 100). */
  scale: number;
  measures: Measure[];
  nodes: HierarchyNode[];
  flags: FlagRule[];
  description?: string;
  source?: string;
}

/** One problem found in a methodology: where and what. */
export interface MethodologyIssue {
  path: string;
  message: string;
}

/** Thrown by {@link parseMethodology}; `message` lists every issue as `path: 中文 / English`, one per line. */
export class MethodologyError extends Error {
  readonly issues: MethodologyIssue[];
  constructor(issues: MethodologyIssue[], file?: string) {
    const head = `${file ? `${file}: ` : ""}方法文件有 ${issues.length} 处错误 / methodology has ${issues.length} error(s)`;
    super([head, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join("\n"));
    this.name = "MethodologyError";
    this.issues = issues;
  }
}

const ID = /^[A-Za-z0-9_.:-]+$/;
const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
const METHODS = ["frontier", "target", "expert", "yes_no"] as const;
const AGGREGATIONS = ["arithmetic", "geometric"] as const;
const POLICIES = ["reweight", "zero", "fail"] as const;

type Json = Record<string, unknown>;

/** Collects issues while walking the JSON. */
class Checker {
  issues: MethodologyIssue[] = [];
  add(path: string, zh: string, en: string): void {
    this.issues.push({path, message: `${zh} / ${en}`});
  }
  object(value: unknown, path: string, allowed: readonly string[]): Json | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.add(path, "必须是对象", "must be an object");
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.add(`${path}.${key}`, "未知字段", `unknown field (allowed: ${allowed.join(", ")})`);
    }
    return value as Json;
  }
  array(value: unknown, path: string, nonEmpty = true): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.add(path, "必须是数组", "must be an array");
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.add(path, "不能为空", "must not be empty");
    return value;
  }
  id(value: unknown, path: string): string | undefined {
    if (typeof value !== "string" || !ID.test(value)) {
      this.add(path, "必须是由字母、数字、_ . : - 组成的标识", "must be an id of letters, digits, _ . : -");
      return undefined;
    }
    return value;
  }
  string(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "string") this.add(path, "必须是字符串", "must be a string");
    return typeof value === "string" ? value : undefined;
  }
  number(value: unknown, path: string, rule?: {min?: number; max?: number; positive?: boolean}): number | undefined {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.add(path, "必须是有限数值", "must be a finite number");
      return undefined;
    }
    if (rule?.positive && !(value > 0)) this.add(path, "必须 > 0", "must be > 0");
    if (rule?.min !== undefined && value < rule.min) this.add(path, `必须 ≥ ${rule.min}`, `must be ≥ ${rule.min}`);
    if (rule?.max !== undefined && value > rule.max) this.add(path, `必须 ≤ ${rule.max}`, `must be ≤ ${rule.max}`);
    return value;
  }
  oneOf<T extends string>(value: unknown, path: string, options: readonly T[], fallback?: T): T | undefined {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
      this.add(path, `必须是 ${options.join(" | ")} 之一`, `must be one of ${options.join(" | ")}`);
      return undefined;
    }
    return value as T;
  }
  names(value: unknown, path: string): Names | undefined {
    if (value === undefined) return undefined;
    const o = this.object(value, path, ["zh", "en"]);
    if (!o) return undefined;
    return {zh: this.string(o.zh, `${path}.zh`), en: this.string(o.en, `${path}.en`)};
  }
}

/** Checks a parsed methodology JSON and returns it typed with defaults; throws {@link MethodologyError} listing every problem. */
export function parseMethodology(json: unknown, file?: string): Methodology {
  const c = new Checker();
  const top = c.object(json, "$", [
    "$schema",
    "id",
    "name",
    "scale",
    "measures",
    "nodes",
    "flags",
    "description",
    "source"
  ]);
  if (!top) throw new MethodologyError(c.issues, file);
  const scale = top.scale === undefined ? 100 : (c.number(top.scale, "scale", {positive: true}) ?? 100);
  const measures = (c.array(top.measures, "measures") ?? []).map((m, i) => parseMeasure(c, m, `measures[${i}]`));
  const nodes = (c.array(top.nodes, "nodes") ?? []).map((n, i) => parseNode(c, n, `nodes[${i}]`));
  const flags = (top.flags === undefined ? [] : (c.array(top.flags, "flags", false) ?? [])).map((f, i) =>
    parseFlag(c, f, `flags[${i}]`)
  );
  const methodology: Methodology = {
    id: c.id(top.id, "id") ?? "",
    name: c.names(top.name, "name"),
    scale,
    measures: measures.filter((m): m is Measure => m !== undefined),
    nodes: nodes.filter((n): n is HierarchyNode => n !== undefined),
    flags: flags.filter((f): f is FlagRule => f !== undefined),
    description: c.string(top.description, "description"),
    source: c.string(top.source, "source")
  };
  if (c.issues.length === 0) checkReferences(c, methodology);
  if (c.issues.length > 0) throw new MethodologyError(c.issues, file);
  return methodology;
}

function parseMeasure(c: Checker, value: unknown, path: string): Measure | undefined {
  const o = c.object(value, path, ["id", "name", "unit", "direction", "normalise", "derive", "note"]);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const unit = typeof o.unit === "string" && isUnitId(o.unit) ? o.unit : undefined;
  if (!unit)
    c.add(
      `${path}.unit`,
      "未知单位（见 src/engine/methodology/units.ts）",
      "unknown unit (see src/engine/methodology/units.ts)"
    );
  const direction = c.oneOf(o.direction, `${path}.direction`, DIRECTIONS);
  const derive = o.derive === undefined ? undefined : parseDerivation(c, o.derive, `${path}.derive`);
  let normalise: Normalisation | undefined;
  if (derive?.from === "score") {
    if (o.normalise !== undefined)
      c.add(`${path}.normalise`, "由得分派生的指标不再标准化", "a measure derived from scores is not normalised again");
  } else if (o.normalise === undefined) {
    c.add(`${path}.normalise`, "缺少标准化方法", "missing normalisation");
  } else if (direction) {
    normalise = parseNormalisation(c, o.normalise, `${path}.normalise`, direction);
  }
  if (id === undefined || unit === undefined || direction === undefined) return undefined;
  return {
    id,
    name: c.names(o.name, `${path}.name`),
    unit,
    direction,
    normalise,
    derive,
    note: c.string(o.note, `${path}.note`)
  };
}

function parseNormalisation(c: Checker, value: unknown, path: string, direction: Direction): Normalisation | undefined {
  const o = c.object(value, path, ["method", "best", "worst", "target", "cap", "max", "scale"]);
  if (!o) return undefined;
  const method = c.oneOf(o.method, `${path}.method`, METHODS);
  const scale = o.scale === undefined ? undefined : c.number(o.scale, `${path}.scale`, {positive: true});
  const extra = (keys: string[]) => {
    for (const key of ["best", "worst", "target", "cap", "max"]) {
      if (!keys.includes(key) && o[key] !== undefined)
        c.add(`${path}.${key}`, `方法 ${method} 不用此字段`, `not used by method ${method}`);
    }
  };
  switch (method) {
    case "frontier": {
      extra(["best", "worst"]);
      const best = c.number(o.best, `${path}.best`);
      const worst = c.number(o.worst, `${path}.worst`);
      if (best === undefined || worst === undefined) return undefined;
      if (best === worst) c.add(`${path}.worst`, "最差值不能等于最优值", "worst must differ from best (worst == best)");
      else if (best < worst !== (direction === "lower_is_better")) {
        c.add(
          `${path}.best`,
          `最优值与方向 ${direction} 不符`,
          `best ${best} and worst ${worst} contradict direction ${direction}`
        );
      }
      return {method, best, worst, scale};
    }
    case "target": {
      extra(["target", "cap"]);
      const target = c.number(o.target, `${path}.target`, {positive: true});
      const cap = o.cap === undefined ? undefined : c.number(o.cap, `${path}.cap`, {positive: true});
      return target === undefined ? undefined : {method, target, cap, scale};
    }
    case "expert": {
      extra(["max"]);
      const max = c.number(o.max, `${path}.max`, {positive: true});
      if (direction !== "higher_is_better")
        c.add(`${path}.method`, "专家评分须是越高越好", "an expert score must be higher_is_better");
      return max === undefined ? undefined : {method, max, scale};
    }
    case "yes_no":
      extra([]);
      return {method, scale};
    default:
      return undefined;
  }
}

function parseDerivation(c: Checker, value: unknown, path: string): Derivation | undefined {
  const o = c.object(value, path, ["from", "op", "of"]);
  if (!o) return undefined;
  const from = c.oneOf(o.from, `${path}.from`, ["raw", "score"] as const);
  const op = c.oneOf(o.op, `${path}.op`, ["sum", "mean"] as const);
  if (from === "score" && op === "sum") c.add(`${path}.op`, "得分只能取平均", "scores can only be averaged (op: mean)");
  const of = (c.array(o.of, `${path}.of`) ?? []).map((id, i) => c.id(id, `${path}.of[${i}]`));
  if (!from || !op || of.some((id) => id === undefined)) return undefined;
  return {from, op, of: of as string[]};
}

function parseNode(c: Checker, value: unknown, path: string): HierarchyNode | undefined {
  const o = c.object(value, path, ["id", "name", "level", "aggregate", "missing", "minCoverage", "children", "note"]);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const level = o.level === undefined ? undefined : c.id(o.level, `${path}.level`);
  const aggregate = c.oneOf(o.aggregate, `${path}.aggregate`, AGGREGATIONS, "arithmetic");
  const missing = c.oneOf(o.missing, `${path}.missing`, POLICIES, "reweight");
  const minCoverage =
    o.minCoverage === undefined ? 0 : c.number(o.minCoverage, `${path}.minCoverage`, {min: 0, max: 1});
  const children = (c.array(o.children, `${path}.children`) ?? []).map((e, i) => {
    const p = `${path}.children[${i}]`;
    const edge = c.object(e, p, ["id", "weight"]);
    if (!edge) return undefined;
    const child = c.id(edge.id, `${p}.id`);
    const weight = edge.weight === undefined ? 1 : c.number(edge.weight, `${p}.weight`, {min: 0});
    return child === undefined || weight === undefined ? undefined : {id: child, weight};
  });
  if (!id || !aggregate || !missing || minCoverage === undefined || children.some((e) => !e)) return undefined;
  return {
    id,
    name: c.names(o.name, `${path}.name`),
    level,
    aggregate,
    missing,
    minCoverage,
    children: children as Edge[],
    note: c.string(o.note, `${path}.note`)
  };
}

function parseFlag(c: Checker, value: unknown, path: string): FlagRule | undefined {
  const o = c.object(value, path, ["id", "score", "upTo", "note"]);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const score = c.number(o.score, `${path}.score`, {min: 0});
  const upTo = o.upTo === undefined ? undefined : c.id(o.upTo, `${path}.upTo`);
  return id === undefined || score === undefined ? undefined : {id, score, upTo};
}

/** Cross-checks ids: duplicates, unknown references, derivation rules, cycles, a single root, flag levels. */
function checkReferences(c: Checker, m: Methodology): void {
  const measureIndex = new Map<string, number>();
  const nodeIndex = new Map<string, number>();
  m.measures.forEach((measure, i) => {
    if (measureIndex.has(measure.id))
      c.add(`measures[${i}].id`, `重复的标识 ${measure.id}`, `duplicate id ${measure.id}`);
    else measureIndex.set(measure.id, i);
  });
  m.nodes.forEach((node, i) => {
    if (measureIndex.has(node.id) || nodeIndex.has(node.id))
      c.add(`nodes[${i}].id`, `重复的标识 ${node.id}`, `duplicate id ${node.id}`);
    else nodeIndex.set(node.id, i);
  });
  m.measures.forEach((measure, i) => {
    if (!measure.derive) return;
    measure.derive.of.forEach((input, j) => {
      const p = `measures[${i}].derive.of[${j}]`;
      const k = measureIndex.get(input);
      if (k === undefined) return c.add(p, `未知指标 ${input}`, `unknown measure ${input}`);
      const source = m.measures[k];
      if (measure.derive!.from === "raw" && source.derive) {
        c.add(
          p,
          `原始值派生只能引用观测指标，${input} 是派生指标`,
          `a raw derivation may use observed measures only; ${input} is derived`
        );
      }
      if (measure.derive!.from === "score" && source.derive?.from === "score") {
        c.add(p, `${input} 本身由得分派生`, `${input} is itself derived from scores`);
      }
      if (measure.derive!.of.indexOf(input) !== j) c.add(p, `重复引用 ${input}`, `${input} listed twice`);
    });
  });
  const hasParent = new Set<string>();
  m.nodes.forEach((node, i) =>
    node.children.forEach((edge, j) => {
      const p = `nodes[${i}].children[${j}].id`;
      if (!measureIndex.has(edge.id) && !nodeIndex.has(edge.id))
        c.add(p, `未知指标或节点 ${edge.id}`, `unknown measure or node ${edge.id}`);
      if (node.children.findIndex((e) => e.id === edge.id) !== j)
        c.add(p, `重复的子项 ${edge.id}`, `child ${edge.id} listed twice`);
      hasParent.add(edge.id);
    })
  );
  const cycle = findCycle(m, nodeIndex);
  if (cycle) {
    const text = cycle.ids.join(" → ");
    c.add(cycle.path, `层级中存在环 ${text}`, `cycle in the hierarchy: ${text}`);
    return;
  }
  const roots = m.nodes.filter((n) => !hasParent.has(n.id)).map((n) => n.id);
  if (m.nodes.length > 0 && roots.length !== 1) {
    c.add(
      "nodes",
      `必须恰有一个根节点（总分），现有 ${roots.join(", ") || "0 个"}`,
      `must have exactly one root (the total); found ${roots.join(", ") || "none"}`
    );
  }
  if (c.issues.length > 0) return;
  const levels = new Set(nodeLevels(m).values());
  m.flags.forEach((flag, i) => {
    if (m.flags.findIndex((f) => f.id === flag.id) !== i)
      c.add(`flags[${i}].id`, `重复的标记 ${flag.id}`, `duplicate flag ${flag.id}`);
    if (flag.upTo !== undefined && !levels.has(flag.upTo)) {
      c.add(
        `flags[${i}].upTo`,
        `未知层级 ${flag.upTo}`,
        `unknown level ${flag.upTo} (levels: ${[...levels].join(", ")})`
      );
    }
  });
}

function findCycle(m: Methodology, nodeIndex: Map<string, number>): {path: string; ids: string[]} | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): {path: string; ids: string[]} | undefined => {
    state.set(id, "open");
    stack.push(id);
    const i = nodeIndex.get(id)!;
    for (const [j, edge] of m.nodes[i].children.entries()) {
      if (!nodeIndex.has(edge.id)) continue;
      if (state.get(edge.id) === "open") {
        return {path: `nodes[${i}].children[${j}].id`, ids: [...stack.slice(stack.indexOf(edge.id)), edge.id]};
      }
      if (!state.has(edge.id)) {
        const found = visit(edge.id);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const node of m.nodes) {
    if (!state.has(node.id)) {
      const found = visit(node.id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Height of every node: 1 + the highest child (measures have height 0). The hierarchy must be acyclic. */
export function nodeHeights(m: Methodology): Map<string, number> {
  const byId = new Map(m.nodes.map((n) => [n.id, n]));
  const heights = new Map<string, number>();
  const height = (id: string): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let h = heights.get(id);
    if (h === undefined) {
      h = 1 + Math.max(...node.children.map((e) => height(e.id)));
      heights.set(id, h);
    }
    return h;
  };
  for (const node of m.nodes) height(node.id);
  return heights;
}

/** The root node's id (the one node no other node lists as a child). */
export function rootNode(m: Methodology): string {
  const children = new Set(m.nodes.flatMap((n) => n.children.map((e) => e.id)));
  return m.nodes.find((n) => !children.has(n.id))!.id;
}

/** Level label of every node: its `level`, else "total" for the root, else `level<height>`. */
export function nodeLevels(m: Methodology): Map<string, string> {
  const heights = nodeHeights(m);
  const root = rootNode(m);
  return new Map(m.nodes.map((n) => [n.id, n.level ?? (n.id === root ? "total" : `level${heights.get(n.id)}`)]));
}
