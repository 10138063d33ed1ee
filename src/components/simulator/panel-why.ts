/**
 * "Why the total changed": one line per changed measure of the focus region (raw value and score before → after,
 * effective weight, points), the remainder of a non-linear aggregation on its own line, and the total's change as
 * their sum. Numbers are written by src/components/format.ts; exact values ride in data-* for tests.
 */
import {html} from "htl";
import {formatScore, formatShare, formatSignedPoints, formatValue} from "../format.js";
import type {SimContext} from "./context.js";
import {exact} from "./format.js";
import type {WhyTable} from "./why.js";

export interface WhyPanel {
  element: HTMLElement;
  /** Shows the table; `null` when the focus region has no change to explain yet. */
  render(table: WhyTable | null): void;
}

export function whyPanel(ctx: SimContext): WhyPanel {
  const {t, lang, model} = ctx;
  const body = html`<div data-testid="sim-why"></div>` as HTMLElement;
  const element = html`<div class="card sim-why">
    <h2>${t("sim.why")}</h2>
    <p class="sim-muted">${t("sim.whyNote")}</p>
    ${body}
  </div>` as HTMLElement;

  const render = (table: WhyTable | null) => {
    if (!table || (table.rows.length === 0 && Math.abs(table.total) < 1e-12)) {
      body.replaceChildren(html`<p class="sim-muted">${t("sim.noChange")}</p>`);
      return;
    }
    const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
    // The remainder is named after its likeliest cause: edited weights, then values filled in where data were missing.
    const remainderKey =
      Object.keys(ctx.state.weights).length > 0
        ? "sim.whyRemainderWeights"
        : table.rows.some((r) => r.points === null)
          ? "sim.whyRemainderMissing"
          : "sim.whyRemainder";
    const showRemainder = Math.abs(table.remainder) > 1e-9;
    body.replaceChildren(
      html`<table class="sim-table sim-why-table sim-stack">
        <thead>
          <tr>
            <th>${t("sim.measure")}</th>
            <th>${t("sim.whyRaw")}</th>
            <th>${t("sim.whyScore")}</th>
            <th>${t("sim.effectiveWeight")}</th>
            <th>${t("sim.whyPoints")}</th>
          </tr>
        </thead>
        <tbody>
          ${table.rows.map((r) => {
            const m = model.measures.get(r.measure)!;
            return html`<tr
              data-measure=${r.measure}
              data-before=${exact(r.before.score)}
              data-after=${exact(r.after.score)}
              data-weight=${exact(r.weight)}
              data-points=${exact(r.points)}
            >
              <td class="sim-measure-name">${ctx.measureName(m)}</td>
              <td class="num" data-label=${t("sim.whyRaw")}>
                ${arrow(formatValue(lang, r.before.raw, m.unit), formatValue(lang, r.after.raw, m.unit))}
              </td>
              <td class="num" data-label=${t("sim.whyScore")}>
                ${arrow(formatScore(r.before.score), formatScore(r.after.score))}
              </td>
              <td class="num" data-label=${t("sim.effectiveWeight")}>${formatShare(r.weight)}</td>
              <td class="num" data-label=${t("sim.whyPoints")}>${formatSignedPoints(r.points)}</td>
            </tr>`;
          })}
        </tbody>
        <tfoot>
          ${
            showRemainder
              ? html`<tr data-testid="sim-why-remainder" data-points=${exact(table.remainder)}>
                  <td colspan="4">${t(remainderKey)}</td>
                  <td class="num">${formatSignedPoints(table.remainder)}</td>
                </tr>`
              : ""
          }
          <tr class="sim-why-total" data-testid="sim-why-total" data-points=${exact(table.total)}>
            <td colspan="4">${t(showRemainder ? "sim.whyTotalWithRemainder" : "sim.whyTotal")}</td>
            <td class="num"><b>${formatSignedPoints(table.total)}</b></td>
          </tr>
        </tfoot>
      </table>`
    );
  };
  return {element, render};
}
