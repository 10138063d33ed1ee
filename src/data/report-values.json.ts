// Raw values and measure scores of every region of the bundled peer groups, for the indicators page's peer charts.
import {buildValues} from "../../loaders/report.js";
import {reportInputs} from "./report-inputs.js";

process.stdout.write(JSON.stringify(await buildValues(await reportInputs())));
