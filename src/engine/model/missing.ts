/**
 * Saying why a score is missing: for a node without a score in a region and period, the chain of nodes down to the
 * measures that have no value (or the coverage that fell below the node's minimum), so that the command line and the
 * pages can name the node, region and measure instead of leaving a cell empty.
 */
import type {Methodology} from "../methodology/types.js";
import type {ScoreResult} from "../scoring/types.js";

/** Why one node has no score in one region and period. */
export interface MissingReason {
  region: string;
  period: string;
  node: string;
  /** Nodes from `node` down to the one whose children fail it (inclusive). */
  path: string[];
  /** Measures under that node with no value. */
  measures: string[];
  /** Share of the children's weight with a score, and the node's minimum, when coverage is the reason. */
  coverage: number | null;
  minCoverage: number;
}

/**
 * The reasons `node` (default: the root) has no score for each region and period of `result` where it has none: one
 * per branch without a score (a region may lack several categories), each down to the node whose measures lack a value
 * or whose coverage fell below its minimum.
 * `result` must hold measure rows (`measures: true`) and every node (no level filter).
 */
export function explainMissing(m: Methodology, result: ScoreResult, node?: string): MissingReason[] {
  const nodes = new Map(m.nodes.map((n) => [n.id, n]));
  const hasParent = new Set(m.nodes.flatMap((n) => n.children.map((e) => e.id)));
  const root = node ?? m.nodes.find((n) => !hasParent.has(n.id))?.id;
  if (root === undefined) return [];
  const key = (region: string, period: string, id: string) => `${region}\u0000${period}\u0000${id}`;
  const score = new Map<string, number | null>();
  const coverageOf = new Map<string, number | null>();
  for (const x of result.measures) score.set(key(x.region, x.period, x.measure), x.score);
  for (const x of result.nodes) {
    score.set(key(x.region, x.period, x.node), x.score);
    coverageOf.set(key(x.region, x.period, x.node), x.coverage);
  }
  const out: MissingReason[] = [];
  for (const x of result.nodes) {
    if (x.node !== root || x.score !== null) continue;
    const at = (id: string) => key(x.region, x.period, id);
    const missing = (id: string) => (score.get(at(id)) ?? null) === null;
    // Every branch without a score, down to the nodes whose own measures (or coverage) explain it.
    const walk = (path: string[]) => {
      const n = nodes.get(path[path.length - 1])!;
      const below = n.children.filter((e) => nodes.has(e.id) && missing(e.id));
      const measures = n.children.filter((e) => !nodes.has(e.id) && missing(e.id)).map((e) => e.id);
      if (measures.length > 0 || below.length === 0) {
        const coverage = coverageOf.get(at(n.id)) ?? null;
        out.push({
          region: x.region,
          period: x.period,
          node: root,
          path,
          measures,
          coverage,
          minCoverage: n.minCoverage
        });
      }
      for (const e of below) walk([...path, e.id]);
    };
    walk([root]);
  }
  return out;
}

/**
 * Why a total or a category (a child of the root) has no score, wherever one is missing in `result`: for a region and
 * period without a total, the root's reasons (every branch, `explainMissing`); where the total has a score but a
 * category has none, that category's reasons. Sorted by period, region and chain, so that a report is deterministic.
 */
export function explainMissingTotals(m: Methodology, result: ScoreResult): MissingReason[] {
  const ids = new Set(m.nodes.map((n) => n.id));
  const hasParent = new Set(m.nodes.flatMap((n) => n.children.map((e) => e.id)));
  const root = m.nodes.find((n) => !hasParent.has(n.id));
  if (root === undefined) return [];
  const out = explainMissing(m, result, root.id);
  const noTotal = new Set(out.map((r) => `${r.region}\u0000${r.period}`));
  for (const c of root.children.filter((e) => ids.has(e.id)))
    out.push(...explainMissing(m, result, c.id).filter((r) => !noTotal.has(`${r.region}\u0000${r.period}`)));
  const order = (r: MissingReason) => [r.period, r.region, ...r.path].join("\u0000");
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** One line, `中文 / English`, naming the region, period, the chain of nodes and the missing measures. */
export function formatMissing(r: MissingReason): string {
  const chain = r.path.join(" → ");
  const low = r.coverage !== null && r.coverage > 0 && r.coverage < r.minCoverage;
  const cov = low ? ` (${Math.round(r.coverage! * 100)}% < ${Math.round(r.minCoverage * 100)}%)` : "";
  const list = r.measures.join(", ");
  return r.measures.length
    ? `${r.region} ${r.period}: ${chain} 无法计算，缺少 ${list}${cov} / cannot be computed: no value for ${list}${cov}`
    : `${r.region} ${r.period}: ${chain} 无法计算，覆盖率不足${cov} / cannot be computed: coverage below its minimum${cov}`;
}
