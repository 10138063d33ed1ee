/** The cross-checks of a methodology that need the whole file: ids, references, derivations, cycles, one root, flags. */
import type {Checker} from "./checker.js";
import {MAX_DEPTH, nodeHeights, nodeLevels} from "./hierarchy.js";
import type {Methodology} from "./types.js";

/** What the raw JSON names, for a file whose other parts had errors (so that those errors are not reported twice). */
export interface RawIds {
  /** Measure and node ids of entries that did not parse: a reference to one is not "unknown". */
  broken: ReadonlySet<string>;
  /** Every id listed as a child in the raw nodes, parsed or not: such an id has a parent (it is not a root). */
  children: ReadonlySet<string>;
}

/**
 * Cross-checks ids: duplicates, unknown references, derivation rules, cycles, a single root, flag levels. Runs on a
 * file with other errors too (every problem is reported at once), with `raw` telling what the broken entries named.
 */
export function checkReferences(
  c: Checker,
  m: Methodology,
  raw: RawIds = {broken: new Set(), children: new Set()}
): void {
  const measureIndex = new Map<string, number>();
  const nodeIndex = new Map<string, number>();
  m.measures.forEach((measure, i) => {
    if (measureIndex.has(measure.id))
      c.add(`measures[${i}].id`, `重复的标识 ${measure.id}`, `duplicate id ${measure.id}`);
    else measureIndex.set(measure.id, i);
  });
  m.nodes.forEach((node, i) => {
    if (measureIndex.has(node.id) || nodeIndex.has(node.id))
      c.add(`nodes[${i}].id`, `重复的标识 ${node.id}`, `duplicate id ${node.id}`);
    else nodeIndex.set(node.id, i);
  });
  m.measures.forEach((measure, i) => {
    if (!measure.derive) return;
    measure.derive.of.forEach((input, j) => {
      const p = `measures[${i}].derive.of[${j}]`;
      const k = measureIndex.get(input);
      if (k === undefined)
        return raw.broken.has(input) ? undefined : c.add(p, `未知指标 ${input}`, `unknown measure ${input}`);
      const source = m.measures[k];
      if (measure.derive!.from === "raw" && source.derive) {
        c.add(
          p,
          `原始值派生只能引用观测指标，${input} 是派生指标`,
          `a raw derivation may use observed measures only; ${input} is derived`
        );
      }
      if (measure.derive!.from === "score" && source.derive?.from === "score") {
        c.add(p, `${input} 本身由得分派生`, `${input} is itself derived from scores`);
      }
      if (measure.derive!.of.indexOf(input) !== j) c.add(p, `重复引用 ${input}`, `${input} listed twice`);
    });
  });
  const hasParent = new Set<string>(raw.children);
  m.nodes.forEach((node, i) => {
    const seen = new Set<string>();
    node.children.forEach((edge, j) => {
      const p = `nodes[${i}].children[${j}].id`;
      if (!measureIndex.has(edge.id) && !nodeIndex.has(edge.id) && !raw.broken.has(edge.id))
        c.add(p, `未知指标或节点 ${edge.id}`, `unknown measure or node ${edge.id}`);
      if (seen.has(edge.id)) c.add(p, `重复的子项 ${edge.id}`, `child ${edge.id} listed twice`);
      seen.add(edge.id);
      hasParent.add(edge.id);
    });
  });
  const cycle = findCycle(m, nodeIndex);
  if (cycle) {
    const text = cycle.ids.join(" → ");
    c.add(cycle.path, `层级中存在环 ${text}`, `cycle in the hierarchy: ${text}`);
    return;
  }
  const roots = m.nodes.filter((n) => !hasParent.has(n.id)).map((n) => n.id);
  if (m.nodes.length > 0 && roots.length !== 1) {
    c.add(
      "nodes",
      `必须恰有一个根节点（总分），现有 ${roots.join(", ") || "0 个"}`,
      `must have exactly one root (the total); found ${roots.join(", ") || "none"}`
    );
  }
  if (c.issues.length > 0) return;
  const heights = nodeHeights(m);
  const depth = Math.max(0, ...heights.values());
  if (depth > MAX_DEPTH) {
    const deepest = m.nodes.findIndex((n) => heights.get(n.id) === depth);
    c.add(
      `nodes[${deepest}]`,
      `层级过深：${depth} 层，最多 ${MAX_DEPTH} 层（docs/methodology-format.md）`,
      `the hierarchy is ${depth} levels deep; at most ${MAX_DEPTH} are allowed (docs/methodology-format.md)`
    );
    return;
  }
  const levels = new Set(nodeLevels(m).values());
  m.flags.forEach((flag, i) => {
    if (m.flags.findIndex((f) => f.id === flag.id) !== i)
      c.add(`flags[${i}].id`, `重复的标记 ${flag.id}`, `duplicate flag ${flag.id}`);
    if (flag.upTo !== undefined && !levels.has(flag.upTo)) {
      c.add(
        `flags[${i}].upTo`,
        `未知层级 ${flag.upTo}`,
        `unknown level ${flag.upTo} (levels: ${[...levels].join(", ")})`
      );
    }
    flag.measures?.forEach((id, j) => {
      const p = `flags[${i}].measures[${j}]`;
      const k = measureIndex.get(id);
      if (k === undefined) c.add(p, `未知指标 ${id}`, `unknown measure ${id}`);
      else if (m.measures[k].derive) c.add(p, `${id} 是派生指标，不会被观测`, `${id} is derived, never observed`);
      if (flag.measures!.indexOf(id) !== j) c.add(p, `重复引用 ${id}`, `${id} listed twice`);
    });
  });
}

/** The first cycle among the nodes (as a path of ids and where it closes), found without recursion. */
function findCycle(m: Methodology, nodeIndex: Map<string, number>): {path: string; ids: string[]} | undefined {
  const state = new Map<string, "open" | "done">();
  for (const start of m.nodes) {
    if (state.has(start.id)) continue;
    const stack: {id: string; next: number}[] = [{id: start.id, next: 0}];
    state.set(start.id, "open");
    while (stack.length) {
      const top = stack[stack.length - 1];
      const i = nodeIndex.get(top.id)!;
      const children = m.nodes[i].children;
      if (top.next >= children.length) {
        stack.pop();
        state.set(top.id, "done");
        continue;
      }
      const j = top.next++;
      const child = children[j].id;
      if (!nodeIndex.has(child)) continue;
      if (state.get(child) === "open") {
        const ids = stack.map((f) => f.id);
        return {path: `nodes[${i}].children[${j}].id`, ids: [...ids.slice(ids.indexOf(child)), child]};
      }
      if (!state.has(child)) {
        state.set(child, "open");
        stack.push({id: child, next: 0});
      }
    }
  }
  return undefined;
}
