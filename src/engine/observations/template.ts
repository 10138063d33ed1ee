/**
 * The fill-in form for next period's data (`bizenv template`, the method page's download): one row per observed
 * measure of the methodology in the plan's order, for one region and period, with what the person filling it in
 * needs beside the empty value cell — the indicator, lead unit, measure, unit, the plan's target, last period's value
 * and how to write the value. The form is an observation file in the long format: filled in, it passes the checks
 * with no other edit; the descriptive columns are the ones header.ts knows as FORM_COLUMNS; a row still blank is
 * "not yet filled". Written as UTF-8 with a byte-order mark and CRLF, so Excel and WPS open the Chinese headers.
 */
import Papa from "papaparse";
import type {Catalogue} from "../catalogue/catalogue.js";
import type {Methodology} from "../methodology/methodology.js";
import {UNITS, type UnitId} from "../methodology/units.js";
import {describeMeasures, describeNodes, type MeasureInfo} from "../model/model.js";
import {FORM_PREVIOUS_VALUE} from "./header.js";
import type {Observation} from "./observation.js";
import {nextPeriod, periodLabel, previousPeriod, sortPeriods} from "./periods.js";
import {NOT_APPLICABLE} from "./value.js";

/** What a form is for. */
export interface FormRequest {
  methodology: Methodology;
  catalogue: Catalogue;
  region: {code: string; name: string};
  /** The period to be filled in, e.g. "2024". */
  period: string;
  /** Last period and this region's observations in it (any others are ignored); null when there is none. */
  previous: {period: string; observations: readonly Observation[]} | null;
}

/**
 * Which period a form is for and which period's values it shows, given the periods of the data: by default the period
 * after the latest (2023 → 2024, 2024H1 → 2024H2) and the previous one of the same kind in the data. Null when the
 * data have no period and none is given.
 */
export function formPeriods(
  dataPeriods: Iterable<string>,
  given: {period?: string; from?: string} = {}
): {period: string; from: string | null} | null {
  const periods = sortPeriods(dataPeriods);
  const latest = periods.at(-1);
  const period = given.period ?? (latest === undefined ? undefined : nextPeriod(latest));
  if (period === undefined) return null;
  return {period, from: given.from ?? previousPeriod(period, periods)};
}

/** One row of the form, in the column order of {@link formHeader}. */
export type FormRow = string[];

const COMPARATOR = {"<=": "≤", ">=": "≥", "=": "="} as const;

/** How to write a value, by unit (the 填写说明 column). */
const HOW_TO_FILL: Record<UnitId, string> = {
  working_day: "填工作日数，可带小数（如 0.5）",
  day: "填天数",
  hour: "填小时数",
  step: "填环节数",
  yuan: "填金额（元），只填数字",
  percent: "填 0–100 的数（如 85 或 85%），不要填 0.85",
  percent_change: "填同比增幅的百分数，可为负（如 12.5 或 -3%）",
  count: "填个数",
  score: "专家评分，填 0–100",
  index: "填指数值",
  yes_no: "填「是」或「否」"
};

/** The header: Chinese names that src/engine/observations/header.ts reads (data) or knows (descriptive). */
export function formHeader(previousPeriod: string | null): string[] {
  const previous = `${FORM_PREVIOUS_VALUE}（${previousPeriod ? periodLabel(previousPeriod, "zh") : "无"}）`;
  return [
    "地区代码",
    "地区名称",
    "期间",
    "指标编号",
    "指标名称",
    "牵头单位",
    "计量项代码",
    "计量项名称",
    "单位",
    "方案目标",
    previous,
    "数值",
    "填写说明",
    "数据来源",
    "备注"
  ];
}

/** The plan's target as a reader writes it: "≤ 0.5 工作日", "≥ 85%", "= 10 个"; "" when the plan sets none. */
export function targetText(measure: MeasureInfo): string {
  if (!measure.target) return "";
  const unit = measure.unit === "percent" ? "%" : ` ${UNITS[measure.unit as UnitId]?.zh ?? measure.unit}`;
  return `${COMPARATOR[measure.target.comparator]} ${measure.target.value}${unit}`;
}

/** Last period's value as the form shows it: the number (是/否 for yes/no), 不适用, or the flag of a missing value. */
function previousText(o: Observation | undefined, unit: string): string {
  if (!o) return "";
  if (o.value !== null && unit === "yes_no") return o.value > 0 ? "是" : "否";
  if (o.value !== null) return String(o.value);
  return o.flag === NOT_APPLICABLE ? "不适用" : (o.flag ?? "");
}

/** The rows of the form: one per observed measure, in the methodology's (the plan's) order. */
export function formRows(request: FormRequest): FormRow[] {
  const {methodology, catalogue, region, period, previous} = request;
  const nodes = new Map(describeNodes(methodology, catalogue).map((n) => [n.id, n]));
  const unitNames = new Map(catalogue.units.map((u) => [u.id, u.nameZh]));
  const last = new Map(
    (previous?.observations ?? [])
      .filter((o) => o.region === region.code && o.period === previous?.period)
      .map((o) => [o.measure, o])
  );
  return describeMeasures(methodology, catalogue).map((m) => {
    const indicator = nodes.get(m.indicator);
    const unit = UNITS[m.unit as UnitId];
    const howToFill = `${HOW_TO_FILL[m.unit as UnitId] ?? ""}；不适用填「不适用」；暂无数据留空`;
    return [
      region.code,
      region.name,
      period,
      indicator?.catalogueId === null || indicator === undefined ? m.indicator : String(indicator.catalogueId),
      indicator?.nameZh ?? "",
      m.leadUnits.map((u) => unitNames.get(u) ?? u).join("、"),
      m.id,
      m.nameZh,
      unit?.zh ?? m.unit,
      targetText(m),
      previousText(last.get(m.id), m.unit),
      "",
      howToFill,
      "",
      ""
    ];
  });
}

/** A text cell a spreadsheet would run as a formula gets a leading `'` (numbers are kept). */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell) ? `'${cell}` : cell;
}

/** The form as CSV text for Excel and WPS: UTF-8 with a byte-order mark, CRLF line ends. */
export function formCsv(request: FormRequest): string {
  const rows = [formHeader(request.previous?.period ?? null), ...formRows(request)].map((r) => r.map(neutralise));
  return `\uFEFF${Papa.unparse(rows, {newline: "\r\n", quotes: false})}\r\n`;
}
