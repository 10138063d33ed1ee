/**
 * Saying why a score is missing on the report pages: for each region without a total (or a category), one line in the
 * page's language naming the node that cannot be computed, the nodes below it, and the measures without a value. The
 * reasons are computed at build time (`Report.missing`, `explainMissingTotals` of src/engine/model); this module only
 * puts names on them.
 */
import {html} from "htl";
import type {MissingReason} from "../../engine/model/model.js";
import type {Report} from "../../engine/report/report-data.js";
import {joinNames} from "../format.js";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {nameOf} from "./lookup.js";

/** Reasons about the total, about categories (when the total has a score), or both. */
export type MissingScope = "total" | "category" | "any";

/** One region's reasons as a sentence. */
export interface MissingLine {
  code: string;
  name: string;
  /** The nodes that cannot be computed, by name (the total, or categories). */
  nodes: string[];
  /** The measures without a value, by name, each once. */
  measures: string[];
  text: string;
}

/** How many branches and measures a line names before it says "and N more". */
const SHOWN = {branches: 3, measures: 4};

/** The lines for `regions` (in that order, each once) in `period`; [] when all their scores could be computed. */
export function missingLines(
  report: Pick<Report, "missing" | "root" | "nodes" | "measures" | "regions">,
  {period, regions, scope = "any"}: {period: string; regions: readonly string[]; scope?: MissingScope},
  lang: Lang
): MissingLine[] {
  const node = new Map(report.nodes.map((n) => [n.id, n]));
  const measure = new Map(report.measures.map((m) => [m.id, m]));
  const regionName = new Map(report.regions.map((r) => [r.code, r.name]));
  // A derived measure is not in `report.measures`: its id is the only name the report has.
  const nodeName = (id: string) => (node.has(id) ? nameOf(lang, node.get(id)!) : id);
  const measureName = (id: string) => (measure.has(id) ? nameOf(lang, measure.get(id)!) : id);
  const inScope = (r: MissingReason) =>
    scope === "any" || (scope === "total" ? r.node === report.root : r.node !== report.root);
  const lines: MissingLine[] = [];
  for (const code of regions) {
    const reasons = report.missing.filter((r) => r.period === period && r.region === code && inScope(r));
    if (reasons.length === 0) continue;
    const name = regionName.get(code) ?? code;
    const nodes = [...new Set(reasons.map((r) => nodeName(r.node)))];
    const branches = reasons.slice(0, SHOWN.branches).map((r) => branch(r, nodeName, measureName, lang));
    const more = reasons.length - branches.length;
    if (more > 0) branches.push(translate(lang, "why.moreBranches", {n: more}));
    lines.push({
      code,
      name,
      nodes,
      measures: [...new Set(reasons.flatMap((r) => r.measures.map(measureName)))],
      text: translate(lang, "why.line", {
        region: name,
        nodes: joinNames(lang, nodes),
        branches: branches.join(lang === "en" ? "; " : "；")
      })
    });
  }
  return lines;
}

/** One branch: the nodes below the one that cannot be computed, then its missing measures (or its low coverage). */
function branch(
  r: MissingReason,
  nodeName: (id: string) => string,
  measureName: (id: string) => string,
  lang: Lang
): string {
  const chain = r.path.slice(1).map(nodeName).join(" › ");
  const where = chain ? translate(lang, "why.where", {chain}) : "";
  if (r.measures.length === 0) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const coverage = r.coverage === null ? "" : ` (${pct(r.coverage)} < ${pct(r.minCoverage)})`;
    return where + translate(lang, "why.coverage", {coverage});
  }
  const names = r.measures.slice(0, SHOWN.measures).map(measureName);
  const rest = r.measures.length - names.length;
  return (
    where + translate(lang, rest > 0 ? "why.measuresMore" : "why.measures", {measures: joinNames(lang, names), n: rest})
  );
}

/** The note under a table or a headline: one line per region ("" when there is nothing to explain). */
export function MissingNote(lines: readonly MissingLine[], lang: Lang): HTMLElement | string {
  if (lines.length === 0) return "";
  return html`<div class="bizenv-why muted small" role="note" data-testid="missing-why">
    <span class="bizenv-why-title">${translate(lang, "why.title")}</span>
    <ul>
      ${lines.map((l) => html`<li data-region=${l.code}>${l.text}</li>`)}
    </ul>
  </div>` as HTMLElement;
}
