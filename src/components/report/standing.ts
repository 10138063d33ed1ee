/**
 * Where the focus region stands in its peer group in a period: total, rank and the rank's denominator (the members
 * that have a total), and the members that have none. The overview, the peers page and their tests read it here, so
 * the rank reads the same on both pages ("64 / 87"), as in the simulator.
 */
import type {Lang} from "../i18n.js";
import type {Report} from "../../engine/report/report-data.js";
import {formatRank, formatScore, peerGroupLabel, unrankedNote} from "../format.js";
import {lookup, nameOf} from "./lookup.js";

/** The focus region's standing. */
export interface Standing {
  code: string;
  name: string;
  period: string;
  total: number | null;
  rank: number | null;
  /** Members with a total in the period: the rank's denominator. */
  ranked: number;
  /** Names of the members without a total (not ranked). */
  unranked: string[];
  group: {id: string; name: string; label: string; size: number};
  /** The total and rank as every page writes them ("77.5", "64 / 87"). */
  totalText: string;
  rankText: string;
  /** Why the denominator is smaller than the group ("" when everyone is ranked). */
  note: string;
}

/** The focus region's standing in a group and period. */
export function standing(report: Report, groupId: string, period: string, focus: string, lang: Lang): Standing {
  const look = lookup(report);
  const group = look.group(groupId);
  const total = look.score(period, report.root, focus);
  const rank = look.rank(group.id, period, report.root, focus);
  const unrankedCodes = group.members.filter((m) => look.score(period, report.root, m) === null);
  const ranked = group.members.length - unrankedCodes.length;
  const unranked = unrankedCodes.map((c) => look.regionName(c));
  return {
    code: focus,
    name: look.regionName(focus),
    period,
    total,
    rank,
    ranked,
    unranked,
    group: {id: group.id, name: nameOf(lang, group), label: peerGroupLabel(lang, group), size: group.members.length},
    totalText: formatScore(total),
    rankText: formatRank(rank, ranked),
    note: unrankedNote(lang, group, unranked)
  };
}
