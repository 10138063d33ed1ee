/** Renderers of the method page: formulas, weights, row accounting and rejected rows. */
import {html} from "htl";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {formatShare} from "../format.js";
import type {WeightRow} from "./method.js";
import {DataTable} from "./tables.js";

/** The formulas, in words. */
export function Formulas(lang: Lang): HTMLElement {
  const keys: StringKey[] = [
    "method.formula.frontier",
    "method.formula.expert",
    "method.formula.aggregate",
    "method.formula.rank",
    "method.formula.gain"
  ];
  return html`<ul class="bizenv-formulas">
    ${keys.map((k) => html`<li>${translate(lang, k)}</li>`)}
  </ul>` as HTMLElement;
}

/** Categories in a table, then every indicator and measure with its effective weight in a `<details>`. */
export function WeightTables(rows: readonly WeightRow[], lang: Lang): HTMLElement {
  const t = (key: StringKey) => translate(lang, key);
  const level = (l: string) => t(`method.level.${l}` as StringKey);
  const categories = DataTable(
    rows.filter((r) => r.level === "category"),
    [
      {label: t("common.category"), value: (r) => r.name},
      {label: t("method.effectiveWeight"), value: (r) => formatShare(r.effectiveWeight), numeric: true}
    ]
  );
  const all = DataTable(
    rows.filter((r) => r.level !== "category"),
    [
      {label: t("method.level"), value: (r) => level(r.level)},
      {label: t("method.name"), value: (r) => r.name},
      {label: t("common.category"), value: (r) => r.category},
      {label: t("method.effectiveWeight"), value: (r) => formatShare(r.effectiveWeight, 3), numeric: true}
    ],
    {className: "bizenv-weights bizenv-stack"}
  );
  return html`<div>
    ${categories}
    <details class="bizenv-alt">
      <summary>${t("method.allWeights")}</summary>
      ${all}
    </details>
  </div>` as HTMLElement;
}

/** Row accounting per observation file, then the rejected rows (or a line saying there are none). */
export function LoadTables(report: Report, lang: Lang): HTMLElement {
  const t = (key: StringKey) => translate(lang, key);
  const load = DataTable(
    report.load,
    [
      {label: t("method.file"), value: (r) => r.file},
      {label: t("method.read"), value: (r) => r.read, numeric: true},
      {label: t("method.accepted"), value: (r) => r.accepted, numeric: true},
      {label: t("method.rejected"), value: (r) => r.rejected, numeric: true},
      {label: t("method.encoding"), value: (r) => r.encoding.toUpperCase()}
    ],
    {className: "bizenv-stack"}
  );
  const rejected = report.rejections.length
    ? DataTable(report.rejections, [
        {label: t("method.file"), value: (r) => `${r.file}:${r.line}:${r.column}`},
        {label: t("method.cell"), value: (r) => `${r.columnName} “${r.text}”`},
        {label: t("method.reason"), value: (r) => pick(lang, r.reasonZh, r.reasonEn)}
      ])
    : html`<p data-testid="no-rejections">${t("method.noRejections")}</p>`;
  return html`<div>
    ${load}
    <h3>${t("method.rejections")}</h3>
    ${rejected}
  </div>` as HTMLElement;
}
