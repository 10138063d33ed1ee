// Every GB/T 2260 region, packed ([code, name, parent, placeholder?]). The simulator fetches it only when a file
// is uploaded, to check and name the file's regions (counties outside Gansu included).
import {readRegions} from "../../loaders/regions.js";
import {packRegions} from "../engine/regions/regions.js";

const {regions} = await readRegions();
process.stdout.write(JSON.stringify(packRegions(regions)));
