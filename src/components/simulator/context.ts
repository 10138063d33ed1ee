/**
 * What the simulator's sections share: the page's live state (read it through the context, it is replaced
 * as the user works), the engine session, names in the page's language and the few actions every section
 * may call. `app.ts` builds it; each `panel-*.ts` receives it.
 */
import {html} from "htl";
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import type {SqlDatabase} from "../../engine/db/database.js";
import type {Methodology} from "../../engine/methodology/methodology.js";
import type {PeerGroup, Region} from "../../engine/regions/regions.js";
import type {SubUnit} from "../../engine/scoring/types.js";
import type {Lang, StringKey} from "../i18n.js";
import type {SimMeasure, SimModel} from "./model.js";
import type {SimSummary} from "./results.js";
import type {SimSession} from "./session.js";
import type {SimState} from "./state.js";

/** What the page hands the simulator. */
export interface SimulatorInputs {
  methodology: Methodology;
  catalogue: Catalogue;
  regions: Region[];
  peerGroups: PeerGroup[];
  /** True when the regions come from a regions file (not GB/T 2260): the upload note says so. */
  regionsFromFile?: boolean;
  /** Sub-units rolled up into parent regions (DB2020's two-city economies); none for GB/T 2260 counties. */
  subunits?: SubUnit[];
  /** Fetches the bundled observations (data/site/observations.arrow from src/data/site.zip.ts, an Arrow IPC stream); called once at start. */
  observations: () => Promise<ArrayBuffer>;
  /** Fetches every GB/T 2260 region (≈ 105 kB); called on the first upload, to check and name its regions. */
  nationalRegions: () => Promise<Region[]>;
  focus: string;
  /** The peer group to open on (the report pages' choice); default: the smallest group holding `focus`. */
  group?: string;
  /** The database, already opening: the page starts it as early as it can (its 34 MB of wasm take the longest). */
  database: Promise<SqlDatabase>;
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface SimContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly model: SimModel;
  readonly session: SimSession;
  /** The component's root element; its data-* attributes are what tests and timing read. */
  readonly root: HTMLElement;

  // Live state: replaced, not mutated in place, when the user changes focus, period or data.
  state: SimState;
  /** The focus region's observed values in the chosen period (measure id → raw value). */
  current: Map<string, number | null>;
  summary: SimSummary | null;
  groups: PeerGroup[];
  periods: string[];
  regionCodes: string[];

  say(text: string, kind?: "info" | "error"): void;
  nameOf(region: string): string;
  /** The focus select's label: the name with its GB/T 2260 code, or only the name when the region has an English one. */
  regionLabel(region: string): string;
  unitName(unit: string): string;
  measureName(m: SimMeasure): string;
  categoryName(id: string): string;
  /** The smallest peer group the region belongs to. */
  defaultGroup(focus: string): string;
  defaultState(focus?: string): SimState;

  /** Re-scores at once (edits of values, weights, peer group); a score still running is superseded. */
  schedule(): void;
  /** Reloads the focus region's current values, resets derived panels and re-scores. */
  reload(): Promise<void>;
  /** Marks the page idle (data-busy="0") unless a score is scheduled or running or data is still changing. */
  releaseBusy(): void;
  /** Writes the state into the controls. */
  syncControls(): void;
  /** Keeps the address bar's fragment equal to the state (the shareable link). */
  writeHash(): void;
}

export function makeButton(t: Translate, key: StringKey, testid: string): HTMLButtonElement {
  return html`<button type="button" data-testid=${testid}>${t(key)}</button>` as HTMLButtonElement;
}

export const moveText = (moved: number | null) =>
  moved === null ? "—" : moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : "·";

/** Starts a browser download of `text`. */
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Kept 2 what-if values, 1 weight and 0 targets" in the page's language, or "" when there is nothing to keep. */
export function keptMessage(ctx: Pick<SimContext, "state" | "t">): string {
  const {values, weights, targets} = ctx.state;
  const n = {
    values: Object.keys(values).length,
    weights: Object.keys(weights).length,
    targets: Object.keys(targets).length
  };
  return n.values + n.weights + n.targets === 0 ? "" : ctx.t("sim.kept", n);
}
