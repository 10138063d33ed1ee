/**
 * The controls above the results: focus region, peer group and period; apply the plan's targets, reset;
 * share the scenario as a link or a JSON file, load one back; export the results as CSV.
 */
import {html} from "htl";
import {peerGroupLabel} from "../format.js";
import {decodeJson, scenarioFileText, type ScenarioContext} from "./codec.js";
import {download, keptMessage, makeButton, type SimContext} from "./context.js";
import {periodLabel} from "../../engine/observations/periods.js";
import {peerGroupsOf} from "../../engine/regions/regions.js";
import {goalValues, initialState} from "./state.js";
import {isYesNo} from "../../engine/model/model.js";

export interface ControlsPanel {
  element: HTMLElement;
  /** Writes the state into the three selects. */
  sync(): void;
}

/** What a scenario from a link or a file may refer to: the regions, groups, periods and measures on the page. */
export function scenarioContext(ctx: SimContext): ScenarioContext {
  const {model} = ctx;
  return {
    regions: new Set(ctx.regionCodes),
    groups: new Set(ctx.groups.map((g) => g.id)),
    periods: new Set(ctx.periods),
    measures: new Set(model.measures.keys()),
    targetable: new Set([...model.measures.values()].filter((m) => !isYesNo(m)).map((m) => m.id)),
    weighted: new Set(model.defaultWeights.keys()),
    methodology: model.methodology
  };
}

export function controlsPanel(ctx: SimContext, resultsCsv: () => string | null): ControlsPanel {
  const {lang, t, model} = ctx;
  const focusSelect = html`<select data-testid="sim-focus"></select>` as HTMLSelectElement;
  const groupSelect = html`<select data-testid="sim-group"></select>` as HTMLSelectElement;
  const periodSelect = html`<select data-testid="sim-period"></select>` as HTMLSelectElement;
  const applyButton = makeButton(t, "sim.applyTargets", "sim-apply-targets");
  const resetButton = makeButton(t, "sim.reset", "sim-reset");
  const copyButton = makeButton(t, "sim.copyLink", "sim-copy-link");
  const downloadButton = makeButton(t, "sim.downloadScenario", "sim-download-scenario");
  const exportButton = makeButton(t, "sim.exportCsv", "sim-export-csv");
  const scenarioUpload = html`<input
    type="file"
    accept=".json,application/json"
    data-testid="sim-upload-scenario"
  />` as HTMLInputElement;
  const element = html`<div class="sim-controls">
    <label>${t("sim.focus")} ${focusSelect}</label>
    <label>${t("common.peerGroup")} ${groupSelect}</label>
    <label>${t("common.period")} ${periodSelect}</label>
    ${model.planTargets ? applyButton : ""} ${resetButton} ${copyButton} ${downloadButton}
    <label class="sim-file">${t("sim.uploadScenario")} ${scenarioUpload}</label>
    ${exportButton}
  </div>` as HTMLElement;

  focusSelect.addEventListener("change", () => {
    // The what-if values, weights and targets stay: they now apply to the new focus region.
    ctx.state = {...ctx.state, focus: focusSelect.value, group: ctx.defaultGroup(focusSelect.value)};
    ctx.writeHash();
    sayKept();
    void ctx.reload();
  });
  groupSelect.addEventListener("change", () => {
    ctx.state = {...ctx.state, group: groupSelect.value};
    ctx.schedule();
  });
  periodSelect.addEventListener("change", () => {
    ctx.state = {...ctx.state, period: periodSelect.value};
    ctx.writeHash();
    sayKept();
    void ctx.reload();
  });
  /** Says which of the user's edits carried over to the new focus region or period (nothing is cleared silently). */
  const sayKept = () => ctx.say(keptMessage(ctx));
  applyButton.addEventListener("click", () => {
    const applied = goalValues(model, ctx.current, "target");
    ctx.state = {...ctx.state, values: {...ctx.state.values, ...applied}};
    ctx.syncControls();
    ctx.say(t("sim.targetsApplied", {n: Object.keys(applied).length}));
    ctx.schedule();
  });
  resetButton.addEventListener("click", () => {
    ctx.state = initialState(ctx.state.focus, ctx.state.group, ctx.state.period);
    ctx.syncControls();
    ctx.say("");
    ctx.schedule();
  });
  copyButton.addEventListener("click", async () => {
    ctx.writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      ctx.say(t("sim.linkCopied"));
    } catch {
      ctx.say(t("sim.linkNotCopied"));
    }
  });
  downloadButton.addEventListener("click", () =>
    download(
      `bizenv-scenario-${ctx.state.focus}-${ctx.state.period}.json`,
      scenarioFileText(ctx.state),
      "application/json"
    )
  );
  exportButton.addEventListener("click", () => {
    const text = resultsCsv();
    if (text !== null)
      download(`bizenv-results-${ctx.state.focus}-${ctx.state.period}.csv`, text, "text/csv;charset=utf-8");
  });
  scenarioUpload.addEventListener("change", async () => {
    const file = scenarioUpload.files?.[0];
    scenarioUpload.value = "";
    if (!file) return;
    const decoded =
      file.size > 1_000_000
        ? {ok: false as const, message: "文件过大 / file too large"}
        : decodeJson(await file.text(), scenarioContext(ctx));
    if (!decoded.ok) return ctx.say(t("sim.badFile", {reason: decoded.message}), "error");
    const focusChanged = decoded.state.focus !== ctx.state.focus || decoded.state.period !== ctx.state.period;
    ctx.state = decoded.state;
    ctx.say(t("sim.scenarioLoaded", {file: file.name}));
    ctx.writeHash();
    if (focusChanged) void ctx.reload();
    else {
      ctx.syncControls();
      ctx.schedule();
    }
  });

  const fillSelect = (select: HTMLSelectElement, options: {value: string; label: string}[], value: string) => {
    select.replaceChildren(
      ...options.map((o) => html`<option value=${o.value}>${o.label}</option>` as HTMLOptionElement)
    );
    select.value = value;
  };
  return {
    element,
    sync() {
      const {state} = ctx;
      fillSelect(
        focusSelect,
        ctx.regionCodes.map((c) => ({value: c, label: ctx.regionLabel(c)})),
        state.focus
      );
      const own = peerGroupsOf(state.focus, ctx.groups);
      fillSelect(
        groupSelect,
        own.map((g) => ({value: g.id, label: peerGroupLabel(lang, g)})),
        state.group
      );
      fillSelect(
        periodSelect,
        // Latest first, as on the report pages; labelled as readers write periods ("2024年上半年").
        [...ctx.periods].reverse().map((p) => ({value: p, label: periodLabel(p, lang)})),
        state.period
      );
    }
  };
}
