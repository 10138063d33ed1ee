/**
 * A plain-TypeScript scorer (no SQL), written straight from docs/methodology.md and used only as a test oracle:
 * property tests require the SQL engine and this file to agree within 1e-9. Clarity over speed.
 */
import type {HierarchyNode, Measure, Methodology} from "../../src/engine/methodology/methodology.js";
import {nodeLevels} from "../../src/engine/methodology/methodology.js";
import {ScenarioError} from "../../src/engine/methodology/plan.js";
import {normalise, referenceWeights} from "./normalise-weights.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {
  MissingDataError,
  type MeasureScore,
  type ScoreDelta,
  type ScoreOptions,
  type ScoreResult,
  type SubUnit
} from "../../src/engine/scoring/types.js";

/** `removed`: a flag with `remove` took the measure out, or every child of a node was removed (section 3). */
type Entry = {raw: number | null; score: number | null; coverage: number | null; removed?: boolean};
type Scores = Map<string, Entry>;

/** Scores observations with a methodology exactly as the engine does, without DuckDB. */
export function referenceScore(
  m: Methodology,
  observations: readonly Observation[],
  subunits: readonly SubUnit[] = [],
  options: ScoreOptions = {}
): ScoreResult {
  const result = scoreOnce(m, observations, subunits, options, true);
  if (!options.scenario) return result;
  const baseline = scoreOnce(m, observations, subunits, {...options, scenario: undefined}, false);
  const before = new Map(baseline.nodes.map((n) => [`${n.region}|${n.period}|${n.node}`, n]));
  result.deltas = result.nodes.map((n): ScoreDelta => {
    const b = before.get(`${n.region}|${n.period}|${n.node}`);
    const base = b?.score ?? null;
    return {
      region: n.region,
      period: n.period,
      node: n.node,
      baseline: base,
      scenario: n.score,
      delta: base === null || n.score === null ? null : n.score - base,
      baselineRank: b?.rank ?? null,
      scenarioRank: n.rank
    };
  });
  return result;
}

function scoreOnce(
  m: Methodology,
  observations: readonly Observation[],
  subunits: readonly SubUnit[],
  options: ScoreOptions,
  withScenario: boolean
): ScoreResult {
  const scenario = withScenario ? options.scenario : undefined;
  const measures = new Map(m.measures.map((x) => [x.id, x]));
  const nodes = new Map(m.nodes.map((n) => [n.id, n]));
  const levels = nodeLevels(m);
  const flagRules = new Map(m.flags.map((f) => [f.id, f]));
  const scenarioWeights = new Map(Object.entries(scenario?.weights ?? {}));
  const weightOf = (child: string, weight: number) => scenarioWeights.get(child) ?? weight;
  // A what-if may not leave a node without weight (the engine refuses it as the methodology file does).
  for (const n of m.nodes) {
    if (scenarioWeights.size && n.children.length && n.children.every((e) => weightOf(e.id, e.weight) === 0))
      throw new ScenarioError(`scenario weights make the children of node ${n.id} sum to 0`);
  }

  // Upward links: a node lists its children; a derived measure lists its inputs.
  const parents = new Map<string, string[]>();
  const link = (child: string, parent: string) => parents.set(child, [...(parents.get(child) ?? []), parent]);
  for (const n of m.nodes) for (const e of n.children) link(e.id, n.id);
  for (const x of m.measures) for (const input of x.derive?.of ?? []) link(input, x.id);
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    const up = (x: string) => (parents.get(x) ?? []).forEach((p) => out.has(p) || (out.add(p), up(p)));
    up(id);
    return out;
  };

  // Regions and periods.
  const parentSet = new Set(subunits.map((s) => s.parent));
  const childrenOf = new Map<string, string[]>();
  for (const s of subunits) childrenOf.set(s.parent, [...(childrenOf.get(s.parent) ?? []), s.region]);
  const periods = options.periods ? [...options.periods] : [...new Set(observations.map((o) => o.period))];
  let leaves: string[];
  if (options.peerGroup) {
    const out = new Set<string>();
    const walk = (r: string) => (childrenOf.has(r) ? childrenOf.get(r)!.forEach(walk) : out.add(r));
    options.peerGroup.forEach(walk);
    leaves = [...out];
  } else {
    leaves = [...new Set(observations.map((o) => o.region))].filter((r) => !parentSet.has(r));
  }
  const subRegions = new Set(subunits.map((s) => s.region));
  const peers = options.peerGroup
    ? [...new Set(options.peerGroup)]
    : [...new Set([...leaves, ...parentSet])].filter((r) => !subRegions.has(r));

  const obsIndex = new Map(observations.map((o) => [`${o.region}|${o.period}|${o.measure}`, o]));
  // A period-specific override beats one for every period; among equals the last one given wins (engine.ts says so).
  const overrideFor = (region: string, period: string, measure: string) => {
    const all = (scenario?.values ?? []).filter((v) => v.region === region && v.measure === measure);
    return all.findLast((v) => v.period === period) ?? all.findLast((v) => v.period == null);
  };

  const failures: {region: string; period: string; node: string}[] = [];
  const table = new Map<string, Scores>(); // `${region}|${period}` → id → scores

  for (const region of leaves) {
    for (const period of periods) {
      const scores: Scores = new Map();
      // Observed values after overrides; a known flag scores its flag score.
      type Raw = {raw: number | null; fscore: number | null; flag: string | null; removed: boolean};
      const entry = (id: string): Raw => {
        const o = overrideFor(region, period, id);
        if (o) return {raw: o.value, fscore: null, flag: null, removed: false};
        const obs = obsIndex.get(`${region}|${period}|${id}`);
        const rule = obs?.flag != null ? flagRules.get(obs.flag) : undefined;
        const removed = rule?.remove === true;
        return {
          raw: obs?.value ?? null,
          fscore: rule && !removed ? rule.score! : null,
          flag: rule?.id ?? null,
          removed
        };
      };
      // forced(id): the lowest flag score among flagged observed measures below id whose flag reaches a level at or above id.
      const flagged = m.measures
        .filter((x) => !x.derive)
        .map((x) => ({id: x.id, ...entry(x.id)}))
        .filter((e) => e.flag !== null);
      const forced = (id: string): number | null => {
        let best: number | null = null;
        for (const f of flagged) {
          const rule = m.flags.find((r) => r.id === f.flag)!;
          if (rule.upTo === undefined || !ancestors(f.id).has(id)) continue;
          const reachesLevel =
            levels.get(id) === rule.upTo || [...ancestors(id)].some((a) => levels.get(a) === rule.upTo);
          if (reachesLevel) best = best === null ? f.fscore : Math.min(best, f.fscore!);
        }
        return best;
      };
      const measureScore = (x: Measure): {raw: number | null; score: number | null; removed: boolean} => {
        if (!x.derive) {
          const e = entry(x.id);
          if (e.removed) return {raw: e.raw, score: null, removed: true};
          return {
            raw: e.raw,
            score: e.fscore ?? (e.raw === null ? null : normalise(m, x, e.raw, scenario?.targets?.[x.id])),
            removed: false
          };
        }
        if (x.derive.from === "raw") {
          const inputs = x.derive.of.map(entry);
          const present = inputs.every((e) => e.raw !== null);
          const total = inputs.reduce((s, e) => s + (e.raw ?? 0), 0);
          const raw = present ? (x.derive.op === "sum" ? total : total / inputs.length) : null;
          // A raw sum or mean cannot be formed without one of its inputs: removed with it.
          if (inputs.some((e) => e.removed)) return {raw, score: null, removed: true};
          const fscores = inputs.map((e) => e.fscore).filter((s): s is number => s !== null);
          const fscore = fscores.length ? Math.min(...fscores) : null;
          const score = fscore ?? (raw === null ? null : normalise(m, x, raw, scenario?.targets?.[x.id]));
          return {raw, score, removed: false};
        }
        // The mean of the inputs that exist; removed when none does.
        const inputs = x.derive.of.map(get).filter((e) => !e.removed);
        const scores = inputs.map((e) => e.score);
        const mean = scores.every((s) => s !== null) ? scores.reduce((a, b) => a + b!, 0) / scores.length : null;
        const f = forced(x.id);
        if (f !== null) return {raw: null, score: f, removed: false};
        return inputs.length ? {raw: null, score: mean, removed: false} : {raw: null, score: null, removed: true};
      };
      const get = (id: string): Entry => {
        let s = scores.get(id);
        if (!s) {
          const x = measures.get(id);
          s = x ? {...measureScore(x), coverage: null} : aggregate(nodes.get(id)!);
          scores.set(id, s);
        }
        return s;
      };
      const aggregate = (n: HierarchyNode): Entry => {
        // Removed children are not children: they weigh nothing and count neither as present nor as missing.
        const kids = n.children
          .filter((e) => !get(e.id).removed)
          .map((e) => ({w: weightOf(e.id, e.weight), s: get(e.id).score}));
        if (kids.length === 0) {
          const f = forced(n.id);
          // Nothing that exists is missing: coverage 1, whatever the score.
          return {raw: null, score: f, coverage: 1, removed: f === null};
        }
        const wAll = kids.reduce((a, k) => a + k.w, 0);
        const avail = kids.filter((k) => k.s !== null);
        const wAv = avail.reduce((a, k) => a + k.w, 0);
        const coverage = wAll > 0 ? wAv / wAll : avail.length / kids.length;
        const f = forced(n.id);
        const missingAny = avail.length < kids.length;
        if (f === null && n.missing === "fail" && missingAny) failures.push({region, period, node: n.id});
        let score: number | null;
        if (avail.length === 0 || coverage < n.minCoverage) score = null;
        else if (n.missing === "fail" && missingAny) score = null;
        else if (n.missing === "zero") {
          if (wAll === 0) score = null;
          else if (n.aggregate === "arithmetic") score = kids.reduce((a, k) => a + k.w * (k.s ?? 0), 0) / wAll;
          else if (kids.some((k) => k.w > 0 && !k.s)) score = 0;
          else score = Math.exp(kids.filter((k) => k.w > 0).reduce((a, k) => a + k.w * Math.log(k.s!), 0) / wAll);
        } else {
          if (wAv === 0) score = null;
          else if (n.aggregate === "arithmetic") score = avail.reduce((a, k) => a + k.w * k.s!, 0) / wAv;
          else if (avail.some((k) => k.w > 0 && k.s === 0)) score = 0;
          else score = Math.exp(avail.filter((k) => k.w > 0).reduce((a, k) => a + k.w * Math.log(k.s!), 0) / wAv);
        }
        return {raw: null, score: f ?? score, coverage};
      };
      for (const x of m.measures) get(x.id);
      for (const n of m.nodes) get(n.id);
      table.set(`${region}|${period}`, scores);
    }
  }
  // Like the engine: the first 10 failures in (region, period, node id) order, so that both name the same cases.
  const byKey = (a: {region: string; period: string; node: string}, b: typeof a) =>
    compareStrings(a.region, b.region) || compareStrings(a.period, b.period) || compareStrings(a.node, b.node);
  if (failures.length) throw new MissingDataError(failures.sort(byKey).slice(0, 10));

  // Roll-up: each parent from its sub-units, deepest parents last.
  const depthOf = (r: string): number => (childrenOf.has(r) ? 1 + Math.max(...childrenOf.get(r)!.map(depthOf)) : 0);
  const parentsByDepth = [...parentSet].sort((a, b) => depthOf(a) - depthOf(b));
  const ids = [...m.measures.map((x) => x.id), ...m.nodes.map((n) => n.id)];
  for (const parent of parentsByDepth) {
    const subs = subunits.filter((s) => s.parent === parent);
    for (const period of periods) {
      const rows = subs.map((s) => ({w: s.weight, scores: table.get(`${s.region}|${period}`)})).filter((r) => r.scores);
      if (!rows.length) continue;
      const scores: Scores = new Map();
      const wmean = (
        pick: (x: {raw: number | null; score: number | null; coverage: number | null}) => number | null,
        id: string
      ) => {
        const have = rows.map((r) => ({w: r.w, v: pick(r.scores!.get(id)!)})).filter((r) => r.v !== null);
        const w = have.reduce((a, r) => a + r.w, 0);
        return w === 0 ? null : have.reduce((a, r) => a + r.w * r.v!, 0) / w;
      };
      for (const id of ids) {
        const wAll = rows.reduce((a, r) => a + r.w, 0);
        const covs = rows.map((r) => r.scores!.get(id)!.coverage);
        const coverage =
          covs.some((c) => c === null) || wAll === 0 ? null : rows.reduce((a, r, i) => a + r.w * covs[i]!, 0) / wAll;
        scores.set(id, {raw: wmean((x) => x.raw, id), score: wmean((x) => x.score, id), coverage});
      }
      table.set(`${parent}|${period}`, scores);
    }
  }

  // Output: the peer group, ranked per period and node on scores rounded to 1e-9.
  const nodeIds = filterLevel(m, levels, options.level);
  const out: ScoreResult = {measures: [], nodes: [], effectiveWeights: referenceWeights(m, scenario?.weights)};
  for (const region of peers) {
    for (const period of periods) {
      const scores = table.get(`${region}|${period}`);
      if (!scores) continue;
      if (options.measures ?? true) {
        for (const x of m.measures)
          out.measures.push({
            region,
            period,
            measure: x.id,
            ...pick(scores.get(x.id)!, ["raw", "score"])
          } as MeasureScore);
      }
      for (const id of nodeIds) {
        const s = scores.get(id)!;
        out.nodes.push({
          region,
          period,
          node: id,
          level: levels.get(id)!,
          score: s.score,
          rank: null,
          coverage: s.coverage
        });
      }
    }
  }
  const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
  for (const n of out.nodes) {
    if (n.score === null) continue;
    const mine = round9(n.score);
    n.rank =
      1 +
      out.nodes.filter((o) => o.period === n.period && o.node === n.node && o.score !== null && round9(o.score) > mine)
        .length;
  }
  const order = (a: {region: string; period: string}, b: {region: string; period: string}, ia: string, ib: string) =>
    a.region < b.region
      ? -1
      : a.region > b.region
        ? 1
        : a.period < b.period
          ? -1
          : a.period > b.period
            ? 1
            : ia < ib
              ? -1
              : ia > ib
                ? 1
                : 0;
  out.measures.sort((a, b) => order(a, b, a.measure, b.measure));
  out.nodes.sort((a, b) => order(a, b, a.node, b.node));
  return out;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

function filterLevel(m: Methodology, levels: Map<string, string>, level: string | undefined): string[] {
  if (level === undefined) return m.nodes.map((n) => n.id);
  const label = levels.get(level) ?? level;
  return m.nodes.filter((n) => levels.get(n.id) === label).map((n) => n.id);
}

/** Code-unit order, as DuckDB orders ASCII ids. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
