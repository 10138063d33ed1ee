/**
 * The plan as data: categories, the 123 assessment indicators, lead units and quantitative targets, read from
 * the CSV files of `data/catalogue/` (format and reading rules: docs/catalogue.md). Pure: no DOM, no Node APIs.
 * Every problem is a `CatalogueError` naming the file and the line, e.g.
 * `data/catalogue/indicators.csv:14: 重复的指标编号 12（第 13 行已有） / duplicate indicator id 12 (first on line 13)`.
 */
import {readCsvRecords} from "../observations/csv-records.js";
import {findUnit, UNITS, type UnitId} from "../methodology/units.js";

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

/** One data record of a table: its line and a field getter by column name ("" for an absent optional column). */
interface Row {
  line: number;
  get(column: string): string;
}

/** Parses one CSV file into rows keyed by its header; checks the header and the field count of every record. */
function readTable(file: CatalogueFile, required: string[]): Row[] {
  const records = readCsvRecords(file.text.replace(/^\uFEFF/, ""));
  const [header, ...body] = records.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ""));
  if (!header) throw new CatalogueError(file.name, null, "文件为空", "the file is empty");
  const columns = header.fields.map((f) => f.trim());
  for (const column of required) {
    if (!columns.includes(column)) {
      throw new CatalogueError(file.name, header.line, `缺少列 ${column}`, `missing column ${column}`);
    }
  }
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate)
    throw new CatalogueError(file.name, header.line, `列名重复 ${duplicate}`, `duplicate column ${duplicate}`);
  return body.map((record) => {
    if (record.quoteError) throw new CatalogueError(file.name, record.line, "引号不配对", "unbalanced quotes");
    if (record.fields.length !== columns.length) {
      throw new CatalogueError(
        file.name,
        record.line,
        `应有 ${columns.length} 个字段，实有 ${record.fields.length} 个`,
        `expected ${columns.length} fields, found ${record.fields.length}`
      );
    }
    return {line: record.line, get: (column: string) => record.fields[columns.indexOf(column)] ?? ""};
  });
}

/** Reads and checks the catalogue's four CSV files; throws a `CatalogueError` at the first problem. */
export function parseCatalogue(files: CatalogueFiles): Catalogue {
  const units = parseUnits(files.units);
  const categories = parseCategories(files.categories);
  const indicators = parseIndicators(files.indicators, categories, units);
  const targets = parseTargets(files.targets, indicators);
  return {categories, indicators, units, targets};
}

/** A checker bound to one file: raises errors at a row's line. */
function checker(file: CatalogueFile) {
  const fail = (row: Row | null, zh: string, en: string): never => {
    throw new CatalogueError(file.name, row ? row.line : null, zh, en);
  };
  return {
    fail,
    text(row: Row, column: string): string {
      const value = row.get(column).trim();
      if (value === "") fail(row, `${column} 为空`, `${column} is empty`);
      return value;
    },
    integer(row: Row, column: string): number {
      const value = row.get(column).trim();
      if (!/^\d+$/.test(value)) {
        fail(row, `${column} 不是正整数: "${value}"`, `${column} is not a positive integer: "${value}"`);
      }
      return Number(value);
    },
    unique<K>(seen: Map<K, number>, key: K, row: Row, zh: string, en: string): void {
      const first = seen.get(key);
      if (first !== undefined) fail(row, `${zh} ${key}（第 ${first} 行已有）`, `${en} ${key} (first on line ${first})`);
      seen.set(key, row.line);
    }
  };
}

const SNAKE_ID = /^[a-z][a-z0-9_]*$/;

function parseUnits(file: CatalogueFile): LeadUnit[] {
  const c = checker(file);
  const seen = new Map<string, number>();
  return readTable(file, ["id", "name_zh", "name_en", "kind"]).map((row) => {
    const id = c.text(row, "id");
    if (!SNAKE_ID.test(id)) c.fail(row, `单位编号须为 snake_case: ${id}`, `unit id must be snake_case: ${id}`);
    c.unique(seen, id, row, "重复的单位编号", "duplicate unit id");
    const kind = c.text(row, "kind");
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) {
      c.fail(row, `未知的单位类别 ${kind}`, `unknown unit kind ${kind} (expected ${UNIT_KINDS.join(", ")})`);
    }
    const nameZh = c.text(row, "name_zh");
    const nameEn = c.text(row, "name_en");
    const aliasesZh = splitList(row.get("aliases_zh"));
    return {id, nameZh, nameEn, kind: kind as UnitKind, aliasesZh, note: row.get("note").trim()};
  });
}

function parseCategories(file: CatalogueFile): Category[] {
  const c = checker(file);
  const seen = new Map<number, number>();
  let next = 1;
  const categories = readTable(file, ["id", "name_zh", "name_en", "indicator_from", "indicator_to"]).map((row) => {
    const id = c.integer(row, "id");
    c.unique(seen, id, row, "重复的类别编号", "duplicate category id");
    const nameZh = c.text(row, "name_zh");
    const nameEn = c.text(row, "name_en");
    const indicatorFrom = c.integer(row, "indicator_from");
    const indicatorTo = c.integer(row, "indicator_to");
    if (indicatorFrom !== next || indicatorTo < indicatorFrom) {
      c.fail(
        row,
        `类别 ${id} 的指标范围 ${indicatorFrom}-${indicatorTo} 应从 ${next} 开始且不倒序`,
        `category ${id} covers ${indicatorFrom}-${indicatorTo}; ranges must tile 1..N in order, ` +
          `so it must start at ${next}`
      );
    }
    next = indicatorTo + 1;
    return {id, nameZh, nameEn, indicatorFrom, indicatorTo};
  });
  if (categories.length === 0) c.fail(null, "没有类别", "no categories");
  return categories;
}

const LEAD_PART = /^lead: (?:(none)|(next|previous) \(line after (\d+(?:-\d+)?)\))$/;

/** Splits `name[; lead: …]` provenance into its two sources; undefined when it does not follow the grammar. */
function readProvenance(text: string): {nameSource: NameSource; leadSource: LeadSource} | undefined {
  const at = text.indexOf("; lead: ");
  const name = at < 0 ? text : text.slice(0, at);
  const lead = at < 0 ? "" : text.slice(at + 2);
  let nameSource: NameSource;
  if (name === "stated" || name === "split" || name === "group") nameSource = name;
  else if (/^inferred: \S/.test(name)) nameSource = "inferred";
  else return undefined;
  if (lead === "") return {nameSource, leadSource: "stated"};
  const match = LEAD_PART.exec(lead);
  if (!match) return undefined;
  return {nameSource, leadSource: match[1] ? "none" : (match[2] as LeadSource)};
}

function parseIndicators(file: CatalogueFile, categories: Category[], units: LeadUnit[]): Indicator[] {
  const c = checker(file);
  const seen = new Map<number, number>();
  const unitIds = new Set(units.map((u) => u.id));
  const required = ["id", "category_id", "name_zh", "name_en", "group", "assessment_zh", "measures_zh", "lead_units"];
  const indicators = readTable(file, [...required, "provenance"]).map((row): Indicator => {
    const id = c.integer(row, "id");
    c.unique(seen, id, row, "重复的指标编号", "duplicate indicator id");
    const categoryId = c.integer(row, "category_id");
    const category = categories.find((k) => k.id === categoryId);
    if (!category) c.fail(row, `未知的类别编号 ${categoryId}`, `unknown category id ${categoryId}`);
    if (id < category!.indicatorFrom || id > category!.indicatorTo) {
      c.fail(
        row,
        `指标 ${id} 不在类别 ${categoryId} 的范围 ${category!.indicatorFrom}-${category!.indicatorTo} 内`,
        `indicator ${id} is outside category ${categoryId}'s range ${category!.indicatorFrom}-${category!.indicatorTo}`
      );
    }
    const nameZh = c.text(row, "name_zh");
    const nameEn = c.text(row, "name_en");
    const group = row.get("group").trim();
    const range = /^(\d+)-(\d+)$/.exec(group);
    if (group !== "" && (!range || id < Number(range[1]) || id > Number(range[2]))) {
      c.fail(row, `分组 "${group}" 不是包含 ${id} 的范围`, `group "${group}" is not a range containing ${id}`);
    }
    const leadUnits = splitList(row.get("lead_units"));
    for (const unit of leadUnits) {
      if (!unitIds.has(unit)) c.fail(row, `未知的责任单位 ${unit}`, `unknown lead unit ${unit}`);
    }
    const provenance = c.text(row, "provenance");
    const sources = readProvenance(provenance);
    if (!sources) {
      c.fail(
        row,
        `无法识别的来源说明 "${provenance}"`,
        `unreadable provenance "${provenance}" (expected stated|split|group|inferred: …, ` +
          `optionally followed by "; lead: next|previous (line after N)" or "; lead: none")`
      );
    }
    const {nameSource, leadSource} = sources!;
    if ((leadSource === "none") !== (leadUnits.length === 0)) {
      c.fail(
        row,
        `责任单位为空当且仅当来源说明为 "lead: none"`,
        `lead_units must be empty exactly when provenance says "lead: none"`
      );
    }
    if ((nameSource === "split" || nameSource === "group") && group === "") {
      c.fail(row, `${nameSource} 行须有分组范围`, `a ${nameSource} row needs its range in group`);
    }
    return {
      id,
      categoryId,
      topic: row.get("topic").trim(),
      nameZh,
      nameEn,
      group,
      headingZh: row.get("heading_zh"),
      assessmentZh: row.get("assessment_zh"),
      measuresZh: row.get("measures_zh"),
      leadUnits,
      provenance,
      nameSource,
      leadSource
    };
  });
  const last = categories[categories.length - 1].indicatorTo;
  for (let id = 1; id <= last; id++) {
    if (!seen.has(id)) c.fail(null, `缺少指标 ${id}`, `missing indicator ${id}`);
  }
  return indicators.sort((a, b) => a.id - b.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `quote` writes `value` as a number directly followed by a spelling of `unit` (e.g. 0.5 → "0.5个工作日"). */
export function quoteStatesValue(quote: string, value: number, unit: UnitId): boolean {
  const spellings = [UNITS[unit].zh, ...UNITS[unit].aliases];
  const number = `(?<![\\d.])${escapeRegExp(String(value))}\\s*`;
  return spellings.some((s) => new RegExp(number + escapeRegExp(s)).test(quote));
}

function parseTargets(file: CatalogueFile, indicators: Indicator[]): Target[] {
  const c = checker(file);
  const seen = new Map<number, number>();
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const required = ["id", "indicator_id", "measure", "comparator", "value", "unit", "quote_zh", "note"];
  return readTable(file, required).map((row): Target => {
    const id = c.integer(row, "id");
    c.unique(seen, id, row, "重复的目标编号", "duplicate target id");
    const indicatorId = c.integer(row, "indicator_id");
    if (!indicatorIds.has(indicatorId))
      c.fail(row, `未知的指标编号 ${indicatorId}`, `unknown indicator id ${indicatorId}`);
    const measure = c.text(row, "measure");
    if (!SNAKE_ID.test(measure))
      c.fail(row, `指标度量须为 snake_case: ${measure}`, `measure must be snake_case: ${measure}`);
    const comparator = c.text(row, "comparator");
    if (!(COMPARATORS as readonly string[]).includes(comparator)) {
      c.fail(row, `未知的比较符 ${comparator}`, `unknown comparator ${comparator} (expected ${COMPARATORS.join(" ")})`);
    }
    const valueText = c.text(row, "value");
    if (!/^-?\d+(\.\d+)?$/.test(valueText)) {
      c.fail(row, `数值无效 "${valueText}"`, `value is not a plain number: "${valueText}"`);
    }
    const value = Number(valueText);
    const unitText = c.text(row, "unit");
    const unit = findUnit(unitText);
    if (!unit) c.fail(row, `未知的计量单位 ${unitText}`, `unknown unit ${unitText}`);
    if (value < unit!.min || value > unit!.max) {
      c.fail(row, `数值 ${value} 超出 ${unit!.zh} 的范围`, `value ${value} is outside the range of ${unit!.en}`);
    }
    const flag = row.get("value_in_quote").trim() || "yes";
    if (flag !== "yes" && flag !== "no") {
      c.fail(row, `value_in_quote 须为 yes 或 no: ${flag}`, `value_in_quote must be yes or no: ${flag}`);
    }
    const quoteZh = c.text(row, "quote_zh");
    const note = row.get("note").trim();
    if (flag === "yes" && !quoteStatesValue(quoteZh, value, unit!.id)) {
      c.fail(
        row,
        `引文中没有 ${value}${unit!.zh}: "${quoteZh}"`,
        `the quote does not state ${value} ${unit!.en}; mark value_in_quote=no and explain in note if that is intended`
      );
    }
    if (flag === "no" && note === "") {
      c.fail(
        row,
        "value_in_quote=no 时须在 note 中说明",
        "value_in_quote=no needs a note saying how the value is read"
      );
    }
    const valueInQuote = flag === "yes";
    const unitId = unit!.id;
    return {
      id,
      indicatorId,
      measure,
      comparator: comparator as Comparator,
      value,
      unit: unitId,
      valueInQuote,
      quoteZh,
      note
    };
  });
}

function splitList(text: string): string[] {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
