// GB/T 2260 regions of the bundled peer groups (Pingliang, Gansu) with their parents, and the peer groups.
import {readRegions} from "../../loaders/regions.js";

const {regions, peerGroups} = await readRegions();
const bundled = peerGroups.filter((g) => g.id !== "china");
const members = new Set(bundled.flatMap((g) => g.members));
const parents = new Set([...members].flatMap((code) => [code.slice(0, 4), code.slice(0, 2)]));
process.stdout.write(
  JSON.stringify({
    regions: regions.filter((r) => members.has(r.code) || parents.has(r.code)),
    peerGroups: bundled
  })
);
