// Shared by the report loaders: the default methodology, catalogue, regions and checked observations.
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import type {ReportInput} from "../../loaders/report.js";

/** Reads everything the report is built from; the bundled peer groups are Pingliang and Gansu. */
export async function reportInputs(): Promise<ReportInput> {
  const methodology = await readMethodology();
  const [catalogue, {regions, peerGroups}, loaded] = await Promise.all([readCatalogue(), readRegions(), loadObservations({methodology})]);
  return {
    methodology,
    catalogue,
    regions,
    peerGroups: peerGroups.filter((g) => g.id !== "china"),
    loaded,
    illustrative: loaded.observations.some((o) => o.source?.startsWith("illustrative"))
  };
}
