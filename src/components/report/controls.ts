/** Inputs controls of the report pages: peer group, focus region and period selects. */
import * as Inputs from "@observablehq/inputs";
import {pick, translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {Report} from "../../engine/report/report-data.js";

/** The peer group select (value: group id). */
export function groupSelect(report: Report, lang: Lang, value: string): HTMLElement {
  const name = new Map(report.peerGroups.map((g) => [g.id, `${pick(lang, g.nameZh, g.nameEn)} (${g.members.length})`]));
  return Inputs.select(
    report.peerGroups.map((g) => g.id),
    {label: translate(lang, "common.peerGroup"), value, format: (id: string) => name.get(id) ?? id}
  );
}

/** The focus region select over a group's members (value: region code); the value falls back to the first member. */
export function focusSelect(report: Report, groupId: string, lang: Lang, value: string): HTMLElement {
  const group = report.peerGroups.find((g) => g.id === groupId) ?? report.peerGroups[0];
  const name = new Map(report.regions.map((r) => [r.code, r.name]));
  return Inputs.select(group.members, {
    label: translate(lang, "report.focus"),
    value: group.members.includes(value) ? value : group.members[0],
    format: (code: string) => (lang === "en" ? `${name.get(code) ?? code} ${code}` : (name.get(code) ?? code))
  });
}

/** The period select (value: period id), latest first, labelled as readers write periods ("2024年上半年"). */
export function periodSelect(report: Report, lang: Lang): HTMLElement {
  return Inputs.select([...report.periods].reverse(), {
    label: translate(lang, "common.period"),
    value: report.latest,
    format: (period: string) => periodLabel(period, lang)
  });
}
