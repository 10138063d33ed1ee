/**
 * Plot renderers of the report pages. Each takes a view model and options and returns a `<figure>` with an
 * aria-label; the page puts a table or a `<details>` text alternative next to it.
 */
import * as Plot from "../vendor/plot-bundle.js";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";
import {fmt} from "./format.js";
import type {MeasurePeers} from "./indicators.js";
import type {CategoryRow, GapRow} from "./overview.js";
import type {HeatCell, RankPoint} from "./peers.js";
import type {UnitRow} from "./units.js";

/** Options shared by the charts. */
export interface ChartOptions {
  width: number;
  lang: Lang;
}

const FOCUS = "#c0392b";
const PEER = "#8a8f98";
const BEST = "#1e8449";
const TARGET = "#d68910";

/** Wraps a Plot chart in a figure labelled for screen readers. */
function figure(chart: Element, label: string): HTMLElement {
  const node = document.createElement("figure");
  node.className = "bizenv-chart";
  node.setAttribute("aria-label", label);
  node.setAttribute("role", "img");
  node.append(chart);
  return node;
}

/** Left margin fitting labels of `lineWidth` ems at 12 px, capped to a third of the width. */
function labelMargin(labels: readonly string[], width: number, lang: Lang): number {
  const ems = Math.max(
    0,
    ...labels.map((l) => [...l].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : lang === "en" ? 0.55 : 0.6), 0))
  );
  return Math.round(Math.min(width / 3, Math.max(60, ems * 12 + 12)));
}

/** Label width in ems for axis text wrapping, given a left margin in px. */
// Leaves room for the tick and padding (9 px) and for fonts wider than Plot's width estimate, so no label is clipped.
const emsFor = (margin: number) => Math.max(4, (margin - 24) / 12);

/** The focus region's category scores (dots) against the peer median (ticks) and the best peer (rings). */
export function CategoryChart(rows: readonly CategoryRow[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const marginLeft = labelMargin(
    rows.map((r) => r.name),
    width,
    lang
  );
  const chart = Plot.plot({
    width,
    height: rows.length * 30 + 50,
    marginLeft,
    marginRight: 20,
    x: {domain: [0, 100], grid: true, label: t("common.score")},
    y: {domain: rows.map((r) => r.name), label: null},
    color: {
      legend: true,
      domain: [t("overview.legend.focus"), t("overview.legend.median"), t("overview.legend.best")],
      range: [FOCUS, PEER, BEST]
    },
    marks: [
      Plot.axisY({lineWidth: emsFor(marginLeft), textOverflow: "ellipsis", fontSize: 12}),
      Plot.ruleY(rows, {y: "name", x1: 0, x2: 100, stroke: "#eee"}),
      Plot.tickX(rows, {
        filter: (r) => r.median !== null,
        x: "median",
        y: "name",
        stroke: () => t("overview.legend.median"),
        strokeWidth: 2
      }),
      Plot.dot(rows, {
        filter: (r) => r.best !== null,
        x: "best",
        y: "name",
        r: 6,
        stroke: () => t("overview.legend.best"),
        strokeWidth: 2
      }),
      Plot.dot(rows, {
        filter: (r) => r.score !== null,
        x: "score",
        y: "name",
        r: 5,
        fill: () => t("overview.legend.focus")
      })
    ]
  });
  return figure(chart, t("overview.categories.aria"));
}

/** The largest gaps as bars of points attainable. */
export function GapChart(rows: readonly GapRow[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const marginLeft = labelMargin(
    rows.map((r) => r.name),
    width,
    lang
  );
  const chart = Plot.plot({
    width,
    height: rows.length * 28 + 40,
    marginLeft,
    marginRight: 50,
    x: {grid: true, label: t("overview.gaps.points")},
    y: {domain: rows.map((r) => r.name), label: null},
    marks: [
      Plot.axisY({lineWidth: emsFor(marginLeft), textOverflow: "ellipsis", fontSize: 12}),
      Plot.barX(rows, {x: "points", y: "name", fill: (r: GapRow) => (r.goal === "target" ? TARGET : "#2e86c1")}),
      Plot.text(rows, {x: "points", y: "name", text: (r: GapRow) => fmt(r.points, 2), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
  return figure(chart, t("overview.gaps.aria"));
}

/** Regions × categories coloured by score; columns are the category numbers (the key is in the table). */
export function Heatmap(cells: readonly HeatCell[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const codes = [...new Set(cells.map((c) => c.code))];
  const names = new Map(cells.map((c) => [c.code, c.region]));
  const marginLeft = labelMargin([...names.values()], width, lang);
  const chart = Plot.plot({
    width,
    height: codes.length * 22 + 90,
    marginLeft,
    x: {type: "band", label: t("peers.heatmap.x"), axis: "top"},
    y: {domain: codes, label: null, tickFormat: (code: string) => names.get(code) ?? code},
    color: {type: "linear", domain: [0, 100], scheme: "RdYlGn", legend: true, label: t("common.score")},
    marks: [
      Plot.cell(cells, {x: "category", y: "code", fill: "score", inset: 0.5}),
      Plot.text(cells, {
        filter: () => width / 14 > 28,
        x: "category",
        y: "code",
        text: (c: HeatCell) => fmt(c.score, 0),
        fontSize: 10,
        fill: "black"
      }),
      Plot.cell(
        cells.filter((c) => c.focus),
        {x: "category", y: "code", stroke: FOCUS, strokeWidth: 2, fill: "none"}
      )
    ]
  });
  return figure(chart, t("peers.heatmap.aria"));
}

/** Total rank across the periods: one line per region, the focus region in red and labelled. */
export function RankMovementChart(points: readonly RankPoint[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const periods = [...new Set(points.map((p) => p.period))];
  const last = periods[periods.length - 1];
  const size = new Set(points.map((p) => p.code)).size;
  const ranked = points.filter((p) => p.rank !== null);
  const labelled = ranked.filter((p) => p.period === last && (size <= 12 || p.focus));
  const chart = Plot.plot({
    width,
    height: Math.min(600, Math.max(240, size * 26)),
    marginRight: 90,
    x: {type: "point", domain: periods, label: null, padding: 0.2},
    y: {reverse: true, label: t("common.rank"), domain: [1, size], ticks: Math.min(size, 10)},
    marks: [
      Plot.line(
        ranked.filter((p) => !p.focus),
        {x: "period", y: "rank", z: "code", stroke: PEER, strokeOpacity: size > 12 ? 0.25 : 0.7}
      ),
      Plot.line(
        ranked.filter((p) => p.focus),
        {x: "period", y: "rank", stroke: FOCUS, strokeWidth: 3}
      ),
      Plot.dot(ranked, {
        x: "period",
        y: "rank",
        fill: (p: RankPoint) => (p.focus ? FOCUS : PEER),
        r: (p: RankPoint) => (p.focus ? 4 : 2.5)
      }),
      Plot.text(labelled, {
        filter: (p: RankPoint) => !p.focus,
        x: "period",
        y: "rank",
        text: (p: RankPoint) => `${p.rank} ${p.name}`,
        textAnchor: "start",
        dx: 8
      }),
      Plot.text(labelled, {
        filter: (p: RankPoint) => p.focus,
        x: "period",
        y: "rank",
        text: (p: RankPoint) => `${p.rank} ${p.name}`,
        textAnchor: "start",
        dx: 8,
        fill: FOCUS,
        fontWeight: "bold"
      })
    ]
  });
  return figure(chart, t("peers.movement.aria"));
}

/** One measure's raw values across the peers: a strip of dots with the frontier and the plan's target. */
export function PeerValuesChart(model: MeasurePeers, {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const xs = [...model.values.map((v) => v.value), model.best, model.target].filter((x): x is number => x !== null);
  const lines = [
    ...(model.best !== null ? [{x: model.best, label: t("common.frontier"), color: BEST}] : []),
    ...(model.target !== null ? [{x: model.target, label: t("common.target"), color: TARGET}] : [])
  ];
  const chart = Plot.plot({
    width,
    height: 90,
    marginTop: 22,
    marginLeft: 20,
    marginRight: 30,
    x: {domain: xs.length ? [Math.min(0, ...xs), Math.max(...xs) || 1] : [0, 1], label: model.measure.unit, nice: true},
    y: {axis: null},
    marks: [
      Plot.ruleX(lines.slice(0, model.best !== null ? 1 : 0), {x: "x", stroke: BEST, strokeWidth: 2}),
      Plot.ruleX(lines.slice(model.best !== null ? 1 : 0), {
        x: "x",
        stroke: TARGET,
        strokeWidth: 2,
        strokeDasharray: "4 3"
      }),
      Plot.text(lines, {
        x: "x",
        text: "label",
        frameAnchor: "top",
        dy: -14,
        fill: (d: {color: string}) => d.color,
        fontSize: 11
      }),
      Plot.dot(
        model.values.filter((v) => !v.focus),
        Plot.dodgeY({x: "value", r: 3, fill: PEER, fillOpacity: 0.6, anchor: "middle"})
      ),
      Plot.dot(
        model.values.filter((v) => v.focus),
        {x: "value", r: 6, fill: FOCUS, stroke: "white"}
      )
    ]
  });
  return figure(chart, t("indicators.chart.aria"));
}

/** Points attainable per lead unit: at the frontier (light) and with the plan's targets (dark). */
export function UnitChart(rows: readonly UnitRow[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const marginLeft = labelMargin(
    rows.map((r) => r.name),
    width,
    lang
  );
  const chart = Plot.plot({
    width,
    height: rows.length * 26 + 60,
    marginLeft,
    marginRight: 40,
    x: {grid: true, label: t("units.points")},
    y: {domain: rows.map((r) => r.name), label: null},
    color: {legend: true, domain: [t("units.toFrontier"), t("units.toTarget")], range: ["#aed6f1", TARGET]},
    marks: [
      Plot.axisY({lineWidth: emsFor(marginLeft), textOverflow: "ellipsis", fontSize: 12}),
      Plot.barX(rows, {
        filter: (r: UnitRow) => r.toFrontier !== null,
        x: "toFrontier",
        y: "name",
        fill: () => t("units.toFrontier")
      }),
      Plot.barX(rows, {
        filter: (r: UnitRow) => r.toTarget !== null,
        x: "toTarget",
        y: "name",
        fill: () => t("units.toTarget"),
        insetTop: 5,
        insetBottom: 5
      }),
      Plot.ruleX([0])
    ]
  });
  return figure(chart, t("units.chart.aria"));
}
