// The default methodology, validated (a malformed file fails the build with the JSON path of each problem).
import {readMethodology} from "../../loaders/methodology.js";
import {runLoader} from "../../loaders/run-loader.js";

await runLoader(async () => JSON.stringify(await readMethodology()));
