/**
 * `parseMethodology` checks a parsed JSON file and fills in defaults; every problem is reported with the path of the
 * offending value. Format: docs/methodology-format.md.
 */
import {Checker, MethodologyError} from "./checker.js";
import {checkReferences, type RawIds} from "./references.js";
import type {
  Derivation,
  Direction,
  Edge,
  FlagRule,
  HierarchyNode,
  Measure,
  Methodology,
  Names,
  Normalisation
} from "./types.js";
import {nodeLevels} from "./hierarchy.js";
import {isUnitId, UNITS} from "./units.js";

const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
const METHODS = ["frontier", "target", "expert", "yes_no"] as const;
const AGGREGATIONS = ["arithmetic", "geometric"] as const;
const POLICIES = ["reweight", "zero", "fail"] as const;

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
    "levels",
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
    ...(top.levels === undefined ? {} : {levels: parseLevels(c, top.levels)}),
    description: c.string(top.description, "description"),
    source: c.string(top.source, "source")
  };
  const before = c.issues.length;
  checkReferences(c, methodology, rawIds(top, methodology));
  // Level labels are known once the hierarchy holds together (one root, no cycle).
  if (c.issues.length === before && methodology.levels) {
    const known = [...new Set(nodeLevels(methodology).values())];
    for (const level of Object.keys(methodology.levels).filter((l) => !known.includes(l)))
      c.add(`levels.${level}`, `没有节点属于层级 ${level}`, `no node has level ${level} (levels: ${known.join(", ")})`);
  }
  if (c.issues.length > 0) throw new MethodologyError(c.issues, file);
  return methodology;
}

/** `levels`: level label → its names, e.g. `{"indicator": {"zh": "一级指标", "en": "Indicator"}}`. */
function parseLevels(c: Checker, value: unknown): Record<string, Names> {
  const o = c.object(value, "levels", typeof value === "object" && value !== null ? Object.keys(value) : []);
  const out: Record<string, Names> = {};
  for (const [level, names] of Object.entries(o ?? {})) {
    const parsed = names === undefined ? undefined : c.names(names, `levels.${level}`);
    if (parsed) out[level] = parsed;
  }
  return out;
}

function parseMeasure(c: Checker, value: unknown, path: string): Measure | undefined {
  const o = c.object(value, path, ["id", "name", "unit", "direction", "normalise", "derive", "note"]);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const unit = typeof o.unit === "string" && isUnitId(o.unit) ? o.unit : undefined;
  if (!unit) {
    // Name what was written and what is allowed: "working_days" is one letter away from a unit.
    const ids = Object.keys(UNITS).join(" | ");
    const [zh, en] = o.unit === undefined ? ["缺少单位", "missing unit"] : ["未知单位", "unknown unit"];
    const found = o.unit === undefined ? "" : ` ${JSON.stringify(o.unit)}`;
    c.add(`${path}.unit`, `${zh}${found}，必须是 ${ids} 之一`, `${en}${found}; must be one of ${ids}`);
  }

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
  const o = c.object(value, path, ["method", "best", "worst", "power", "target", "cap", "max", "scale"]);
  if (!o) return undefined;
  const method = c.oneOf(o.method, `${path}.method`, METHODS);
  const scale = o.scale === undefined ? undefined : c.number(o.scale, `${path}.scale`, {positive: true});
  const extra = (keys: string[]) => {
    for (const key of ["best", "worst", "power", "target", "cap", "max"]) {
      if (!keys.includes(key) && o[key] !== undefined)
        c.add(`${path}.${key}`, `方法 ${method} 不用此字段`, `not used by method ${method}`);
    }
  };
  switch (method) {
    case "frontier": {
      extra(["best", "worst", "power"]);
      const best = c.number(o.best, `${path}.best`);
      const worst = c.number(o.worst, `${path}.worst`);
      const power = o.power === undefined ? undefined : c.number(o.power, `${path}.power`, {positive: true});
      if (best === undefined || worst === undefined) return undefined;
      if (best === worst) c.add(`${path}.worst`, "最差值不能等于最优值", "worst must differ from best (worst == best)");
      else if (best < worst !== (direction === "lower_is_better")) {
        c.add(
          `${path}.best`,
          `最优值与方向 ${direction} 不符`,
          `best ${best} and worst ${worst} contradict direction ${direction}`
        );
      }
      return power === undefined ? {method, best, worst, scale} : {method, best, worst, power, scale};
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
  if (children.length > 0 && children.every((e) => e!.weight === 0)) {
    c.add(
      `${path}.children`,
      "子项权重之和为 0，此节点永远没有得分",
      "the children's weights sum to 0, so the node could never have a score"
    );
  }
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
  const o = c.object(value, path, ["id", "score", "remove", "upTo", "measures", "note"]);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const upTo = o.upTo === undefined ? undefined : c.id(o.upTo, `${path}.upTo`);
  const note = c.string(o.note, `${path}.note`);
  const measures =
    o.measures === undefined
      ? undefined
      : (c.array(o.measures, `${path}.measures`) ?? []).map((m, i) => c.id(m, `${path}.measures[${i}]`));
  if (measures?.some((m) => m === undefined)) return undefined;
  const common = {...(upTo === undefined ? {} : {upTo}), ...(measures ? {measures: measures as string[]} : {})};
  if (o.remove !== undefined) {
    if (o.remove !== true) return void c.add(`${path}.remove`, "只能是 true", "must be true (or absent)");
    if (o.score !== undefined)
      c.add(`${path}.score`, "移除指标的标记没有得分", "a flag that removes its measures has no score");
    if (upTo !== undefined)
      c.add(`${path}.upTo`, "移除指标的标记不能向上强制", "a flag that removes its measures forces no level above");
    return id === undefined ? undefined : {id, remove: true, ...common, note};
  }
  if (o.score === undefined)
    return void c.add(`${path}.score`, "缺少得分（或 remove: true）", "missing score (or remove: true)");
  const score = c.number(o.score, `${path}.score`, {min: 0});
  return id === undefined || score === undefined ? undefined : {id, score, ...common, note};
}

/** The ids the raw JSON gives to entries that did not parse, and every child id it lists (see {@link RawIds}). */
function rawIds(top: Record<string, unknown>, m: Methodology): RawIds {
  const entries = (list: unknown) => (Array.isArray(list) ? list : []) as Record<string, unknown>[];
  const ids = (list: unknown) => entries(list).map((x) => (typeof x?.id === "string" ? x.id : null));
  const parsed = new Set([...m.measures.map((x) => x.id), ...m.nodes.map((n) => n.id)]);
  const broken = new Set(
    [...ids(top.measures), ...ids(top.nodes)].filter((id): id is string => !!id && !parsed.has(id))
  );
  const children = new Set(
    entries(top.nodes)
      .flatMap((n) => ids(n?.children))
      .filter((id): id is string => !!id)
  );
  return {broken, children};
}
