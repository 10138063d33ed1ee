/** Renderers of the overview page: the first screen's cards, the category table and the largest gaps. */
import {html} from "htl";
import {formatPeriod, formatPoints, formatRank, formatScore, formatScoreChange, joinNames} from "../format.js";
import {translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import type {OverviewModel} from "./overview.js";
import {DataTable} from "./tables.js";

type Params = Record<string, string | number>;
type GapRowOf = OverviewModel["gaps"][number];

/** The first screen: total, rank in the group, the plan's targets met, and the lead units with most to gain. */
export function OverviewCards(model: OverviewModel, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const latest = formatPeriod(lang, model.latest);
  const baseline = model.baseline === null ? t("overview.noBaselinePeriod") : formatPeriod(lang, model.baseline);
  const move =
    model.placesGained === null
      ? ""
      : model.placesGained > 0
        ? t("overview.move.up", {n: model.placesGained})
        : model.placesGained < 0
          ? t("overview.move.down", {n: -model.placesGained})
          : t("overview.move.same");
  return html`<div class="grid grid-cols-4 bizenv-cards">
    <div class="card">
      <h2>${t("overview.card.total", {period: latest})}</h2>
      <span class="big" data-testid="total">${model.standing.totalText}</span>
      <p class="muted">
        ${
          model.baseline === null
            ? t("overview.card.onePeriod")
            : t("overview.card.since", {baseline, change: formatScoreChange(model.change)})
        }
      </p>
    </div>
    <div class="card">
      <h2>${t("overview.card.rank", {group: model.group.name})}</h2>
      <span class="big" data-testid="rank">${model.standing.rankText}</span>
      ${
        model.baseline === null
          ? ""
          : html`<p class="muted">
              ${t("overview.card.baselineRank", {
                baseline,
                rank: formatRank(model.baselineRank, model.baselineRanked ?? 0)
              })}
              ${move ? ` · ${move}` : ""}
            </p>`
      }
      ${model.standing.note ? html`<p class="muted small" data-testid="unranked-note">${model.standing.note}</p>` : ""}
    </div>
    ${model.plan ? planCards(model, lang, latest) : ""}
  </div>` as HTMLElement;
}

/** The plan's cards: targets met and the lead units with most to gain (only on sites with a plan catalogue). */
function planCards(model: OverviewModel, lang: Lang, latest: string): HTMLElement[] {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const {targets} = model;
  return [
    html`<div class="card">
      <h2>${t("overview.card.targets", {period: latest})}</h2>
      <span class="big" data-testid="targets-met">${targets.met} / ${targets.total}</span>
      <span class="bizenv-status met">${t("status.met")}</span>
      <p class="muted">${t("overview.card.targetsRest", {unmet: targets.unmet, nodata: targets.nodata})}</p>
      <p><a href="./targets" data-testid="targets-link">${t("overview.card.targetsLink")}</a></p>
    </div>`,
    html`<div class="card">
      <h2>${t("overview.card.units")}</h2>
      <ol class="bizenv-top-units" data-testid="top-units">
        ${model.topUnits.map(
          (u) =>
            html`<li>
              ${t("overview.card.unit", {
                unit: u.name,
                points:
                  u.toTarget !== null && u.toTarget > 0
                    ? t("overview.card.unitTarget", {points: formatPoints(u.toTarget)})
                    : t("overview.card.unitFrontier", {points: formatPoints(u.toFrontier)})
              })}
            </li>`
        )}
      </ol>
      <p><a href="./units">${t("overview.card.unitsLink")}</a></p>
    </div>`
  ] as HTMLElement[];
}

/** The focus region's category scores with the peer median and the best peer. */
export function CategoryTable(model: OverviewModel, lang: Lang): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
  return DataTable(model.categories, [
    {label: model.tier.tier, value: (r) => r.name},
    {label: model.focus.name, value: (r) => formatScore(r.score), numeric: true},
    {label: t("overview.legend.median"), value: (r) => formatScore(r.median), numeric: true},
    {label: t("overview.legend.best"), value: (r) => formatScore(r.best), numeric: true},
    {label: t("overview.categories.best"), value: (r) => r.bestRegion ?? "—"}
  ]);
}

/** The largest gaps with their indicator, lead units, the plan's target and the points at the target and frontier. */
export function GapTable(model: OverviewModel, lang: Lang): HTMLTableElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  // Without a plan catalogue there are no lead units or targets to list, and a measure may sit right under a category.
  const planColumns: Parameters<typeof DataTable<GapRowOf>>[1] = [
    {label: t("common.leadUnit"), value: (r) => (r.units.length ? joinNames(lang, r.units) : t("report.noLeadUnit"))},
    {
      label: t("overview.gaps.target"),
      value: (r) =>
        r.target
          ? t("overview.gaps.targetPoints", {target: r.target, points: formatPoints(r.toTarget)})
          : t("report.noTarget")
    }
  ];
  return DataTable(
    model.gaps,
    [
      {label: t("common.measure"), value: (r) => r.name},
      ...(model.gaps.some((r) => r.indicator)
        ? [{label: t("common.indicator"), value: (r: GapRowOf) => r.indicator}]
        : []),
      ...(model.plan ? planColumns : []),
      {label: t("overview.gaps.toFrontier"), value: (r) => formatPoints(r.toFrontier), numeric: true}
    ],
    {className: "bizenv-gaps bizenv-stack", testid: "gap-table"}
  );
}
