/**
 * What the simulator shows, read once from the methodology, the catalogue and the regions: categories in the
 * page's order, every observed measure with its unit, frontier, plan target and lead units, and the peer groups.
 */
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {parentOf, rootNode, type Methodology} from "../../engine/methodology/methodology.js";
import {describeMeasures, describeNodes, type MeasureInfo, type NodeInfo} from "../../engine/model/model.js";
import type {PeerGroup, Region} from "../../engine/regions/regions.js";

/** One observed measure as the simulator presents it (the same description the report pages read). */
export type SimMeasure = MeasureInfo;

/** A category (a child of the root, whatever its level is called) with the nodes and measures under it. */
export interface SimCategory {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Its position among the root's children, from 1 (Zhuanglang's catalogue number: c10 → 10). */
  number: number;
  /** The catalogue category it stands for (describeNodes), or null. */
  catalogueId: number | null;
  indicators: {id: string; nameZh: string; nameEn: string; leadUnits: string[]}[];
  measures: SimMeasure[];
}

/** Everything the simulator needs to know about the methodology and the plan. */
export interface SimModel {
  methodology: Methodology;
  root: string;
  /** Every node described (names, tier, catalogue number), as the report pages describe them. */
  nodes: NodeInfo[];
  categories: SimCategory[];
  measures: Map<string, SimMeasure>;
  /** Node or measure id → its default (methodology) weight on the edge from its parent. */
  defaultWeights: Map<string, number>;
  /** Node id → parent node id. */
  parent: Map<string, string>;
  units: Map<string, {nameZh: string; nameEn: string}>;
  regions: Map<string, Region>;
  peerGroups: PeerGroup[];
  /** True when the plan sets a target on any measure; without (the World Bank preset) there is nothing to apply. */
  planTargets: boolean;
}

/** Catalogue categories shown first: enterprise life cycle (construction, electricity, property…), financing, IP. */
export const FIRST_CATEGORIES = [10, 11, 12];

/** Builds the simulator's model; catalogue categories 10–12 come first, then the others in the root's order. */
export function buildModel(
  methodology: Methodology,
  catalogue: Catalogue,
  regions: Region[],
  peerGroups: PeerGroup[]
): SimModel {
  const root = rootNode(methodology);
  const parent = parentOf(methodology);
  const defaultWeights = new Map(methodology.nodes.flatMap((n) => n.children.map((e) => [e.id, e.weight] as const)));
  const nodes = describeNodes(methodology, catalogue);
  const indicatorInfo = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const nodeInfo = new Map(nodes.map((n) => [n.id, n]));
  const rootChildren = methodology.nodes.find((n) => n.id === root)?.children ?? [];
  const categories: SimCategory[] = rootChildren.flatMap((e, i) => {
    const n = nodeInfo.get(e.id);
    if (!n) return [];
    const {id, nameZh, nameEn, catalogueId} = n;
    return [{id, nameZh, nameEn, number: i + 1, catalogueId, indicators: [], measures: []}];
  });
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const node of methodology.nodes) {
    const category = byId.get(node.id);
    if (!category) continue;
    for (const e of node.children) {
      const n = nodeInfo.get(e.id);
      if (!n) continue;
      const leadUnits = indicatorInfo.get(n.catalogueId ?? -1)?.leadUnits ?? [];
      category.indicators.push({id: n.id, nameZh: n.nameZh, nameEn: n.nameEn, leadUnits});
    }
  }
  const measures = new Map<string, SimMeasure>();
  for (const m of describeMeasures(methodology, catalogue)) {
    measures.set(m.id, m);
    byId.get(m.category)?.measures.push(m);
  }
  const rank = (c: SimCategory) => {
    const i = c.catalogueId === null ? -1 : FIRST_CATEGORIES.indexOf(c.catalogueId);
    return i >= 0 ? i : FIRST_CATEGORIES.length + c.number;
  };
  categories.sort((a, b) => rank(a) - rank(b));
  return {
    methodology,
    root,
    nodes,
    categories,
    measures,
    defaultWeights,
    parent,
    units: new Map(catalogue.units.map((u) => [u.id, {nameZh: u.nameZh, nameEn: u.nameEn}])),
    regions: new Map(regions.map((r) => [r.code, r])),
    peerGroups,
    planTargets: [...measures.values()].some((m) => m.target !== null)
  };
}

export {goalValue, type Goal} from "../../engine/model/model.js";
