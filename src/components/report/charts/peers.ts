/** Charts of the peers page: the category heat map and the rank movement across periods. */
import * as Plot from "../../vendor/plot-bundle.js";
import {formatPeriod, formatScoreWhole} from "../../format.js";
import {translate} from "../../i18n.js";
import type {HeatCell, RankPoint} from "../peers.js";
import {FOCUS, PEER, ems, figure, fitText, labelMargin, type ChartOptions} from "./common.js";

/** The heat map's colours: red (0) to green (100). */
const SCORE_COLORS = {type: "linear" as const, domain: [0, 100], scheme: "RdYlGn" as const};

/** Rows of one heat map block: a block fits on one printed A4 page (36 × 22 px + axes). */
export const HEATMAP_ROWS = 36;

/**
 * Regions × categories coloured by score; columns are the category numbers (the key is beside the chart). A large
 * group is drawn in blocks of `HEATMAP_ROWS` regions, each with its own axis, so that no block is cut across pages.
 */
export function Heatmap(
  cells: readonly HeatCell[],
  {width, lang, tier}: ChartOptions & {tier: {tier: string; tierLower: string}}
): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key, tier);
  const codes = [...new Set(cells.map((c) => c.code))];
  const names = new Map(cells.map((c) => [c.code, c.region]));
  const categories = [...new Set(cells.map((c) => c.category))];
  const marginLeft = labelMargin([...names.values()], width);
  const cellWidth = (width - marginLeft - 10) / (categories.length || 1);
  const block = (rows: string[]) => {
    const inBlock = new Set(rows);
    const mine = cells.filter((c) => inBlock.has(c.code));
    return Plot.plot({
      width,
      height: rows.length * 22 + 70,
      marginLeft,
      marginRight: 10,
      marginTop: 40,
      marginBottom: 10,
      x: {
        type: "band",
        domain: categories,
        label: t("peers.heatmap.x"),
        axis: "top",
        labelAnchor: "center",
        labelArrow: "none"
      },
      y: {domain: rows, label: null},
      color: SCORE_COLORS,
      marks: [
        // Axis labels at Plot's 10 px; a name longer than the margin (积石山保安族东乡族撒拉族自治县 on a phone) ends in "…".
        Plot.axisY({
          tickFormat: (code: string) => fitText(names.get(code) ?? code, ((marginLeft - 12) / 10) * 0.9),
          lineWidth: Infinity
        }),
        Plot.cell(mine, {x: "category", y: "code", fill: "score", inset: 0.5}),
        Plot.text(mine, {
          filter: (c: HeatCell) => cellWidth >= 24 && c.score !== null,
          x: "category",
          y: "code",
          text: (c: HeatCell) => formatScoreWhole(c.score),
          fontSize: 10,
          fill: "black"
        }),
        Plot.cell(
          mine.filter((c) => c.focus),
          {x: "category", y: "code", stroke: FOCUS, strokeWidth: 2, fill: "none"}
        )
      ]
    });
  };
  // The colour ramp's own margins keep its end labels (0 and 100) inside it.
  const legend = Plot.legend({color: {...SCORE_COLORS, label: t("common.score")}, marginLeft: 12, marginRight: 20});
  const node = document.createElement("div");
  node.className = "bizenv-heatmap";
  for (let i = 0; i < codes.length; i += HEATMAP_ROWS) {
    const rows = codes.slice(i, i + HEATMAP_ROWS);
    node.append(
      figure(
        block(rows),
        translate(lang, "peers.heatmap.aria", {n: categories.length, ...tier}),
        i === 0 ? legend : undefined
      )
    );
  }
  return node;
}

/** Total rank across the periods: one line per region, the focus region in red and labelled. */
export function RankMovementChart(points: readonly RankPoint[], {width, lang}: ChartOptions): HTMLElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const periods = [...new Set(points.map((p) => p.period))];
  const last = periods[periods.length - 1];
  const size = new Set(points.map((p) => p.code)).size;
  const ranked = points.filter((p) => p.rank !== null);
  // Label the last period: every region in a small group (regions tied on a rank share one label), else the focus.
  const labelled = new Map<number, {rank: number; names: string[]; focus: boolean}>();
  for (const p of ranked.filter((x) => x.period === last && (size <= 12 || x.focus))) {
    const entry = labelled.get(p.rank!) ?? {rank: p.rank!, names: [], focus: false};
    entry.names.push(p.name);
    entry.focus ||= p.focus;
    labelled.set(p.rank!, entry);
  }
  const labels = [...labelled.values()];
  const full = (l: {rank: number; names: string[]}) => `${l.rank} ${l.names.join("、")}`;
  const marginRight = Math.min(width / 3, Math.max(60, ...labels.map((l) => (ems(full(l)) * 11) / 0.9 + 16)));
  const text = (l: {rank: number; names: string[]}) => fitText(full(l), ((marginRight - 12) / 11) * 0.9);
  const chart = Plot.plot({
    width,
    height: Math.min(600, Math.max(240, size * 26)),
    marginLeft: 44,
    marginRight,
    x: {
      type: "point",
      domain: periods,
      label: null,
      padding: 0.2,
      tickFormat: (p: string) => formatPeriod(lang, p)
    },
    y: {reverse: true, label: t("common.rank"), domain: [1, size], ticks: Math.min(size, 10), labelArrow: "none"},
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
      ...[false, true].map((focus) =>
        Plot.text(
          labels.filter((l) => l.focus === focus),
          {
            x: () => last,
            y: "rank",
            text,
            textAnchor: "start",
            dx: 8,
            fill: focus ? FOCUS : "currentColor",
            fontWeight: focus ? "bold" : "normal",
            lineWidth: Infinity
          }
        )
      )
    ]
  });
  return figure(chart, t("peers.movement.aria"));
}
