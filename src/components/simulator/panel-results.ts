/**
 * The results: total and rank before → after (with the exact values in data-exact), the waterfall of category
 * contributions, the peer ranking with rank changes, the lead units the gain is attributed to, and the same
 * figures as a CSV for Excel.
 */
import {html} from "htl";
import {waterfallChart} from "./charts.js";
import {moveText, type SimContext} from "./context.js";
import {resultsCsv} from "./results-csv.js";
import {formatPoints, formatRank, formatSignedPoints, unrankedNote as formatUnranked} from "../format.js";
import {exact, formatScore} from "./format.js";
import {nextRank, type SimSummary} from "./results.js";

export interface ResultsPanel {
  headline: HTMLElement;
  waterfall: HTMLElement;
  ranking: HTMLElement;
  units: HTMLElement;
  /** Shows a summary; `why`: lines saying why the focus region's total cannot be computed (report/missing.ts). */
  render(summary: SimSummary, why?: readonly string[]): void;
  /** The shown results as CSV text (BOM, CRLF, formula-neutralised cells). */
  csv(summary: SimSummary): string;
}

export function resultsPanel(ctx: SimContext, timing: HTMLElement): ResultsPanel {
  const {t} = ctx;
  const totalBefore = html`<span data-testid="sim-total-before"></span>` as HTMLElement;
  const totalAfter = html`<b data-testid="sim-total-after"></b>` as HTMLElement;
  const totalChange = html`<span data-testid="sim-total-change"></span>` as HTMLElement;
  const rankBefore = html`<span data-testid="sim-rank-before"></span>` as HTMLElement;
  const rankAfter = html`<b data-testid="sim-rank-after"></b>` as HTMLElement;
  const waterfall = html`<div class="sim-chart" data-testid="sim-waterfall"></div>` as HTMLElement;
  // A long ranking (88 counties of Gansu, 190 economies) scrolls in its own box, opened at the focus region.
  const ranking = html`<div class="sim-scroll" data-testid="sim-ranking"></div>` as HTMLElement;
  const units = html`<div data-testid="sim-units"></div>` as HTMLElement;
  const totalNote = html`<p
    class="sim-muted sim-note"
    data-testid="sim-total-note"
    role="note"
    hidden
  ></p>` as HTMLElement;
  const unrankedNote = html`<p class="sim-muted sim-note" data-testid="sim-unranked" hidden></p>` as HTMLElement;
  const nextNote = html`<div class="sim-muted sim-next" data-testid="sim-next-rank"></div>` as HTMLElement;
  const headline = html`<div class="sim-headline">
    <div>
      <div class="sim-label">${t("sim.total")}</div>
      ${totalBefore} → ${totalAfter} <span class="sim-muted">(${totalChange})</span>
    </div>
    <div>
      <div class="sim-label">${t("common.rank")}</div>
      ${rankBefore} → ${rankAfter} ${nextNote}
    </div>
    <div>${timing}</div>
    ${totalNote} ${unrankedNote}
  </div>` as HTMLElement;

  const render = (s: SimSummary, why: readonly string[] = []) => {
    // A rank reads "64 / 87" on every page: out of the regions that have a total.
    const rankedBefore = s.ranking.filter((r) => r.rankBefore !== null).length;
    const rankedAfter = s.ranking.filter((r) => r.rankAfter !== null).length;
    totalBefore.textContent = formatScore(s.total.baseline);
    totalBefore.dataset.exact = exact(s.total.baseline);
    totalAfter.textContent = formatScore(s.total.scenario);
    totalAfter.dataset.exact = exact(s.total.scenario);
    totalChange.textContent = formatSignedPoints(s.total.delta);
    rankBefore.textContent = formatRank(s.total.baselineRank, rankedBefore);
    rankBefore.dataset.exact = exact(s.total.baselineRank);
    rankAfter.textContent = formatRank(s.total.scenarioRank, rankedAfter);
    rankAfter.dataset.exact = exact(s.total.scenarioRank);
    const next = nextRank(s, ctx.state.focus);
    nextNote.textContent = next
      ? t("sim.nextRank", {rank: next.rank, region: ctx.nameOf(next.region), points: formatPoints(next.points)})
      : "";
    nextNote.dataset.points = next ? exact(next.points) : "";
    totalNote.hidden = s.total.baseline !== null && s.total.scenario !== null;
    totalNote.textContent = totalNote.hidden ? "" : why.length ? why.join(" ") : t("sim.noTotal");
    // Who is not ranked and why, in the words of the report pages.
    const group = ctx.groups.find((g) => g.id === ctx.state.group);
    const unranked = s.ranking.filter((r) => r.rankAfter === null).map((r) => ctx.nameOf(r.region));
    unrankedNote.textContent = group ? formatUnranked(ctx.lang, group, unranked) : "";
    unrankedNote.hidden = unrankedNote.textContent === "";
    const steps = s.categories.map((c) => ({label: ctx.categoryName(c.id), points: c.points}));
    if (Math.abs(s.residual) > 1e-9) steps.push({label: t("sim.residual"), points: s.residual});
    waterfall.replaceChildren(
      steps.every((x) => x.points === 0)
        ? html`<p class="sim-muted">${t("sim.noChange")}</p>`
        : waterfallChart(steps, {width: Math.max(320, waterfall.clientWidth || 560), label: t("sim.change")})
    );
    ranking.replaceChildren(
      html`<table class="sim-table">
        <thead>
          <tr>
            <th>${t("common.rank")}</th>
            <th>${t("common.region")}</th>
            <th>${t("sim.before")}</th>
            <th>${t("sim.after")}</th>
            <th>${t("sim.moved")}</th>
          </tr>
        </thead>
        <tbody>
          ${s.ranking.map(
            (r) =>
              html`<tr class=${r.region === ctx.state.focus ? "sim-focus" : ""} data-region=${r.region}>
                <td class="num">${r.rankAfter ?? "—"}</td>
                <td>${ctx.nameOf(r.region)}</td>
                <td class="num">${formatScore(r.before)}</td>
                <td class="num">${formatScore(r.after)}</td>
                <td class="num">${moveText(r.moved)}</td>
              </tr>`
          )}
        </tbody>
      </table>`
    );
    const focusRow = ranking.querySelector<HTMLElement>("tr.sim-focus");
    if (focusRow && ranking.scrollHeight > ranking.clientHeight)
      ranking.scrollTop = focusRow.offsetTop - (ranking.clientHeight - focusRow.offsetHeight) / 2;
    units.replaceChildren(
      s.units.length === 0
        ? html`<p class="sim-muted">${t("sim.noChange")}</p>`
        : html`<table class="sim-table">
            <thead>
              <tr>
                <th>${t("common.leadUnit")}</th>
                <th>${t("sim.points")}</th>
              </tr>
            </thead>
            <tbody>
              ${s.units.map(
                (u) =>
                  html`<tr>
                    <td>${ctx.unitName(u.unit)}</td>
                    <td class="num">${formatSignedPoints(u.points)}</td>
                  </tr>`
              )}
            </tbody>
          </table>`
    );
  };

  const csv = (s: SimSummary) =>
    resultsCsv(s, {
      lang: ctx.lang,
      state: ctx.state,
      methodology: ctx.model.methodology,
      groups: ctx.groups,
      current: ctx.current,
      nameOf: ctx.nameOf,
      categoryName: (id) => ctx.categoryName(id),
      unitName: ctx.unitName,
      measureName: (id) => ctx.measureName(ctx.model.measures.get(id)!),
      now: new Date().toISOString()
    });

  return {headline, waterfall, ranking, units, render, csv};
}
