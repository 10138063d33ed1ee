/**
 * Weight sensitivity: seeded Monte-Carlo draws of the weights (each within ±k of its value), the rank band
 * of every peer, and the focus region's rank with each category removed. The draws go a chunk at a time (one engine
 * statement each) through the session's serial queue, so edits made meanwhile are scored between chunks; the run
 * can be cancelled.
 */
import {html} from "htl";
import {pick} from "../i18n.js";
import {bandChart} from "./charts.js";
import {makeButton, moveText, type SimContext} from "./context.js";
import {formatValue} from "./format.js";
import {runSensitivity, shareAt} from "./sensitivity.js";
import {scoreOptionsOf, stateKey} from "./state.js";

/** Draws per engine statement: large enough to amortise a statement, small enough to show progress and cancel. */
const DRAWS_PER_STATEMENT = 50;

export function sensitivityPanel(ctx: SimContext): Node[] {
  const {lang, t, model, session, root} = ctx;
  const drawsInput = html`<input
    type="number"
    min="1"
    max="5000"
    step="1"
    value="1000"
    data-testid="sim-sens-draws"
  />` as HTMLInputElement;
  const kInput = html`<input
    type="number"
    min="0"
    max="0.99"
    step="0.05"
    value="0.2"
    data-testid="sim-sens-k"
  />` as HTMLInputElement;
  const sensRun = makeButton(t, "sim.sensRun", "sim-sens-run");
  const sensCancel = makeButton(t, "sim.cancel", "sim-sens-cancel");
  sensCancel.disabled = true;
  const sensProgress = html`<progress
    max="1"
    value="0"
    data-testid="sim-sens-progress"
  ></progress>` as HTMLProgressElement;
  const sensText = html`<span data-testid="sim-sens-status"></span>` as HTMLElement;
  const sensOut = html`<div data-testid="sim-sens-result"></div>` as HTMLElement;
  const verdict = html`<p class="sim-verdict" data-testid="sim-sens-verdict"></p>` as HTMLElement;
  const removalOut = html`<div data-testid="sim-removal"></div>` as HTMLElement;
  // Results answer the state they were run on: an edit since (or a change of focus, period, data) marks them stale.
  const staleNote = html`<p class="sim-error" data-testid="sim-sens-stale" hidden>${t("sim.stale")}</p>` as HTMLElement;
  let answered: string | null = null;
  const markStale = () => {
    const stale = answered !== null && answered !== stateKey(ctx.state);
    staleNote.hidden = !stale;
    sensOut.dataset.stale = stale ? "1" : "0";
  };
  root.addEventListener("sim-edit", markStale);

  let cancelled = false;
  sensCancel.addEventListener("click", () => {
    cancelled = true;
  });
  sensRun.addEventListener("click", async () => {
    const draws = Number(drawsInput.value);
    const k = Number(kInput.value);
    if (!Number.isInteger(draws) || draws < 1 || draws > 5000 || !(k >= 0 && k <= 0.99))
      return ctx.say(t("sim.badSensitivity"), "error");
    const base = {...ctx.state, values: {...ctx.state.values}, weights: {...ctx.state.weights}};
    const weights = Object.fromEntries([...model.defaultWeights].map(([id, w]) => [id, base.weights[id] ?? w]));
    const {peerGroup, periods, scenario} = scoreOptionsOf(base, ctx.groups);
    const options = {peerGroup, periods, level: model.root};
    // Every draw is a scenario: a chunk of draws is one engine statement (scenarios as a dimension).
    const ranksOf = async (list: Record<string, number>[]) => {
      const {result} = await session.scenarios(
        list.map((w) => ({...scenario, weights: w})),
        options
      );
      return result.map((nodes) => new Map(nodes.map((n) => [n.region, n.rank])));
    };
    cancelled = false;
    sensRun.disabled = true;
    answered = null;
    markStale();
    const started = performance.now();
    const rankNow = (await ranksOf([weights]))[0].get(base.focus) ?? null;
    sensCancel.disabled = false;
    root.dataset.sensitivity = "running";
    sensProgress.max = draws;
    sensProgress.value = 0;
    try {
      const run = await runSensitivity({
        draws,
        k,
        seed: 2023,
        base: weights,
        rankWith: ranksOf,
        chunk: DRAWS_PER_STATEMENT,
        cancelled: () => cancelled,
        onProgress: (done, total) => {
          sensProgress.value = done;
          const left = ((performance.now() - started) / done) * (total - done);
          sensText.textContent = `${t("sim.progress", {done, total})} · ${t("sim.timeLeft", {s: Math.ceil(left / 1000)})}`;
          sensProgress.dataset.done = String(done);
        }
      });
      sensText.textContent = t(run.cancelled ? "sim.sensCancelled" : "sim.sensDone", {done: run.done});
      answered = stateKey(base);
      const band = run.bands.find((b) => b.region === base.focus);
      verdict.textContent =
        band && rankNow !== null
          ? t("sim.sensVerdict", {
              region: ctx.nameOf(base.focus),
              rank: rankNow,
              share: `${Math.round(shareAt(band, rankNow) * 100)}%`,
              p5: Math.round(band.p5),
              p95: Math.round(band.p95)
            })
          : "";
      sensOut.replaceChildren(
        bandChart(run.bands, ctx.nameOf, {
          width: Math.max(320, sensOut.clientWidth || 640),
          label: t("common.rank"),
          focus: base.focus
        }),
        html`<table class="sim-table">
          <thead>
            <tr>
              <th>${t("common.region")}</th>
              <th>${t("sim.medianRank")}</th>
              <th>${t("sim.band")}</th>
            </tr>
          </thead>
          <tbody>
            ${run.bands.map(
              (b) =>
                html`<tr class=${b.region === base.focus ? "sim-focus" : ""}>
                  <td>${ctx.nameOf(b.region)}</td>
                  <td class="num">${formatValue(b.median)}</td>
                  <td class="num">${formatValue(b.p5)} – ${formatValue(b.p95)}</td>
                </tr>`
            )}
          </tbody>
        </table>`
      );
      if (!run.cancelled) {
        // The focus region's rank now and with each category removed: one statement.
        const [now, ...removed] = (
          await ranksOf([weights, ...model.categories.map((c) => ({...weights, [c.id]: 0}))])
        ).map((ranks) => ranks.get(base.focus) ?? null);
        const rows = [];
        for (const [i, c] of model.categories.entries()) {
          const without = removed[i];
          rows.push(
            html`<tr>
              <td>${c.number}. ${pick(lang, c.nameZh, c.nameEn)}</td>
              <td class="num">${without ?? "—"}</td>
              <td class="num">${moveText(now === null || without === null ? null : now - without)}</td>
            </tr>`
          );
        }
        removalOut.replaceChildren(
          html`<table class="sim-table">
            <thead>
              <tr>
                <th>${t("common.category")}</th>
                <th>${t("sim.removalRank")}</th>
                <th>${t("sim.moved")}</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
        );
      }
    } catch (error) {
      ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
    } finally {
      sensRun.disabled = false;
      sensCancel.disabled = true;
      markStale();
      root.dataset.sensitivity = "done";
    }
  });

  return [
    html`<h2>${t("sim.sensitivity")}</h2>
      <p class="sim-muted">${t("sim.sensitivityNote")}</p>
      <div class="sim-controls">
        <label>${t("sim.draws")} ${drawsInput}</label><label>${t("sim.k")} ${kInput}</label> ${sensRun} ${sensCancel}
        ${sensProgress} ${sensText}
      </div>`,
    staleNote,
    verdict,
    sensOut,
    html`<h3>${t("sim.removal")}</h3>`,
    removalOut
  ];
}
