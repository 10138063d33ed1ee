/**
 * The report pages' controls as plain elements styled in style.css (no Inputs stylesheet, no form that prints as an
 * empty box): a labelled select or text box whose `value` Framework's `view()` reads, updated on every "input".
 */
import {html} from "htl";
import {peerGroupLabel} from "../format.js";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {Report} from "../../engine/report/report-data.js";

/** A labelled select over `values` (any type); its `value` is the chosen one. */
export function selectInput<T>(options: {
  label: string;
  values: readonly T[];
  value?: T;
  format: (value: T) => string;
  name?: string;
}): HTMLElement {
  const {values, format} = options;
  const at = Math.max(0, options.value === undefined ? 0 : values.indexOf(options.value));
  const select = html`<select name=${options.name ?? ""}>
    ${values.map((v, i) => html`<option value=${String(i)} selected=${i === at}>${format(v)}</option>`)}
  </select>` as HTMLSelectElement;
  const field = html`<label class="bizenv-field"><span>${options.label}</span>${select}</label>` as HTMLElement;
  return Object.defineProperty(field, "value", {get: () => values[Number(select.value)]});
}

/** A labelled text box; its `value` is the text typed. */
export function textInput(options: {label: string; placeholder?: string}): HTMLElement {
  const input = html`<input type="search" placeholder=${options.placeholder ?? ""} />` as HTMLInputElement;
  const field = html`<label class="bizenv-field"><span>${options.label}</span>${input}</label>` as HTMLElement;
  return Object.defineProperty(field, "value", {get: () => input.value});
}

/** The peer group select (value: group id), each group with its size: 甘肃省（88 个地区）. */
export function groupSelect(report: Report, lang: Lang, value: string): HTMLElement {
  const groups = new Map(report.peerGroups.map((g) => [g.id, g]));
  return selectInput({
    label: translate(lang, "common.peerGroup"),
    values: report.peerGroups.map((g) => g.id),
    value,
    format: (id) => peerGroupLabel(lang, groups.get(id)!),
    name: "group"
  });
}

/** The focus region select over a group's members (value: region code); falls back to the first member. */
export function focusSelect(report: Report, groupId: string, lang: Lang, value: string): HTMLElement {
  const group = report.peerGroups.find((g) => g.id === groupId) ?? report.peerGroups[0];
  const name = new Map(report.regions.map((r) => [r.code, r.name]));
  // An English page shows a Chinese name with its GB/T 2260 code beside it; a region named in English needs no code.
  const withCode = new Set(report.regions.filter((r) => !r.nameEn).map((r) => r.code));
  return selectInput({
    label: translate(lang, "report.focus"),
    values: group.members,
    value: group.members.includes(value) ? value : group.members[0],
    format: (code) =>
      lang === "en" && withCode.has(code) ? `${name.get(code) ?? code} ${code}` : (name.get(code) ?? code),
    name: "focus"
  });
}

/** The period select (value: period id), latest first, labelled as readers write periods ("2024年上半年"). */
export function periodSelect(report: Report, lang: Lang): HTMLElement {
  return selectInput({
    label: translate(lang, "common.period"),
    values: [...report.periods].reverse(),
    value: report.latest,
    format: (p) => periodLabel(p, lang),
    name: "period"
  });
}
