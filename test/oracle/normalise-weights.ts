/** Oracle parts that need no region data: the normalisation of one raw value and the effective weights. */
import type {Measure, Methodology} from "../../src/engine/methodology/methodology.js";

/** Score of a raw value (docs/methodology.md, "Normalisation"); `target` replaces target / best / max. */
export function normalise(m: Methodology, x: Measure, y: number, target: number | undefined): number {
  const n = x.normalise!;
  const scale = n.scale ?? m.scale;
  const higher = x.direction === "higher_is_better";
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  switch (n.method) {
    case "frontier": {
      const best = target ?? n.best;
      // With a power: the distance to the frontier (best is then a threshold) raised to it.
      return scale * clamp((n.worst - y) / (n.worst - best), 0, 1) ** (n.power ?? 1);
    }
    case "target": {
      const t = target ?? n.target;
      const cap = n.cap ?? 1;
      const ratio = higher ? y / t : y <= 0 ? cap : t / y;
      return scale * clamp(ratio, 0, cap);
    }
    case "expert":
      return scale * clamp(y / (target ?? n.max), 0, 1);
    case "yes_no":
      return y > 0 === higher ? scale : 0;
  }
}

/** Effective weights computed top-down by recursion over parents (independently of methodology-plan.ts). */
export function referenceWeights(
  m: Methodology,
  overrides: Record<string, number> | undefined
): Record<string, number> {
  const memo = new Map<string, number>();
  const root = m.nodes.find((n) => !m.nodes.some((p) => p.children.some((e) => e.id === n.id)))!.id;
  const w = (e: {id: string; weight: number}) => overrides?.[e.id] ?? e.weight;
  const weight = (id: string): number => {
    if (id === root) return 1;
    if (memo.has(id)) return memo.get(id)!;
    let total = 0;
    for (const p of m.nodes) {
      const edge = p.children.find((e) => e.id === id);
      const sum = p.children.reduce((a, e) => a + w(e), 0);
      if (edge && sum > 0) total += (weight(p.id) * w(edge)) / sum;
    }
    for (const d of m.measures)
      if (d.derive?.from === "score" && d.derive.of.includes(id)) total += weight(d.id) / d.derive.of.length;
    memo.set(id, total);
    return total;
  };
  const out: Record<string, number> = {};
  for (const x of m.measures) out[x.id] = weight(x.id);
  for (const n of m.nodes) out[n.id] = weight(n.id);
  for (const d of m.measures)
    if (d.derive?.from === "raw") for (const i of d.derive.of) if (out[i] === 0) delete out[i];
  return out;
}
