/** The simulator's two charts: the category waterfall and the rank bands of the sensitivity run. */
import * as Plot from "../vendor/plot-bundle.js";
import type {RankBand} from "./sensitivity.js";

/** One bar of the waterfall. */
export interface WaterfallStep {
  label: string;
  points: number;
}

/** A horizontal waterfall: each step runs from the running sum before it to the sum after it. */
export function waterfallChart(
  steps: readonly WaterfallStep[],
  options: {width: number; label: string}
): SVGSVGElement | HTMLElement {
  let sum = 0;
  const bars = steps.map((s) => {
    const from = sum;
    sum += s.points;
    return {label: s.label, from, to: sum, points: s.points};
  });
  bars.push({label: "Σ", from: 0, to: sum, points: sum});
  // With every step at 0 the x extent is one point and Plot stretches the zero-width bars across the chart.
  const flat = bars.every((b) => b.from === 0 && b.to === 0);
  return Plot.plot({
    width: options.width,
    height: 28 * bars.length + 50,
    marginLeft: 170,
    marginRight: 60,
    x: {label: options.label, grid: true, ...(flat ? {domain: [-1, 1]} : {})},
    y: {domain: bars.map((b) => b.label), label: null},
    color: {domain: [false, true], range: ["#c0504d", "#2f7ebc"]},
    marks: [
      Plot.ruleX([0]),
      Plot.barX(bars, {y: "label", x1: "from", x2: "to", fill: (d) => d.points >= 0, insetTop: 4, insetBottom: 4}),
      Plot.text(bars, {
        y: "label",
        x: "to",
        text: (d) => (d.points === 0 ? "" : d.points.toFixed(3)),
        dx: 4,
        textAnchor: "start",
        fontSize: 11
      })
    ]
  });
}

/** Median rank (dot) and 5–95 % band (line) per region; rank 1 on the left. */
export function bandChart(
  bands: readonly RankBand[],
  nameOf: (code: string) => string,
  options: {width: number; label: string; focus: string}
) {
  const rows = bands.map((b) => ({...b, name: nameOf(b.region), focus: b.region === options.focus}));
  return Plot.plot({
    width: options.width,
    height: Math.min(24 * rows.length + 50, 2400),
    marginLeft: 110,
    x: {label: options.label, grid: true, domain: [1, Math.max(2, ...rows.map((r) => r.p95))]},
    y: {domain: rows.map((r) => r.name), label: null},
    color: {domain: [false, true], range: ["#777", "#c0504d"]},
    marks: [
      Plot.ruleY(rows, {y: "name", x1: "p5", x2: "p95", stroke: "focus", strokeWidth: 3}),
      Plot.dot(rows, {y: "name", x: "median", fill: "focus", r: 4})
    ]
  });
}
