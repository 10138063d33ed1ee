/**
 * The simulator page: starts the engine on the bundled observations, holds the scenario state and the scoring
 * loop, and lays out its sections (panel-*.ts). All scores come from the engine (src/engine) on the database
 * it is given.
 */
import {html} from "htl";
import {explainMissingTotals} from "../../engine/model/model.js";
import {createEngine} from "../../engine/scoring/engine.js";
import {currentLang, pick, translate, type StringKey} from "../i18n.js";
import {missingLines} from "../report/missing.js";
import {joinNames} from "../format.js";
import {decodeFragment, encodeFragment} from "./codec.js";
import type {SimContext, SimulatorInputs, Translate} from "./context.js";
import {buildModel} from "./model.js";
import {periodsInIpc} from "../../engine/observations/arrow.js";
import {peerGroupsOf} from "../../engine/regions/regions.js";
import {controlsPanel, scenarioContext} from "./panel-controls.js";
import {dataPanel, unionMembers} from "./panel-data.js";
import {inputsPanels} from "./panel-inputs.js";
import {priorityPanel} from "./panel-priority.js";
import {resultsPanel} from "./panel-results.js";
import {sensitivityPanel} from "./panel-sensitivity.js";
import {summarise} from "./results.js";
import {createSession} from "./session.js";
import {initialState, pageCallsOf} from "./state.js";
import {whyPanel} from "./panel-why.js";
import {explainChange, measurePoints, type Baseline} from "./why.js";
import {measureSince, timed} from "../../engine/timing.js";

export type {SimulatorInputs} from "./context.js";

/** Builds the simulator; returns its root element at once and fills it in as the database starts. */
export function Simulator(inputs: SimulatorInputs): HTMLElement {
  measureSince("page", 0);
  const lang = currentLang();
  const t: Translate = (key: StringKey, params = {}) => translate(lang, key, params);
  const root = html`<div class="sim" data-testid="sim-root" data-busy="1" data-version="0">
    <p class="sim-status" data-testid="sim-status">${t("sim.loading")}</p>
  </div>` as HTMLElement;
  start(root, inputs, t).catch((error) => {
    root.dataset.busy = "0";
    root.append(
      html`<p class="sim-message sim-error" role="alert">
        ${t("sim.error", {reason: String((error as Error)?.message ?? error)})}
      </p>`
    );
  });
  return root;
}

async function start(root: HTMLElement, inputs: SimulatorInputs, t: Translate) {
  const lang = currentLang();
  const fetched = timed("fetch", async () => new Uint8Array(await inputs.observations()));
  fetched.catch(() => undefined); // awaited below, after the model is built
  const model = await timed("model", () =>
    buildModel(inputs.methodology, inputs.catalogue, inputs.regions, inputs.peerGroups)
  );
  const [bundled, db] = await Promise.all([fetched, timed("wait", () => inputs.database)]);
  const engine = await timed("engine", () => createEngine(db, inputs.methodology));
  // Two-city economies are scored from their cities; a what-if on the economy is set in both (session.ts).
  await engine.setRegions(inputs.subunits ?? []);
  const session = createSession(engine, undefined, inputs.subunits ?? []);
  // DuckDB takes the bytes it is given (they move to its worker): hand it a copy, keep these for "restore".
  const loadBundled = () => session.engine.loadObservations(bundled.slice());
  await timed("load", loadBundled);
  const bundledPeriods = periodsInIpc(bundled);
  const layoutStart = performance.now();

  // ---- scoring loop: no debounce, the latest edit wins; data-busy and data-version tell tests and timing where it is.
  // Every edit asks for a score at once. One arriving while a score runs supersedes it: that result is dropped and one
  // more run, of the latest state, follows (edits in between fold into it).
  let requested = 0;
  let scored = 0;
  let loop: Promise<void> | null = null;
  let reloading = 0;
  /** The focus region's measure rows without a what-if (the "before" of the why table). */
  let baseline: Baseline | null = null;
  /** True until the first score is shown: its steps are recorded as start-up phases. */
  let starting = true;
  const phase = <T>(name: "current" | "score", work: () => T | Promise<T>): Promise<T> =>
    starting ? timed(name, work) : Promise.resolve(work());

  const message = html`<div
    class="sim-message"
    data-testid="sim-message"
    role="status"
    aria-live="polite"
  ></div>` as HTMLElement;
  const timing = html`<span class="sim-timing" data-testid="sim-timing"></span>` as HTMLElement;
  const ctx: SimContext = {
    lang,
    t,
    model,
    session,
    root,
    state: initialState(inputs.focus, "", ""),
    current: new Map(),
    summary: null,
    groups: [...inputs.peerGroups],
    periods: bundledPeriods,
    regionCodes: unionMembers(inputs.peerGroups),
    say(text, kind = "info") {
      message.textContent = text;
      message.className = `sim-message${kind === "error" ? " sim-error" : ""}`;
    },
    nameOf: (code) => model.regions.get(code)?.name ?? code,
    regionLabel: (code) => (model.regions.get(code)?.nameEn ? ctx.nameOf(code) : `${ctx.nameOf(code)} ${code}`),
    unitName: (u) =>
      u === "" ? t("sim.noUnit") : pick(lang, model.units.get(u)?.nameZh ?? u, model.units.get(u)?.nameEn),
    measureName: (m) => pick(lang, m.nameZh, m.nameEn),
    categoryName(id) {
      const c = model.categories.find((x) => x.id === id);
      return c ? pick(lang, c.nameZh, c.nameEn) : id;
    },
    defaultGroup: (focus) => peerGroupsOf(focus, ctx.groups)[0]?.id ?? ctx.groups[0]?.id ?? "",
    defaultState: (focus = inputs.focus) =>
      initialState(focus, ctx.defaultGroup(focus), ctx.periods[ctx.periods.length - 1]),
    schedule() {
      root.dataset.busy = "1";
      root.dispatchEvent(new Event("sim-edit"));
      ctx.writeHash();
      void rescore();
    },
    reload: () => reload(),
    releaseBusy() {
      if (!loop && scored === requested && reloading === 0 && data.pending() === 0) root.dataset.busy = "0";
    },
    syncControls() {
      controls.sync();
      inputsUi.sync();
    },
    writeHash: () => history.replaceState(null, "", `#${encodeFragment(ctx.state)}`)
  };
  ctx.state = ctx.defaultState();
  // The report pages' peer group, when it holds the focus region.
  if (inputs.group && ctx.groups.some((g) => g.id === inputs.group && g.members.includes(inputs.focus)))
    ctx.state = {...ctx.state, group: inputs.group};

  const controls = controlsPanel(ctx, () => (ctx.summary ? results.csv(ctx.summary) : null));
  const results = resultsPanel(ctx, timing);
  const why = whyPanel(ctx);
  // Names for saying why the focus region's total cannot be computed, as the report pages say it.
  const named = {
    root: model.root,
    nodes: model.nodes,
    measures: [...model.measures.values()],
    regions: inputs.regions
  };
  const measureOrder = model.categories.flatMap((c) => c.measures.map((m) => m.id));
  const inputsUi = inputsPanels(ctx);
  const priority = priorityPanel(ctx);
  const data = dataPanel(ctx, inputs, {load: loadBundled, periods: bundledPeriods});

  // A rolled-up region (China, from Shanghai and Beijing) says how its values and a what-if on it are read.
  const cities = new Map<string, string[]>();
  for (const s of inputs.subunits ?? []) cities.set(s.parent, [...(cities.get(s.parent) ?? []), s.region]);
  const subunitsNote = html`<p class="sim-muted" data-testid="sim-subunits-note"></p>` as HTMLElement;
  const loadCurrent = async () => {
    const {state} = ctx;
    const under = cities.get(state.focus);
    subunitsNote.textContent = under
      ? t("sim.subunitsNote", {region: ctx.nameOf(state.focus), cities: joinNames(lang, under.map(ctx.nameOf))})
      : "";
    const {result} = await phase("current", () =>
      session.score({peerGroup: [state.focus], periods: [state.period], level: model.root, measures: true})
    );
    ctx.current = new Map(result.measures.filter((m) => m.region === state.focus).map((m) => [m.measure, m.raw]));
    baseline = {focus: state.focus, period: state.period, measures: measurePoints(result.measures, state.focus)};
    inputsUi.showCurrent();
  };
  /** Asks for a score of the latest state; resolves when the page shows one at least as new as this request. */
  const rescore = (): Promise<void> => {
    requested++;
    root.dataset.busy = "1";
    loop ??= drain();
    return loop;
  };
  const drain = async () => {
    try {
      while (scored < requested) {
        const mine = requested;
        await scoreOnce(mine);
        scored = mine;
      }
    } finally {
      loop = null;
      ctx.releaseBusy();
    }
  };
  /** One score of the current state: the peer group's totals and the focus region's nodes and measures. */
  const scoreOnce = async (mine: number) => {
    const superseded = () => mine !== requested;
    timing.textContent = t("sim.computing");
    const state = {...ctx.state, values: {...ctx.state.values}, targets: {...ctx.state.targets}};
    const calls = pageCallsOf(state, ctx.groups, model.root);
    try {
      const [ranking, detail] = await phase("score", () =>
        Promise.all([session.score(calls.ranking), session.score(calls.focus)])
      );
      if (superseded()) return;
      const renderStart = performance.now();
      ctx.summary = summarise(ranking.result, model, state.focus, detail.result);
      const missing = ctx.summary.total.scenario === null ? explainMissingTotals(model.methodology, detail.result) : [];
      const scope = {period: state.period, regions: [state.focus], scope: "total" as const};
      results.render(
        ctx.summary,
        missingLines({...named, missing}, scope, lang).map((l) => l.text)
      );
      const before = baseline?.focus === state.focus && baseline.period === state.period ? baseline : null;
      const change = ctx.summary.total.delta ?? NaN;
      why.render(before && explainChange(state, before, detail.result, change, measureOrder));
      inputsUi.showEffective(ctx.summary);
      if (starting) measureSince("render", renderStart);
      const ms = ranking.ms + detail.ms;
      timing.textContent = t("sim.computedIn", {ms: Math.round(ms)});
      timing.dataset.ms = String(ms);
    } catch (error) {
      if (superseded()) return;
      ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
      timing.textContent = "";
    } finally {
      if (!superseded()) {
        root.dataset.version = String(mine);
        if (starting) measureSince("ready", 0);
        starting = false;
      }
    }
  };
  const reload = async () => {
    reloading++;
    root.dataset.busy = "1";
    // Results computed for the previous focus, period or data are out of date.
    root.dispatchEvent(new Event("sim-edit"));
    try {
      ctx.syncControls();
      await loadCurrent();
      priority.reset();
    } finally {
      reloading--;
    }
    await rescore();
  };

  (root.querySelector(".sim-status") as HTMLElement).replaceWith(
    controls.element,
    html`<div class="sim-top">${message}${results.headline}</div>`,
    why.element,
    html`<div class="grid grid-cols-2">
      <div class="card">
        <h2>${t("sim.waterfall")}</h2>
        ${results.waterfall}
      </div>
      <div class="card">
        <h2>${t("sim.ranking")}</h2>
        ${results.ranking}
      </div>
    </div>`,
    // Lead units come from the plan: a site without one (the World Bank preset) has none to credit.
    model.units.size
      ? html`<div class="card">
          <h2>${t("sim.units")}</h2>
          <p class="sim-muted">${t("sim.unitsNote")}</p>
          ${results.units}
        </div>`
      : "",
    html`<h2>${t("sim.inputs")}</h2>
      <p class="sim-muted">${t("sim.inputsNote")}</p>`,
    subunitsNote,
    inputsUi.measures,
    html`<h2>${t("sim.weights")}</h2>
      <p class="sim-muted">${t("sim.weightsNote")}</p>`,
    inputsUi.weights,
    ...priority.nodes,
    ...sensitivityPanel(ctx),
    ...data.nodes
  );
  measureSince("layout", layoutStart);

  // ---- first render: the link's scenario, if any ----------------------------------------------------------
  const decoded = decodeFragment(location.hash, scenarioContext(ctx));
  if (decoded && !decoded.ok) ctx.say(t("sim.badLink", {reason: decoded.message}), "error");
  if (decoded?.ok) ctx.state = decoded.state;
  await reload();
}
