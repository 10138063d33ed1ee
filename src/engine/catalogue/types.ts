/** The plan as data: the types of the catalogue's categories, indicators, lead units and targets. */
import type {UnitId} from "../methodology/units.js";

/** One of the plan's 13 categories, covering the indicators `indicatorFrom..indicatorTo`. */
export interface Category {
  id: number;
  nameZh: string;
  nameEn: string;
  indicatorFrom: number;
  indicatorTo: number;
}

/** How an indicator's name was read from the plan. */
export type NameSource = "stated" | "split" | "group" | "inferred";

/** How an indicator's lead units were read: the 责任单位 line right after it, the next or previous one, or none. */
export type LeadSource = "stated" | "next" | "previous" | "none";

/** One assessment indicator (评估指标) of the plan. */
export interface Indicator {
  id: number;
  categoryId: number;
  /** Business-environment topic (`starting_business` …) for categories 10–13; "" otherwise. */
  topic: string;
  nameZh: string;
  nameEn: string;
  /** The plan's range heading this row comes from ("78-82"); "" for a single-indicator heading. */
  group: string;
  /** The plan's heading text after `评估指标N:`; "" when the plan has none (inferred rows). */
  headingZh: string;
  /** 评估要点, the plan's words ("" when it gives none). */
  assessmentZh: string;
  /** 提升措施, the plan's words ("" when it gives none). */
  measuresZh: string;
  /** Lead unit ids (units.csv); empty when the plan names none for this indicator. */
  leadUnits: string[];
  /** The raw provenance text, e.g. `split; lead: next (line after 14)`. */
  provenance: string;
  nameSource: NameSource;
  leadSource: LeadSource;
  /**
   * Lead units named outside section 二 for an indicator section 二 leaves without one (`lead_units` empty): the
   * plan's section 三 (工作要求) assigns tasks to 县政务服务中心 and 县大数据中心. Null when there is none.
   */
  owner: IndicatorOwner | null;
}

/** Where an owner outside the indicator's own 责任单位 lines comes from (the closed list of `owner_source`). */
export type OwnerSource = "section 三";

/** The owner sources a catalogue row may cite. */
export const OWNER_SOURCES: readonly OwnerSource[] = ["section 三"];

/** Lead units the plan names for an indicator outside section 二, with the plan's words. */
export interface IndicatorOwner {
  units: string[];
  source: OwnerSource;
  /** The plan's exact words naming the units and the task. */
  quoteZh: string;
}

/** What sort of body a lead unit is. */
export type UnitKind = "office" | "department" | "center" | "vertical" | "judiciary" | "enterprise";

/** The kinds a lead unit may have. */
export const UNIT_KINDS: readonly UnitKind[] = [
  "office",
  "department",
  "center",
  "vertical",
  "judiciary",
  "enterprise"
];

/** A lead unit (责任单位) named in the plan. */
export interface LeadUnit {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
  /** Spellings used in the plan's 责任单位 lines. */
  aliasesZh: string[];
  note: string;
}

/** How a target bounds its measure. */
export type Comparator = "<=" | ">=" | "=";

/** The comparators a target may use. */
export const COMPARATORS: readonly Comparator[] = ["<=", ">=", "="];

/** One quantitative target of the plan on one measure. */
export interface Target {
  id: number;
  indicatorId: number;
  /** Stable snake_case measure id, shared with the scoring methodology (e.g. `startup_days`). */
  measure: string;
  comparator: Comparator;
  value: number;
  unit: UnitId;
  /** Whether `quoteZh` writes the value as a number followed by the unit; when false, `note` says how it is read. */
  valueInQuote: boolean;
  /** The plan's exact words stating the target. */
  quoteZh: string;
  note: string;
}

/** The whole catalogue. */
export interface Catalogue {
  categories: Category[];
  indicators: Indicator[];
  units: LeadUnit[];
  targets: Target[];
  /**
   * Measure id → the indicator whose point or target it records (checklists.csv, then targets.csv), so that a
   * methodology grouping the measures differently still finds each one's lead units. Absent when not read.
   */
  measureIndicators?: Record<string, number>;
}

/** One CSV file: the name used in messages (e.g. `data/catalogue/units.csv`) and its text. */
export interface CatalogueFile {
  name: string;
  text: string;
}

/** The four files of a catalogue. */
export interface CatalogueFiles {
  categories: CatalogueFile;
  indicators: CatalogueFile;
  units: CatalogueFile;
  targets: CatalogueFile;
}

/** A problem in a catalogue file; `line` is the 1-based line a record starts on (null for the whole file). */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    zh: string,
    en: string
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${zh} / ${en}`);
    this.name = "CatalogueError";
  }
}
