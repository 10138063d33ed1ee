/** Renderers of the indicators page: the filters and one card per indicator with its targets, checklist and charts. */
import {html} from "htl";
import type {Catalogue} from "../../engine/catalogue/catalogue.js";
import type {Report, ReportMeasure, ReportValues} from "../../engine/report/report-data.js";
import {formatScore, formatShare, formatValue, joinNames, unitTitle} from "../format.js";
import {pick, translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import {PeerValuesChart} from "./charts/dots.js";
import {selectInput, textInput} from "./controls.js";
import {checklist, measurePeers} from "./indicators.js";
import type {IndicatorEntry} from "./indicators.js";
import {lookup} from "./lookup.js";
import {median} from "./stats.js";
import {TextAlternative} from "./tables.js";
import {StatusBadge} from "./targets-view.js";
import type {TargetRow} from "./targets.js";
import {isYesNo} from "../../engine/model/yes-no.js";

type Params = Record<string, string | number>;

/** The category filter over the entries' categories (value: category id or null for all). */
export function categoryFilter(entries: readonly IndicatorEntry[], lang: Lang): HTMLElement {
  const name = new Map(entries.map((e) => [e.categoryId, `${e.categoryId} ${e.category}`]));
  return selectInput<number | null>({
    label: translate(lang, "common.category"),
    values: [null, ...name.keys()],
    format: (id) => (id === null ? translate(lang, "indicators.allCategories") : (name.get(id) ?? String(id))),
    name: "category"
  });
}

/** The lead unit filter (value: unit id or null for all). */
export function unitFilter(catalogue: Catalogue, lang: Lang): HTMLElement {
  const name = new Map(catalogue.units.map((u) => [u.id, pick(lang, u.nameZh, u.nameEn)]));
  return selectInput<string | null>({
    label: translate(lang, "common.leadUnit"),
    values: [null, ...catalogue.units.map((u) => u.id)],
    format: (id) => (id === null ? translate(lang, "report.allUnits") : (name.get(id) ?? id)),
    name: "unit"
  });
}

/** The free-text search box. */
export function searchBox(lang: Lang): HTMLElement {
  return textInput({
    label: translate(lang, "indicators.search"),
    placeholder: translate(lang, "indicators.searchPlaceholder")
  });
}

/** What the cards need besides the entry. */
export interface CardContext {
  report: Report;
  values: ReportValues;
  /** The focus region's targets (targetRows), for their status. */
  targets: readonly TargetRow[];
  group: string;
  period: string;
  focus: string;
  lang: Lang;
  width: number;
  /** False without a plan catalogue (the World Bank preset): no lead units to name. */
  plan: boolean;
}

/** One indicator: lead units, score, targets with status, yes/no checklist, the plan's words, peer values. */
export function IndicatorCard(entry: IndicatorEntry, ctx: CardContext): HTMLElement {
  const {report, lang} = ctx;
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const look = lookup(report);
  const members = look.group(ctx.group).members;
  const score = entry.node ? look.score(ctx.period, entry.node, ctx.focus) : null;
  const peerMedian = entry.node ? median(members.map((m) => look.score(ctx.period, entry.node!, m))) : null;
  const region = look.regionName(ctx.focus);
  const targets = ctx.targets.filter((x) => entry.targetIds.includes(x.id));
  const items = checklist(report, ctx.values, entry.measures, ctx.period, ctx.focus, lang);
  const units = entry.units.length ? joinNames(lang, entry.units) : t("report.noLeadUnit");
  return html`<section class="card bizenv-indicator" id=${`indicator-${entry.id}`}>
    <h3>${entry.id}. ${entry.name}</h3>
    <p class="muted">
      ${t(ctx.plan ? "indicators.meta" : "indicators.metaNoPlan", {
        category: entry.category,
        units,
        weight: formatShare(entry.effectiveWeight)
      })}
    </p>
    ${entry.ownerQuote ? html`<p class="muted small">${t("units.card.sectionThree")}<q>${entry.ownerQuote}</q></p>` : ""}
    ${
      entry.node
        ? html`<p>
            <b>${t("indicators.scoreLine", {region, score: formatScore(score), median: formatScore(peerMedian)})}</b>
          </p>`
        : html`<p class="muted">${t("indicators.notScored")}</p>`
    }
    ${
      targets.length
        ? html`<ul class="bizenv-indicator-targets">
            ${targets.map(
              (x) =>
                html`<li data-status=${x.status}>
                  ${StatusBadge(x.status, lang)}
                  ${t("indicators.target", {
                    measure: x.measureName,
                    target: x.target,
                    value: formatValue(lang, x.values[x.values.length - 1]?.value ?? null, x.unit)
                  })}
                  <q class="muted small" lang="zh-CN">${x.quote}</q>
                </li>`
            )}
          </ul>`
        : ""
    }
    ${items ? Checklist(items, lang) : ""}
    ${
      entry.plan
        ? html`<dl>
            <dt>${t("indicators.assessment")}</dt>
            <dd lang="zh-CN">${entry.assessment || t("indicators.noText")}</dd>
            <dt>${t("indicators.improvements")}</dt>
            <dd lang="zh-CN">${entry.improvements || t("indicators.noText")}</dd>
          </dl>`
        : ""
    }
    ${entry.measures.some((m) => !isYesNo(m)) ? html`<h4>${t("indicators.measures")}</h4>` : ""}
    ${entry.measures.filter((m) => !isYesNo(m)).map((m) => MeasureBlock(m, ctx))}
  </section>` as HTMLElement;
}

/** The yes/no items: how many the region has, and which are missing. */
function Checklist(items: NonNullable<ReturnType<typeof checklist>>, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  return html`<div class="bizenv-checklist" data-testid="checklist">
    <p>
      <b>${t("indicators.checklist", {present: items.present, total: items.items.length})}</b>
    </p>
    ${
      items.missing.length
        ? html`<p data-testid="checklist-missing">
            ${t("indicators.checklist.missing")}${joinNames(lang, items.missing)}
          </p>`
        : html`<p>${t("indicators.checklist.complete")}</p>`
    }
    ${items.unknown.length ? html`<p class="muted">${t("indicators.checklist.unknown")}${joinNames(lang, items.unknown)}</p>` : ""}
  </div>` as HTMLElement;
}

/** One measure's name, unit, peer values chart and text alternative. */
function MeasureBlock(measure: ReportMeasure, ctx: CardContext): HTMLElement {
  const {report, values, lang} = ctx;
  const peers = measurePeers(report, values, measure, ctx.group, ctx.period, ctx.focus, lang);
  const top = peers.values[0];
  const value = (x: number | null) => formatValue(lang, x, measure.unit);
  const alt = translate(lang, "indicators.chart.alt", {
    region: lookup(report).regionName(ctx.focus),
    value: value(peers.focusValue),
    best: value(peers.best),
    target: value(peers.target),
    n: peers.values.length,
    missing: peers.missing,
    top: top ? `${top.name} ${value(top.value)}` : "—"
  });
  return html`<div class="bizenv-measure">
    <p>${peers.name} <span class="muted">(${unitTitle(lang, measure.unit)})</span></p>
    ${peers.values.length ? PeerValuesChart(peers, {width: Math.min(ctx.width, 720), lang}) : ""}
    ${TextAlternative(lang, alt)}
  </div>` as HTMLElement;
}
