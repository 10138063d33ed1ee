// Types of the generated plot-bundle.js: exactly what plot-marks.ts exports.
export * from "./plot-marks.js";
