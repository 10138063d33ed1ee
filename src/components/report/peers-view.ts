/** Renderers of the peers page: the sortable ranking table, the heat map's key and the rank movement table. */
import * as Inputs from "@observablehq/inputs";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {fmt, fmtSigned} from "./format.js";
import type {HeatCell, RankPoint, RankRow} from "./peers.js";
import {DataTable} from "./tables.js";

/** The ranking as an Inputs table (click a header to sort); the focus region's row is marked with ●. */
export function RankTable(rows: readonly RankRow[], {lang}: {lang: Lang}): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return Inputs.table(
    rows.map((r) => ({...r, label: r.focus ? `● ${r.name}` : r.name})),
    {
      columns: ["rank", "label", "code", "total", "change", "placesGained"],
      header: {
        rank: t("common.rank"),
        label: t("common.region"),
        code: "GB/T 2260",
        total: t("common.score"),
        change: t("peers.change"),
        placesGained: t("peers.places")
      },
      format: {
        total: (x: number | null) => fmt(x),
        change: (x: number | null) => fmtSigned(x),
        placesGained: (x: number | null) => (x === null ? "—" : x > 0 ? `↑${x}` : x < 0 ? `↓${-x}` : "="),
        rank: (x: number | null) => (x === null ? "—" : String(x))
      },
      align: {rank: "right", total: "right", change: "right", placesGained: "right"},
      select: false,
      rows: Math.min(rows.length, 22) + 0.5,
      layout: "auto"
    }
  );
}

/** The heat map's column key (category number → name) and every score, as a table. */
export function HeatmapTable(cells: readonly HeatCell[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const categories = [...new Map(cells.map((c) => [c.category, c.categoryName])).entries()];
  const regions = [...new Map(cells.map((c) => [c.code, {code: c.code, name: c.region, focus: c.focus}])).values()];
  const score = new Map(cells.map((c) => [`${c.code}|${c.category}`, c.score]));
  return DataTable(
    regions,
    [
      {label: t("common.region"), value: (r) => r.name},
      ...categories.map(([n, name]) => ({
        label: `${n} ${name}`,
        value: (r: {code: string}) => fmt(score.get(`${r.code}|${n}`)),
        numeric: true
      }))
    ],
    {highlight: (r) => r.focus, className: "bizenv-wide"}
  );
}

/** The category numbers of the heat map with their names. */
export function CategoryKey(cells: readonly HeatCell[]): HTMLElement {
  const categories = [...new Map(cells.map((c) => [c.category, c.categoryName])).entries()];
  const list = document.createElement("ol");
  list.className = "bizenv-key";
  for (const [, name] of categories) list.append(Object.assign(document.createElement("li"), {textContent: name}));
  return list;
}

/** Ranks per period, one row per region (the movement chart's text alternative). */
export function MovementTable(points: readonly RankPoint[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const periods = [...new Set(points.map((p) => p.period))];
  const regions = [...new Map(points.map((p) => [p.code, {code: p.code, name: p.name, focus: p.focus}])).values()];
  const rank = new Map(points.map((p) => [`${p.code}|${p.period}`, p.rank]));
  const last = periods[periods.length - 1];
  regions.sort((a, b) => (rank.get(`${a.code}|${last}`) ?? Infinity) - (rank.get(`${b.code}|${last}`) ?? Infinity));
  return DataTable(
    regions,
    [
      {label: t("common.region"), value: (r) => r.name},
      ...periods.map((p) => ({
        label: p,
        value: (r: {code: string}) => String(rank.get(`${r.code}|${p}`) ?? "—"),
        numeric: true
      }))
    ],
    {highlight: (r) => r.focus}
  );
}
