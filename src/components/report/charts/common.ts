/** What the report charts share: colours, the labelled `<figure>` wrapper, shape legends and label sizes. */
import {html} from "htl";
import * as Plot from "../../vendor/plot-bundle.js";
import type {Lang} from "../../i18n.js";

/** Options every chart takes. */
export interface ChartOptions {
  width: number;
  lang: Lang;
}

export const FOCUS = "#c0392b";
export const PEER = "#8a8f98";
export const BEST = "#1e8449";
export const TARGET = "#d68910";
export const FRONTIER = "#2e86c1";

/** Font size of chart labels, px. */
export const FONT = 12;

/** Wraps a Plot chart (and its legend) in a figure labelled for screen readers. */
export function figure(chart: Element, label: string, legend?: Element): HTMLElement {
  const node = document.createElement("figure");
  node.className = "bizenv-chart";
  node.setAttribute("aria-label", label);
  node.setAttribute("role", "img");
  if (legend) node.append(legend);
  node.append(chart);
  return node;
}

/** One entry of a legend: the mark's shape and colour, and what it stands for. */
export interface LegendItem {
  label: string;
  color: string;
  shape: "bar" | "dot" | "ring" | "tick" | "line";
}

/** A legend that draws each mark as it appears in the chart (a bar, a dot, a ring, a tick or a line). */
export function Legend(items: readonly LegendItem[]): HTMLElement {
  return html`<div class="bizenv-legend">
    ${items.map(
      (i) =>
        html`<span class="bizenv-legend-item"
          ><i class=${`bizenv-swatch bizenv-swatch-${i.shape}`} style=${`--swatch: ${i.color}`}></i>${i.label}</span
        >`
    )}
  </div>` as HTMLElement;
}

/** Approximate width of a label in ems: CJK characters 1 em, others about 0.6. */
export function ems(text: string): number {
  return [...text].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0);
}

/**
 * `text` cut to at most `maxEms` ems with "…" (our estimate: Plot's own counts a Chinese character as narrow as "e",
 * so its `textOverflow` would let Chinese labels run over).
 */
export function fitText(text: string, maxEms: number): string {
  if (ems(text) <= maxEms) return text;
  const chars = [...text];
  while (chars.length > 1 && ems(chars.join("")) + 1 > maxEms) chars.pop();
  return chars.join("") + "…";
}

/** A left margin wide enough for the longest label at `FONT` px, capped to a third of the width. */
export function labelMargin(labels: readonly string[], width: number): number {
  const longest = Math.max(0, ...labels.map(ems));
  return Math.round(Math.min(width / 3, Math.max(48, longest * FONT + 16)));
}

/**
 * The frame of a chart with one band per row: names in a left margin when they fit in a third of the width, else on
 * their own line above each row's marks (phones), so that no name is ever cut. Draw the row's marks with `markDy`
 * (bars: `insetTop`/`insetBottom`).
 */
export function rowFrame<T>(
  rows: readonly T[],
  key: (row: T) => string,
  label: (row: T) => string,
  options: {
    width: number;
    xLabel: string;
    marginRight: number;
    xDomain?: [number, number];
    /** Height of a row when the names are in the left margin (default 28 px). */
    rowHeight?: number;
    /** The share of the width the left margin may take (default a third). */
    labelShare?: number;
  }
) {
  const {width} = options;
  const needed = Math.max(0, ...rows.map((r) => ems(label(r)))) * FONT + 16;
  const left = needed <= width * (options.labelShare ?? 1 / 3);
  const row = left ? (options.rowHeight ?? 28) : 42;
  const marginLeft = left ? Math.round(Math.max(48, needed)) : 8;
  const plot = {
    width,
    height: rows.length * row + 44,
    marginLeft,
    marginRight: options.marginRight,
    marginTop: 4,
    marginBottom: 40,
    x: {
      grid: true,
      label: options.xLabel,
      labelAnchor: "center" as const,
      labelArrow: "none" as const,
      ...(options.xDomain ? {domain: options.xDomain} : {})
    },
    y: {domain: rows.map(key), axis: null, padding: 0}
  };
  // Names that do not fit on their line end in "…" (with room for fonts wider than the estimate).
  const fit = (r: T) => (left ? label(r) : fitText(label(r), ((width - marginLeft - 8) / FONT) * 0.9));
  const labels = Plot.text(rows, {
    x: 0,
    y: key,
    text: fit,
    textAnchor: left ? "end" : "start",
    dx: left ? -8 : 0,
    dy: left ? 0 : -row / 2 + 12,
    fontSize: FONT,
    lineWidth: Infinity,
    fill: "currentColor"
  });
  const [insetTop, insetBottom] = left ? [(row - 16) / 2, (row - 16) / 2] : [row / 2, 4];
  return {plot, labels, markDy: (insetTop - insetBottom) / 2, insetTop, insetBottom};
}
