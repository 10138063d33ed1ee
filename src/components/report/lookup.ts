/** Lookups over the report and the catalogue shared by the view models: regions, groups, nodes, unit names. */
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {pick} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {regionIndex} from "../../engine/report/report-data.js";
import type {Aligned, Report, ReportNode, ReportPeerGroup} from "../../engine/report/report-data.js";

/** The lead units' names, which the report pages take from the catalogue (the report carries only ids). */
export type UnitNames = Pick<Catalogue, "units">;

/** Indexed access to one report: region positions, nodes by id, peer groups. */
export interface ReportLookup {
  report: Report;
  at: Map<string, number>;
  node: Map<string, ReportNode>;
  regionName(code: string): string;
  group(id: string): ReportPeerGroup;
  /** A node's score for a region in a period (null when missing). */
  score(period: string, node: string, region: string): number | null;
  /** A node's rank within a peer group (null when missing). */
  rank(group: string, period: string, node: string, region: string): number | null;
  /** The value of an aligned array for a region. */
  of(values: Aligned | null | undefined, region: string): number | null;
  /** The total: the one node without a parent. */
  root: string | null;
  /** A node's distance from the total: 0 for the total, 1 for the categories (the root's children), 2 below them. */
  depth(id: string): number;
  /** The categories, whatever the methodology calls them: the root's children, in catalogue then plan order. */
  categories: ReportNode[];
}

/** Builds the lookups of a report. */
export function lookup(report: Report): ReportLookup {
  const at = regionIndex(report);
  const node = new Map(report.nodes.map((n) => [n.id, n]));
  const names = new Map(report.regions.map((r) => [r.code, r.name]));
  const of = (values: Aligned | null | undefined, region: string) => {
    const i = at.get(region);
    return values && i !== undefined ? (values[i] ?? null) : null;
  };
  const group = (id: string) => {
    const found = report.peerGroups.find((g) => g.id === id);
    if (!found) throw new Error(`未知对标组 / unknown peer group: ${id}`);
    return found;
  };
  const root = report.nodes.find((n) => n.parent === null)?.id ?? null;
  const depth = (id: string) => {
    let d = 0;
    for (let n = node.get(id); n?.parent; n = node.get(n.parent)) d++;
    return d;
  };
  return {
    report,
    at,
    node,
    regionName: (code) => names.get(code) ?? code,
    group,
    score: (period, id, region) => of(report.scores[period]?.[id], region),
    rank: (groupId, period, id, region) => {
      const i = group(groupId).members.indexOf(region);
      return i < 0 ? null : (report.ranks[groupId]?.[period]?.[id]?.[i] ?? null);
    },
    of,
    root,
    depth,
    categories: report.nodes
      .filter((n) => root !== null && n.parent === root)
      .sort((a, b) => (a.catalogueId ?? 0) - (b.catalogueId ?? 0))
  };
}

/** A node's or measure's name in the page language. */
export function nameOf(lang: Lang, item: {nameZh: string; nameEn: string}): string {
  return pick(lang, item.nameZh, item.nameEn);
}

/** Lead unit names in the page language (the id when the catalogue does not know it). */
export function unitNames(lang: Lang, catalogue: UnitNames, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const unit = catalogue.units.find((u) => u.id === id);
    return unit ? pick(lang, unit.nameZh, unit.nameEn) : id;
  });
}

/** The node at `depth` on the way from the total to `nodeId` (itself when it sits there; null when it sits higher). */
export function ancestorAt(look: ReportLookup, nodeId: string, depth: number): ReportNode | null {
  let n = look.node.get(nodeId);
  for (let d = look.depth(nodeId); n && d > depth; d--) n = n.parent ? look.node.get(n.parent) : undefined;
  return n && look.depth(n.id) === depth ? n : null;
}

/** The category (a child of the root) above a node, or the node itself if it is one (null for the total). */
export function categoryOf(look: ReportLookup, nodeId: string): ReportNode | null {
  return ancestorAt(look, nodeId, 1);
}
