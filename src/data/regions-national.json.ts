// Every GB/T 2260 region, packed ([code, name, parent, placeholder?]). The simulator fetches it only when a file
// is uploaded, to check and name the file's regions (counties outside Gansu included).
import {readRegions} from "../../loaders/regions.js";
import {runLoader} from "../../loaders/run-loader.js";
import {packRegions} from "../engine/regions/regions.js";

await runLoader(async () => JSON.stringify(packRegions((await readRegions()).regions)));
