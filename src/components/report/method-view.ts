/** Renderers of the method page: formulas, weights, row accounting and rejected rows. */
import {html} from "htl";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {formatShare} from "../format.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {TierLabels, WeightRow} from "./method.js";
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
export function WeightTables(rows: readonly WeightRow[], lang: Lang, tiers?: TierLabels): HTMLElement {
  const t = (key: StringKey) => translate(lang, key);
  const level = (l: string) => tiers?.[l as keyof TierLabels] ?? t(`method.level.${l}` as StringKey);
  const categories = DataTable(
    rows.filter((r) => r.level === "category"),
    [
      {label: level("category"), value: (r) => r.name},
      {label: t("method.effectiveWeight"), value: (r) => formatShare(r.effectiveWeight), numeric: true}
    ]
  );
  const all = DataTable(
    rows.filter((r) => r.level !== "category"),
    [
      {label: t("method.level"), value: (r) => level(r.level)},
      {label: t("method.name"), value: (r) => r.name},
      {label: level("category"), value: (r) => r.category},
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
      {label: t("method.unfilled"), value: (r) => r.unfilled, numeric: true},
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
  const outside = report.outside.length
    ? html`<p data-testid="outside">
        ${translate(lang, "method.outside", {
          regions: report.outside.map((r) => `${r.name} ${r.code}（${r.rows}）`).join(lang === "en" ? ", " : "、")
        })}
      </p>`
    : "";
  return html`<div>
    ${load} ${outside}
    <h3>${t("method.rejections")}</h3>
    ${rejected}
  </div>` as HTMLElement;
}

/**
 * How next period's data get in, in three steps, with the focus region's fill-in form (built with the site: template.csv
 * of the build's archive, the same file `bizenv template` writes) as a download.
 */
export function NextPeriodForm(report: Pick<Report, "focus" | "form">, url: string, lang: Lang): HTMLElement {
  const {regionName, period, from} = report.form;
  const params = {
    region: `${regionName} ${report.focus}`,
    period: periodLabel(period, lang),
    from: from === null ? translate(lang, "overview.noBaselinePeriod") : periodLabel(from, lang)
  };
  const steps: StringKey[] = ["method.next.step1", "method.next.step2", "method.next.step3"];
  return html`<div class="bizenv-next">
    <ol>
      ${steps.map((k) => html`<li>${withCode(translate(lang, k, params), COMMANDS)}</li>`)}
    </ol>
    <p>
      <a
        class="bizenv-download"
        data-testid="form-download"
        href=${url}
        download=${`填报模板-${regionName}-${report.focus}-${period}.csv`}
        >${translate(lang, "method.next.download", params)}</a
      >
    </p>
  </div>` as HTMLElement;
}

/** What the analyst types for the next period's data: shown as code, not as words of the page. */
const COMMANDS: Record<string, string> = {
  folder: "data/observations/",
  validate: "npx bizenv validate",
  build: "npm run build"
};

/** A translated string whose remaining `{name}` parameters become `<code>` elements. */
function withCode(text: string, codes: Record<string, string>): (string | Node)[] {
  return text.split(/\{(\w+)\}/).map((part, i) => (i % 2 && part in codes ? html`<code>${codes[part]}</code>` : part));
}
