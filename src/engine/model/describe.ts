/** One description of every node and observed measure, shared by the report loader and the simulator. */
import {accountableUnits, type Catalogue, type Comparator} from "../catalogue/catalogue.js";
import {parentOf, rootNode, type Direction, type Methodology} from "../methodology/methodology.js";
import {buildPlan, effectiveWeights} from "../methodology/plan.js";

/** A plan target as a measure carries it (catalogue targets.csv). */
export interface PlanTarget {
  value: number;
  comparator: Comparator;
  /** The plan's own words. */
  quoteZh: string;
}

/** A node of the hierarchy with its level, parent, names, catalogue id and effective weight. */
export interface NodeInfo {
  id: string;
  level: string;
  parent: string | null;
  nameZh: string;
  nameEn: string;
  /**
   * Catalogue category id (a child of the root) or indicator id 1..123 (a grandchild) when the node's id ends in that
   * number and the catalogue has it (Zhuanglang's `c03`, `i045`); null otherwise.
   */
  catalogueId: number | null;
  /** Weight in the total (product of relative weights from the root). */
  effectiveWeight: number;
}

/** An observed measure as pages and the simulator present it. */
export interface MeasureInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: Direction;
  higher: boolean;
  method: string;
  /** Value that scores full marks (frontier best, target, expert max or 1 for yes/no). */
  best: number | null;
  /** Value that scores zero (frontier worst; 0 for expert and yes/no), null for target attainment. */
  worst: number | null;
  /** The plan's target for this measure, or null when the plan sets none. */
  target: PlanTarget | null;
  /** The node the measure belongs to (its parent: an indicator in the Zhuanglang methodology). */
  indicator: string;
  /** The root's child above the measure (a category in the Zhuanglang methodology). */
  category: string;
  /** Weight in the total. */
  effectiveWeight: number;
  /**
   * Lead units of the measure's indicator (catalogue ids), as section 二 of the plan names them: the indicator above it
   * in the hierarchy, else the one the catalogue records it under (`Catalogue.measureIndicators`).
   */
  leadUnits: string[];
  /** The units answerable for it: its lead units, else the owners section 三 names (`accountableUnits`); [] if none. */
  owners: string[];
}

/** A node's distance from the root: 0 for the root, 1 for its children (the categories), 2 below them. */
export function depthOf(nodeId: string, parent: ReadonlyMap<string, string>): number {
  let depth = 0;
  for (let n = parent.get(nodeId); n !== undefined; n = parent.get(n)) depth++;
  return depth;
}

/**
 * The catalogue entry a node stands for, whatever the methodology calls its levels: a child of the root is a catalogue
 * category, a grandchild an indicator, matched by the number its id ends in (`c03` → 3, `i045` → 45).
 */
function catalogueEntry(nodeId: string, depth: number, catalogue: Catalogue) {
  const match = /(\d+)$/.exec(nodeId);
  if (!match || (depth !== 1 && depth !== 2)) return undefined;
  const id = Number(match[1]);
  return depth === 1 ? catalogue.categories.find((c) => c.id === id) : catalogue.indicators.find((i) => i.id === id);
}

/** Every node with its level, parent, names (methodology first, then catalogue, then id) and effective weight. */
export function describeNodes(methodology: Methodology, catalogue: Catalogue): NodeInfo[] {
  const plan = buildPlan(methodology);
  const weights = effectiveWeights(plan);
  const parent = parentOf(methodology);
  const levelOf = new Map(plan.nodes.map((n) => [n.node, n.level]));
  return methodology.nodes.map((n) => {
    const fromCatalogue = catalogueEntry(n.id, depthOf(n.id, parent), catalogue);
    return {
      id: n.id,
      level: levelOf.get(n.id) ?? "",
      parent: parent.get(n.id) ?? null,
      nameZh: n.name?.zh ?? fromCatalogue?.nameZh ?? n.id,
      nameEn: n.name?.en ?? fromCatalogue?.nameEn ?? n.id,
      catalogueId: fromCatalogue?.id ?? null,
      effectiveWeight: weights[n.id] ?? 0
    };
  });
}

/** Every observed measure, in methodology order. */
export function describeMeasures(methodology: Methodology, catalogue: Catalogue): MeasureInfo[] {
  const weights = effectiveWeights(buildPlan(methodology));
  const parent = parentOf(methodology);
  const root = rootNode(methodology);
  const targets = new Map(catalogue.targets.map((t) => [t.measure, t]));
  // A measure that only feeds a derived measure (DB2020's start-up time for men and for women feed "sb_time") sits
  // where that derived measure sits.
  const feeds = new Map(methodology.measures.flatMap((d) => (d.derive?.of ?? []).map((id) => [id, d.id] as const)));
  return methodology.measures
    .filter((m) => !m.derive && m.normalise)
    .map((m) => {
      const n = m.normalise!;
      const indicator = parent.get(m.id) ?? parent.get(feeds.get(m.id) ?? "") ?? "";
      let category = indicator;
      while (category && parent.get(category) !== root) category = parent.get(category) ?? "";
      const entry = catalogueEntry(indicator, depthOf(indicator, parent), catalogue);
      // Where the hierarchy is not the catalogue's, the catalogue's own word on the measure (checklist, target).
      const own = catalogue.indicators.find((i) => i.id === catalogue.measureIndicators?.[m.id]);
      const info = entry && "leadUnits" in entry ? entry : own;
      const t = targets.get(m.id);
      return {
        id: m.id,
        nameZh: m.name?.zh ?? m.id,
        nameEn: m.name?.en ?? m.id,
        unit: m.unit,
        direction: m.direction,
        higher: m.direction === "higher_is_better",
        method: n.method,
        best: n.method === "frontier" ? n.best : n.method === "target" ? n.target : n.method === "expert" ? n.max : 1,
        worst: n.method === "frontier" ? n.worst : n.method === "target" ? null : 0,
        target: t ? {value: t.value, comparator: t.comparator, quoteZh: t.quoteZh} : null,
        indicator,
        category,
        effectiveWeight: weights[m.id] ?? 0,
        leadUnits: info?.leadUnits ?? [],
        owners: info ? accountableUnits(info) : []
      };
    });
}
