// Everything the pages read that comes from the observations, built in one process: the observations read and
// checked once, DuckDB opened once. Pages take the files out of the archive as data/site/<name>:
//   report.json         scores, ranks and points of the bundled peer groups (report pages)
//   report-values.json  raw values and measure scores (indicators page)
//   observations.arrow  the checked observations as Arrow IPC (simulator)
//   template.csv        the focus region's fill-in form for the next period (method page download)
//   about.json          {illustrative}: whether the data are the synthetic set (the simulator's notice)
// Row accounting goes to stderr; a rejected row fails the build unless BIZENV_LENIENT=1.
import JSZip from "jszip";
import {buildReport} from "../../loaders/report.js";
import {observationsIpc} from "../engine/observations/arrow.js";
import {runLoader} from "../../loaders/run-loader.js";
import {reportInputs} from "./report-inputs.js";

await runLoader(async () => {
  const inputs = await reportInputs();
  const {report, values, form} = await buildReport(inputs);
  for (const r of report.outside)
    process.stderr.write(`不在对标组中，未排名 / in no peer group, not ranked: ${r.code} ${r.name} (${r.rows} rows)\n`);
  const zip = new JSZip();
  // A fixed date keeps the archive's bytes the same for the same data.
  const date = new Date("2023-01-01T00:00:00Z");
  zip.file("report.json", JSON.stringify(report), {date});
  zip.file("report-values.json", JSON.stringify(values), {date});
  zip.file("observations.arrow", observationsIpc(inputs.loaded.observations), {date});
  zip.file("template.csv", form, {date});
  zip.file("about.json", JSON.stringify({illustrative: inputs.illustrative}), {date});
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
});
