// Every GB/T 2260 region (packed: [code, name, parent, placeholder?]) and the bundled peer groups (Pingliang,
// Gansu). The simulator names and checks the regions of an uploaded file against the whole national table.
import {readRegions} from "../../loaders/regions.js";
import {packRegions} from "../engine/regions.js";

const {regions, peerGroups} = await readRegions();
process.stdout.write(JSON.stringify({regions: packRegions(regions), peerGroups: peerGroups.filter((g) => g.id !== "china")}));
