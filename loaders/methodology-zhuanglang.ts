/**
 * Builds the default methodology `data/methodologies/zhuanglang-2023.json` from the two tables analysts edit beside
 * it (`zhuanglang-2023.measures.csv`, `zhuanglang-2023.weights.csv`) and the catalogue (names, targets, the checklists
 * of data/catalogue/checklists.csv, scored as loaders/methodology-checklists.ts says).
 * The JSON stays the one file the engine reads; a test fails when it is not up to date with the tables.
 * Run after editing a table: `npx tsx loaders/methodology-zhuanglang.ts`. Explained in docs/zhuanglang-methodology.md.
 */
import {readFile, writeFile} from "node:fs/promises";
import {pathToFileURL} from "node:url";
import type {Catalogue} from "../src/engine/catalogue/catalogue.js";
import {readCsvRecords} from "../src/engine/observations/csv-records.js";
import {isUnitId} from "../src/engine/methodology/units.js";
import type {ChecklistItem} from "../src/engine/catalogue/checklists.js";
import {readCatalogue} from "./catalogue.js";
import {readChecklists} from "./checklists.js";
import {checklistScoring, type MeasureRow} from "./methodology-checklists.js";

/** Where the generated methodology and its source tables live, relative to the repository root. */
export const ZHUANGLANG_FILES = {
  json: "data/methodologies/zhuanglang-2023.json",
  measures: "data/methodologies/zhuanglang-2023.measures.csv",
  weights: "data/methodologies/zhuanglang-2023.weights.csv"
} as const;

/** Minimum share of a parent's child weight that must have a score (docs/zhuanglang-methodology.md § Missing values). */
export const MIN_COVERAGE = {indicator: 0.5, category: 0.66, total: 1} as const;

/** A CSV table and the name used in error messages. */
export interface TableFile {
  name: string;
  text: string;
}

const MEASURE_COLUMNS = [
  "measure",
  "indicator",
  "name_zh",
  "name_en",
  "unit",
  "direction",
  "normalisation",
  "best",
  "worst",
  "target",
  "weight",
  "note"
];
const WEIGHT_COLUMNS = ["node", "parent", "name_zh", "weight"];

/** Node id of an indicator (`i001` … `i123`) and of a category (`c01` … `c13`). */
export const indicatorNode = (id: number): string => `i${String(id).padStart(3, "0")}`;
/** Node id of a category (`c01` … `c13`). */
export const categoryNode = (id: number): string => `c${String(id).padStart(2, "0")}`;

/** Reads a table into objects keyed by its header, each with the line it starts on; throws on a wrong header. */
function readTable(file: TableFile, columns: string[]): {line: number; cells: Record<string, string>}[] {
  const [header, ...records] = readCsvRecords(file.text.replace(/^\uFEFF/, "")).filter((r) =>
    r.fields.some((f) => f.trim() !== "")
  );
  const names = header?.fields.map((f) => f.trim()) ?? [];
  if (names.join(",") !== columns.join(",")) {
    throw new Error(`${file.name}:1: 表头应为 ${columns.join(",")} / the header must be ${columns.join(",")}`);
  }
  return records.map((r) => {
    if (r.quoteError || r.fields.length !== columns.length) {
      throw new Error(
        `${file.name}:${r.line}: 应有 ${columns.length} 列 / expected ${columns.length} columns, got ${r.fields.length}`
      );
    }
    return {line: r.line, cells: Object.fromEntries(columns.map((c, i) => [c, r.fields[i].trim()]))};
  });
}

/**
 * Builds the methodology JSON object (before parseMethodology) from the two tables, the catalogue and its checklists;
 * throws with file:line. Without `checklists` the table's checklist rows are taken as plain measures, unchecked.
 */
export function buildZhuanglangMethodology(
  measuresFile: TableFile,
  weightsFile: TableFile,
  catalogue: Catalogue,
  checklists?: readonly ChecklistItem[]
): Record<string, unknown> {
  const fail = (file: TableFile, line: number, zh: string, en: string): never => {
    throw new Error(`${file.name}:${line}: ${zh} / ${en}`);
  };
  const targets = new Map(catalogue.targets.map((t) => [t.measure, t]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const measureIds = new Set<string>();
  const byIndicator = new Map<number, {id: string; weight: number}[]>();
  const rows: MeasureRow[] = [];
  const measures = readTable(measuresFile, MEASURE_COLUMNS).map(({line, cells: c}) => {
    const num = (key: string): number => {
      const value = Number(c[key]);
      if (c[key] === "" || !Number.isFinite(value))
        fail(measuresFile, line, `${key} 必须是数值`, `${key} must be a number`);
      return value;
    };
    if (!/^[a-z][a-z0-9_]*$/.test(c.measure))
      fail(measuresFile, line, "指标标识须为小写 snake_case", `measure id "${c.measure}" must be snake_case`);
    if (measureIds.has(c.measure))
      fail(measuresFile, line, `重复的指标标识 ${c.measure}`, `duplicate measure id ${c.measure}`);
    measureIds.add(c.measure);
    const indicator = indicators.get(Number(c.indicator));
    if (!indicator)
      fail(
        measuresFile,
        line,
        `未知评估指标 ${c.indicator}`,
        `unknown indicator ${c.indicator} (catalogue ids 1..123)`
      );
    if (!isUnitId(c.unit))
      fail(measuresFile, line, `未知单位 ${c.unit}`, `unknown unit ${c.unit} (see src/engine/methodology/units.ts)`);
    if (c.direction !== "higher_is_better" && c.direction !== "lower_is_better") {
      fail(
        measuresFile,
        line,
        "方向须为 higher_is_better 或 lower_is_better",
        `direction must be higher_is_better or lower_is_better`
      );
    }
    const weight = num("weight");
    if (weight < 0) fail(measuresFile, line, "权重必须 ≥ 0", "weight must be ≥ 0");
    let normalise: Record<string, unknown>;
    if (c.normalisation === "frontier") {
      normalise = {method: "frontier", best: num("best"), worst: num("worst")};
    } else if (c.normalisation === "expert") {
      if (c.worst !== "") fail(measuresFile, line, "专家评分不设最差值", "an expert score has no worst value");
      normalise = {method: "expert", max: num("best")};
    } else {
      return fail(measuresFile, line, "标准化方法须为 frontier 或 expert", `normalisation must be frontier or expert`);
    }
    const target = targets.get(c.measure);
    if (c.target !== "" || target) {
      if (!target)
        fail(
          measuresFile,
          line,
          `目录中没有 ${c.measure} 的目标`,
          `data/catalogue/targets.csv has no target for ${c.measure}`
        );
      if (num("target") !== target!.value || num("best") !== target!.value) {
        fail(
          measuresFile,
          line,
          `目标与最优值须等于方案目标 ${target!.value}`,
          `target and best must equal the plan's target ${target!.value}`
        );
      }
      if (target!.indicatorId !== indicator!.id || target!.unit !== c.unit) {
        fail(
          measuresFile,
          line,
          "目标的评估指标或单位与目录不符",
          `indicator or unit differ from targets.csv (${target!.indicatorId}, ${target!.unit})`
        );
      }
    }
    byIndicator.set(indicator!.id, [...(byIndicator.get(indicator!.id) ?? []), {id: c.measure, weight}]);
    const worst = c.worst === "" ? null : Number(c.worst);
    rows.push({
      line,
      id: c.measure,
      indicator: indicator!.id,
      unit: c.unit,
      normalisation: c.normalisation,
      best: num("best"),
      worst,
      weight
    });
    const note = [
      c.note,
      target ? `目标 Target: ${target.comparator} ${target.value} ${target.unit} — ${target.quoteZh}` : ""
    ]
      .filter(Boolean)
      .join(" ");
    return {
      id: c.measure,
      name: {zh: c.name_zh, en: c.name_en},
      unit: c.unit,
      direction: c.direction,
      normalise,
      ...(note ? {note} : {})
    };
  });
  const checked = checklists ? checklistScoring(measuresFile.name, rows, checklists) : null;
  for (const m of measures) {
    const itemNote = checked?.measures.get(m.id);
    if (itemNote) Object.assign(m, {note: m.note ? `${itemNote}. ${m.note}` : itemNote});
  }
  for (const indicator of catalogue.indicators) {
    if (!byIndicator.has(indicator.id))
      fail(measuresFile, 1, `评估指标 ${indicator.id} 没有测度`, `indicator ${indicator.id} has no measure`);
  }
  const weights = new Map<string, number>();
  for (const {line, cells: c} of readTable(weightsFile, WEIGHT_COLUMNS)) {
    const weight = Number(c.weight);
    if (c.weight === "" || !Number.isFinite(weight) || weight < 0)
      fail(weightsFile, line, "权重必须是 ≥ 0 的数值", "weight must be a number ≥ 0");
    const isCategory = catalogue.categories.some((k) => categoryNode(k.id) === c.node && c.parent === "total");
    const isIndicator = catalogue.indicators.some(
      (i) => indicatorNode(i.id) === c.node && categoryNode(i.categoryId) === c.parent
    );
    if (!isCategory && !isIndicator)
      fail(weightsFile, line, `未知节点或上级 ${c.node} ← ${c.parent}`, `unknown node ${c.node} under ${c.parent}`);
    if (weights.has(c.node)) fail(weightsFile, line, `重复的节点 ${c.node}`, `duplicate node ${c.node}`);
    weights.set(c.node, weight);
  }
  const weightOf = (node: string) => {
    const w = weights.get(node);
    if (w === undefined) fail(weightsFile, 1, `缺少节点 ${node} 的权重`, `no weight for node ${node}`);
    return w!;
  };
  const nodes = [
    {
      id: "total",
      name: {zh: "总分", en: "Total"},
      level: "total",
      aggregate: "arithmetic",
      missing: "reweight",
      minCoverage: MIN_COVERAGE.total,
      children: catalogue.categories.map((k) => ({id: categoryNode(k.id), weight: weightOf(categoryNode(k.id))}))
    },
    ...catalogue.categories.map((k) => ({
      id: categoryNode(k.id),
      name: {zh: k.nameZh, en: k.nameEn},
      level: "category",
      aggregate: "arithmetic",
      missing: "reweight",
      minCoverage: MIN_COVERAGE.category,
      children: catalogue.indicators
        .filter((i) => i.categoryId === k.id)
        .map((i) => ({id: indicatorNode(i.id), weight: weightOf(indicatorNode(i.id))}))
    })),
    ...catalogue.indicators.map((i) => ({
      id: indicatorNode(i.id),
      name: {zh: i.nameZh, en: i.nameEn},
      level: "indicator",
      aggregate: "arithmetic",
      missing: "reweight",
      minCoverage: MIN_COVERAGE.indicator,
      children: byIndicator.get(i.id)!,
      ...(checked?.indicators.has(i.id) ? {note: checked.indicators.get(i.id)} : {})
    }))
  ];
  return {
    id: "zhuanglang-2023",
    name: {
      zh: "庄浪县数字政府服务能力与营商环境指标（2023，默认方法）",
      en: "Zhuanglang digital government and business environment indicators (2023, default method)"
    },
    description:
      "Default methodology for the 123 indicators of the Zhuanglang 2023 plan: measure → indicator (i001…i123) → category (c01…c13) → total. " +
      "Quantities are scored by distance to frontier (where the plan sets a target, the target is the frontier); qualitative indicators by the checklist of the plan's 评估要点 (data/catalogue/checklists.csv: yes/no items and quantities, one point each, points achieved ÷ points applicable), and by an expert score 0–100 where the plan gives no words to build one from. " +
      "The plan publishes no weights: the weights here are documented DEFAULTS (equal within each parent), editable in zhuanglang-2023.weights.csv and zhuanglang-2023.measures.csv. " +
      "Generated by loaders/methodology-zhuanglang.ts — edit the CSV tables, not this file. See docs/zhuanglang-methodology.md.",
    source: "《庄浪县数字政府服务能力指标提升方案》(2023-10-16); data/catalogue/targets.csv; DB2020 bounds where noted",
    scale: 100,
    measures,
    nodes
  };
}

/** The file text of a methodology object: two-space JSON with a final newline (what is committed). */
export function methodologyJsonText(json: unknown): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Reads the two tables and the catalogue from disk and returns the JSON text the engine should read. */
export async function buildZhuanglangJsonText(): Promise<string> {
  const [measures, weights] = await Promise.all(
    [ZHUANGLANG_FILES.measures, ZHUANGLANG_FILES.weights].map(async (name) => ({
      name,
      text: await readFile(name, "utf8")
    }))
  );
  const catalogue = await readCatalogue();
  return methodologyJsonText(buildZhuanglangMethodology(measures, weights, catalogue, await readChecklists(catalogue)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(ZHUANGLANG_FILES.json, await buildZhuanglangJsonText());
  process.stderr.write(`wrote ${ZHUANGLANG_FILES.json}\n`);
}
