// GB/T 2260 regions of the bundled peer groups (Pingliang, Gansu) with their parents, and the peer groups.
import {readRegions} from "../../loaders/regions.js";
import {runLoader} from "../../loaders/run-loader.js";

await runLoader(async () => {
  const {regions, peerGroups} = await readRegions();
  const bundled = peerGroups.filter((g) => g.id !== "china");
  const members = new Set(bundled.flatMap((g) => g.members));
  const parents = new Set([...members].flatMap((code) => [code.slice(0, 4), code.slice(0, 2)]));
  const shipped = regions.filter((r) => members.has(r.code) || parents.has(r.code));
  return JSON.stringify({regions: shipped, peerGroups: bundled});
});
