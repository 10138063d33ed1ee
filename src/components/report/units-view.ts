/** Renderers of the lead units page: the units table and one unit's indicators. */
import * as Inputs from "@observablehq/inputs";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {fmt} from "./format.js";
import type {UnitRow} from "./units.js";
import {DataTable} from "./tables.js";

/** Every unit with its score, points lost and points attainable (the unit chart's table). */
export function UnitTable(
  rows: readonly UnitRow[],
  {lang, selected}: {lang: Lang; selected?: string}
): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return DataTable(
    rows,
    [
      {
        label: t("common.leadUnit"),
        value: (r) => Object.assign(document.createElement("a"), {href: `?unit=${r.id}`, textContent: r.name})
      },
      {label: t("units.indicators"), value: (r) => r.indicators.length, numeric: true},
      {label: t("units.score"), value: (r) => fmt(r.score), numeric: true},
      {label: t("units.lost"), value: (r) => fmt(r.lost, 2), numeric: true},
      {label: t("units.toTarget"), value: (r) => fmt(r.toTarget, 2), numeric: true},
      {label: t("units.toFrontier"), value: (r) => fmt(r.toFrontier, 2), numeric: true}
    ],
    {highlight: (r) => r.id === selected}
  );
}

/** One unit's indicators: category, score, peer median and points lost. */
export function UnitIndicatorTable(row: UnitRow, {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return DataTable(row.indicators, [
    {label: "#", value: (i) => i.id, numeric: true},
    {label: t("common.indicator"), value: (i) => i.name},
    {label: t("common.category"), value: (i) => i.category},
    {label: t("common.score"), value: (i) => fmt(i.score), numeric: true},
    {label: t("units.median"), value: (i) => fmt(i.median), numeric: true},
    {label: t("units.lost"), value: (i) => fmt(i.lost, 2), numeric: true}
  ]);
}

/** The unit select (value: unit id); opens on `?unit=` when it names a unit, else the first row. */
export function unitSelect(rows: readonly UnitRow[], lang: Lang, wanted: string | null): HTMLElement {
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return Inputs.select(
    rows.map((r) => r.id),
    {
      label: translate(lang, "units.select"),
      value: wanted && name.has(wanted) ? wanted : rows[0]?.id,
      format: (id: string) => name.get(id) ?? id
    }
  );
}
