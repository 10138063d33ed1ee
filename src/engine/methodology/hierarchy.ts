/** Reading a methodology's hierarchy: node heights, the root, level labels, each child's parent. */
import type {Methodology} from "./types.js";

/** Height of every node: 1 + the highest child (measures have height 0). The hierarchy must be acyclic. */
export function nodeHeights(m: Methodology): Map<string, number> {
  const byId = new Map(m.nodes.map((n) => [n.id, n]));
  const heights = new Map<string, number>();
  const height = (id: string): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let h = heights.get(id);
    if (h === undefined) {
      h = 1 + Math.max(...node.children.map((e) => height(e.id)));
      heights.set(id, h);
    }
    return h;
  };
  for (const node of m.nodes) height(node.id);
  return heights;
}

/** The root node's id (the one node no other node lists as a child). */
export function rootNode(m: Methodology): string {
  const children = new Set(m.nodes.flatMap((n) => n.children.map((e) => e.id)));
  return m.nodes.find((n) => !children.has(n.id))!.id;
}

/** Level label of every node: its `level`, else "total" for the root, else `level<height>`. */
export function nodeLevels(m: Methodology): Map<string, string> {
  const heights = nodeHeights(m);
  const root = rootNode(m);
  return new Map(m.nodes.map((n) => [n.id, n.level ?? (n.id === root ? "total" : `level${heights.get(n.id)}`)]));
}

/** Each measure's or node's parent node (the last node listing it, when a child is shared). */
export function parentOf(m: Methodology): Map<string, string> {
  const parent = new Map<string, string>();
  for (const n of m.nodes) for (const e of n.children) parent.set(e.id, n.id);
  return parent;
}
