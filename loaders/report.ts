/**
 * Builds what the published pages read, in one pass over one Node DuckDB: every region of the bundled peer groups
 * scored by the engine (the same SQL the simulator runs in the browser), ranks per peer group, raw values and measure
 * scores, and the points each measure and each lead unit's targets would add. Output: the `Report` and
 * `ReportValues` of src/engine/report/report-data.ts.
 */
import type {Catalogue} from "../src/engine/catalogue/catalogue.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {rootNode} from "../src/engine/methodology/methodology.js";
import {
  describeMeasures,
  describeNodes,
  explainMissingTotals,
  goalValue,
  type Goal
} from "../src/engine/model/model.js";
import {observationsIpc} from "../src/engine/observations/arrow.js";
import {previousPeriod, sortPeriods} from "../src/engine/observations/periods.js";
import {formCsv, formPeriods} from "../src/engine/observations/template.js";
import {DEFAULT_FOCUS} from "../src/engine/regions/regions.js";
import type {PeerGroup, Region} from "../src/engine/regions/regions.js";
import type {Aligned, Report, ReportMeasure, ReportValues} from "../src/engine/report/report-data.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import type {Engine} from "../src/engine/scoring/engine.js";
import type {MeasureScore, SubUnit, ValueOverride} from "../src/engine/scoring/types.js";
import {openNodeDatabase} from "./duckdb.js";
import type {LoadedObservations} from "./observations.js";
import {reportTargets} from "./report-targets.js";

export interface ReportInput {
  methodology: Methodology;
  catalogue: Catalogue;
  regions: Region[];
  /** Peer groups to rank in (the scored regions are their union). */
  peerGroups: PeerGroup[];
  /** Sub-units rolled up into parent regions (two-city economies); none by default. */
  subunits?: SubUnit[];
  /** The region the pages open on; default 庄浪县 (DEFAULT_FOCUS). */
  focus?: string;
  loaded: LoadedObservations;
  illustrative: boolean;
  /** The build day written on every printed page (YYYY-MM-DD); defaults to today (UTC). */
  generated?: string;
  /** Where next period's files go and the command that rebuilds the site (the method page's steps); defaults below. */
  next?: {folder: string; validate: string; build: string};
}

/** The default site's folder and build command (data/site.json). */
export const DEFAULT_NEXT = {folder: "data/observations/", validate: "npx bizenv validate", build: "npm run build"};

const round = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const weight = (x: number) => round(x, 8) ?? 0;

/** What the report pages read: report.json, report-values.json and the focus region's fill-in form (template.csv). */
export interface BuiltReport {
  report: Report;
  values: ReportValues;
  /** The fill-in form for the focus region's next period (src/engine/observations/template.ts), CSV text. */
  form: string;
}

/**
 * Scores everything the report pages show, opening DuckDB once. Deterministic: regions sorted, numbers rounded (scores
 * to 4 decimals, raw values to 6, points to 2, effective weights to 8).
 */
export async function buildReport(input: ReportInput): Promise<BuiltReport> {
  const {methodology, catalogue, peerGroups, loaded} = input;
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    await engine.loadObservations(observationsIpc(loaded.observations));
    await engine.setRegions(input.subunits ?? []);
    const focus = input.focus ?? DEFAULT_FOCUS;
    const regions = [...new Set(peerGroups.flatMap((g) => g.members))].sort();
    const periods = sortPeriods(loaded.observations.map((o) => o.period));
    const latest = periods[periods.length - 1];
    const nodes = describeNodes(methodology, catalogue).map((n) => ({
      ...n,
      effectiveWeight: weight(n.effectiveWeight)
    }));
    const measures = describeMeasures(methodology, catalogue).map((m) => ({
      ...m,
      effectiveWeight: weight(m.effectiveWeight)
    }));
    const root = rootNode(methodology);

    const all = await engine.score({peerGroup: regions, periods});
    const at = new Map(regions.map((r, i) => [r, i]));
    const scores: Report["scores"] = {};
    for (const n of all.nodes)
      aligned(aligned(scores, n.period), n.node, regions.length)[at.get(n.region)!] = round(n.score);
    const values = alignValues(all.measures, regions);
    const ranks: Report["ranks"] = {};
    for (const group of peerGroups) {
      const result = await engine.score({peerGroup: group.members, periods, measures: false});
      const pos = new Map(group.members.map((r, i) => [r, i]));
      const byPeriod: Record<string, Record<string, Aligned>> = (ranks[group.id] = {});
      for (const n of result.nodes)
        aligned(aligned(byPeriod, n.period), n.node, group.members.length)[pos.get(n.region)!] = n.rank;
    }
    const rawOf = (region: string, measure: string) => values[latest]?.[measure]?.raw[at.get(region)!] ?? null;
    const children = new Map<string, string[]>();
    for (const s of input.subunits ?? []) children.set(s.parent, [...(children.get(s.parent) ?? []), s.region]);
    const goals = {engine, regions, latest, root, rawOf, children};
    const regionName = new Map(input.regions.map((r) => [r.code, r.name]));
    const regionNameEn = new Map(input.regions.flatMap((r) => (r.nameEn ? [[r.code, r.nameEn] as const] : [])));
    const report: Report = {
      methodology: {
        id: methodology.id,
        nameZh: methodology.name?.zh ?? methodology.id,
        nameEn: methodology.name?.en ?? methodology.id
      },
      generated: input.generated ?? new Date().toISOString().slice(0, 10),
      illustrative: input.illustrative,
      periods,
      latest,
      baseline: previousPeriod(latest, periods),
      previous: Object.fromEntries(periods.map((p) => [p, previousPeriod(p, periods)])),
      focus,
      regions: regions.map((code) => ({
        code,
        name: regionName.get(code) ?? code,
        ...(regionNameEn.has(code) ? {nameEn: regionNameEn.get(code)} : {})
      })),
      peerGroups: peerGroups.map(({id, nameZh, nameEn, members, noun}) => ({
        id,
        nameZh,
        nameEn,
        members,
        ...(noun ? {noun} : {})
      })),
      root,
      nodes,
      levels: Object.fromEntries(
        Object.entries(methodology.levels ?? {}).map(([l, n]) => [l, {nameZh: n.zh ?? l, nameEn: n.en ?? n.zh ?? l}])
      ),
      measures,
      scores,
      ranks,
      gains: await measureGains(goals, measures),
      unitGains: await leadUnitGains(goals, measures, catalogue),
      ownerlessGains: await gainsOf(
        goals,
        measures.filter((m) => m.owners.length === 0)
      ),
      missing: explainMissingTotals(methodology, all).map((r) => ({...r, coverage: round(r.coverage)})),
      targets: reportTargets(catalogue, measures, values, periods, regions.length),
      load: loaded.results.map((r) => ({
        file: r.file,
        read: r.read,
        accepted: r.acceptedRows,
        rejected: r.rejectedRows,
        unfilled: r.unfilledRows,
        encoding: r.encoding
      })),
      // Sub-units of a scored region (DB2020's cities) are scored through it: not "outside".
      outside: outsideRegions(
        loaded,
        [...regions, ...[...goals.children].flatMap(([p, c]) => (at.has(p) ? c : []))],
        regionName,
        regionNameEn
      ),
      form: {regionName: regionName.get(focus) ?? focus, ...formPeriods(periods)!, ...(input.next ?? DEFAULT_NEXT)},
      rejections: loaded.results.flatMap((r) =>
        r.rejected.map(({file, line, column, columnName, text, reasonZh, reasonEn}) => ({
          file,
          line,
          column,
          columnName,
          text,
          reasonZh,
          reasonEn
        }))
      )
    };
    return {report, values, form: focusForm(input, report)};
  } finally {
    await db.close();
  }
}

/** The focus region's form for the period after the latest, with its values of the previous period of that kind. */
function focusForm(input: ReportInput, report: Report): string {
  const {period, from} = report.form;
  return formCsv({
    methodology: input.methodology,
    catalogue: input.catalogue,
    region: {code: report.focus, name: report.form.regionName},
    period,
    previous: from === null ? null : {period: from, observations: input.loaded.observations}
  });
}

/** Regions with accepted observations that no bundled peer group ranks, with their number of rows, by code. */
function outsideRegions(
  loaded: LoadedObservations,
  scored: string[],
  names: Map<string, string>,
  namesEn: Map<string, string>
): Report["outside"] {
  const inGroups = new Set(scored);
  const rows = new Map<string, number>();
  for (const o of loaded.observations) if (!inGroups.has(o.region)) rows.set(o.region, (rows.get(o.region) ?? 0) + 1);
  return [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => ({
      code,
      name: names.get(code) ?? code,
      ...(namesEn.has(code) ? {nameEn: namesEn.get(code)} : {}),
      rows: n
    }));
}

function alignValues(rows: MeasureScore[], regions: string[]): ReportValues {
  const at = new Map(regions.map((r, i) => [r, i]));
  const values: ReportValues = {};
  for (const m of rows) {
    const cell = (aligned(values, m.period)[m.measure] ??= {raw: empty(regions.length), score: empty(regions.length)});
    cell.raw[at.get(m.region)!] = round(m.raw, 6);
    cell.score[at.get(m.region)!] = round(m.score);
  }
  return values;
}

const empty = (n: number): Aligned => new Array<number | null>(n).fill(null);

/** `record[key]`, created on first use (an empty object, or an all-null array of length `n`). */
function aligned<T>(record: Record<string, T>, key: string, n?: number): T {
  return (record[key] ??= (n === undefined ? {} : empty(n)) as T);
}

interface Goals {
  engine: Engine;
  regions: string[];
  latest: string;
  root: string;
  rawOf: (region: string, measure: string) => number | null;
  /** Parent → its sub-units: a goal for a two-city economy is set in both cities (the value its own raw value gives). */
  children: Map<string, string[]>;
}

/** Points of the total gained per region (aligned) when each listed measure moves to its goal in the latest period. */
async function totalGain(g: Goals, measures: ReportMeasure[], goal: Goal): Promise<Aligned> {
  const values: ValueOverride[] = measures.flatMap((measure) =>
    g.regions.flatMap((region) => {
      const value = goalValue(measure, goal, g.rawOf(region, measure.id));
      return (g.children.get(region) ?? [region]).map((r) => ({
        region: r,
        period: g.latest,
        measure: measure.id,
        value
      }));
    })
  );
  const result = await g.engine.score({
    peerGroup: g.regions,
    periods: [g.latest],
    scenario: {values},
    level: g.root,
    measures: false
  });
  const delta = new Map((result.deltas ?? []).map((d) => [d.region, round(d.delta, 2)]));
  return g.regions.map((r) => delta.get(r) ?? null);
}

async function measureGains(g: Goals, measures: ReportMeasure[]): Promise<Report["gains"]> {
  const out: Report["gains"] = {};
  for (const m of measures) {
    out[m.id] = {
      toFrontier: m.best === null ? empty(g.regions.length) : await totalGain(g, [m], "frontier"),
      toTarget: m.target === null ? null : await totalGain(g, [m], "target")
    };
  }
  return out;
}

/** Points if every measure a unit answers for (its `owners`) met its target, or its frontier. */
async function leadUnitGains(g: Goals, measures: ReportMeasure[], catalogue: Catalogue): Promise<Report["unitGains"]> {
  const out: Report["unitGains"] = {};
  for (const unit of catalogue.units)
    out[unit.id] = await gainsOf(
      g,
      measures.filter((m) => m.owners.includes(unit.id))
    );
  return out;
}

/** Points if all of `measures` met their targets (null when none has one), or their frontiers (null when none). */
async function gainsOf(g: Goals, measures: ReportMeasure[]): Promise<Report["ownerlessGains"]> {
  const toTarget = measures.filter((m) => m.target !== null);
  const toFrontier = measures.filter((m) => m.best !== null);
  return {
    toTarget: toTarget.length ? await totalGain(g, toTarget, "target") : null,
    toFrontier: toFrontier.length ? await totalGain(g, toFrontier, "frontier") : null
  };
}
