/** Tables of the overview page: the category scores (the dot chart's text alternative) and the largest gaps. */
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {fmt, joinNames} from "./format.js";
import type {OverviewModel} from "./overview.js";
import {DataTable} from "./tables.js";

/** The focus region's category scores with the peer median and the best peer. */
export function CategoryTable(model: OverviewModel, lang: Lang): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return DataTable(model.categories, [
    {label: t("common.category"), value: (r) => r.name},
    {label: model.focus.name, value: (r) => fmt(r.score), numeric: true},
    {label: t("overview.legend.median"), value: (r) => fmt(r.median), numeric: true},
    {label: t("overview.legend.best"), value: (r) => fmt(r.best), numeric: true},
    {label: t("overview.categories.best"), value: (r) => r.bestRegion ?? "—"}
  ]);
}

/** The largest gaps with their indicator, lead units and the points at the target and at the frontier. */
export function GapTable(model: OverviewModel, lang: Lang): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return DataTable(
    model.gaps,
    [
      {label: t("overview.gaps.measure"), value: (r) => r.name},
      {label: t("common.indicator"), value: (r) => r.indicator},
      {label: t("common.leadUnit"), value: (r) => (r.units.length ? joinNames(lang, r.units) : "—")},
      {label: t("overview.gaps.toTarget"), value: (r) => fmt(r.toTarget, 2), numeric: true},
      {label: t("overview.gaps.toFrontier"), value: (r) => fmt(r.toFrontier, 2), numeric: true}
    ],
    {className: "bizenv-gaps"}
  );
}
