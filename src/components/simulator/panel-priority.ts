/**
 * Reform priority: the points each measure would add on its own if it reached its goal (plan target or
 * frontier), and the smallest set of the best ones that reaches a chosen rank (greedy, and said so).
 */
import {html} from "htl";
import type {NodeScore} from "../../engine/scoring/types.js";
import type {StringKey} from "../i18n.js";
import {makeButton, type SimContext} from "./context.js";
import {exact, formatDelta, formatValue} from "./format.js";
import {goalValue, type Goal} from "./model.js";
import {smallestReformSet, sortGains, type MeasureGain} from "./priority.js";
import {scenarioOf, scoreOptionsOf, stateKey, type SimState} from "./state.js";

export interface PriorityPanel {
  nodes: Node[];
  /** Forgets a computed priority list (the data, focus or period changed under it). */
  reset(): void;
}

export function priorityPanel(ctx: SimContext): PriorityPanel {
  const {t, model, session} = ctx;
  // Without plan targets (the World Bank preset) every measure's goal is its frontier.
  const goalSelect = html`<select data-testid="sim-priority-goal">
    ${model.planTargets ? html`<option value="target">${t("sim.goalTarget")}</option>` : ""}
    <option value="frontier">${t("sim.goalFrontier")}</option>
  </select>` as HTMLSelectElement;
  const priorityRun = makeButton(t, "sim.priorityRun", "sim-priority-run");
  const priorityProgress = html`<span data-testid="sim-priority-progress"></span>` as HTMLElement;
  const priorityTable = html`<div data-testid="sim-priority-table"></div>` as HTMLElement;
  const greedyRank = html`<input
    type="number"
    min="1"
    step="1"
    value="1"
    data-testid="sim-greedy-rank"
  />` as HTMLInputElement;
  const greedyRun = makeButton(t, "sim.greedyRun", "sim-greedy-run");
  const greedyResult = html`<div data-testid="sim-greedy-result"></div>` as HTMLElement;
  let gains: MeasureGain[] | null = null;
  let snapshot: SimState | null = null;

  // One scenario per measure that has a goal it does not yet meet, all in one engine statement (peer group = the focus
  // alone: a region's total does not depend on its peers).
  let busy = false;
  const basisLine = html`<p class="sim-muted" data-testid="sim-priority-basis"></p>` as HTMLElement;
  const staleNote = html`<p class="sim-error" data-testid="sim-priority-stale" hidden>
    ${t("sim.stale")}
  </p>` as HTMLElement;
  // Results are marked stale as soon as an edit makes them answer another question; reverting the edit clears it.
  // So does choosing the other goal (target ↔ frontier).
  let snapshotGoal: string | null = null;
  const isStale = () =>
    snapshot !== null && (stateKey(snapshot) !== stateKey(ctx.state) || goalSelect.value !== snapshotGoal);
  const markStale = () => {
    staleNote.hidden = !isStale();
    priorityTable.dataset.stale = greedyResult.dataset.stale = isStale() ? "1" : "0";
  };
  ctx.root.addEventListener("sim-edit", markStale);
  goalSelect.addEventListener("change", markStale);

  /** Computes the priority list from the current state; false when it failed (the message says why). */
  const runPriority = async (): Promise<boolean> => {
    if (busy) return false;
    busy = true;
    priorityRun.disabled = true;
    const goal = goalSelect.value as Goal;
    const base = {...ctx.state, values: {...ctx.state.values}};
    const current = ctx.current;
    const alone = {peerGroup: [base.focus], periods: [base.period], level: model.root};
    const totalOf = (nodes: NodeScore[]) =>
      nodes.find((n) => n.region === base.focus && n.node === model.root)?.score ?? null;
    try {
      const todo = [...model.measures.values()].flatMap((m) => {
        const now = base.values[m.id] ?? current.get(m.id) ?? null;
        const to = goalValue(m, goal, now);
        return to === null || to === now ? [] : [{m, to}];
      });
      priorityProgress.textContent = t("sim.progress", {done: 0, total: todo.length});
      // The current scenario and one scenario per measure moved to its goal: one engine statement.
      const withEach = todo.map(({m, to}) => scenarioOf({...base, values: {...base.values, [m.id]: to}}));
      const {result} = await session.scenarios([scenarioOf(base), ...withEach], alone);
      const reference = totalOf(result[0]);
      const found: MeasureGain[] = [];
      for (const [i, {m, to}] of todo.entries()) {
        const total = totalOf(result[i + 1]);
        if (total !== null && reference !== null) found.push({measure: m.id, goal: to, points: total - reference});
      }
      priorityProgress.textContent = t("sim.progress", {done: todo.length, total: todo.length});
      gains = sortGains(found);
      snapshot = base;
      snapshotGoal = goal;
      render(gains, base, current);
      basisLine.textContent = basisText(base);
      staleNote.hidden = true;
      priorityTable.dataset.stale = "0";
      return true;
    } catch (error) {
      ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
      return false;
    } finally {
      busy = false;
      priorityRun.disabled = false;
    }
  };
  priorityRun.addEventListener("click", () => void runPriority());
  /** What the list starts from: the data as they are, or the data with the user's what-if. */
  const basisText = (base: SimState) => {
    const n = Object.keys(base.values).length + Object.keys(base.weights).length + Object.keys(base.targets).length;
    return n === 0 ? t("sim.basisData") : t("sim.basisScenario", {n});
  };
  const render = (list: MeasureGain[], base: SimState, current: ReadonlyMap<string, number | null>) => {
    priorityTable.replaceChildren(
      list.length === 0
        ? html`<p>${t("sim.priorityEmpty")}</p>`
        : html`<table class="sim-table">
            <thead>
              <tr>
                <th>#</th>
                <th>${t("sim.measure")}</th>
                <th>${t("sim.current")}</th>
                <th>${t("sim.goalValue")}</th>
                <th>${t("sim.points")}</th>
                <th>${t("common.leadUnit")}</th>
              </tr>
            </thead>
            <tbody>
              ${list.map((g, i) => {
                const m = model.measures.get(g.measure)!;
                return html`<tr data-measure=${g.measure} data-goal=${exact(g.goal)} data-points=${exact(g.points)}>
                  <td class="num">${i + 1}</td>
                  <td>${ctx.measureName(m)}</td>
                  <td class="num">${formatValue(base.values[m.id] ?? current.get(m.id))}</td>
                  <td class="num">${formatValue(g.goal)}</td>
                  <td class="num">${formatDelta(g.points, 4)}</td>
                  <td>${m.leadUnits.map(ctx.unitName).join("、") || t("sim.noUnit")}</td>
                </tr>`;
              })}
            </tbody>
          </table>`
    );
  };

  const applySet = makeButton(t, "sim.applySet", "sim-greedy-apply");
  let chosenValues: Record<string, number> = {};
  applySet.addEventListener("click", () => {
    ctx.state = {...ctx.state, values: {...ctx.state.values, ...chosenValues}};
    ctx.syncControls();
    ctx.say(t("sim.setApplied", {n: Object.keys(chosenValues).length}));
    ctx.schedule();
  });
  greedyRun.addEventListener("click", async () => {
    // Works on its own: the priority list is computed first when there is none or it is stale.
    if ((!gains || !snapshot || isStale()) && !(await runPriority())) return;
    if (!gains || !snapshot) return;
    const base = snapshot;
    const list = gains;
    const groups = ctx.groups;
    const target = Math.max(1, Math.floor(Number(greedyRank.value) || 1));
    greedyRun.disabled = true;
    try {
      // Every prefix of the list (k = 0 … n reforms) scored with the peer group in one statement; the search reads them.
      const prefixes = list.map((_, k) => k).concat(list.length);
      const scenarios = prefixes.map((k) =>
        scenarioOf({
          ...base,
          values: {...base.values, ...Object.fromEntries(list.slice(0, k).map((g) => [g.measure, g.goal]))}
        })
      );
      const {peerGroup, periods} = scoreOptionsOf(base, groups);
      const {result} = await session.scenarios(scenarios, {peerGroup, periods, level: model.root});
      const ranks = result.map((nodes) => nodes.find((n) => n.region === base.focus)?.rank ?? null);
      const set = await smallestReformSet(list, target, async (k) => ranks[k]);
      const key: StringKey = set.reached ? "sim.greedyReached" : "sim.greedyNotReached";
      chosenValues = Object.fromEntries(set.chosen.map((g) => [g.measure, g.goal]));
      greedyResult.dataset.stale = "0";
      greedyResult.replaceChildren(
        html`<p data-testid="sim-greedy-summary" data-reached=${String(set.reached)} data-rank=${exact(set.rank)}>
          ${t(key, {n: set.chosen.length, rank: set.rank ?? "—", calls: scenarios.length})}
        </p>`,
        html`<ol>
          ${set.chosen.map((g) => html`<li data-measure=${g.measure} data-goal=${exact(g.goal)}>${ctx.measureName(model.measures.get(g.measure)!)} → ${formatValue(g.goal)} (${formatDelta(g.points, 4)})</li>`)}
        </ol>`,
        set.chosen.length ? applySet : ""
      );
    } catch (error) {
      ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
    } finally {
      greedyRun.disabled = false;
    }
  });

  return {
    nodes: [
      html`<h2>${t("sim.priority")}</h2>
        <p class="sim-muted">${t("sim.priorityNote")}</p>
        <div class="sim-controls">
          <label>${t("sim.goal")} ${goalSelect}</label> ${priorityRun} ${priorityProgress}
        </div>`,
      basisLine,
      staleNote,
      priorityTable,
      html`<h3>${t("sim.greedy")}</h3>
        <p class="sim-muted">${t("sim.greedyNote")}</p>
        <div class="sim-controls"><label>${t("sim.targetRank")} ${greedyRank}</label> ${greedyRun}</div>`,
      greedyResult
    ],
    reset() {
      gains = null;
      snapshot = null;
      priorityTable.replaceChildren();
      greedyResult.replaceChildren();
      basisLine.textContent = "";
      staleNote.hidden = true;
    }
  };
}
