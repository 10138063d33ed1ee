/** htl renderers of the report pages: compact tables (the charts' text alternatives), cards and notices. */
import {html} from "htl";
import {translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {fmt, fmtSigned} from "./format.js";
import type {OverviewModel} from "./overview.js";

/** One column of a table: a header and a cell renderer; numeric columns align right. */
export interface Column<T> {
  label: string;
  value: (row: T) => string | number | Node;
  numeric?: boolean;
}

/** A plain, printable table; rows for which `highlight` is true are marked (the focus region). */
export function DataTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: {caption?: string; highlight?: (row: T) => boolean; className?: string} = {}
): HTMLTableElement {
  return html`<table class=${`bizenv-table ${options.className ?? ""}`}>
    ${
      options.caption
        ? html`<caption>
            ${options.caption}
          </caption>`
        : ""
    }
    <thead>
      <tr>
        ${columns.map((c) => html`<th class=${c.numeric ? "num" : ""} scope="col">${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr class=${options.highlight?.(row) ? "focus" : ""}>
            ${columns.map((c) => html`<td class=${c.numeric ? "num" : ""}>${c.value(row)}</td>`)}
          </tr>`
      )}
    </tbody>
  </table>` as HTMLTableElement;
}

/** A `<details>` holding a chart's text alternative. */
export function TextAlternative(lang: Lang, content: Node | string): HTMLDetailsElement {
  return html`<details class="bizenv-alt">
    <summary>${translate(lang, "report.alt")}</summary>
    ${content}
  </details>` as HTMLDetailsElement;
}

/** The illustrative-data notice, when the report's observations are the bundled illustrative set. */
export function IllustrativeNotice(report: Pick<Report, "illustrative">, lang: Lang): Node | string {
  return report.illustrative
    ? html`<div class="note bizenv-notice" role="note">${translate(lang, "common.illustrative")}</div>`
    : "";
}

/** The note that weights are the methodology's defaults, since the plan publishes none. */
export function DefaultWeightsNote(lang: Lang): Node {
  return html`<p class="muted bizenv-weights-note">${translate(lang, "report.defaultWeights")}</p>`;
}

/** The overview's headline cards: total, rank in the group and change since the baseline. */
export function OverviewCards(model: OverviewModel, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const move =
    model.placesGained === null
      ? "—"
      : model.placesGained > 0
        ? t("overview.move.up", {n: model.placesGained})
        : model.placesGained < 0
          ? t("overview.move.down", {n: -model.placesGained})
          : t("overview.move.same");
  return html`<div class="grid grid-cols-3 bizenv-cards">
    <div class="card">
      <h2>${t("overview.card.total", {period: model.latestLabel})}</h2>
      <span class="big" data-testid="total">${fmt(model.total)}</span>
      <p class="muted">${t("overview.card.since", {baseline: model.baselineLabel})} ${fmtSigned(model.change)}</p>
    </div>
    <div class="card">
      <h2>${t("overview.card.rank", {group: model.group.name})}</h2>
      <span class="big" data-testid="rank">${model.rank ?? "—"}/${model.ranked}</span>
      <p class="muted">
        ${t("overview.card.baselineRank", {baseline: model.baselineLabel, rank: model.baselineRank ?? "—"})} · ${move}
      </p>
      ${
        model.ranked < model.group.size
          ? html`<p class="muted" data-testid="unranked">
              ${t("report.unranked", {n: model.group.size - model.ranked})}
            </p>`
          : ""
      }
    </div>
    <div class="card">
      <h2>${t("overview.card.gap")}</h2>
      <span class="big">${model.gaps[0] ? fmt(model.gaps[0].points, 2) : "—"}</span>
      <p class="muted">${model.gaps[0]?.name ?? ""}</p>
    </div>
  </div>` as HTMLElement;
}
