/**
 * The report folder owns the shape of the build-time report that the loader writes and the report pages read: scores
 * of every region of the bundled peer groups, computed by the engine on the Node DuckDB and shipped to the pages as
 * JSON (no DuckDB-wasm on those pages). Numbers are stored as arrays aligned with `regions` (or a peer group's
 * `members` for ranks) to keep the files small.
 */
import type {Comparator} from "../catalogue/catalogue.js";
import type {MeasureInfo, MissingReason, NodeInfo} from "../model/model.js";

/** Values aligned with a list of regions; null where missing. */
export type Aligned = (number | null)[];

/** A node as the report pages read it (src/engine/model/describe.ts; effective weight rounded to 8 decimals). */
export type ReportNode = NodeInfo;

/** An observed measure as the report pages read it (src/engine/model/describe.ts). */
export type ReportMeasure = MeasureInfo;

export interface ReportPeerGroup {
  id: string;
  nameZh: string;
  nameEn: string;
  members: string[];
  /** What the members are called when counted (a regions file's `noun`); 地区 / regions when absent. */
  noun?: {zh: string; en: string};
}

/** A target's status per region: 1 met, 0 not met, null no data (or a measure the methodology does not observe). */
export type Status = (0 | 1 | null)[];

/** One quantitative target of the plan (catalogue targets.csv) with its measure's values and status in every period. */
export interface ReportTarget {
  /** Catalogue target id (targets.csv, the plan's order). */
  id: number;
  /** Catalogue indicator id 1..123. */
  indicatorId: number;
  /** The measure it bounds (a methodology measure id). */
  measure: string;
  comparator: Comparator;
  value: number;
  /** Unit id of src/engine/methodology/units.ts. */
  unit: string;
  /** The plan's own words. */
  quoteZh: string;
  /** Units answerable for the indicator (its lead units, else the owners section 三 names); [] when none. */
  owners: string[];
  /** period → the measure's raw value per region (aligned with `regions`). */
  values: Record<string, Aligned>;
  /** period → status per region by the goal rule (`targetMet` of src/engine/model). */
  met: Record<string, Status>;
}

/** report.json: what every report page needs. */
export interface Report {
  methodology: {id: string; nameZh: string; nameEn: string};
  /** The day the report was built (YYYY-MM-DD; SOURCE_DATE_EPOCH when set, for reproducible builds). */
  generated: string;
  /** True when the observations are the bundled illustrative set (say so on every page). */
  illustrative: boolean;
  /** Every period of the data, in time order (src/engine/observations/periods.ts). */
  periods: string[];
  /** The latest period: what every page shows first. */
  latest: string;
  /** The period the latest is compared with: the previous one of the same kind (year with year), or null. */
  baseline: string | null;
  /** period → the previous period of the same kind in the data (null when there is none). */
  previous: Record<string, string | null>;
  focus: string;
  /**
   * Every scored region; all `Aligned` arrays except ranks follow this order. `nameEn` when the regions source names
   * them in English too (regions files).
   */
  regions: {code: string; name: string; nameEn?: string}[];
  peerGroups: ReportPeerGroup[];
  /** The root node id. */
  root: string;
  nodes: ReportNode[];
  /** Names of the nodes' level labels (`ReportNode.level`) the methodology gives (its `levels`); {} when none. */
  levels: Record<string, {nameZh: string; nameEn: string}>;
  measures: ReportMeasure[];
  /** period → node id → score per region (every level; independent of the peer group). */
  scores: Record<string, Record<string, Aligned>>;
  /** peer group id → period → node id → rank aligned with that group's `members` (ties share the better rank). */
  ranks: Record<string, Record<string, Record<string, Aligned>>>;
  /**
   * measure id → points the total would gain in the latest period per region if that measure moved to its
   * frontier / to the plan's target (null without a target); a value already better is kept, so gains are ≥ 0.
   */
  gains: Record<string, {toFrontier: Aligned; toTarget: Aligned | null}>;
  /**
   * lead unit id → points if every target (or frontier) of the measures it answers for (`MeasureInfo.owners`) were
   * met, latest period.
   */
  unitGains: Record<string, {toTarget: Aligned | null; toFrontier: Aligned | null}>;
  /** The same for the measures of indicators the plan gives no owner at all. */
  ownerlessGains: {toTarget: Aligned | null; toFrontier: Aligned | null};
  /**
   * Why a total or a category has no score, wherever one is missing (`explainMissingTotals` of src/engine/model, the
   * rule `bizenv score` says on the command line): region code, period, the chain of node ids and the measure ids
   * without a value. Pages name them in their language; [] when every total and category has a score.
   */
  missing: MissingReason[];
  /** The plan's quantitative targets, in the plan's order. */
  targets: ReportTarget[];
  /**
   * Regions whose observations were accepted but that are in no bundled peer group (e.g. 兰州新区 620171, a functional
   * area, docs/data-format.md § 5): read and counted, never scored or ranked, and listed on the method page.
   */
  outside: {code: string; name: string; nameEn?: string; rows: number}[];
  /**
   * The fill-in form the method page offers (template.csv in the build's archive): for the focus region, the period
   * after the latest, with the values of `from` (the previous period of that kind; null when the data have none);
   * `folder` is where the filled form goes (the site's observations folder), `validate` the command that checks it and
   * `build` the one that rebuilds the site.
   */
  form: {regionName: string; period: string; from: string | null; folder: string; validate: string; build: string};
  /** Row accounting of the observation files. */
  /** Row accounting of the observation files: read = accepted + rejected + unfilled (rows of a form not yet filled). */
  load: {file: string; read: number; accepted: number; rejected: number; unfilled: number; encoding: string}[];
  rejections: {
    file: string;
    line: number;
    column: number;
    columnName: string;
    text: string;
    reasonZh: string;
    reasonEn: string;
  }[];
}

/** report-values.json: raw values and measure scores, period → measure id → per region (same order as Report.regions). */
export type ReportValues = Record<string, Record<string, {raw: Aligned; score: Aligned}>>;

/** Index of each region code in `regions`. */
export function regionIndex(report: Pick<Report, "regions">): Map<string, number> {
  return new Map(report.regions.map((r, i) => [r.code, i]));
}
