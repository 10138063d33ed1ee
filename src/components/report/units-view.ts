/** Renderers of the lead units page: the ranking table, one card per unit (its task list), and the ownerless list. */
import {html} from "htl";
import {formatGap, formatPoints, formatScore, formatValue} from "../format.js";
import {translate} from "../i18n.js";
import type {Lang, StringKey} from "../i18n.js";
import {selectInput} from "./controls.js";
import {DataTable} from "./tables.js";
import {StatusBadge} from "./targets-view.js";
import {improvementGroups, type UnitIndicator, type UnitRank, type UnitRow} from "./units.js";

type Params = Record<string, string | number>;

/** The ranking as a table: points at the targets and at the frontier, targets met, indicators, points lost. */
export function UnitTable(rows: readonly UnitRow[], {lang}: {lang: Lang}): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
  return DataTable(
    rows,
    [
      {label: "#", value: (r) => rows.indexOf(r) + 1, numeric: true},
      {
        label: t("common.leadUnit"),
        value: (r) => html`<a href=${`?unit=${r.id}`}>${r.name}</a>`
      },
      {label: t("units.toTarget"), value: (r) => formatPoints(r.toTarget), numeric: true},
      {label: t("units.toFrontier"), value: (r) => formatPoints(r.toFrontier), numeric: true},
      {
        label: t("units.targetsMet"),
        value: (r) =>
          r.targets.length ? `${r.targets.filter((x) => x.status === "met").length} / ${r.targets.length}` : "—",
        numeric: true
      },
      {label: t("units.indicators"), value: (r) => r.indicators.length, numeric: true},
      {label: t("units.lost"), value: (r) => formatPoints(r.lost), numeric: true}
    ],
    {className: "bizenv-stack", testid: "unit-table"}
  );
}

/**
 * The unit select: one unit (value: its id) or every unit (null); opens on `?unit=` (`all` for every unit), else on
 * the unit with the most to gain.
 */
export function unitSelect(rows: readonly UnitRank[], lang: Lang, wanted: string | null): HTMLElement {
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return selectInput<string | null>({
    label: translate(lang, "units.select"),
    values: [null, ...rows.map((r) => r.id)],
    value: wanted === "all" ? null : wanted && name.has(wanted) ? wanted : (rows[0]?.id ?? null),
    format: (id) => (id === null ? translate(lang, "report.allUnits") : (name.get(id) ?? id)),
    name: "unit"
  });
}

/** One unit's task list: its points, its targets with their status, its indicators with the plan's measures. */
export function UnitCard(row: UnitRow, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const met = row.targets.filter((x) => x.status === "met").length;
  const byId = new Map(row.indicators.map((i) => [i.id, i]));
  return html`<section class="card bizenv-unit" id=${`unit-${row.id}`} data-unit=${row.id}>
    <h3>${row.name}</h3>
    <p>
      ${t("units.card.points", {target: formatPoints(row.toTarget), frontier: formatPoints(row.toFrontier)})}
      ${row.targets.length ? ` · ${t("units.card.targets", {met, total: row.targets.length})}` : ""}
    </p>
    ${
      row.targets.length
        ? html`<h4>${t("units.card.targetsTitle")}</h4>
            <ul class="bizenv-unit-targets">
              ${row.targets.map(
                (x) =>
                  html`<li data-status=${x.status}>
                    ${StatusBadge(x.status, lang)}
                    ${t("units.card.target", {id: x.indicatorId, measure: x.measureName, target: x.target})}
                    <span class="muted"
                      >(${t("units.card.now", {value: formatValue(lang, x.values[x.values.length - 1]?.value ?? null, x.unit)})}${
                        x.status === "unmet"
                          ? t("units.card.gap", {gap: formatGap(lang, x.gap, x.unit), points: formatPoints(x.points)})
                          : ""
                      })</span
                    >
                  </li>`
              )}
            </ul>`
        : html`<p class="muted">${t("units.card.noTargets")}</p>`
    }
    <h4>${t("units.card.tasks", {n: row.indicators.length})}</h4>
    ${improvementGroups(row.indicators).map((g) => TaskGroup(g, byId, lang))}
  </section>` as HTMLElement;
}

/** A run of indicators sharing the plan's improvement measures: their names, scores, and the measures' text. */
function TaskGroup(group: {ids: number[]; text: string}, byId: Map<number, UnitIndicator>, lang: Lang): HTMLElement {
  const t = (key: StringKey, params: Params = {}) => translate(lang, key, params);
  const items = group.ids.map((id) => byId.get(id)!);
  const quote = items.find((i) => i.source === "section 三")?.quote;
  return html`<div class="bizenv-task">
    <ul class="bizenv-task-indicators">
      ${items.map(
        (i) =>
          html`<li>
            ${i.id}. ${i.name}
            <span class="muted small"
              >${t("units.card.score", {score: formatScore(i.score), lost: formatPoints(i.lost)})}</span
            >
          </li>`
      )}
    </ul>
    ${quote ? html`<p class="muted small">${t("units.card.sectionThree")}<q lang="zh-CN">${quote}</q></p>` : ""}
    <p class="bizenv-improvements" lang="zh-CN">
      <b>${t("units.card.improvements")}</b>${group.text || t("indicators.noText")}
    </p>
  </div>` as HTMLElement;
}

/** The indicators the plan gives no lead unit at all, with their scores and points lost. */
export function OwnerlessTable(rows: readonly UnitIndicator[], lang: Lang): HTMLTableElement {
  const t = (key: StringKey) => translate(lang, key);
  return DataTable(
    rows,
    [
      {label: "#", value: (i) => i.id, numeric: true},
      {label: t("common.indicator"), value: (i) => i.name},
      {label: t("common.category"), value: (i) => i.category},
      {label: t("common.score"), value: (i) => formatScore(i.score), numeric: true},
      {label: t("units.lost"), value: (i) => formatPoints(i.lost), numeric: true}
    ],
    {className: "bizenv-stack", testid: "ownerless"}
  );
}
