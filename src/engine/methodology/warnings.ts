/**
 * What a methodology file may mean by mistake, though it scores: warnings, not errors (`bizenv methodology`).
 */
import type {Methodology} from "./types.js";

/** One warning: where (a JSON path) and what, `中文 / English`. */
export interface MethodologyWarning {
  path: string;
  message: string;
}

/**
 * Warnings: measures no node and no derivation uses (they are read and checked but never reach a score), and nodes
 * whose children can all be removed by flags (such a node can be left with nothing to average).
 */
export function methodologyWarnings(m: Methodology): MethodologyWarning[] {
  const out: MethodologyWarning[] = [];
  const used = new Set<string>();
  for (const n of m.nodes) for (const e of n.children) used.add(e.id);
  for (const x of m.measures) for (const id of x.derive?.of ?? []) used.add(id);
  m.measures.forEach((x, i) => {
    if (!used.has(x.id))
      out.push({
        path: `measures[${i}]`,
        message: `${x.id} 未被任何节点或派生指标使用，不计入得分 / ${x.id} is used by no node and no derivation: it never reaches a score`
      });
  });
  const removable = removableIds(m);
  m.nodes.forEach((n, i) => {
    if (n.children.length > 0 && n.children.every((e) => removable.has(e.id)))
      out.push({
        path: `nodes[${i}].children`,
        message:
          `${n.id} 的子项都可能被标记移除，可能没有可平均的子项 / ` +
          `every child of ${n.id} can be removed by a flag: it may have nothing to average`
      });
  });
  return out;
}

/**
 * Ids a flag can remove from their parent's mean (flags with `remove`), and what is removed with them: a raw-derived
 * measure with such an input, a score-derived measure or a node whose inputs or children all are (docs/methodology.md
 * § 3), up to a fixed point, so that a node is warned about even when the removable measures sit lower down.
 */
function removableIds(m: Methodology): Set<string> {
  const out = new Set<string>();
  for (const f of m.flags as {remove?: boolean; measures?: string[]}[])
    if (f.remove) for (const id of f.measures ?? []) out.add(id);
  const all = (ids: string[]) => ids.length > 0 && ids.every((id) => out.has(id));
  for (let grew = out.size > 0; grew;) {
    grew = false;
    for (const x of m.measures) {
      const of = x.derive?.of ?? [];
      const removed = x.derive?.from === "raw" ? of.some((id) => out.has(id)) : all(of);
      if (!out.has(x.id) && removed) {
        out.add(x.id);
        grew = true;
      }
    }
    for (const n of m.nodes)
      if (!out.has(n.id) && all(n.children.map((e) => e.id))) {
        out.add(n.id);
        grew = true;
      }
  }
  return out;
}
