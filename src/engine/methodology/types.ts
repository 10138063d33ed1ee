/** The types of a methodology: measures with their normalisation, derived measures, flags and a weighted hierarchy. */
import type {UnitId} from "./units.js";

/** Which way a raw value is better. */
export type Direction = "higher_is_better" | "lower_is_better";

/** How a raw value becomes a score on 0..scale. */
export type Normalisation =
  | {method: "frontier"; best: number; worst: number; power?: number; scale?: number}
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

/**
 * An observation flag: a fixed score (DB2020 "no_practice" → 0 for the measure and its topic), or, with `remove`, the
 * flagged measure does not exist (DB2020 "no VAT": its parents average their other children, coverage unchanged).
 */
export interface FlagRule {
  id: string;
  /** The flagged measure's score; undefined exactly when `remove` is true. */
  score?: number;
  /** The flagged measure is left out of its parents as if it were not in the methodology. */
  remove?: boolean;
  /** Level label: every node on the way from the flagged measure up to a node of this level also gets `score`. */
  upTo?: string;
  /** Observed measures a wide file's column named after the flag (1 = flagged) flags in its row. */
  measures?: string[];
  note?: string;
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
  /** Names of the level labels the nodes use (`"indicator": {"zh": "一级指标", …}`), for pages to call each tier by. */
  levels?: Record<string, Names>;
  description?: string;
  source?: string;
}
