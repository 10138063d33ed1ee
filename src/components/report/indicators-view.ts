/** Renderers of the indicators page: the filters and one card per indicator with its peer values charts. */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {Report, ReportValues} from "../../engine/report/report-data.js";
import {PeerValuesChart} from "./charts.js";
import {fmt, fmtPercent, joinNames, median} from "./format.js";
import {measurePeers} from "./indicators.js";
import type {IndicatorEntry} from "./indicators.js";
import {lookup} from "./lookup.js";
import {TextAlternative} from "./tables.js";

/** The category filter (value: category id or null for all). */
export function categoryFilter(catalogue: Catalogue, lang: Lang): HTMLElement {
  const name = new Map(catalogue.categories.map((c) => [c.id, `${c.id} ${pick(lang, c.nameZh, c.nameEn)}`]));
  return Inputs.select([null, ...catalogue.categories.map((c) => c.id)], {
    label: translate(lang, "common.category"),
    format: (id: number | null) =>
      id === null ? translate(lang, "indicators.allCategories") : (name.get(id) ?? String(id))
  });
}

/** The lead unit filter (value: unit id or null for all). */
export function unitFilter(catalogue: Catalogue, lang: Lang): HTMLElement {
  const name = new Map(catalogue.units.map((u) => [u.id, pick(lang, u.nameZh, u.nameEn)]));
  return Inputs.select([null, ...catalogue.units.map((u) => u.id)], {
    label: translate(lang, "common.leadUnit"),
    format: (id: string | null) => (id === null ? translate(lang, "indicators.allUnits") : (name.get(id) ?? id))
  });
}

/** The free-text search box. */
export function searchBox(lang: Lang): HTMLElement {
  return Inputs.text({
    label: translate(lang, "indicators.search"),
    placeholder: translate(lang, "indicators.searchPlaceholder")
  });
}

/** What the cards need besides the entry. */
export interface CardContext {
  report: Report;
  values: ReportValues;
  group: string;
  period: string;
  focus: string;
  lang: Lang;
  width: number;
}

/** One indicator: assessment points, improvement measures, lead units, targets, weight and peer values per measure. */
export function IndicatorCard(entry: IndicatorEntry, ctx: CardContext): HTMLElement {
  const {report, lang} = ctx;
  const t = (key: StringKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const look = lookup(report);
  const members = look.group(ctx.group).members;
  const score = entry.node ? look.score(ctx.period, entry.node, ctx.focus) : null;
  const peerMedian = entry.node ? median(members.map((m) => look.score(ctx.period, entry.node!, m))) : null;
  const region = look.regionName(ctx.focus);
  return html`<section class="card bizenv-indicator" id=${`indicator-${entry.id}`}>
    <h3>${entry.id}. ${entry.name}</h3>
    <p class="muted">
      ${entry.category} · ${t("common.leadUnit")}:
      ${entry.units.length ? joinNames(lang, entry.units) : t("report.noLeadUnit")} · ${t("indicators.weight")}:
      ${fmtPercent(entry.effectiveWeight)}
    </p>
    ${
      entry.node
        ? html`<p><b>${t("indicators.scoreLine", {region, score: fmt(score), median: fmt(peerMedian)})}</b></p>`
        : html`<p class="muted">${t("indicators.notScored")}</p>`
    }
    <dl>
      <dt>${t("indicators.assessment")}</dt>
      <dd lang="zh-CN">${entry.assessment || t("indicators.noText")}</dd>
      <dt>${t("indicators.improvements")}</dt>
      <dd lang="zh-CN">${entry.improvements || t("indicators.noText")}</dd>
      ${
        entry.targets.length
          ? html`<dt>${t("indicators.targets")}</dt>
              <dd>
                <ul>
                  ${entry.targets.map(
                    (g) =>
                      html`<li>
                        <code>${g.measure}</code> ${g.comparator} ${g.value} ${g.unit}: <q lang="zh-CN">${g.quote}</q>
                      </li>`
                  )}
                </ul>
              </dd>`
          : ""
      }
    </dl>
    ${entry.measures.length ? html`<h4>${t("indicators.measures")}</h4>` : ""}
    ${entry.measures.map((m) => MeasureBlock(m.id, ctx))}
  </section>` as HTMLElement;
}

/** One measure's name, peer values chart and text alternative. */
function MeasureBlock(measureId: string, ctx: CardContext): HTMLElement {
  const {report, values, lang} = ctx;
  const measure = report.measures.find((m) => m.id === measureId)!;
  const peers = measurePeers(report, values, measure, ctx.group, ctx.period, ctx.focus, lang);
  const top = peers.values[0];
  const alt = translate(lang, "indicators.chart.alt", {
    region: lookup(report).regionName(ctx.focus),
    value: fmt(peers.focusValue, 2),
    best: fmt(peers.best, 2),
    target: fmt(peers.target, 2),
    n: peers.values.length,
    missing: peers.missing,
    top: top ? `${top.name} ${fmt(top.value, 2)}` : "—"
  });
  return html`<div class="bizenv-measure">
    <p>${peers.name} <span class="muted">(${measure.unit})</span></p>
    ${peers.values.length ? PeerValuesChart(peers, {width: Math.min(ctx.width, 720), lang}) : ""}
    ${TextAlternative(lang, alt)}
  </div>` as HTMLElement;
}
