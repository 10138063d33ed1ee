/**
 * The plan's assessment points (评估要点) of its qualitative indicators as checklists: `data/catalogue/checklists.csv`,
 * one row per point, with the plan's exact words and how the point was read (docs/catalogue.md § Checklists). A point
 * is a yes/no item or, where it names a quantity ("活跃度", "满意度", "同比增幅"), a measure of that quantity. The
 * methodology decides how the items are scored (docs/methodology-format.md § Checklists). Pure: no Node APIs.
 */
import {checker, readTable, SNAKE_ID} from "./table.js";
import type {CatalogueFile, Indicator} from "./types.js";

/** Where a point's words are: the indicator's 评估要点, its 提升措施, or its heading (when the plan gives neither). */
export type ChecklistSource = "assessment" | "measures" | "heading";

/** What a point asks: yes or no, or a quantity. */
export type ChecklistKind = "yes_no" | "quantity";

/** One point of an indicator's checklist. */
export interface ChecklistItem {
  indicatorId: number;
  /** Position in the indicator's checklist, 1, 2, … */
  item: number;
  /** The measure that records it (a yes/no measure, or a quantity) in the methodology. */
  measure: string;
  kind: ChecklistKind;
  /** The plan's exact words for the point: a substring of the field named by `source`. */
  quoteZh: string;
  source: ChecklistSource;
  /** How the point was read from the plan. */
  provenance: string;
}

const SOURCES: readonly ChecklistSource[] = ["assessment", "measures", "heading"];
const KINDS: readonly ChecklistKind[] = ["yes_no", "quantity"];
const FIELD: Record<ChecklistSource, keyof Indicator> = {
  assessment: "assessmentZh",
  measures: "measuresZh",
  heading: "headingZh"
};

/** Reads and checks checklists.csv against the catalogue's indicators; throws a `CatalogueError` at the first problem. */
export function parseChecklists(file: CatalogueFile, indicators: readonly Indicator[]): ChecklistItem[] {
  const c = checker(file);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const measures = new Map<string, number>();
  const last = new Map<number, number>();
  const columns = ["indicator_id", "item", "measure", "kind", "quote_zh", "source", "provenance"];
  return readTable(file, columns).map((row) => {
    const indicatorId = c.integer(row, "indicator_id");
    const indicator = byId.get(indicatorId);
    if (!indicator) c.fail(row, `未知的指标 ${indicatorId}`, `unknown indicator ${indicatorId}`);
    const item = c.integer(row, "item");
    const expected = (last.get(indicatorId) ?? 0) + 1;
    if (item !== expected)
      c.fail(
        row,
        `指标 ${indicatorId} 的清单项应编为 ${expected}`,
        `item of indicator ${indicatorId} must be ${expected}`
      );
    last.set(indicatorId, item);
    const measure = c.text(row, "measure");
    if (!SNAKE_ID.test(measure))
      c.fail(row, `计量项须为 snake_case: ${measure}`, `measure must be snake_case: ${measure}`);
    c.unique(measures, measure, row, "重复的计量项", "duplicate measure");
    const kind = c.text(row, "kind") as ChecklistKind;
    if (!KINDS.includes(kind)) c.fail(row, `未知的类型 ${kind}`, `unknown kind ${kind} (expected ${KINDS.join(", ")})`);
    const source = c.text(row, "source") as ChecklistSource;
    if (!SOURCES.includes(source))
      c.fail(row, `未知的出处 ${source}`, `unknown source ${source} (expected ${SOURCES.join(", ")})`);
    const quoteZh = c.text(row, "quote_zh");
    const words = String(indicator![FIELD[source]]);
    if (!words.includes(quoteZh)) {
      c.fail(
        row,
        `引文不在指标 ${indicatorId} 的${source === "assessment" ? "评估要点" : source === "measures" ? "提升措施" : "标题"}中: ${quoteZh}`,
        `quote is not in indicator ${indicatorId}'s ${FIELD[source]}: ${quoteZh}`
      );
    }
    return {indicatorId, item, measure, kind, quoteZh, source, provenance: c.text(row, "provenance")};
  });
}
