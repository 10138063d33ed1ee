/**
 * The one check of a what-if scenario, wherever it comes from (a `--scenario` file, a shared link, the page): its
 * shape, and every value, weight and target against the methodology, the regions and periods of the data, and the
 * unit rules observations obey. All problems come back at once, each with its JSON path.
 */
import type {Scenario} from "../scoring/types.js";
import {buildPlan, ScenarioError} from "./plan.js";
import type {Methodology} from "./types.js";
import {UNITS} from "./units.js";

/** One problem in a scenario: where (`values[2].value`) and what, in Chinese and English. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** What the values may name: the regions and periods of the data (null = not checked). */
export interface ScenarioScope {
  regions: ReadonlySet<string> | null;
  periods: ReadonlySet<string> | null;
}

const FIELDS = ["values", "weights", "targets", "name", "note"];
const VALUE_FIELDS = ["region", "period", "measure", "value"];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Every problem of a scenario (parsed JSON or an object), or none. */
export function scenarioIssues(m: Methodology, json: unknown, scope: ScenarioScope): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, zh: string, en: string) => issues.push({path, message: `${zh} / ${en}`});
  if (!isObject(json)) {
    add("$", "情景必须是对象", "a scenario must be an object");
    return issues;
  }
  for (const key of Object.keys(json)) {
    if (!FIELDS.includes(key)) add(key, "未知字段", `unknown field (allowed: ${FIELDS.join(", ")})`);
  }
  const measures = new Map(m.measures.filter((x) => !x.derive).map((x) => [x.id, x]));
  if (json.values !== undefined && !Array.isArray(json.values)) add("values", "必须是数组", "must be an array");
  (Array.isArray(json.values) ? json.values : []).forEach((v: unknown, i) => {
    const p = `values[${i}]`;
    if (!isObject(v)) return add(p, "必须是对象", "must be an object");
    for (const key of Object.keys(v)) {
      if (!VALUE_FIELDS.includes(key))
        add(`${p}.${key}`, "未知字段", `unknown field (allowed: ${VALUE_FIELDS.join(", ")})`);
    }
    if (typeof v.region !== "string") add(`${p}.region`, "需要地区代码", "needs a region code");
    else if (scope.regions && !scope.regions.has(v.region))
      add(`${p}.region`, `数据中没有地区 ${v.region}`, `region ${v.region} is not in the data`);
    if (v.period !== undefined && v.period !== null) {
      if (typeof v.period !== "string") add(`${p}.period`, "期间必须是文本", "a period must be text");
      else if (scope.periods && !scope.periods.has(v.period))
        add(`${p}.period`, `数据中没有期间 ${v.period}`, `period ${v.period} is not in the data`);
    }
    const measure = typeof v.measure === "string" ? measures.get(v.measure) : undefined;
    if (typeof v.measure !== "string") add(`${p}.measure`, "需要计量项代码", "needs a measure id");
    else if (!measure)
      add(
        `${p}.measure`,
        `未知的观测计量项 ${v.measure}`,
        `${v.measure} is not an observed measure of the methodology`
      );
    if (v.value === null) return;
    if (typeof v.value !== "number" || !Number.isFinite(v.value))
      return add(`${p}.value`, "必须是数值或 null", "must be a number or null");
    if (measure) {
      const unit = UNITS[measure.unit];
      const range = `${unit.min}–${unit.max === Infinity ? "∞" : unit.max}`;
      const yesNo = measure.unit === "yes_no" && v.value !== 0 && v.value !== 1;
      if (yesNo || v.value < unit.min || v.value > unit.max) {
        add(
          `${p}.value`,
          `${measure.id} = ${v.value} 超出单位「${unit.zh}」允许的范围 ${yesNo ? "0 或 1" : range}`,
          `${measure.id} = ${v.value} is out of range for ${unit.en} (${yesNo ? "0 or 1" : range})`
        );
      }
    }
  });
  for (const key of ["weights", "targets"] as const) {
    const record = json[key];
    if (record === undefined) continue;
    if (!isObject(record)) add(key, "必须是对象", "must be an object");
    else
      for (const [id, w] of Object.entries(record)) {
        if (typeof w !== "number") add(`${key}.${id}`, "必须是数值", "must be a number");
        else {
          try {
            buildPlan(m, {[key]: Object.fromEntries([[id, w]])});
          } catch (error) {
            if (!(error instanceof ScenarioError)) throw error;
            issues.push({path: `${key}.${id}`, message: error.message});
          }
        }
      }
  }
  if (issues.length === 0 && (json.weights || json.targets)) {
    try {
      buildPlan(m, {weights: json.weights as Record<string, number>, targets: json.targets as Record<string, number>});
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      issues.push({path: "weights", message: error.message});
    }
  }
  return issues;
}

/** The scenario, checked; throws a {@link ScenarioError} listing every problem as `source: path: message`. */
export function checkScenario(m: Methodology, json: unknown, scope: ScenarioScope, source: string): Scenario {
  const issues = scenarioIssues(m, json, scope);
  if (issues.length) {
    const head = `${source}: 情景有 ${issues.length} 处错误 / the scenario has ${issues.length} error(s)`;
    throw new ScenarioError([head, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join("\n"));
  }
  return json as Scenario;
}
