/**
 * The parts of Observable Plot the pages use. `npm run build`/`dev`/`test` bundle this file with esbuild into
 * plot-bundle.js (loaders/bundle-plot.ts): one tree-shaken file of ~270 kB instead of Plot plus all of d3 (~540 kB),
 * which Framework would otherwise ship because Plot imports the whole `d3` package. Add a mark here to use it.
 */
export {axisY, barX, cell, dodgeY, dot, legend, line, plot, ruleX, ruleY, text, tickX} from "@observablehq/plot";
