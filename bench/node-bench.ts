/**
 * One benchmark scale in Node: the three implementations loaded, checked equal (every node's score, coverage and
 * rank within 1e-9), timed in interleaved rounds, then the what-if latency (engine and typed-array incremental).
 */
import type {SqlDatabase} from "../src/engine/db/database.js";
import {createEngine} from "../src/engine/scoring/engine.js";
import type {Methodology} from "../src/engine/methodology/methodology.js";
import {observationsIpc} from "../src/engine/observations/arrow.js";
import {DEFAULT_FOCUS} from "../src/engine/regions/regions.js";
import {arqueroInputs, arqueroNodeTable, arqueroScore} from "./arquero-scoring.js";
import {checkedDataset} from "./dataset.js";
import {engineNodeTable, engineScore} from "./engine-scoring.js";
import {compareNodeTables, scoredCells} from "./node-table.js";
import {collect, median, percentile, timed} from "./stats.js";
import {denseObservations, typedArrayScore, typedModel, typedWhatIf, type RawChange} from "./typed-array-scoring.js";

/** The implementations, in table order. */
export const IMPLEMENTATIONS = ["engine", "arquero", "typed"] as const;
/** An implementation's name. */
export type Implementation = (typeof IMPLEMENTATIONS)[number];

/** How much to measure at one scale. */
export interface ScalePlan {
  scale: string;
  regions: readonly string[];
  /** Timed rounds (each runs every implementation once, in rotating order). */
  rounds: number;
  /** Stop timing an implementation once it has spent this long (after at least 3 samples). */
  budgetMs: number;
  whatIfs: number;
  whatIfBudgetMs: number;
}

/** Figures of one implementation at one scale. */
export interface ImplFigures {
  impl: Implementation;
  /** Building its input (engine: `observationsIpc` + `loadObservations`; arquero tables; dense typed array). */
  loadMs: number;
  samples: number[];
  median: number;
  p95: number;
}

/** What-if latency of one path. */
export interface WhatIfFigures {
  path: string;
  /** The first change (the engine also scores and caches the baseline then). */
  firstMs: number;
  samples: number[];
  p50: number;
  p95: number;
}

/** Everything measured at one scale. */
export interface ScaleFigures {
  scale: string;
  regions: number;
  periods: number;
  observations: number;
  /** Node results per scoring (regions × periods × nodes) and how many hold a score. */
  nodeCells: number;
  scoredCells: number;
  generateMs: number;
  impls: ImplFigures[];
  whatIf: WhatIfFigures[];
  /** The Arrow IPC stream of the observations (for the peak-memory child processes). */
  ipc: Uint8Array;
}

/** The i-th what-if: a raw value of 庄浪县 (or the first region) in the last period, somewhere between worst and best. */
function whatIfChange(m: Methodology, regions: readonly string[], periods: readonly string[], i: number): RawChange {
  const observed = m.measures.filter((x) => !x.derive);
  const x = observed[(i * 7) % observed.length];
  const n = x.normalise!;
  const f = ((i * 37) % 100) / 100;
  const value =
    n.method === "frontier"
      ? n.worst + (n.best - n.worst) * f
      : n.method === "expert"
        ? n.max * f
        : n.method === "target"
          ? n.target * (0.5 + f)
          : f > 0.5
            ? 1
            : 0;
  return {
    region: regions.includes(DEFAULT_FOCUS) ? DEFAULT_FOCUS : regions[0],
    period: periods[periods.length - 1],
    measure: x.id,
    value
  };
}

/** Measures one scale; throws if the implementations disagree anywhere. */
export async function benchScale(
  db: SqlDatabase,
  m: Methodology,
  plan: ScalePlan,
  log: (line: string) => void
): Promise<ScaleFigures> {
  const gen = await timed(() => checkedDataset(plan.scale, m, plan.regions));
  const data = gen.value;
  log(
    `${plan.scale}: ${data.regions.length} regions, ${data.rows.length.toLocaleString("en-US")} observations generated, written as CSV and checked in ${Math.round(gen.ms)} ms`
  );

  const engine = await createEngine(db, m);
  let ipc: Uint8Array = new Uint8Array();
  collect();
  const engineLoad = await timed(async () => engine.loadObservations((ipc = observationsIpc(data.rows))));
  collect();
  const aqLoad = await timed(() => arqueroInputs(m, data));
  const model = typedModel(m);
  collect();
  const typedLoad = await timed(() => denseObservations(model, data));
  const dense = typedLoad.value;
  const nodes = model.nodes;

  // Agreement before any timing.
  const reference = typedArrayScore(model, dense);
  const fromEngine = engineNodeTable(data, nodes, await engineScore(engine, data));
  const fromArquero = arqueroNodeTable(aqLoad.value, arqueroScore(aqLoad.value));
  for (const [name, table] of [
    ["engine", fromEngine],
    ["arquero", fromArquero]
  ] as const) {
    const diff = compareNodeTables(table, reference);
    if (diff.length)
      throw new Error(`${plan.scale}: ${name} and the typed-array loop disagree:\n  ${diff.join("\n  ")}`);
  }
  const scored = scoredCells(reference);
  if (scored === 0) throw new Error(`${plan.scale}: nothing was scored`);
  log(
    `${plan.scale}: engine, arquero and typed arrays agree on all ${reference.score.length.toLocaleString("en-US")} node cells (${scored.toLocaleString("en-US")} scored)`
  );

  const runs: Record<Implementation, () => unknown> = {
    engine: () => engineScore(engine, data),
    arquero: () => arqueroScore(aqLoad.value),
    typed: () => typedArrayScore(model, dense)
  };
  const samples: Record<Implementation, number[]> = {engine: [], arquero: [], typed: []};
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < IMPLEMENTATIONS.length; k++) {
      const impl = IMPLEMENTATIONS[(round + k) % IMPLEMENTATIONS.length];
      const spent = samples[impl].reduce((a, b) => a + b, 0);
      if (samples[impl].length >= 3 && spent > plan.budgetMs) continue;
      collect();
      samples[impl].push((await timed(runs[impl])).ms);
    }
  }
  const loads: Record<Implementation, number> = {engine: engineLoad.ms, arquero: aqLoad.ms, typed: typedLoad.ms};
  const impls = IMPLEMENTATIONS.map((impl): ImplFigures => ({
    impl,
    loadMs: loads[impl],
    samples: samples[impl],
    median: median(samples[impl]),
    p95: percentile(samples[impl], 95)
  }));
  log(
    `${plan.scale}: full scoring medians ${impls.map((f) => `${f.impl} ${f.median.toFixed(1)} ms (n=${f.samples.length})`).join(", ")}`
  );

  // What-if: one changed raw value → totals and ranks of the whole peer group in that period.
  const root = nodes[nodes.length - 1];
  const engineWhatIf: number[] = [];
  const typedWhatIfMs: number[] = [];
  const table = typedArrayScore(model, dense);
  const M = model.measures.length;
  let spent = 0;
  for (let i = 0; i < plan.whatIfs && (i < 4 || spent < plan.whatIfBudgetMs); i++) {
    const change = whatIfChange(m, data.regions, data.periods, i);
    collect();
    const run = await timed(() =>
      engine.score({
        peerGroup: data.regions,
        periods: [change.period],
        level: "total",
        measures: false,
        scenario: {values: [change]}
      })
    );
    spent += run.ms;
    engineWhatIf.push(run.ms);
    const cell =
      (data.regions.indexOf(change.region) * data.periods.length + data.periods.indexOf(change.period)) * M +
      model.measures.indexOf(change.measure);
    const before = dense.values[cell];
    const typed = await timed(() => typedWhatIf(model, dense, table, change));
    typedWhatIfMs.push(typed.ms);
    const engineRows = new Map(run.value.nodes.filter((n) => n.node === root).map((n) => [n.region, n]));
    data.regions.forEach((region, r) => {
      const e = engineRows.get(region);
      const t = typed.value.totals[r];
      const agree =
        e &&
        (Number.isNaN(t) ? e.score === null : e.score !== null && Math.abs(e.score - t) <= 1e-9) &&
        (e.rank ?? 0) === typed.value.ranks[r];
      if (!agree)
        throw new Error(
          `${plan.scale}: what-if ${JSON.stringify(change)}: engine and typed arrays disagree on ${region}`
        );
    });
    typedWhatIf(model, dense, table, {...change, value: before});
  }
  const whatIf = [
    {path: "engine (scenario, totals)", list: engineWhatIf},
    {path: "typed incremental", list: typedWhatIfMs}
  ].map(({path, list}): WhatIfFigures => ({
    path,
    firstMs: list[0],
    samples: list.slice(1),
    p50: median(list.slice(1)),
    p95: percentile(list.slice(1), 95)
  }));
  log(
    `${plan.scale}: what-if p50 ${whatIf.map((w) => `${w.path} ${w.p50.toFixed(2)} ms (n=${w.samples.length})`).join(", ")}`
  );
  await engine.close();
  return {
    scale: plan.scale,
    regions: data.regions.length,
    periods: data.periods.length,
    observations: data.rows.length,
    nodeCells: reference.score.length,
    scoredCells: scored,
    generateMs: gen.ms,
    impls,
    whatIf,
    ipc
  };
}
