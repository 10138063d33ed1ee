/**
 * "Your own data": a CSV goes through the build's checks (row accounting, line and column of each rejection);
 * its accepted rows replace the observations in the engine and its regions become a peer group of their own.
 * "Restore" brings back the bundled data. Data changes load in the order given, one at a time.
 */
import {html} from "htl";
import type {PeerGroup} from "../../engine/regions/regions.js";
import type {CheckContext, CheckResult} from "../../engine/observations/check.js";
import {pick} from "../i18n.js";
import {formatValue, joinNames} from "../format.js";
import {keptMessage, makeButton, type SimContext, type SimulatorInputs} from "./context.js";
import {checkContext} from "../../engine/observations/context.js";
import {checkUpload, uploadedGroup, uploadedPeriods, type CheckedUpload} from "./upload.js";

export interface DataPanel {
  nodes: Node[];
  /** Data changes queued or running; the page is busy until the last one has re-scored. */
  pending(): number;
}

export interface BundledData {
  load(): Promise<number>;
  periods: string[];
}

export function dataPanel(ctx: SimContext, inputs: SimulatorInputs, bundled: BundledData): DataPanel {
  const {lang, t, session, root} = ctx;
  const dataUpload = html`<input
    type="file"
    accept=".csv,text/csv"
    data-testid="sim-upload-data"
  />` as HTMLInputElement;
  const restoreButton = makeButton(t, "sim.restoreData", "sim-restore-data");
  const uploadSummary = html`<div data-testid="sim-upload-summary">${t("sim.usingBundled")}</div>` as HTMLElement;
  const uploadRejections = html`<ol class="sim-rejections" data-testid="sim-upload-rejections"></ol>` as HTMLElement;
  const uploadProgress = html`<progress data-testid="sim-upload-progress" max="1" value="0" hidden></progress>`;
  const uploadProgressText = html`<span data-testid="sim-upload-progress-text"></span>` as HTMLElement;
  const showProgress = (file: string, share: number | null) => {
    const bar = uploadProgress as HTMLProgressElement;
    bar.hidden = share === null;
    if (share !== null) bar.value = share;
    uploadProgressText.textContent =
      share === null ? "" : t("sim.uploadProgress", {file, percent: Math.floor(share * 100)});
  };
  // The national table is needed only once a file arrives; the page starts without it. Its regions also name the
  // file's counties outside the bundled groups.
  let uploadCtx: Promise<CheckContext> | null = null;
  const checkingContext = () =>
    (uploadCtx ??= inputs.nationalRegions().then((national) => {
      for (const r of national) if (!ctx.model.regions.has(r.code)) ctx.model.regions.set(r.code, r);
      return checkContext(inputs.methodology, national, null);
    }));

  const showCheck = (r: CheckResult) => {
    uploadSummary.textContent = t("sim.uploadSummary", {
      file: r.file,
      encoding: r.encoding,
      read: r.read,
      accepted: r.acceptedRows,
      rejected: r.rejectedRows,
      unfilled: r.unfilledRows
    });
    // A misspelt measure column is not read: the page says so, as validate, score and the build do.
    if (r.ignoredColumns.length > 0) {
      uploadSummary.append(
        html`<div data-testid="sim-upload-ignored">
          ${t("sim.uploadIgnored", {columns: r.ignoredColumns.join(", ")})}
        </div>`
      );
    }
    uploadRejections.replaceChildren(
      ...r.rejected.slice(0, 200).map(
        (x) =>
          html`<li data-line=${x.line} data-column=${x.column}>
            ${r.file}:${x.line}:${x.column} —
            ${t("sim.rejection", {
              line: x.line,
              column: x.column,
              columnName: x.columnName,
              text: x.text.slice(0, 80),
              reason: pick(lang, x.reasonZh, x.reasonEn)
            })}
          </li>`
      )
    );
  };

  // Two files dropped in quick succession load in the order given; the first one's re-score must not report
  // the page idle while the second is still loading (the scoring loop asks `pending()`).
  let changes = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const changeData = (run: () => Promise<void>): Promise<void> => {
    changes++;
    root.dataset.busy = "1";
    const done = queue.then(run).finally(() => {
      changes--;
      ctx.releaseBusy();
    });
    queue = done.catch(() => undefined);
    return done;
  };
  /** Loads data; the focus stays unless the data have none of it (`present`: the regions the data hold). */
  const useData = async (
    load: () => Promise<number>,
    groups: PeerGroup[],
    periods: string[],
    present: readonly string[] = unionMembers(groups)
  ) => {
    await session.serial(() => load());
    ctx.groups = groups;
    ctx.periods = periods;
    ctx.regionCodes = unionMembers(groups);
    const focus = present.includes(ctx.state.focus) ? ctx.state.focus : [...present].sort()[0];
    // The user's edits survive a change of data: the measures are the methodology's, whatever the file holds.
    const {values, weights, targets} = ctx.state;
    const state = {...ctx.defaultState(focus), values, weights, targets};
    if (!periods.includes(state.period)) state.period = periods[periods.length - 1];
    ctx.state = state;
    ctx.writeHash();
    await ctx.reload();
  };
  const useBundled = () => useData(() => bundled.load(), [...inputs.peerGroups], bundled.periods);

  dataUpload.addEventListener("change", async () => {
    const file = dataUpload.files?.[0];
    dataUpload.value = "";
    if (!file) return;
    let checking: CheckContext;
    try {
      checking = await checkingContext();
    } catch (error) {
      uploadCtx = null;
      return ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
    }
    let upload: CheckedUpload;
    showProgress(file.name, 0);
    try {
      upload = await checkUpload(file, checking, (share) => showProgress(file.name, share));
    } catch (error) {
      showProgress(file.name, null);
      return ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
    }
    showProgress(file.name, null);
    showCheck(upload.result);
    if (upload.observations === 0) return ctx.say(t("sim.uploadNone"), "error");
    // What-if values are the focus region's figures: a file without that region would leave them nowhere, so the
    // page asks before it drops them (weights and targets belong to the methodology and always stay).
    const dropped = upload.regions.includes(ctx.state.focus) ? [] : Object.keys(ctx.state.values);
    const focus = ctx.state.focus;
    const region = ctx.nameOf(focus);
    const listed = joinNames(
      lang,
      dropped.map((id) => {
        const m = ctx.model.measures.get(id)!;
        const value = formatValue(lang, ctx.state.values[id], m.unit);
        return lang === "en" ? `${ctx.measureName(m)} (${value})` : `${ctx.measureName(m)}（${value}）`;
      })
    );
    if (dropped.length > 0 && !(await confirm.ask({file: file.name, region, n: dropped.length, list: listed}))) {
      return ctx.say(t("sim.uploadKeptData", {file: file.name}));
    }
    if (dropped.length > 0) ctx.state = {...ctx.state, values: {}};
    const group = uploadedGroup(upload);
    const peers = [group, ...inputs.peerGroups.filter((g) => g.members.some((c) => group.members.includes(c)))];
    await changeData(async () => {
      try {
        await useData(() => session.engine.loadObservations(upload.ipc), peers, uploadedPeriods(upload), group.members);
        const moved = upload.regions.includes(focus)
          ? ""
          : t("sim.uploadFocus", {region, focus: ctx.nameOf(ctx.state.focus)});
        const droppedText = dropped.length ? t("sim.uploadDropped", {region, n: dropped.length, list: listed}) : "";
        const loaded = t("sim.uploadLoaded", {n: upload.observations});
        ctx.say([loaded, moved, droppedText, keptMessage(ctx)].join(" ").trim());
      } catch (error) {
        ctx.say(t("sim.error", {reason: (error as Error).message}), "error");
        await useBundled();
      }
    });
  });
  restoreButton.addEventListener("click", () =>
    changeData(async () => {
      await useBundled();
      uploadSummary.textContent = t("sim.usingBundled");
      uploadRejections.replaceChildren();
      ctx.say(`${t("sim.usingBundled")} ${keptMessage(ctx)}`.trim());
    })
  );

  const confirm = confirmDialog(ctx);
  return {
    nodes: [
      html`<h2>${t("sim.ownData")}</h2>
        <p class="sim-muted">${t(inputs.regionsFromFile ? "sim.ownDataNoteFile" : "sim.ownDataNote")}</p>
        <div class="sim-controls">
          <label class="sim-file">${t("sim.uploadData")} ${dataUpload}</label> ${restoreButton}
        </div>
        <div class="sim-upload-progress">${uploadProgress} ${uploadProgressText}</div>`,
      confirm.element,
      uploadSummary,
      uploadRejections
    ],
    pending: () => changes
  };
}

/** Every region of the peer groups, once, sorted by code. */
export function unionMembers(groups: readonly PeerGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.members))].sort();
}

/** An inline question (no window.confirm): "load and drop these what-if values?"; resolves true to go on. */
function confirmDialog(ctx: SimContext) {
  const {t} = ctx;
  const text = html`<p data-testid="sim-upload-confirm-text"></p>` as HTMLElement;
  const go = makeButton(t, "sim.uploadDrop", "sim-upload-confirm-drop");
  const stop = makeButton(t, "sim.uploadCancel", "sim-upload-confirm-cancel");
  const element = html`<div class="sim-confirm" role="alertdialog" data-testid="sim-upload-confirm" hidden>
    ${text}
    <div class="sim-controls">${go} ${stop}</div>
  </div>` as HTMLElement;
  let answer: ((yes: boolean) => void) | null = null;
  const close = (yes: boolean) => {
    element.hidden = true;
    answer?.(yes);
    answer = null;
  };
  go.addEventListener("click", () => close(true));
  stop.addEventListener("click", () => close(false));
  return {
    element,
    ask(params: Record<string, string | number>): Promise<boolean> {
      close(false); // a question still open is answered "no" by a newer file
      text.textContent = t("sim.uploadConfirm", params);
      element.hidden = false;
      stop.focus(); // the safe answer is the default one
      return new Promise<boolean>((resolve) => (answer = resolve));
    }
  };
}
