/** Renderers of the targets page: the count of targets met, the lead unit filter and the table of targets. */
import {html} from "htl";
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {formatGap, formatPeriod, formatPoints, formatValue, joinNames} from "../format.js";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import {selectInput} from "./controls.js";
import {DataTable} from "./tables.js";
import {NO_OWNER, type TargetCounts, type TargetRow, type TargetStatus} from "./targets.js";

type Params = Record<string, string | number>;

/** A status as a coloured word: 达标 / 未达标 / 无数据. */
export function StatusBadge(status: TargetStatus, lang: Lang): HTMLElement {
  return html`<span class=${`bizenv-status ${status}`}>${translate(lang, `status.${status}` as StringKey)}</span>`;
}

/** "2023年：33 项目标中 12 项达标、18 项未达标、3 项无数据". */
export function TargetSummary(counts: TargetCounts, period: string, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  return html`<p class="bizenv-target-summary" data-testid="targets-summary">
    ${t("targets.summary", {period: formatPeriod(lang, period), total: counts.total})}
    <span data-testid="targets-met"><b>${counts.met} / ${counts.total}</b></span> ${StatusBadge("met", lang)} ·
    ${counts.unmet} ${StatusBadge("unmet", lang)} · ${counts.nodata} ${StatusBadge("nodata", lang)}
  </p>` as HTMLElement;
}

/** The lead unit filter (value: unit id, `NO_OWNER`, or null for all). */
export function targetUnitFilter(catalogue: Catalogue, unitIds: readonly string[], lang: Lang): HTMLElement {
  const name = new Map(catalogue.units.map((u) => [u.id, pick(lang, u.nameZh, u.nameEn)]));
  return selectInput<string | null>({
    label: translate(lang, "common.leadUnit"),
    values: [null, ...unitIds, NO_OWNER],
    value: null,
    format: (id) =>
      id === null
        ? translate(lang, "report.allUnits")
        : id === NO_OWNER
          ? translate(lang, "report.noLeadUnit")
          : (name.get(id) ?? id),
    name: "unit"
  });
}

/** Every target: indicator, lead units, target in words, the value per period, status, gap and points. */
export function TargetTable(rows: readonly TargetRow[], periods: readonly string[], lang: Lang): HTMLTableElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const latest = periods[periods.length - 1];
  return DataTable(
    rows,
    [
      {
        label: t("common.indicator"),
        value: (r) =>
          html`<span>${r.indicatorId}. ${r.indicator}</span><br /><span class="muted small">${r.measureName}</span>`,
        className: "text-wide"
      },
      {
        label: t("common.leadUnit"),
        value: (r) => (r.owners.length ? joinNames(lang, r.owners) : t("report.noLeadUnit")),
        className: "text"
      },
      {
        label: t("common.target"),
        value: (r) => html`<b>${r.target}</b><br /><q class="muted small" lang="zh-CN">${r.quote}</q>`,
        className: "text-wide"
      },
      ...periods.map((p, i) => ({
        label: formatPeriod(lang, p),
        value: (r: TargetRow) => formatValue(lang, r.values[i]?.value ?? null, r.unit),
        numeric: true
      })),
      {
        label: t("targets.status", {period: formatPeriod(lang, latest)}),
        value: (r) => StatusBadge(r.status, lang),
        className: "status"
      },
      {label: t("targets.gap"), value: (r) => formatGap(lang, r.gap, r.unit), numeric: true},
      {label: t("targets.points"), value: (r) => formatPoints(r.points), numeric: true}
    ],
    {
      className: "bizenv-targets bizenv-stack",
      testid: "targets-table",
      rowAttributes: (r) => ({"data-status": r.status, "data-target": String(r.id)})
    }
  );
}
