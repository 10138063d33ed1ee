/**
 * The simulator's question answered by the Node engine: the same methodology, observations and peer groups the
 * site is built from, and the page's own `scoreOptionsOf`, so a browser result can be compared exactly.
 */
import {readCatalogue} from "../../loaders/catalogue.js";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {readMethodology} from "../../loaders/methodology.js";
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import {buildModel, type SimModel} from "../../src/components/simulator/model.js";
import {scoreOptionsOf, type SimState} from "../../src/components/simulator/state.js";
import {createEngine, type Engine} from "../../src/engine/scoring/engine.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import type {PeerGroup} from "../../src/engine/regions/regions.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";

/** A Node engine loaded like the site, with the simulator's model. */
export interface NodeSimulator {
  engine: Engine;
  model: SimModel;
  groups: PeerGroup[];
  /** Runs the page's engine call for a state. */
  score(state: SimState): Promise<ScoreResult>;
  /** The focus region's raw values in a period (what the page shows as "current"). */
  current(focus: string, period: string): Promise<Map<string, number | null>>;
  close(): Promise<void>;
}

/** Opens the Node engine with the site's inputs (the bundled peer groups: Pingliang and Gansu). */
export async function openNodeSimulator(): Promise<NodeSimulator> {
  const methodology = await readMethodology();
  const [catalogue, {regions, peerGroups}, loaded] = await Promise.all([
    readCatalogue(),
    readRegions(),
    loadObservations({methodology, log: () => {}})
  ]);
  const groups = peerGroups.filter((g) => g.id !== "china");
  const db: SqlDatabase = await openNodeDatabase();
  const engine = await createEngine(db, methodology);
  await engine.loadObservations(observationsIpc(loaded.observations));
  const model = buildModel(methodology, catalogue, regions, groups);
  return {
    engine,
    model,
    groups,
    score: (state) => engine.score(scoreOptionsOf(state, groups)),
    async current(focus, period) {
      const r = await engine.score({peerGroup: [focus], periods: [period], level: model.root, measures: true});
      return new Map(r.measures.filter((m) => m.region === focus).map((m) => [m.measure, m.raw]));
    },
    close: () => db.close()
  };
}

/** The focus region's total and rank in a result. */
export function focusTotal(result: ScoreResult, state: SimState, root: string) {
  const d = result.deltas?.find((x) => x.region === state.focus && x.node === root);
  if (!d) throw new Error(`no total for ${state.focus}`);
  return d;
}
