// Build-time scores for the report pages: every region of the Pingliang and Gansu peer groups, scored by the
// engine on the Node DuckDB, with ranks per peer group and the points attainable per measure and lead unit.
import {buildReport} from "../../loaders/report.js";
import {reportInputs} from "./report-inputs.js";

process.stdout.write(JSON.stringify(await buildReport(await reportInputs())));
