/**
 * The simulator page as one component: controls, target and weight inputs, results, reform priority,
 * sensitivity and "your own data". All scores come from the engine (src/engine) on the database it is given.
 */
import {html} from "htl";
import {createEngine} from "../../engine/engine.js";
import type {Catalogue} from "../../engine/catalogue.js";
import type {SqlDatabase} from "../../engine/db.js";
import type {Methodology} from "../../engine/methodology.js";
import type {CheckResult} from "../../engine/observations-check.js";
import type {PeerGroup, Region} from "../../engine/regions.js";
import type {ScoreResult} from "../../engine/score-types.js";
import {UNITS} from "../../engine/units.js";
import {currentLang, pick, translate, type StringKey} from "../i18n.js";
import {bandChart, waterfallChart} from "./charts.js";
import {decodeFragment, decodeJson, encodeFragment, scenarioFileText, type ScenarioContext} from "./codec.js";
import {excelCsv, type CsvCell} from "./csv-export.js";
import {exact, formatDelta, formatScore, formatShare, formatValue} from "./format.js";
import {buildModel, goalValue, type Goal, type SimMeasure} from "./model.js";
import {smallestReformSet, sortGains, type MeasureGain} from "./priority.js";
import {summarise, type SimSummary} from "./results.js";
import {runSensitivity} from "./sensitivity.js";
import {createSession, type SimSession} from "./session.js";
import {measureSince, timed} from "./timing.js";
import {periodsInIpc} from "./observations-ipc.js";
import {goalValues, initialState, scenarioOf, scoreOptionsOf, type SimState} from "./state.js";
import {checkUpload, uploadContext, uploadedGroup, uploadedPeriods} from "./upload.js";

/** What the page hands the simulator. */
export interface SimulatorInputs {
  methodology: Methodology;
  catalogue: Catalogue;
  regions: Region[];
  peerGroups: PeerGroup[];
  /** Fetches the bundled observations (src/data/observations.arrow, an Arrow IPC stream); called once at start. */
  observations: () => Promise<ArrayBuffer>;
  /** Periods the site knows, oldest first. */
  periods: readonly string[];
  focus: string;
  /** The database, already opening: the page starts it as early as it can (its 34 MB of wasm take the longest). */
  database: Promise<SqlDatabase>;
  /** Milliseconds of quiet before an edit is scored (default 200). */
  debounce?: number;
}

type Node = HTMLElement;

/** Builds the simulator; returns its root element at once and fills it in as the database starts. */
export function Simulator(inputs: SimulatorInputs): HTMLElement {
  measureSince("page", 0);
  const lang = currentLang();
  const t = (key: StringKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const root = html`<div class="sim" data-testid="sim-root" data-busy="1" data-version="0">
    <p class="sim-status" data-testid="sim-status">${t("sim.loading")}</p>
  </div>` as HTMLElement;
  start(root, inputs, t).catch((error) => {
    root.dataset.busy = "0";
    root.append(html`<p class="sim-message sim-error" role="alert">${t("sim.error", {reason: String((error as Error)?.message ?? error)})}</p>`);
  });
  return root;
}

async function start(root: HTMLElement, inputs: SimulatorInputs, t: (key: StringKey, p?: Record<string, string | number>) => string) {
  const lang = currentLang();
  const fetched = timed("fetch", async () => new Uint8Array(await inputs.observations()));
  fetched.catch(() => undefined); // awaited below, after the model is built
  const model = await timed("model", () => buildModel(inputs.methodology, inputs.catalogue, inputs.regions, inputs.peerGroups));
  const [bundled, db] = await Promise.all([fetched, timed("wait", () => inputs.database)]);
  const engine = await timed("engine", () => createEngine(db, inputs.methodology));
  const session: SimSession = createSession(engine);
  // DuckDB takes the bytes it is given (they move to its worker): hand it a copy, keep these for "restore".
  const loadBundled = () => session.engine.loadObservationsArrow(bundled.slice());
  await timed("load", loadBundled);
  const bundledPeriods = periodsInIpc(bundled, inputs.periods);
  const layoutStart = performance.now();

  // Data source: the bundled observations or an uploaded file (its regions become a peer group of their own).
  let groups: PeerGroup[] = [...inputs.peerGroups];
  let periods = bundledPeriods;
  let regionCodes = unionMembers(groups);
  const nameOf = (code: string) => model.regions.get(code)?.name ?? code;
  const unitName = (u: string) => (u === "" ? t("sim.noUnit") : pick(lang, model.units.get(u)?.nameZh ?? u, model.units.get(u)?.nameEn));
  const measureName = (m: SimMeasure) => pick(lang, m.nameZh, m.nameEn);
  const categoryName = (id: string) => {
    const c = model.categories.find((x) => x.id === id);
    return c ? pick(lang, c.nameZh, c.nameEn) : id;
  };
  const context = (): ScenarioContext => ({
    regions: new Set(regionCodes),
    groups: new Set(groups.map((g) => g.id)),
    periods: new Set(periods),
    measures: new Set(model.measures.keys()),
    targetable: new Set([...model.measures.values()].filter((m) => m.method !== "yes_no").map((m) => m.id)),
    weighted: new Set(model.defaultWeights.keys())
  });
  const defaultGroup = (focus: string) => groups.filter((g) => g.members.includes(focus)).sort((a, b) => a.members.length - b.members.length)[0]?.id ?? groups[0]?.id ?? "";
  const defaultState = (focus = inputs.focus) => initialState(focus, defaultGroup(focus), periods[periods.length - 1]);

  let state = defaultState();
  let current = new Map<string, number | null>();
  let summary: SimSummary | null = null;
  let lastResult: ScoreResult | null = null;

  // ---- layout -------------------------------------------------------------------------------------------
  const message = html`<div class="sim-message" data-testid="sim-message" role="status" aria-live="polite"></div>` as Node;
  const say = (text: string, kind: "info" | "error" = "info") => {
    message.textContent = text;
    message.className = `sim-message${kind === "error" ? " sim-error" : ""}`;
  };
  const focusSelect = html`<select data-testid="sim-focus"></select>` as HTMLSelectElement;
  const groupSelect = html`<select data-testid="sim-group"></select>` as HTMLSelectElement;
  const periodSelect = html`<select data-testid="sim-period"></select>` as HTMLSelectElement;
  const button = (key: StringKey, testid: string) => html`<button type="button" data-testid=${testid}>${t(key)}</button>` as HTMLButtonElement;
  const applyButton = button("sim.applyTargets", "sim-apply-targets");
  const resetButton = button("sim.reset", "sim-reset");
  const copyButton = button("sim.copyLink", "sim-copy-link");
  const downloadButton = button("sim.downloadScenario", "sim-download-scenario");
  const exportButton = button("sim.exportCsv", "sim-export-csv");
  const scenarioUpload = html`<input type="file" accept=".json,application/json" data-testid="sim-upload-scenario">` as HTMLInputElement;
  const timing = html`<span class="sim-timing" data-testid="sim-timing"></span>` as Node;
  const status = root.querySelector(".sim-status") as Node;

  const totalBefore = html`<span data-testid="sim-total-before"></span>` as Node;
  const totalAfter = html`<b data-testid="sim-total-after"></b>` as Node;
  const totalChange = html`<span data-testid="sim-total-change"></span>` as Node;
  const rankBefore = html`<span data-testid="sim-rank-before"></span>` as Node;
  const rankAfter = html`<b data-testid="sim-rank-after"></b>` as Node;
  const waterfall = html`<div class="sim-chart" data-testid="sim-waterfall"></div>` as Node;
  const ranking = html`<div data-testid="sim-ranking"></div>` as Node;
  const units = html`<div data-testid="sim-units"></div>` as Node;

  const controls = html`<div class="sim-controls">
    <label>${t("sim.focus")} ${focusSelect}</label>
    <label>${t("common.peerGroup")} ${groupSelect}</label>
    <label>${t("common.period")} ${periodSelect}</label>
    ${applyButton} ${resetButton} ${copyButton} ${downloadButton}
    <label class="sim-file">${t("sim.uploadScenario")} ${scenarioUpload}</label>
    ${exportButton}
  </div>`;
  const headline = html`<div class="sim-headline">
    <div><div class="sim-label">${t("sim.total")}</div>${totalBefore} → ${totalAfter} <span class="sim-muted">(${totalChange})</span></div>
    <div><div class="sim-label">${t("common.rank")}</div>${rankBefore} → ${rankAfter}</div>
    <div>${timing}</div>
  </div>`;

  // Measure inputs, grouped by category (categories 10–12 first), and the weight controls.
  const measureInputs = new Map<string, HTMLInputElement>();
  const currentCells = new Map<string, Node>();
  const inputsPanel = html`<div class="sim-inputs">${model.categories.map((c, i) => {
    const rows = c.measures.map((m) => {
      const input = html`<input type="number" step="any" inputmode="decimal" name=${m.id} data-measure=${m.id}
        data-testid=${`measure-${m.id}`} aria-label=${measureName(m)}>` as HTMLInputElement;
      measureInputs.set(m.id, input);
      const cur = html`<td class="num"></td>` as Node;
      currentCells.set(m.id, cur);
      const unit = UNITS[m.unit as keyof typeof UNITS];
      return html`<tr><td>${measureName(m)}<div class="sim-muted">${m.leadUnits.map(unitName).join("、")}</div></td>
        <td>${unit ? pick(lang, unit.zh, unit.en) : m.unit}</td>${cur}<td class="num">${formatValue(m.best)}</td>
        <td class="num" title=${m.target?.quoteZh ?? ""}>${m.target ? `${m.target.comparator} ${formatValue(m.target.value)}` : "—"}</td>
        <td>${input}</td></tr>`;
    });
    return html`<details open=${i === 0}><summary>${c.number}. ${pick(lang, c.nameZh, c.nameEn)} <span class="sim-muted">(${c.measures.length})</span></summary>
      <table class="sim-table"><thead><tr><th>${t("sim.measure")}</th><th>${t("sim.unit")}</th><th>${t("sim.current")}</th>
      <th>${t("common.frontier")}</th><th>${t("sim.planTarget")}</th><th>${t("sim.whatIf")}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  })}</div>`;

  const weightInputs = new Map<string, HTMLInputElement>();
  const effectiveCells = new Map<string, Node>();
  const weightInput = (id: string, label: string) => {
    const input = html`<input type="number" min="0" step="any" data-weight=${id} data-testid=${`weight-${id}`} aria-label=${label}
      placeholder=${formatValue(model.defaultWeights.get(id))}>` as HTMLInputElement;
    weightInputs.set(id, input);
    const cell = html`<td class="num" data-testid=${`effective-${id}`}></td>` as Node;
    effectiveCells.set(id, cell);
    return {input, cell};
  };
  const weightsPanel = html`<table class="sim-table"><thead><tr><th>${t("common.category")}</th><th>${t("sim.weight")}</th>
    <th>${t("sim.effectiveWeight")}</th></tr></thead><tbody>${model.categories.map((c) => {
      const {input, cell} = weightInput(c.id, pick(lang, c.nameZh, c.nameEn));
      const indicators = c.indicators.map((ind) => {
        const w = weightInput(ind.id, pick(lang, ind.nameZh, ind.nameEn));
        return html`<tr><td>${pick(lang, ind.nameZh, ind.nameEn)}</td><td>${w.input}</td>${w.cell}</tr>`;
      });
      return html`<tr><td>${c.number}. ${pick(lang, c.nameZh, c.nameEn)}
        <details><summary class="sim-muted">${t("sim.indicatorWeights")}</summary><table class="sim-table sim-inner">${indicators}</table></details></td>
        <td>${input}</td>${cell}</tr>`;
    })}</tbody></table>`;

  // Reform priority.
  const goalSelect = html`<select data-testid="sim-priority-goal"><option value="target">${t("sim.goalTarget")}</option>
    <option value="frontier">${t("sim.goalFrontier")}</option></select>` as HTMLSelectElement;
  const priorityRun = button("sim.priorityRun", "sim-priority-run");
  const priorityProgress = html`<span data-testid="sim-priority-progress"></span>` as Node;
  const priorityTable = html`<div data-testid="sim-priority-table"></div>` as Node;
  const greedyRank = html`<input type="number" min="1" step="1" value="1" data-testid="sim-greedy-rank">` as HTMLInputElement;
  const greedyRun = button("sim.greedyRun", "sim-greedy-run");
  const greedyResult = html`<div data-testid="sim-greedy-result"></div>` as Node;
  let gains: MeasureGain[] | null = null;

  // Sensitivity.
  const drawsInput = html`<input type="number" min="1" max="5000" step="1" value="1000" data-testid="sim-sens-draws">` as HTMLInputElement;
  const kInput = html`<input type="number" min="0" max="0.99" step="0.05" value="0.2" data-testid="sim-sens-k">` as HTMLInputElement;
  const sensRun = button("sim.sensRun", "sim-sens-run");
  const sensCancel = button("sim.cancel", "sim-sens-cancel");
  sensCancel.disabled = true;
  const sensProgress = html`<progress max="1" value="0" data-testid="sim-sens-progress"></progress>` as HTMLProgressElement;
  const sensText = html`<span data-testid="sim-sens-status"></span>` as Node;
  const sensOut = html`<div data-testid="sim-sens-result"></div>` as Node;
  const removalOut = html`<div data-testid="sim-removal"></div>` as Node;

  // Your own data.
  const dataUpload = html`<input type="file" accept=".csv,text/csv" data-testid="sim-upload-data">` as HTMLInputElement;
  const restoreButton = button("sim.restoreData", "sim-restore-data");
  const uploadSummary = html`<div data-testid="sim-upload-summary">${t("sim.usingBundled")}</div>` as Node;
  const uploadRejections = html`<ol class="sim-rejections" data-testid="sim-upload-rejections"></ol>` as Node;

  status.replaceWith(
    controls,
    html`<div class="sim-top">${message}${headline}</div>`,
    html`<div class="grid grid-cols-2">
      <div class="card"><h2>${t("sim.waterfall")}</h2>${waterfall}</div>
      <div class="card"><h2>${t("sim.ranking")}</h2>${ranking}</div>
    </div>`,
    html`<div class="card"><h2>${t("sim.units")}</h2><p class="sim-muted">${t("sim.unitsNote")}</p>${units}</div>`,
    html`<h2>${t("sim.inputs")}</h2><p class="sim-muted">${t("sim.inputsNote")}</p>`,
    inputsPanel,
    html`<h2>${t("sim.weights")}</h2><p class="sim-muted">${t("sim.weightsNote")}</p>`,
    weightsPanel,
    html`<h2>${t("sim.priority")}</h2><p class="sim-muted">${t("sim.priorityNote")}</p>
      <div class="sim-controls"><label>${t("sim.goal")} ${goalSelect}</label> ${priorityRun} ${priorityProgress}</div>`,
    priorityTable,
    html`<h3>${t("sim.greedy")}</h3><p class="sim-muted">${t("sim.greedyNote")}</p>
      <div class="sim-controls"><label>${t("sim.targetRank")} ${greedyRank}</label> ${greedyRun}</div>`,
    greedyResult,
    html`<h2>${t("sim.sensitivity")}</h2><p class="sim-muted">${t("sim.sensitivityNote")}</p>
      <div class="sim-controls"><label>${t("sim.draws")} ${drawsInput}</label><label>${t("sim.k")} ${kInput}</label>
      ${sensRun} ${sensCancel} ${sensProgress} ${sensText}</div>`,
    sensOut,
    html`<h3>${t("sim.removal")}</h3>`,
    removalOut,
    html`<h2>${t("sim.ownData")}</h2><p class="sim-muted">${t("sim.ownDataNote")}</p>
      <div class="sim-controls"><label class="sim-file">${t("sim.uploadData")} ${dataUpload}</label> ${restoreButton}</div>`,
    uploadSummary,
    uploadRejections
  );
  measureSince("layout", layoutStart);

  // ---- state → controls ---------------------------------------------------------------------------------
  const fillSelect = (select: HTMLSelectElement, options: {value: string; label: string}[], value: string) => {
    select.replaceChildren(...options.map((o) => html`<option value=${o.value}>${o.label}</option>` as HTMLOptionElement));
    select.value = value;
  };
  const syncControls = () => {
    fillSelect(focusSelect, regionCodes.map((c) => ({value: c, label: `${nameOf(c)} ${c}`})), state.focus);
    const own = groups.filter((g) => g.members.includes(state.focus));
    fillSelect(groupSelect, own.map((g) => ({value: g.id, label: `${pick(lang, g.nameZh, g.nameEn)} (${g.members.length})`})), state.group);
    fillSelect(periodSelect, periods.map((p) => ({value: p, label: p})), state.period);
    for (const [id, input] of measureInputs) {
      const v = state.values[id];
      input.value = v === undefined || v === null ? "" : String(v);
      input.removeAttribute("aria-invalid");
    }
    for (const [id, input] of weightInputs) {
      const w = state.weights[id];
      input.value = w === undefined ? "" : String(w);
      input.removeAttribute("aria-invalid");
    }
    for (const [id, cell] of currentCells) cell.textContent = formatValue(current.get(id));
  };
  const writeHash = () => history.replaceState(null, "", `#${encodeFragment(state)}`);

  // ---- scoring ------------------------------------------------------------------------------------------
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Data changes (uploads, restore) queued or running: the page stays busy until the last one has re-scored. */
  let dataChanges = 0;
  /** True until the first score is shown: its steps are recorded as start-up phases. */
  let starting = true;
  const phase = <T>(name: "current" | "score", work: () => T | Promise<T>): Promise<T> =>
    starting ? timed(name, work) : Promise.resolve(work());
  const loadCurrent = async () => {
    const {result} = await phase("current", () =>
      session.score({peerGroup: [state.focus], periods: [state.period], level: model.root, measures: true})
    );
    current = new Map(result.measures.filter((m) => m.region === state.focus).map((m) => [m.measure, m.raw]));
    for (const [id, cell] of currentCells) cell.textContent = formatValue(current.get(id));
  };
  const rescore = async () => {
    const mine = ++version;
    root.dataset.busy = "1";
    timing.textContent = t("sim.computing");
    try {
      const {result, ms} = await phase("score", () => session.score(scoreOptionsOf(state, groups)));
      if (mine !== version) return;
      lastResult = result;
      const renderStart = performance.now();
      summary = summarise(result, model, state.focus);
      renderResults(summary);
      if (starting) measureSince("render", renderStart);
      timing.textContent = t("sim.computedIn", {ms: Math.round(ms)});
      timing.dataset.ms = String(ms);
    } catch (error) {
      if (mine !== version) return;
      say(t("sim.error", {reason: (error as Error).message}), "error");
      timing.textContent = "";
    } finally {
      if (mine === version) {
        if (dataChanges === 0) root.dataset.busy = "0";
        root.dataset.version = String(mine);
        if (starting) measureSince("ready", 0);
        starting = false;
      }
    }
  };
  const schedule = () => {
    root.dataset.busy = "1";
    writeHash();
    clearTimeout(timer);
    timer = setTimeout(() => void rescore(), inputs.debounce ?? 200);
  };
  const reload = async () => {
    root.dataset.busy = "1";
    syncControls();
    await loadCurrent();
    gains = null;
    priorityTable.replaceChildren();
    greedyResult.replaceChildren();
    await rescore();
  };

  // ---- results ------------------------------------------------------------------------------------------
  const renderResults = (s: SimSummary) => {
    const n = s.ranking.length;
    totalBefore.textContent = formatScore(s.total.baseline);
    totalBefore.dataset.exact = exact(s.total.baseline);
    totalAfter.textContent = formatScore(s.total.scenario);
    totalAfter.dataset.exact = exact(s.total.scenario);
    totalChange.textContent = formatDelta(s.total.delta, 3);
    rankBefore.textContent = s.total.baselineRank === null ? "—" : t("sim.rankOf", {rank: s.total.baselineRank, n});
    rankBefore.dataset.exact = exact(s.total.baselineRank);
    rankAfter.textContent = s.total.scenarioRank === null ? "—" : t("sim.rankOf", {rank: s.total.scenarioRank, n});
    rankAfter.dataset.exact = exact(s.total.scenarioRank);
    const steps = s.categories.map((c) => ({label: categoryName(c.id), points: c.points}));
    if (Math.abs(s.residual) > 1e-9) steps.push({label: t("sim.residual"), points: s.residual});
    waterfall.replaceChildren(waterfallChart(steps, {width: Math.max(320, waterfall.clientWidth || 560), label: t("sim.change")}));
    ranking.replaceChildren(html`<table class="sim-table"><thead><tr><th>${t("common.rank")}</th><th>${t("common.region")}</th>
      <th>${t("sim.before")}</th><th>${t("sim.after")}</th><th>${t("sim.moved")}</th></tr></thead><tbody>${s.ranking.map(
        (r) => html`<tr class=${r.region === state.focus ? "sim-focus" : ""} data-region=${r.region}>
          <td class="num">${r.rankAfter ?? "—"}</td><td>${nameOf(r.region)}</td><td class="num">${formatScore(r.before)}</td>
          <td class="num">${formatScore(r.after)}</td><td class="num">${moveText(r.moved)}</td></tr>`
      )}</tbody></table>`);
    units.replaceChildren(
      s.units.length === 0
        ? html`<p class="sim-muted">${t("sim.noChange")}</p>`
        : html`<table class="sim-table"><thead><tr><th>${t("common.leadUnit")}</th><th>${t("sim.points")}</th></tr></thead><tbody>${s.units.map(
            (u) => html`<tr><td>${unitName(u.unit)}</td><td class="num">${formatDelta(u.points, 4)}</td></tr>`
          )}</tbody></table>`
    );
    for (const [id, cell] of effectiveCells) cell.textContent = formatShare(s.effectiveWeights[id]);
  };
  const moveText = (moved: number | null) => (moved === null ? "—" : moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : "·");

  // ---- events -------------------------------------------------------------------------------------------
  for (const [id, input] of measureInputs) {
    input.addEventListener("input", () => {
      const m = model.measures.get(id)!;
      const text = input.value.trim();
      if (text === "") {
        delete state.values[id];
        input.removeAttribute("aria-invalid");
        return schedule();
      }
      const unit = UNITS[m.unit as keyof typeof UNITS];
      const value = Number(text);
      if (!Number.isFinite(value) || (unit && (value < unit.min || value > unit.max))) {
        input.setAttribute("aria-invalid", "true");
        say(t("sim.badInput", {measure: measureName(m), text, min: unit?.min ?? "-∞", max: unit?.max ?? "∞"}), "error");
        return;
      }
      input.removeAttribute("aria-invalid");
      state.values[id] = value;
      schedule();
    });
  }
  for (const [id, input] of weightInputs) {
    input.addEventListener("input", () => {
      const text = input.value.trim();
      const value = Number(text);
      if (text === "") delete state.weights[id];
      else if (!Number.isFinite(value) || value < 0) {
        input.setAttribute("aria-invalid", "true");
        say(t("sim.badWeight", {id, text}), "error");
        return;
      } else state.weights[id] = value;
      input.removeAttribute("aria-invalid");
      schedule();
    });
  }
  focusSelect.addEventListener("change", () => {
    state = {...state, focus: focusSelect.value, group: defaultGroup(focusSelect.value), values: {}};
    writeHash();
    void reload();
  });
  groupSelect.addEventListener("change", () => {
    state = {...state, group: groupSelect.value};
    schedule();
  });
  periodSelect.addEventListener("change", () => {
    state = {...state, period: periodSelect.value, values: {}};
    writeHash();
    void reload();
  });
  applyButton.addEventListener("click", () => {
    const applied = goalValues(model, current, "target");
    state = {...state, values: {...state.values, ...applied}};
    syncControls();
    say(t("sim.targetsApplied", {n: Object.keys(applied).length}));
    schedule();
  });
  resetButton.addEventListener("click", () => {
    state = initialState(state.focus, state.group, state.period);
    syncControls();
    say("");
    schedule();
  });
  copyButton.addEventListener("click", async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      say(t("sim.linkCopied"));
    } catch {
      say(t("sim.linkNotCopied"));
    }
  });
  downloadButton.addEventListener("click", () => download(`bizenv-scenario-${state.focus}-${state.period}.json`, scenarioFileText(state), "application/json"));
  exportButton.addEventListener("click", () => {
    if (summary) download(`bizenv-results-${state.focus}-${state.period}.csv`, resultsCsv(), "text/csv;charset=utf-8");
  });
  scenarioUpload.addEventListener("change", async () => {
    const file = scenarioUpload.files?.[0];
    scenarioUpload.value = "";
    if (!file) return;
    const decoded = file.size > 1_000_000 ? {ok: false as const, message: "文件过大 / file too large"} : decodeJson(await file.text(), context());
    if (!decoded.ok) return say(t("sim.badFile", {reason: decoded.message}), "error");
    const focusChanged = decoded.state.focus !== state.focus || decoded.state.period !== state.period;
    state = decoded.state;
    say(t("sim.scenarioLoaded", {file: file.name}));
    writeHash();
    if (focusChanged) void reload();
    else {
      syncControls();
      schedule();
    }
  });

  // Reform priority: one engine run per measure that has a goal it does not yet meet (peer group = the focus
  // alone: a region's total does not depend on its peers).
  let priorityBusy = false;
  priorityRun.addEventListener("click", async () => {
    if (priorityBusy) return;
    priorityBusy = true;
    priorityRun.disabled = true;
    const goal = goalSelect.value as Goal;
    const base = {...state, values: {...state.values}};
    const alone = {peerGroup: [base.focus], periods: [base.period], level: model.root, measures: false};
    const totalOf = (r: ScoreResult) => r.nodes.find((n) => n.region === base.focus && n.node === model.root)?.score ?? null;
    try {
      const reference = totalOf((await session.score({...alone, scenario: scenarioOf(base)})).result);
      const todo = [...model.measures.values()].flatMap((m) => {
        const now = base.values[m.id] ?? current.get(m.id) ?? null;
        const to = goalValue(m, goal, now);
        return to === null || to === now ? [] : [{m, to}];
      });
      const found: MeasureGain[] = [];
      for (const [i, {m, to}] of todo.entries()) {
        priorityProgress.textContent = t("sim.progress", {done: i, total: todo.length});
        const withIt = {...base, values: {...base.values, [m.id]: to}};
        const total = totalOf((await session.score({...alone, scenario: scenarioOf(withIt)})).result);
        if (total !== null && reference !== null) found.push({measure: m.id, goal: to, points: total - reference});
      }
      priorityProgress.textContent = t("sim.progress", {done: todo.length, total: todo.length});
      gains = sortGains(found);
      renderPriority(gains, base);
    } catch (error) {
      say(t("sim.error", {reason: (error as Error).message}), "error");
    } finally {
      priorityBusy = false;
      priorityRun.disabled = false;
    }
  });
  let prioritySnapshot: SimState | null = null;
  const renderPriority = (list: MeasureGain[], base: SimState) => {
    prioritySnapshot = base;
    priorityTable.replaceChildren(
      list.length === 0
        ? html`<p>${t("sim.priorityEmpty")}</p>`
        : html`<table class="sim-table"><thead><tr><th>#</th><th>${t("sim.measure")}</th><th>${t("sim.current")}</th><th>${t("sim.goalValue")}</th>
          <th>${t("sim.points")}</th><th>${t("common.leadUnit")}</th></tr></thead><tbody>${list.map((g, i) => {
            const m = model.measures.get(g.measure)!;
            return html`<tr data-measure=${g.measure}><td class="num">${i + 1}</td><td>${measureName(m)}</td>
              <td class="num">${formatValue(base.values[m.id] ?? current.get(m.id))}</td><td class="num">${formatValue(g.goal)}</td>
              <td class="num">${formatDelta(g.points, 4)}</td><td>${m.leadUnits.map(unitName).join("、") || t("sim.noUnit")}</td></tr>`;
          })}</tbody></table>`
    );
  };
  greedyRun.addEventListener("click", async () => {
    if (!gains || !prioritySnapshot) return greedyResult.replaceChildren(html`<p>${t("sim.greedyNeedsPriority")}</p>`);
    const base = prioritySnapshot;
    const list = gains;
    const target = Math.max(1, Math.floor(Number(greedyRank.value) || 1));
    greedyRun.disabled = true;
    try {
      const set = await smallestReformSet(list, target, async (k) => {
        const values = {...base.values, ...Object.fromEntries(list.slice(0, k).map((g) => [g.measure, g.goal]))};
        const {result} = await session.score({...scoreOptionsOf({...base, values}, groups), level: model.root});
        return result.nodes.find((n) => n.region === base.focus)?.rank ?? null;
      });
      const key: StringKey = set.reached ? "sim.greedyReached" : "sim.greedyNotReached";
      greedyResult.replaceChildren(
        html`<p data-testid="sim-greedy-summary">${t(key, {n: set.chosen.length, rank: set.rank ?? "—", calls: set.calls})}</p>`,
        html`<ol>${set.chosen.map((g) => html`<li>${measureName(model.measures.get(g.measure)!)} → ${formatValue(g.goal)} (${formatDelta(g.points, 4)})</li>`)}</ol>`
      );
    } catch (error) {
      say(t("sim.error", {reason: (error as Error).message}), "error");
    } finally {
      greedyRun.disabled = false;
    }
  });

  // Sensitivity: draws one by one through the serial queue, so edits made meanwhile are scored between draws.
  let cancelled = false;
  sensCancel.addEventListener("click", () => {
    cancelled = true;
  });
  sensRun.addEventListener("click", async () => {
    const draws = Number(drawsInput.value);
    const k = Number(kInput.value);
    if (!Number.isInteger(draws) || draws < 1 || draws > 5000 || !(k >= 0 && k <= 0.99)) return say(t("sim.badSensitivity"), "error");
    const base = {...state, values: {...state.values}, weights: {...state.weights}};
    const weights = Object.fromEntries([...model.defaultWeights].map(([id, w]) => [id, base.weights[id] ?? w]));
    const options = {...scoreOptionsOf(base, groups), level: model.root};
    const ranksOf = async (w: Record<string, number>) => {
      const {result} = await session.score({...options, scenario: {...scenarioOf(base), weights: w}});
      return new Map(result.nodes.map((n) => [n.region, n.rank]));
    };
    cancelled = false;
    sensRun.disabled = true;
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
        cancelled: () => cancelled,
        onProgress: (done, total) => {
          sensProgress.value = done;
          sensText.textContent = t("sim.progress", {done, total});
          sensProgress.dataset.done = String(done);
        }
      });
      sensText.textContent = t(run.cancelled ? "sim.sensCancelled" : "sim.sensDone", {done: run.done});
      sensOut.replaceChildren(
        bandChart(run.bands, nameOf, {width: Math.max(320, sensOut.clientWidth || 640), label: t("common.rank"), focus: base.focus}),
        html`<table class="sim-table"><thead><tr><th>${t("common.region")}</th><th>${t("sim.medianRank")}</th><th>${t("sim.band")}</th></tr></thead>
          <tbody>${run.bands.map((b) => html`<tr class=${b.region === base.focus ? "sim-focus" : ""}><td>${nameOf(b.region)}</td>
            <td class="num">${formatValue(b.median)}</td><td class="num">${formatValue(b.p5)} – ${formatValue(b.p95)}</td></tr>`)}</tbody></table>`
      );
      if (!run.cancelled) {
        const now = (await ranksOf(weights)).get(base.focus) ?? null;
        const rows = [];
        for (const c of model.categories) {
          const without = (await ranksOf({...weights, [c.id]: 0})).get(base.focus) ?? null;
          rows.push(html`<tr><td>${c.number}. ${pick(lang, c.nameZh, c.nameEn)}</td><td class="num">${without ?? "—"}</td>
            <td class="num">${moveText(now === null || without === null ? null : now - without)}</td></tr>`);
        }
        removalOut.replaceChildren(html`<table class="sim-table"><thead><tr><th>${t("common.category")}</th><th>${t("sim.removalRank")}</th>
          <th>${t("sim.moved")}</th></tr></thead><tbody>${rows}</tbody></table>`);
      }
    } catch (error) {
      say(t("sim.error", {reason: (error as Error).message}), "error");
    } finally {
      sensRun.disabled = false;
      sensCancel.disabled = true;
      root.dataset.sensitivity = "done";
    }
  });

  // Your own data: the build's checks, then the accepted rows replace the observations in the engine.
  const uploadCtx = uploadContext(inputs.methodology, inputs.regions, inputs.periods);
  const showCheck = (r: CheckResult) => {
    uploadSummary.textContent = t("sim.uploadSummary", {file: r.file, encoding: r.encoding, read: r.read, accepted: r.acceptedRows, rejected: r.rejectedRows});
    uploadRejections.replaceChildren(
      ...r.rejected.slice(0, 200).map(
        (x) => html`<li data-line=${x.line} data-column=${x.column}>${r.file}:${x.line}:${x.column} — ${t("sim.rejection", {
          line: x.line,
          column: x.column,
          columnName: x.columnName,
          text: x.text.slice(0, 80),
          reason: pick(lang, x.reasonZh, x.reasonEn)
        })}</li>`
      )
    );
  };
  // Two files dropped in quick succession load in the order given; the first one's re-score must not
  // report the page idle while the second is still loading.
  let dataQueue: Promise<unknown> = Promise.resolve();
  const changeData = (run: () => Promise<void>): Promise<void> => {
    dataChanges++;
    root.dataset.busy = "1";
    const done = dataQueue.then(run).finally(() => {
      dataChanges--;
      if (dataChanges === 0 && root.dataset.version === String(version)) root.dataset.busy = "0";
    });
    dataQueue = done.catch(() => undefined);
    return done;
  };
  const useData = async (load: () => Promise<number>, newGroups: PeerGroup[], newPeriods: string[]) => {
    await session.serial(() => load());
    groups = newGroups;
    periods = newPeriods;
    regionCodes = unionMembers(groups);
    const focus = regionCodes.includes(state.focus) ? state.focus : regionCodes[0];
    state = {...defaultState(focus), weights: state.weights, targets: state.targets};
    if (!periods.includes(state.period)) state.period = periods[periods.length - 1];
    writeHash();
    await reload();
  };
  dataUpload.addEventListener("change", async () => {
    const file = dataUpload.files?.[0];
    dataUpload.value = "";
    if (!file) return;
    const result = checkUpload(new Uint8Array(await file.arrayBuffer()), file.name, uploadCtx);
    showCheck(result);
    if (result.accepted.length === 0) return say(t("sim.uploadNone"), "error");
    const group = uploadedGroup(result);
    const peers = [group, ...inputs.peerGroups.filter((g) => g.members.some((c) => group.members.includes(c)))];
    await changeData(async () => {
      try {
        await useData(() => session.engine.loadObservations(result.accepted), peers, uploadedPeriods(result, inputs.periods));
        say(t("sim.uploadLoaded", {n: result.accepted.length}));
      } catch (error) {
        say(t("sim.error", {reason: (error as Error).message}), "error");
        await useData(() => loadBundled(), [...inputs.peerGroups], bundledPeriods);
      }
    });
  });
  restoreButton.addEventListener("click", () =>
    changeData(async () => {
      await useData(() => loadBundled(), [...inputs.peerGroups], bundledPeriods);
      uploadSummary.textContent = t("sim.usingBundled");
      uploadRejections.replaceChildren();
      say(t("sim.usingBundled"));
    })
  );

  const resultsCsv = () => {
    const header = ["section", "id", "name", "before", "after", "change", "rank_before", "rank_after"];
    const rows: CsvCell[][] = [];
    for (const r of summary!.ranking) rows.push(["ranking", r.region, nameOf(r.region), r.before, r.after, r.after !== null && r.before !== null ? r.after - r.before : null, r.rankBefore, r.rankAfter]);
    for (const c of summary!.categories) rows.push(["category", c.id, categoryName(c.id), c.before, c.after, c.delta, null, null]);
    for (const u of summary!.units) rows.push(["lead_unit", u.unit, unitName(u.unit), null, null, u.points, null, null]);
    for (const [id, v] of Object.entries(state.values)) rows.push(["what_if", id, measureName(model.measures.get(id)!), current.get(id) ?? null, v, null, null, null]);
    void lastResult;
    return excelCsv(header, rows);
  };

  // ---- first render: the link's scenario, if any ----------------------------------------------------------
  const decoded = decodeFragment(location.hash, context());
  if (decoded && !decoded.ok) say(t("sim.badLink", {reason: decoded.message}), "error");
  if (decoded?.ok) state = decoded.state;
  await reload();
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function unionMembers(groups: readonly PeerGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.members))].sort();
}
