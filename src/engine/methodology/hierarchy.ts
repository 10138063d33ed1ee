/** Reading a methodology's hierarchy: node heights, the root, level labels, each child's parent. */
import type {Methodology} from "./types.js";

/**
 * The deepest hierarchy a methodology may have: levels of nodes from the total down to the measures. Real methods
 * have 2 to 5 (DB2020: total → topic → component); the scoring SQL has one step per level, so a limit keeps a
 * mistaken (or hostile) chain of thousands of nodes from running the database out of memory.
 */
export const MAX_DEPTH = 32;

/**
 * Height of every node: 1 + the highest child (measures have height 0), in time linear in the size of the
 * hierarchy and without recursion (any depth). Nodes on a cycle get no height.
 */
export function nodeHeights(m: Pick<Methodology, "nodes">): Map<string, number> {
  const byId = new Map(m.nodes.map((n) => [n.id, n]));
  const heights = new Map<string, number>();
  // Depth-first, children before parents, with an explicit stack.
  const onStack = new Set<string>();
  for (const start of m.nodes) {
    if (heights.has(start.id)) continue;
    const stack: {id: string; next: number}[] = [{id: start.id, next: 0}];
    onStack.add(start.id);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const node = byId.get(top.id)!;
      if (top.next < node.children.length) {
        const child = node.children[top.next++].id;
        if (byId.has(child) && !heights.has(child) && !onStack.has(child)) {
          stack.push({id: child, next: 0});
          onStack.add(child);
        }
        continue;
      }
      stack.pop();
      onStack.delete(top.id);
      const kids = node.children.map((e) => (byId.has(e.id) ? heights.get(e.id) : 0));
      if (kids.every((h) => h !== undefined)) heights.set(top.id, 1 + Math.max(0, ...(kids as number[])));
    }
  }
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
