/**
 * How the default methodology scores the plan's checklists (data/catalogue/checklists.csv; docs/methodology-format.md
 * § Checklists): each point is a measure of its indicator in zhuanglang-2023.measures.csv — a yes/no item is unit
 * `yes_no` with frontier 1 (yes scores 100, no 0), a quantity is scored by distance to frontier — weighing one point
 * each, so the indicator's score is points achieved ÷ points applicable (the indicator re-weights over the items that
 * have a value; an item marked 不适用 has none). Where a province scores an indicator by an expert score instead, the
 * table says so: the indicator keeps an `expert` measure with a weight and its items weigh 0 (still recorded, so the
 * missing items stay visible). Anything in between is an error at the table's file and line.
 */
import type {ChecklistItem} from "../src/engine/catalogue/checklists.js";

/** The cells of one measures-table row the checks read. */
export interface MeasureRow {
  line: number;
  id: string;
  indicator: number;
  unit: string;
  normalisation: string;
  best: number;
  worst: number | null;
  weight: number;
}

/** Notes the methodology carries: per indicator node id number, per measure id. */
export interface ChecklistNotes {
  indicators: Map<number, string>;
  measures: Map<string, string>;
}

const SOURCE_ZH = {assessment: "评估要点", measures: "提升措施", heading: "标题"} as const;

/** Checks the measures table against the checklists; returns the notes the JSON carries, or throws `file:line: …`. */
export function checklistScoring(
  file: string,
  rows: readonly MeasureRow[],
  items: readonly ChecklistItem[]
): ChecklistNotes {
  const fail = (line: number, zh: string, en: string): never => {
    throw new Error(`${file}:${line}: ${zh} / ${en}`);
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const itemOf = new Map(items.map((i) => [i.measure, i]));
  const notes: ChecklistNotes = {indicators: new Map(), measures: new Map()};
  for (const item of items) {
    const row = byId.get(item.measure);
    const where = `${item.indicatorId}.${item.item}`;
    if (!row)
      fail(
        1,
        `清单项 ${where} 的计量项 ${item.measure} 不在表中`,
        `checklist item ${where}: no row for ${item.measure}`
      );
    if (row!.indicator !== item.indicatorId)
      fail(
        row!.line,
        `${item.measure} 应属于指标 ${item.indicatorId}`,
        `${item.measure} belongs to indicator ${item.indicatorId}`
      );
    const yesNo = row!.unit === "yes_no" && row!.normalisation === "frontier" && row!.best === 1 && row!.worst === 0;
    if (item.kind === "yes_no" && !yesNo)
      fail(
        row!.line,
        `清单项 ${where} 是是/否项：单位 yes_no，前沿值 1，最差值 0`,
        `item ${where} is yes/no: unit yes_no, frontier 1, worst 0`
      );
    if (item.kind === "quantity" && (row!.unit === "yes_no" || row!.normalisation !== "frontier"))
      fail(
        row!.line,
        `清单项 ${where} 是数量，应按前沿距离计分`,
        `item ${where} is a quantity, scored by distance to frontier`
      );
    notes.measures.set(
      item.measure,
      `清单项 Checklist item ${where} — ${SOURCE_ZH[item.source]}「${item.quoteZh}」 (data/catalogue/checklists.csv)`
    );
  }
  for (const row of rows) {
    if (row.unit === "yes_no" && !itemOf.has(row.id))
      fail(
        row.line,
        `是/否计量项 ${row.id} 不在清单中`,
        `yes/no measure ${row.id} is no item of data/catalogue/checklists.csv`
      );
  }
  for (const indicator of new Set(items.map((i) => i.indicatorId))) {
    const own = rows.filter((r) => r.indicator === indicator);
    const points = own.filter((r) => itemOf.has(r.id));
    const experts = own.filter((r) => r.normalisation === "expert" && r.weight > 0);
    const weighed = points.filter((r) => r.weight > 0);
    if (experts.length > 0 && weighed.length > 0)
      fail(
        weighed[0].line,
        `指标 ${indicator} 既有专家评分又有清单计分：专家评分覆盖清单时，清单项权重须为 0`,
        `indicator ${indicator} mixes an expert score and its checklist: when the expert score overrides, items weigh 0`
      );
    if (experts.length === 0 && weighed.length < points.length)
      fail(
        points.find((r) => r.weight === 0)!.line,
        `指标 ${indicator} 按清单计分，每项权重须大于 0`,
        `indicator ${indicator} is scored by its checklist: every item needs a weight > 0`
      );
    notes.indicators.set(
      indicator,
      experts.length > 0
        ? "专家评分覆盖清单：清单各项照常填报、显示，但权重为 0，得分只看专家评分。 / The expert score overrides the checklist: the items are recorded and shown but weigh 0."
        : "清单计分：得分 = 达成项 ÷ 适用项；标为「不适用」的项不计入分母。 / Scored by its checklist: points achieved ÷ points applicable; an item marked not applicable leaves the denominator."
    );
  }
  return notes;
}
