/** The engine's path for the benchmark: observations loaded into duckdb-wasm as Arrow IPC, scored by the engine's SQL. */
import type {Engine} from "../src/engine/scoring/engine.js";
import type {ScoreResult} from "../src/engine/scoring/types.js";
import type {Dataset} from "./dataset.js";
import {nodeTableFromRows, type NodeTable} from "./node-table.js";

/** The full scoring of a dataset's peer group over every period: every node's score, coverage and rank. */
export function engineScore(engine: Engine, data: Dataset): Promise<ScoreResult> {
  return engine.score({peerGroup: data.regions, periods: data.periods, measures: false});
}

/** The engine's nodes in the comparison shape, nodes in the order given. */
export function engineNodeTable(data: Dataset, nodes: string[], result: ScoreResult): NodeTable {
  return nodeTableFromRows(data.regions, data.periods, nodes, result.nodes);
}
