/**
 * Bundles src/components/vendor/plot-marks.ts into src/components/vendor/plot-bundle.js with esbuild (tree-shaken,
 * minified, self-contained ESM), so report pages ship only the parts of Plot and d3 they draw with. Runs before
 * `npm run build`, `npm run dev` and `npm test`; the output is generated, not committed.
 */
import {build} from "esbuild";

const entry = "src/components/vendor/plot-marks.ts";
const outfile = "src/components/vendor/plot-bundle.js";

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: "esm",
  minify: true,
  legalComments: "eof",
  target: "es2022",
  logLevel: "warning",
  metafile: true
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stderr.write(`bundle-plot: ${entry} → ${outfile} (${Math.round(bytes / 1024)} kB)\n`);
