/** Renderers of the method page: formulas, weights, row accounting and rejected rows. */
import {html} from "htl";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {formatShare} from "../format.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {WeightRow} from "./method.js";
import type {TierLabels} from "./tiers.js";
import {DataTable} from "./tables.js";

/** The formulas, in words. */
export function Formulas(lang: Lang, plan = true): HTMLElement {
  // Without a plan catalogue (the World Bank preset) there are no plan targets or assessment-point checklists.
  const keys: StringKey[] = plan
    ? [
        "method.formula.frontier",
        "method.formula.expert",
        "method.formula.aggregate",
        "method.formula.rank",
        "method.formula.gain"
      ]
    : [
        "method.formula.frontierNoPlan",
        "method.formula.aggregateNoPlan",
        "method.formula.rank",
        "method.formula.gainNoPlan"
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
export function NextPeriodForm(
  report: Pick<Report, "focus" | "form" | "regions">,
  url: string,
  lang: Lang,
  plan = true
): HTMLElement {
  const {regionName, period, from} = report.form;
  // A region with a name in the page's language (the World Bank preset in English) needs no code beside it.
  const named = report.regions.find((r) => r.code === report.focus);
  const params = {
    region: named?.nameEn ? named.name : `${regionName} ${report.focus}`,
    period: periodLabel(period, lang),
    from: from === null ? translate(lang, "overview.noBaselinePeriod") : periodLabel(from, lang)
  };
  const steps: StringKey[] = plan
    ? ["method.next.step1", "method.next.step2", "method.next.step3"]
    : ["method.next.step1NoPlan", "method.next.step2NoPlan", "method.next.step3"];
  const {folder, validate, build} = report.form;
  const commands = {folder, validate, build};
  return html`<div class="bizenv-next">
    <ol>
      ${steps.map((k) => html`<li>${withCode(translate(lang, k, params), commands)}</li>`)}
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

/** A translated string whose remaining `{name}` parameters (what the analyst types) become `<code>` elements. */
function withCode(text: string, codes: Record<string, string>): (string | Node)[] {
  return text.split(/\{(\w+)\}/).map((part, i) => (i % 2 && part in codes ? html`<code>${codes[part]}</code>` : part));
}
