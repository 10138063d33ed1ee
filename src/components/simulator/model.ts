/**
 * What the simulator shows, read once from the methodology, the catalogue and the regions: categories in the
 * page's order, every observed measure with its unit, frontier, plan target and lead units, and the peer groups.
 */
import type {Catalogue, Comparator} from "../../engine/catalogue/catalogue.js";
import type {Methodology} from "../../engine/methodology/methodology.js";
import {buildPlan} from "../../engine/methodology/plan.js";
import type {PeerGroup, Region} from "../../engine/regions/regions.js";

/** One observed measure as the simulator presents it. */
export interface SimMeasure {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  higher: boolean;
  method: string;
  /** Value that scores full marks (frontier best, expert max, 1 for yes/no). */
  best: number | null;
  /** Value that scores zero (frontier worst; 0 for expert and yes/no; null for target attainment). */
  worst: number | null;
  /** The plan's target (catalogue targets.csv) and how it bounds the value; null when the plan sets none. */
  target: {value: number; comparator: Comparator; quoteZh: string} | null;
  indicator: string;
  category: string;
  leadUnits: string[];
}

/** A category node with its indicators and measures, in display order. */
export interface SimCategory {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Catalogue category number (c10 → 10). */
  number: number;
  indicators: {id: string; nameZh: string; nameEn: string; leadUnits: string[]}[];
  measures: SimMeasure[];
}

/** Everything the simulator needs to know about the methodology and the plan. */
export interface SimModel {
  methodology: Methodology;
  root: string;
  categories: SimCategory[];
  measures: Map<string, SimMeasure>;
  /** Node or measure id → its default (methodology) weight on the edge from its parent. */
  defaultWeights: Map<string, number>;
  /** Node id → parent node id. */
  parent: Map<string, string>;
  units: Map<string, {nameZh: string; nameEn: string}>;
  regions: Map<string, Region>;
  peerGroups: PeerGroup[];
}

/** Categories shown first: enterprise life cycle (construction, electricity, property…), financing, IP. */
export const FIRST_CATEGORIES = [10, 11, 12];

/** Builds the simulator's model; categories 10–12 come first, then the others in plan order. */
export function buildModel(
  methodology: Methodology,
  catalogue: Catalogue,
  regions: Region[],
  peerGroups: PeerGroup[]
): SimModel {
  const plan = buildPlan(methodology);
  const parent = new Map<string, string>();
  const defaultWeights = new Map<string, number>();
  for (const n of methodology.nodes) {
    for (const e of n.children) {
      parent.set(e.id, n.id);
      defaultWeights.set(e.id, e.weight);
    }
  }
  const numberOf = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? NaN);
  const indicatorInfo = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const categoryInfo = new Map(catalogue.categories.map((c) => [c.id, c]));
  const targets = new Map(catalogue.targets.map((t) => [t.measure, t]));
  const categories: SimCategory[] = methodology.nodes
    .filter((n) => parent.get(n.id) === plan.root)
    .map((n) => {
      const info = categoryInfo.get(numberOf(n.id));
      return {
        id: n.id,
        nameZh: n.name?.zh ?? info?.nameZh ?? n.id,
        nameEn: n.name?.en ?? info?.nameEn ?? n.id,
        number: numberOf(n.id),
        indicators: [],
        measures: []
      };
    });
  const byId = new Map(categories.map((c) => [c.id, c]));
  const nodeById = new Map(methodology.nodes.map((n) => [n.id, n]));
  for (const c of categories) {
    for (const e of nodeById.get(c.id)?.children ?? []) {
      const node = nodeById.get(e.id);
      if (!node) continue;
      const info = indicatorInfo.get(numberOf(node.id));
      c.indicators.push({
        id: node.id,
        nameZh: node.name?.zh ?? info?.nameZh ?? node.id,
        nameEn: node.name?.en ?? info?.nameEn ?? node.id,
        leadUnits: info?.leadUnits ?? []
      });
    }
  }
  const measures = new Map<string, SimMeasure>();
  for (const m of methodology.measures) {
    if (m.derive || !m.normalise) continue;
    const indicator = parent.get(m.id) ?? "";
    let category = indicator;
    while (category && parent.get(category) !== plan.root) category = parent.get(category) ?? "";
    const n = m.normalise;
    const t = targets.get(m.id);
    const info = indicatorInfo.get(numberOf(indicator));
    const sim: SimMeasure = {
      id: m.id,
      nameZh: m.name?.zh ?? m.id,
      nameEn: m.name?.en ?? m.id,
      unit: m.unit,
      higher: m.direction === "higher_is_better",
      method: n.method,
      best: n.method === "frontier" ? n.best : n.method === "target" ? n.target : n.method === "expert" ? n.max : 1,
      worst: n.method === "frontier" ? n.worst : n.method === "target" ? null : 0,
      target: t ? {value: t.value, comparator: t.comparator, quoteZh: t.quoteZh} : null,
      indicator,
      category,
      leadUnits: info?.leadUnits ?? []
    };
    measures.set(m.id, sim);
    byId.get(category)?.measures.push(sim);
  }
  const rank = (c: SimCategory) => {
    const i = FIRST_CATEGORIES.indexOf(c.number);
    return i >= 0 ? i : FIRST_CATEGORIES.length + c.number;
  };
  categories.sort((a, b) => rank(a) - rank(b));
  return {
    methodology,
    root: plan.root,
    categories,
    measures,
    defaultWeights,
    parent,
    units: new Map(catalogue.units.map((u) => [u.id, {nameZh: u.nameZh, nameEn: u.nameEn}])),
    regions: new Map(regions.map((r) => [r.code, r])),
    peerGroups
  };
}

/** The goal a measure moves to: the plan's target, or the frontier (the value scoring full marks). */
export type Goal = "target" | "frontier";

/** The value a region reaches when it meets a goal; a value already better is kept ("=" targets are set exactly). */
export function goalValue(m: SimMeasure, goal: Goal, current: number | null): number | null {
  if (goal === "target") {
    if (!m.target) return null;
    const {value, comparator} = m.target;
    if (current === null || comparator === "=") return value;
    return comparator === ">=" ? Math.max(current, value) : Math.min(current, value);
  }
  if (m.best === null) return null;
  if (current === null) return m.best;
  return m.higher ? Math.max(current, m.best) : Math.min(current, m.best);
}
