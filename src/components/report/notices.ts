/** What every report page says around its content: the print header, the illustrative-data notice, the weights note. */
import {html} from "htl";
import {formatPeriod, peerGroupLabel} from "../format.js";
import {pick, translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import type {Selection} from "./selection.js";

/** The header of every printed page: region, peer group, data periods, methodology and the day the report was built. */
export function PrintHeader(report: Report, selection: Selection, lang: Lang): HTMLElement {
  const t = (key: Parameters<typeof translate>[1], params: Record<string, string> = {}) => translate(lang, key, params);
  const group = report.peerGroups.find((g) => g.id === selection.group) ?? report.peerGroups[0];
  const region = report.regions.find((r) => r.code === selection.focus)?.name ?? selection.focus;
  const periods = report.periods.map((p) => formatPeriod(lang, p)).join(" → ");
  const parts = [
    region,
    t("print.group", {group: peerGroupLabel(lang, group)}),
    t("print.periods", {periods}),
    t("print.method", {method: pick(lang, report.methodology.nameZh, report.methodology.nameEn)}),
    t("print.generated", {date: report.generated})
  ];
  return html`<header class="bizenv-print-header" data-testid="print-header">
    ${parts.map((p, i) => html`<span>${i ? " · " : ""}${p}</span>`)}
  </header>` as HTMLElement;
}

/** The illustrative-data notice, when the report's observations are the bundled illustrative set. */
export function IllustrativeNotice(report: Pick<Report, "illustrative">, lang: Lang): Node | string {
  return report.illustrative
    ? html`<div class="note bizenv-notice" role="note" label=${translate(lang, "common.illustrativeLabel")}>
        ${translate(lang, "common.illustrative")}
      </div>`
    : "";
}

/** The note that weights are the methodology's defaults, since the plan publishes none. */
export function DefaultWeightsNote(lang: Lang, plan = true): Node {
  // A methodology without a plan (the World Bank's) sets its own weights: there is no plan to have published none.
  if (!plan) return document.createTextNode("");
  return html`<p class="muted bizenv-weights-note">${translate(lang, "report.defaultWeights")}</p>`;
}
