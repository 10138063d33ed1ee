/**
 * Builds the report the published pages read: every region of the bundled peer groups scored by the engine on the
 * Node DuckDB (the same SQL the simulator runs in the browser), ranks per peer group, and the points each measure
 * and each lead unit's targets would add. Output: src/engine/report/report-data.ts `Report` and `ReportValues`.
 */
import type {Catalogue} from "../src/engine/catalogue/catalogue.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import type {Engine} from "../src/engine/scoring/engine.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {buildPlan, effectiveWeights} from "../src/engine/methodology/plan.js";
import {DEFAULT_FOCUS} from "../src/engine/regions/regions.js";
import type {PeerGroup, Region} from "../src/engine/regions/regions.js";
import type {MeasureScore, ValueOverride} from "../src/engine/scoring/types.js";
import {PERIODS} from "../src/engine/observations/observation.js";
import type {Aligned, Report, ReportMeasure, ReportNode, ReportValues} from "../src/engine/report/report-data.js";
import {openNodeDatabase} from "./duckdb.js";
import type {LoadedObservations} from "./observations.js";
import {observationsIpc} from "../src/engine/observations/arrow.js";

export interface ReportInput {
  methodology: Methodology;
  catalogue: Catalogue;
  regions: Region[];
  /** Peer groups to rank in (the scored regions are their union). */
  peerGroups: PeerGroup[];
  loaded: LoadedObservations;
  illustrative: boolean;
}

const round = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/** Scores everything the report pages show. Deterministic: regions sorted, numbers rounded to 4 decimals. */
export async function buildReport(input: ReportInput): Promise<Report> {
  const {methodology, catalogue, peerGroups, loaded} = input;
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    await engine.loadObservations(observationsIpc(loaded.observations));
    const regions = [...new Set(peerGroups.flatMap((g) => g.members))].sort();
    const present = new Set(loaded.observations.map((o) => o.period));
    const periods = PERIODS.filter((p) => present.has(p));
    const latest = periods[periods.length - 1];
    const nodes = describeNodes(methodology, catalogue);
    const measures = describeMeasures(methodology, catalogue, nodes);
    const root = buildPlan(methodology).root;

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
    const goals = {engine, regions, latest, root, rawOf};
    const regionName = new Map(input.regions.map((r) => [r.code, r.name]));
    const report: Report = {
      methodology: {
        id: methodology.id,
        nameZh: methodology.name?.zh ?? methodology.id,
        nameEn: methodology.name?.en ?? methodology.id
      },
      illustrative: input.illustrative,
      periods,
      latest,
      baseline: periods[0],
      focus: DEFAULT_FOCUS,
      regions: regions.map((code) => ({code, name: regionName.get(code) ?? code})),
      peerGroups: peerGroups.map(({id, nameZh, nameEn, members}) => ({id, nameZh, nameEn, members})),
      root,
      nodes,
      measures,
      scores,
      ranks,
      gains: await measureGains(goals, measures),
      unitGains: await leadUnitGains(goals, measures, catalogue),
      load: loaded.results.map((r) => ({
        file: r.file,
        read: r.read,
        accepted: r.acceptedRows,
        rejected: r.rejectedRows,
        encoding: r.encoding
      })),
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
    return report;
  } finally {
    await db.close();
  }
}

/** Raw values and measure scores of every region of the bundled peer groups (report-values.json). */
export async function buildValues(
  input: Pick<ReportInput, "methodology" | "peerGroups" | "loaded">
): Promise<ReportValues> {
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, input.methodology);
    await engine.loadObservations(observationsIpc(input.loaded.observations));
    const regions = [...new Set(input.peerGroups.flatMap((g) => g.members))].sort();
    const result = await engine.score({peerGroup: regions, level: buildPlan(input.methodology).root});
    return alignValues(result.measures, regions);
  } finally {
    await db.close();
  }
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

/** Every node with its level, parent, names, catalogue id and effective weight. */
function describeNodes(methodology: Methodology, catalogue: Catalogue): ReportNode[] {
  const plan = buildPlan(methodology);
  const weights = effectiveWeights(plan);
  const parent = new Map<string, string>();
  for (const n of methodology.nodes) for (const e of n.children) parent.set(e.id, n.id);
  const levelOf = new Map(plan.nodes.map((n) => [n.node, n.level]));
  return methodology.nodes.map((n) => {
    const level = levelOf.get(n.id) ?? "";
    const catalogueId = catalogueIdOf(n.id, level);
    const fromCatalogue =
      level === "category"
        ? catalogue.categories.find((c) => c.id === catalogueId)
        : level === "indicator"
          ? catalogue.indicators.find((i) => i.id === catalogueId)
          : undefined;
    return {
      id: n.id,
      level,
      parent: parent.get(n.id) ?? null,
      nameZh: n.name?.zh ?? fromCatalogue?.nameZh ?? n.id,
      nameEn: n.name?.en ?? fromCatalogue?.nameEn ?? n.id,
      catalogueId,
      effectiveWeight: round(weights[n.id] ?? 0, 8) ?? 0
    };
  });
}

/** The catalogue id a category or indicator node stands for: the number in its id (`c03` → 3, `i045` → 45). */
export function catalogueIdOf(nodeId: string, level: string): number | null {
  if (level !== "category" && level !== "indicator") return null;
  const match = /(\d+)$/.exec(nodeId);
  return match ? Number(match[1]) : null;
}

function describeMeasures(methodology: Methodology, catalogue: Catalogue, nodes: ReportNode[]): ReportMeasure[] {
  const weights = effectiveWeights(buildPlan(methodology));
  const parent = new Map<string, string>();
  for (const n of methodology.nodes) for (const e of n.children) parent.set(e.id, n.id);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const indicatorById = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const targetOf = new Map(catalogue.targets.map((t) => [t.measure, t]));
  return methodology.measures
    .filter((m) => !m.derive)
    .map((m) => {
      const n = m.normalise!;
      const node = parent.get(m.id) ?? "";
      const indicator = indicatorById.get(nodeById.get(node)?.catalogueId ?? -1);
      const target = targetOf.get(m.id);
      const best =
        n.method === "frontier" ? n.best : n.method === "target" ? n.target : n.method === "expert" ? n.max : 1;
      return {
        id: m.id,
        node,
        nameZh: m.name?.zh ?? m.id,
        nameEn: m.name?.en ?? m.id,
        unit: m.unit,
        direction: m.direction,
        method: n.method,
        best,
        worst: n.method === "frontier" ? n.worst : n.method === "expert" || n.method === "yes_no" ? 0 : null,
        target: target?.value ?? null,
        targetQuote: target?.quoteZh ?? null,
        effectiveWeight: round(weights[m.id] ?? 0, 8) ?? 0,
        leadUnits: indicator?.leadUnits ?? []
      };
    });
}

/** The better of a current value and a goal: a region already past the goal keeps its value. */
function better(current: number | null, goal: number, higher: boolean): number {
  if (current === null) return goal;
  return higher ? Math.max(current, goal) : Math.min(current, goal);
}

interface Goals {
  engine: Engine;
  regions: string[];
  latest: string;
  root: string;
  rawOf: (region: string, measure: string) => number | null;
}

/** Points of the total gained per region (aligned) when each listed measure moves to its goal in the latest period. */
async function totalGain(g: Goals, goals: {measure: ReportMeasure; goal: number}[]): Promise<Aligned> {
  const values: ValueOverride[] = goals.flatMap(({measure, goal}) =>
    g.regions.map((region) => ({
      region,
      period: g.latest,
      measure: measure.id,
      value: better(g.rawOf(region, measure.id), goal, measure.direction === "higher_is_better")
    }))
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
      toFrontier: m.best === null ? empty(g.regions.length) : await totalGain(g, [{measure: m, goal: m.best}]),
      toTarget: m.target === null ? null : await totalGain(g, [{measure: m, goal: m.target}])
    };
  }
  return out;
}

async function leadUnitGains(g: Goals, measures: ReportMeasure[], catalogue: Catalogue): Promise<Report["unitGains"]> {
  const out: Report["unitGains"] = {};
  for (const unit of catalogue.units) {
    const own = measures.filter((m) => m.leadUnits.includes(unit.id));
    const toTarget = own.flatMap((m) => (m.target === null ? [] : [{measure: m, goal: m.target}]));
    const toFrontier = own.flatMap((m) => (m.best === null ? [] : [{measure: m, goal: m.best}]));
    out[unit.id] = {
      toTarget: toTarget.length ? await totalGain(g, toTarget) : null,
      toFrontier: toFrontier.length ? await totalGain(g, toFrontier) : null
    };
  }
  return out;
}
