/** Dot charts: the focus region's category scores against its peers, and one measure's values across the peers. */
import * as Plot from "../../vendor/plot-bundle.js";
import {unitTitle} from "../../format.js";
import {translate} from "../../i18n.js";
import type {MeasurePeers} from "../indicators.js";
import type {CategoryRow} from "../overview.js";
import {BEST, FOCUS, Legend, PEER, TARGET, figure, rowFrame, type ChartOptions} from "./common.js";

/** The focus region's category scores (dots) against the peer median (ticks) and the best peer (rings). */
export function CategoryChart(rows: readonly CategoryRow[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const frame = rowFrame(
    rows,
    (r) => r.id,
    (r) => r.name,
    {
      width,
      xLabel: t("common.score"),
      marginRight: 16,
      xDomain: [0, 100],
      // Compact rows, so that the chart follows the summary on the first printed page.
      rowHeight: 24,
      labelShare: 0.45
    }
  );
  const y = (r: CategoryRow) => r.id;
  const dy = frame.markDy;
  const chart = Plot.plot({
    ...frame.plot,
    marks: [
      frame.labels,
      Plot.ruleY(rows, {y, x1: 0, x2: 100, stroke: "#e5e5e5", dy}),
      Plot.tickX(rows, {
        filter: (r: CategoryRow) => r.median !== null,
        x: "median",
        y,
        stroke: PEER,
        strokeWidth: 2,
        insetTop: frame.insetTop,
        insetBottom: frame.insetBottom
      }),
      Plot.dot(rows, {
        filter: (r: CategoryRow) => r.best !== null,
        x: "best",
        y,
        dy,
        r: 6,
        stroke: BEST,
        strokeWidth: 2
      }),
      Plot.dot(rows, {filter: (r: CategoryRow) => r.score !== null, x: "score", y, dy, r: 5, fill: FOCUS})
    ]
  });
  const legend = Legend([
    {label: t("overview.legend.focus"), color: FOCUS, shape: "dot"},
    {label: t("overview.legend.median"), color: PEER, shape: "tick"},
    {label: t("overview.legend.best"), color: BEST, shape: "ring"}
  ]);
  return figure(chart, t("overview.categories.aria"), legend);
}

/** Where a label at relative position `p` (0..1 of the x range) is anchored, so that it stays inside the chart. */
const anchorAt = (p: number) => (p < 0.25 ? "start" : p > 0.75 ? "end" : "middle");

/** One measure's raw values across the peers: a strip of dots, the frontier and the plan's target on two lines. */
export function PeerValuesChart(model: MeasurePeers, {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const xs = [...model.values.map((v) => v.value), model.best, model.target].filter((x): x is number => x !== null);
  const lo = Math.min(0, ...xs);
  const hi = Math.max(...xs, lo + 1);
  const lines = [
    ...(model.best !== null ? [{x: model.best, label: t("common.frontier"), color: BEST, row: 0}] : []),
    ...(model.target !== null ? [{x: model.target, label: t("common.target"), color: TARGET, row: 1}] : [])
  ];
  const many = model.values.length > 30;
  const r = many ? 2.5 : 3.5;
  // One label per line, each on its own row above the chart (never on top of each other), anchored to stay inside.
  const labels = lines.map((l) =>
    Plot.text([l], {
      x: "x",
      text: "label",
      frameAnchor: "top",
      textAnchor: anchorAt((l.x - lo) / (hi - lo)),
      dy: l.row === 0 ? -26 : -12,
      fill: l.color,
      fontSize: 11
    })
  );
  const chart = Plot.plot({
    width,
    height: (many ? 90 : 56) + 74,
    marginTop: 36,
    marginLeft: 16,
    marginRight: 24,
    marginBottom: 38,
    x: {domain: [lo, hi], nice: true, label: unitTitle(lang, model.measure.unit), labelArrow: "none"},
    y: {axis: null},
    marks: [
      ...lines.map((l) =>
        Plot.ruleX([l.x], {stroke: l.color, strokeWidth: 2, ...(l.row ? {strokeDasharray: "4 3"} : {})})
      ),
      ...labels,
      Plot.dot(
        model.values.filter((v) => !v.focus),
        Plot.dodgeY({x: "value", r, fill: PEER, fillOpacity: 0.6, anchor: "middle"})
      ),
      Plot.dot(
        model.values.filter((v) => v.focus),
        {x: "value", r: 6, fill: FOCUS, stroke: "white"}
      )
    ]
  });
  return figure(chart, t("indicators.chart.aria"));
}
