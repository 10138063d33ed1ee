/** Renderers of the peers page: the focus line, the full ranking, the heat map's key and the rank movement table. */
import {html} from "htl";
import {formatPeriod, formatPlaces, formatScore, formatScoreChange} from "../format.js";
import {translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {HeatCell, RankPoint, RankRow} from "./peers.js";
import type {Standing} from "./standing.js";
import {DataTable} from "./tables.js";

/** The focus region's total and rank in the chosen period, as on the overview, and who is unranked. */
export function FocusLine(s: Standing, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Record<string, string> = {}) => translate(lang, key, params);
  return html`<div class="bizenv-focus-line">
    <p>
      <b>${s.name}</b> · ${formatPeriod(lang, s.period)} · ${t("common.total")}
      <b data-testid="focus-total">${s.totalText}</b> · ${t("peers.rankIn", {group: s.group.label})}
      <b data-testid="focus-rank">${s.rankText}</b>
    </p>
    ${s.note ? html`<p class="muted small" data-testid="unranked-note">${s.note}</p>` : ""}
  </div>` as HTMLElement;
}

/** The whole ranking, every member on its own row (it prints whole); the focus region's row is marked. */
export function RankTable(rows: readonly RankRow[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
  return DataTable(
    rows,
    [
      {label: t("common.rank"), value: (r) => (r.rank === null ? t("peers.unranked") : String(r.rank)), numeric: true},
      {label: t("common.region"), value: (r) => (r.focus ? `● ${r.name}` : r.name)},
      {label: t("common.total"), value: (r) => formatScore(r.total), numeric: true},
      {label: t("peers.change"), value: (r) => formatScoreChange(r.change), numeric: true},
      {label: t("peers.places"), value: (r) => formatPlaces(r.placesGained), numeric: true}
    ],
    {highlight: (r) => r.focus, className: "bizenv-ranking", testid: "ranking"}
  );
}

/** The heat map's column key (category number → name) and every score, as a table. */
export function HeatmapTable(cells: readonly HeatCell[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
  const categories = [...new Map(cells.map((c) => [c.category, c.categoryName])).entries()];
  const regions = [...new Map(cells.map((c) => [c.code, {code: c.code, name: c.region, focus: c.focus}])).values()];
  const score = new Map(cells.map((c) => [`${c.code}|${c.category}`, c.score]));
  return DataTable(
    regions,
    [
      {label: t("common.region"), value: (r) => r.name},
      ...categories.map(([n, name]) => ({
        label: `${n} ${name}`,
        value: (r: {code: string}) => formatScore(score.get(`${r.code}|${n}`)),
        numeric: true
      }))
    ],
    {highlight: (r) => r.focus, className: "bizenv-wide"}
  );
}

/** The category numbers of the heat map with their names. */
export function CategoryKey(cells: readonly HeatCell[]): HTMLElement {
  const categories = [...new Map(cells.map((c) => [c.category, c.categoryName])).entries()];
  return html`<ol class="bizenv-key">
    ${categories.map(([, name]) => html`<li>${name}</li>`)}
  </ol>` as HTMLElement;
}

/** Ranks per period, one row per region (the movement chart's text alternative). */
export function MovementTable(points: readonly RankPoint[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
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
        label: formatPeriod(lang, p),
        value: (r: {code: string}) => String(rank.get(`${r.code}|${p}`) ?? "—"),
        numeric: true
      }))
    ],
    {highlight: (r) => r.focus}
  );
}
