/**
 * The catalogue folder owns the plan as data: categories, the 123 assessment indicators, lead units and quantitative
 * targets, read from the CSV files of `data/catalogue/` (format and reading rules: docs/catalogue.md). Pure: no DOM,
 * no Node APIs. Every problem is a `CatalogueError` naming the file and the line, e.g.
 * `data/catalogue/indicators.csv:14: 重复的指标编号 12（第 13 行已有） / duplicate indicator id 12 (first on line 13)`.
 */
import {parseIndicators} from "./indicators.js";
import {checker, readTable, SNAKE_ID, splitList} from "./table.js";
import {parseTargets} from "./targets.js";
import {UNIT_KINDS} from "./types.js";
import type {Catalogue, CatalogueFile, Category, LeadUnit, UnitKind, CatalogueFiles} from "./types.js";

export * from "./types.js";
export {quoteStatesValue} from "./targets.js";
export {accountableUnits} from "./owners.js";

/** Reads and checks the catalogue's four CSV files; throws a `CatalogueError` at the first problem. */
export function parseCatalogue(files: CatalogueFiles): Catalogue {
  const units = parseUnits(files.units);
  const categories = parseCategories(files.categories);
  const indicators = parseIndicators(files.indicators, categories, units);
  const targets = parseTargets(files.targets, indicators);
  return {categories, indicators, units, targets};
}

/** Measure id → catalogue indicator id, from the checklists' points and the targets (a checklist point wins). */
export function measureIndicators(
  catalogue: Pick<Catalogue, "targets">,
  checklists: readonly {measure: string; indicatorId: number}[]
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of [...checklists, ...catalogue.targets]) out[x.measure] ??= x.indicatorId;
  return out;
}

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
