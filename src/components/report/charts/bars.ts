/** Bar charts with one row per item: the largest gaps (overview) and the points per lead unit (units page). */
import * as Plot from "../../vendor/plot-bundle.js";
import {formatPoints} from "../../format.js";
import {translate} from "../../i18n.js";
import type {GapRow} from "../overview.js";
import type {UnitRank} from "../units.js";
import {FRONTIER, Legend, TARGET, figure, rowFrame, type ChartOptions} from "./common.js";

/** The largest gaps as bars of points attainable, coloured by the goal that gives them, largest first. */
export function GapChart(rows: readonly GapRow[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const frame = rowFrame(
    rows,
    (r) => r.measure,
    (r) => r.name,
    {
      width,
      xLabel: t("overview.gaps.points"),
      marginRight: 44
    }
  );
  const chart = Plot.plot({
    ...frame.plot,
    marks: [
      frame.labels,
      Plot.barX(rows, {
        x: "points",
        y: "measure",
        fill: (r: GapRow) => (r.goal === "target" ? TARGET : FRONTIER),
        insetTop: frame.insetTop,
        insetBottom: frame.insetBottom
      }),
      Plot.text(rows, {
        x: "points",
        y: "measure",
        text: (r: GapRow) => formatPoints(r.points),
        textAnchor: "start",
        dx: 4,
        dy: frame.markDy + 1,
        fontSize: 11
      }),
      Plot.ruleX([0])
    ]
  });
  const legend = Legend([
    ...(rows.some((r) => r.goal === "target")
      ? [{label: t("overview.gaps.byTarget"), color: TARGET, shape: "bar" as const}]
      : []),
    ...(rows.some((r) => r.goal === "frontier")
      ? [{label: t("overview.gaps.byFrontier"), color: FRONTIER, shape: "bar" as const}]
      : [])
  ]);
  return figure(chart, t("overview.gaps.aria"), legend);
}

/** Points attainable per lead unit: a bar at the plan's targets, a dot at the frontier; rows in the given order. */
export function UnitChart(rows: readonly UnitRank[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const frame = rowFrame(
    rows,
    (r) => r.id,
    (r) => r.name,
    {width, xLabel: t("units.points"), marginRight: 16}
  );
  const y = (r: UnitRank) => r.id;
  const hasFrontier = (r: UnitRank) => r.toFrontier !== null;
  const chart = Plot.plot({
    ...frame.plot,
    marks: [
      frame.labels,
      Plot.ruleY(rows, {filter: hasFrontier, y, x1: 0, x2: "toFrontier", stroke: FRONTIER, dy: frame.markDy}),
      Plot.barX(rows, {
        filter: (r: UnitRank) => r.toTarget !== null,
        x: "toTarget",
        y,
        fill: TARGET,
        insetTop: frame.insetTop,
        insetBottom: frame.insetBottom
      }),
      Plot.dot(rows, {filter: hasFrontier, x: "toFrontier", y, dy: frame.markDy, r: 5, fill: FRONTIER}),
      Plot.ruleX([0])
    ]
  });
  const legend = Legend([
    {label: t("units.toTarget"), color: TARGET, shape: "bar"},
    {label: t("units.toFrontier"), color: FRONTIER, shape: "dot"}
  ]);
  return figure(chart, t("units.chart.aria"), legend);
}
