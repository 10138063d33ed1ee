// Shared by the report loaders: the configured methodology, catalogue, regions and checked observations.
import {loadObservations} from "../../loaders/observations.js";
import type {ReportInput} from "../../loaders/report.js";
import {readSiteCatalogue, readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";
import {readSiteRegions} from "../../loaders/site-regions.js";

/** Reads everything the report is built from; the bundled peer groups are the regions source's (Pingliang, Gansu). */
export async function reportInputs(): Promise<ReportInput> {
  const config = await readSiteConfig();
  const methodology = await readSiteMethodology(config);
  const regions = await readSiteRegions(config);
  const [catalogue, loaded] = await Promise.all([
    readSiteCatalogue(config),
    loadObservations({methodology, dir: config.observations, regions: regions.all})
  ]);
  return {
    methodology,
    catalogue,
    regions: regions.all,
    peerGroups: regions.peerGroups,
    subunits: regions.subunits,
    focus: regions.focus,
    loaded,
    illustrative: loaded.observations.some((o) => o.source?.startsWith("illustrative")),
    generated: buildDay()
  };
}

/** The build day: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else today, UTC. */
export function buildDay(env: Record<string, string | undefined> = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
