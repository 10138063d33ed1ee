/**
 * Scenario ↔ URL fragment and JSON file. The fragment is `#s=` + base64url(UTF-8 JSON `{v: 1, focus, group,
 * period, values, weights, targets}`). Decoding never evaluates anything: it parses JSON, checks sizes and the
 * schema, and checks every id against the methodology; any problem is one bilingual message.
 */
import type {Methodology} from "../../engine/methodology/methodology.js";
import {scenarioIssues} from "../../engine/methodology/scenario.js";
import {scenarioOf, type SimState} from "./state.js";

/** Version written into links and files. */
export const SCENARIO_VERSION = 1;
/** Longest fragment or file accepted (characters). */
export const MAX_SCENARIO_CHARS = 200_000;
/** Most entries in each of values, weights and targets. */
export const MAX_ENTRIES = 2_000;

/** What decoded ids are checked against. */
export interface ScenarioContext {
  regions: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  periods: ReadonlySet<string>;
  /** Observed measures (values, targets). */
  measures: ReadonlySet<string>;
  /** Measures whose normalisation has a target to change. */
  targetable: ReadonlySet<string>;
  /** Nodes and measures that carry a weight. */
  weighted: ReadonlySet<string>;
  /**
   * The methodology: when given, values, weights and targets also pass the scenario check `bizenv score` runs (units
   * and ranges: no −3 working days or 250 %; weights that leave a node nothing), as typing them into the page does.
   */
  methodology?: Methodology;
}

/** The outcome of decoding: a state, or a message saying what is wrong ("中文 / English"). */
export type Decoded = {ok: true; state: SimState} | {ok: false; message: string};

/** The scenario as a plain JSON object (the form links and files share). */
export function scenarioDocument(state: SimState): Record<string, unknown> {
  const sorted = <T>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return {
    v: SCENARIO_VERSION,
    focus: state.focus,
    group: state.group,
    period: state.period,
    values: sorted(state.values),
    weights: sorted(state.weights),
    targets: sorted(state.targets)
  };
}

/** The URL fragment (without `#`) that reproduces a state: `s=<base64url JSON>`. */
export function encodeFragment(state: SimState): string {
  return `s=${toBase64Url(JSON.stringify(scenarioDocument(state)))}`;
}

/** Reads a URL fragment (with or without `#`); `null` when it carries no scenario at all. */
export function decodeFragment(fragment: string, ctx: ScenarioContext): Decoded | null {
  const text = fragment.replace(/^#/, "");
  if (text === "") return null;
  if (text.length > MAX_SCENARIO_CHARS)
    return fail("链接过长", `the link is too long (over ${MAX_SCENARIO_CHARS} characters)`);
  const params = new URLSearchParams(text);
  const payload = params.get("s");
  if (payload === null) return fail("链接中没有情景参数 s=", "the link has no scenario parameter s=");
  let json: string;
  try {
    json = fromBase64Url(payload);
  } catch {
    return fail("链接中的情景不是有效的编码", "the scenario in the link is not valid base64url/UTF-8");
  }
  return decodeJson(json, ctx);
}

/** The text of a downloadable scenario file (pretty JSON). */
export function scenarioFileText(state: SimState): string {
  return `${JSON.stringify(scenarioDocument(state), null, 2)}\n`;
}

/** Reads scenario JSON text (an uploaded file or a decoded link). */
export function decodeJson(text: string, ctx: ScenarioContext): Decoded {
  if (text.length > MAX_SCENARIO_CHARS)
    return fail("情景文件过大", `the scenario is too large (over ${MAX_SCENARIO_CHARS} characters)`);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return fail("情景不是有效的 JSON", "the scenario is not valid JSON");
  }
  return checkDocument(doc, ctx);
}

function fail(zh: string, en: string): Decoded {
  return {ok: false, message: `${zh} / ${en}`};
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const shown = (ids: string[]) =>
  ids
    .slice(0, 10)
    .map((id) => JSON.stringify(id.slice(0, 60)))
    .join(", ") + (ids.length > 10 ? ` … (+${ids.length - 10})` : "");

function checkDocument(doc: unknown, ctx: ScenarioContext): Decoded {
  if (!isRecord(doc)) return fail("情景必须是 JSON 对象", "the scenario must be a JSON object");
  const allowed = ["v", "focus", "group", "period", "values", "weights", "targets"];
  const extra = Object.keys(doc).filter((k) => !allowed.includes(k));
  if (extra.length)
    return fail(`未知字段 ${shown(extra)}`, `unknown field(s) ${shown(extra)} (allowed: ${allowed.join(", ")})`);
  if (doc.v !== SCENARIO_VERSION)
    return fail(
      `不支持的版本 v=${String(doc.v).slice(0, 20)}`,
      `unsupported version v=${String(doc.v).slice(0, 20)} (expected ${SCENARIO_VERSION})`
    );
  const pick = (key: string, known: ReadonlySet<string>, zhName: string): string | Decoded => {
    const value = doc[key];
    if (typeof value !== "string" || !known.has(value)) {
      const text = typeof value === "string" ? JSON.stringify(value.slice(0, 60)) : typeof value;
      return fail(`未知的${zhName} ${text}`, `unknown ${key} ${text} (known: ${[...known].slice(0, 12).join(", ")})`);
    }
    return value;
  };
  const focus = pick("focus", ctx.regions, "地区");
  if (typeof focus !== "string") return focus;
  const group = pick("group", ctx.groups, "对标组");
  if (typeof group !== "string") return group;
  const period = pick("period", ctx.periods, "期间");
  if (typeof period !== "string") return period;
  const values = numberMap(doc.values, "values", ctx.measures, {nullable: true});
  if ("message" in values) return values;
  const weights = numberMap(doc.weights, "weights", ctx.weighted, {min: 0, max: 1e6});
  if ("message" in weights) return weights;
  const targets = numberMap(doc.targets, "targets", ctx.targetable, {});
  if ("message" in targets) return targets;
  const state: SimState = {
    focus,
    group,
    period,
    values: values.map,
    weights: weights.map as Record<string, number>,
    targets: targets.map as Record<string, number>
  };
  if (ctx.methodology) {
    const scope = {regions: ctx.regions, periods: ctx.periods};
    const issues = scenarioIssues(ctx.methodology, scenarioOf(state), scope);
    if (issues.length > 0) {
      const listed = issues.slice(0, 5).map((i) => `${linkPath(i.path, state)}: ${i.message}`);
      return {ok: false, message: listed.join("; ") + (issues.length > 5 ? ` … (+${issues.length - 5})` : "")};
    }
  }
  return {ok: true, state};
}

/** A scenario-check path (`values[0].value`) as the link names it (`values.startup_days`). */
function linkPath(path: string, state: SimState): string {
  const at = /^values\[(\d+)\](.*)$/.exec(path);
  if (!at) return path;
  const measure = Object.keys(state.values).sort((a, b) => a.localeCompare(b))[Number(at[1])];
  return measure === undefined ? path : `values.${measure}`;
}

function numberMap(
  value: unknown,
  key: string,
  known: ReadonlySet<string>,
  rule: {nullable?: boolean; min?: number; max?: number}
): {map: Record<string, number | null>} | {ok: false; message: string} {
  if (value === undefined) return {map: {}};
  if (!isRecord(value)) return {ok: false, message: `${key} 必须是对象 / ${key} must be an object`};
  const entries = Object.entries(value);
  if (entries.length > MAX_ENTRIES)
    return {ok: false, message: `${key} 条目过多 / ${key} has too many entries (over ${MAX_ENTRIES})`};
  const unknown = entries.map(([id]) => id).filter((id) => !known.has(id));
  if (unknown.length)
    return {
      ok: false,
      message: `${key} 含未知的指标 ${shown(unknown)} / ${key} names unknown measure(s) or node(s): ${shown(unknown)}`
    };
  const map: Record<string, number | null> = Object.create(null);
  for (const [id, v] of entries) {
    const okNumber =
      typeof v === "number" &&
      Number.isFinite(v) &&
      (rule.min === undefined || v >= rule.min) &&
      (rule.max === undefined || v <= rule.max);
    if (!(okNumber || (rule.nullable && v === null))) {
      const range = rule.min !== undefined ? ` (${rule.min}–${rule.max})` : "";
      return {ok: false, message: `${key}.${id} 必须是有限数值${range} / ${key}.${id} must be a finite number${range}`};
    }
    map[id] = v as number | null;
  }
  return {map: {...map}};
}

/** base64url of the UTF-8 bytes of a string (no padding). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Inverse of {@link toBase64Url}; throws on characters outside the alphabet or bytes that are not UTF-8. */
export function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
}
