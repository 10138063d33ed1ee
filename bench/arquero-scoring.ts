/**
 * The full scoring as a JavaScript analyst would write it with arquero: a region × period × measure grid joined to
 * the observations and the normalisation table, one grouped roll-up per hierarchy height, and a windowed rank.
 * Same semantics as the engine for the methodologies {@link compileMethodology} accepts.
 */
import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {compileMethodology, type CompiledMethodology} from "./compiled-methodology.js";
import type {Dataset} from "./dataset.js";
import {nodeTableFromRows, type NodeTable} from "./node-table.js";

const op = aq.op;
const KEYS = ["region", "period", "measure"];

/** Observations and methodology as arquero tables, built once (the "load" step). */
export interface ArqueroInputs {
  compiled: CompiledMethodology;
  regions: string[];
  periods: string[];
  observations: ColumnTable;
  params: ColumnTable;
  /** One table per height: node, id (child), weight, wall (sum of the node's weights), nall, mincov. */
  edges: ColumnTable[];
}

/** Builds the arquero tables. */
export function arqueroInputs(m: Methodology, data: Dataset): ArqueroInputs {
  const compiled = compileMethodology(m);
  const c = data.columns;
  const x = compiled.measures;
  const params = aq.table({
    measure: x.map((r) => r.id),
    method: x.map((r) => r.method),
    best: x.map((r) => r.best),
    worst: x.map((r) => r.worst),
    target: x.map((r) => r.target),
    cap: x.map((r) => r.cap),
    max: x.map((r) => r.max),
    scale: x.map((r) => r.scale),
    higher: x.map((r) => r.higher)
  });
  const edges = Array.from({length: compiled.maxHeight}, (_, h) => {
    const nodes = compiled.nodes.filter((n) => n.height === h + 1);
    const rows = nodes.flatMap((n) =>
      n.children.map((e) => ({
        node: n.id,
        id: e.id,
        weight: e.weight,
        wall: n.children.reduce((s, k) => s + k.weight, 0),
        nall: n.children.length,
        mincov: n.minCoverage
      }))
    );
    return aq.from(rows);
  });
  return {
    compiled,
    regions: data.regions,
    periods: data.periods,
    observations: aq.table({region: c.region, period: c.period, measure: c.measure, value: c.value}),
    params,
    edges
  };
}

/** Scores every region and period; returns one row per node: region, period, id, score, coverage, rank. */
export function arqueroScore(inputs: ArqueroInputs): ColumnTable {
  const grid = aq
    .table({region: inputs.regions})
    .cross(aq.table({period: inputs.periods}))
    .cross(inputs.params)
    .join_left(inputs.observations, [KEYS, KEYS]);
  let children = grid
    .derive({
      score: (d: any) =>
        d.value == null
          ? null
          : d.method === "frontier"
            ? d.scale * op.greatest(0, op.least(1, (d.worst - d.value) / (d.worst - d.best)))
            : d.method === "target"
              ? d.scale *
                op.greatest(
                  0,
                  op.least(d.cap, d.higher ? d.value / d.target : d.value <= 0 ? d.cap : d.target / d.value)
                )
              : d.method === "expert"
                ? d.scale * op.greatest(0, op.least(1, d.value / d.max))
                : d.value > 0 === d.higher
                  ? d.scale
                  : 0
    })
    .select({region: "region", period: "period", measure: "id", score: "score"});
  const levels: ColumnTable[] = [];
  for (const edges of inputs.edges) {
    const level = children
      .join(edges, [["id"], ["id"]])
      .groupby("region", "period", "node", "wall", "nall", "mincov")
      .rollup({
        n_av: (d: any) => op.valid(d.score),
        w_av: (d: any) => op.sum(d.score == null ? 0 : d.weight),
        ws: (d: any) => op.sum(d.score == null ? 0 : d.weight * d.score)
      })
      .derive({coverage: (d: any) => (d.wall > 0 ? d.w_av / d.wall : d.n_av / d.nall)})
      .derive({score: (d: any) => (d.n_av === 0 || d.coverage < d.mincov || d.w_av === 0 ? null : d.ws / d.w_av)})
      .select({region: "region", period: "period", node: "id", score: "score", coverage: "coverage"});
    levels.push(level);
    children = children.concat(level.select("region", "period", "id", "score"));
  }
  // Ties share the better rank: rank() over scores rounded to 1e-9, per period and node, scored rows only.
  return levels[0]
    .concat(...levels.slice(1))
    .derive({
      has: (d: any) => d.score != null,
      r9: (d: any) => (d.score == null ? null : op.round(d.score * 1e9) / 1e9)
    })
    .groupby("period", "id", "has")
    .orderby(aq.desc("r9"))
    .derive({rank: () => op.rank()})
    .ungroup()
    .unorder()
    .derive({rank: (d: any) => (d.has ? d.rank : null)})
    .select("region", "period", "id", "score", "coverage", "rank");
}

/** The arquero result in the comparison shape (node order of the compiled methodology). */
export function arqueroNodeTable(inputs: ArqueroInputs, result: ColumnTable): NodeTable {
  const cols = ["region", "period", "id", "score", "coverage", "rank"].map((c) => result.array(c) as ArrayLike<any>);
  const rows = Array.from({length: result.numRows()}, (_, i) => ({
    region: cols[0][i],
    period: cols[1][i],
    node: cols[2][i],
    score: cols[3][i] ?? null,
    coverage: cols[4][i] ?? null,
    rank: cols[5][i] ?? null
  }));
  return nodeTableFromRows(
    inputs.regions,
    inputs.periods,
    inputs.compiled.nodes.map((n) => n.id),
    rows
  );
}
