/**
 * The engine's path for the benchmark: the checked observations loaded the way the product loads them
 * (`observationsIpc` → `engine.loadObservations`), then the full scoring as columns (`engine.scoreColumns`).
 */
import type {Engine} from "../src/engine/scoring/engine.js";
import type {NodeColumns} from "../src/engine/scoring/types.js";
import type {Dataset} from "./dataset.js";
import {nodeTableFromColumns, type NodeTable} from "./node-table.js";

/** The full scoring of a dataset's peer group over every period: every node's score, coverage and rank. */
export function engineScore(engine: Engine, data: Dataset): Promise<NodeColumns> {
  return engine.scoreColumns({peerGroup: data.regions, periods: data.periods});
}

/** The engine's nodes in the comparison shape, nodes in the order given. */
export function engineNodeTable(data: Dataset, nodes: string[], result: NodeColumns): NodeTable {
  return nodeTableFromColumns(data.regions, data.periods, nodes, result);
}
