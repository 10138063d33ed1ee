/** indicators.csv: the plan's assessment indicators with their category, lead units and the provenance of each. */
import {checker, readTable, splitList} from "./table.js";
import {OWNER_SOURCES} from "./types.js";
import type {Category, Indicator, IndicatorOwner, LeadSource, LeadUnit, NameSource, CatalogueFile} from "./types.js";
import type {Row} from "./table.js";

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

export function parseIndicators(file: CatalogueFile, categories: Category[], units: LeadUnit[]): Indicator[] {
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
    const owner = readOwner(row, c, unitIds, leadUnits);
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
      leadSource,
      owner
    };
  });
  const last = categories[categories.length - 1].indicatorTo;
  for (let id = 1; id <= last; id++) {
    if (!seen.has(id)) c.fail(null, `缺少指标 ${id}`, `missing indicator ${id}`);
  }
  return indicators.sort((a, b) => a.id - b.id);
}

/**
 * The optional `owner_units`, `owner_source` and `owner_quote_zh` columns: units named outside section 二, only for a
 * row whose `lead_units` is empty, from a source of the closed list, with the plan's words.
 */
function readOwner(row: Row, c: ReturnType<typeof checker>, unitIds: Set<string>, leadUnits: string[]) {
  const units = splitList(row.get("owner_units"));
  const source = row.get("owner_source").trim();
  const quoteZh = row.get("owner_quote_zh").trim();
  if (units.length === 0 && source === "" && quoteZh === "") return null;
  if (units.length === 0 || source === "" || quoteZh === "") {
    c.fail(
      row,
      "owner_units、owner_source 和 owner_quote_zh 须同时填写",
      "owner_units, owner_source and owner_quote_zh go together"
    );
  }
  if (leadUnits.length > 0) {
    c.fail(row, "已有责任单位的指标不应再填 owner_units", "owner_units is only for a row whose lead_units is empty");
  }
  for (const unit of units) {
    if (!unitIds.has(unit)) c.fail(row, `未知的责任单位 ${unit}`, `unknown lead unit ${unit}`);
  }
  if (!(OWNER_SOURCES as readonly string[]).includes(source)) {
    c.fail(
      row,
      `未知的 owner_source "${source}"`,
      `unknown owner_source "${source}" (expected ${OWNER_SOURCES.join(", ")})`
    );
  }
  return {units, source, quoteZh} as IndicatorOwner;
}
