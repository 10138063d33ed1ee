// Shared by the report loaders: the configured methodology, catalogue, regions and checked observations.
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import type {ReportInput} from "../../loaders/report.js";
import {readSiteCatalogue, readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";

/** Reads everything the report is built from; the bundled peer groups are Pingliang and Gansu. */
export async function reportInputs(): Promise<ReportInput> {
  const config = await readSiteConfig();
  const methodology = await readSiteMethodology(config);
  const [catalogue, {regions, peerGroups}, loaded] = await Promise.all([
    readSiteCatalogue(config),
    readRegions(),
    loadObservations({methodology, dir: config.observations})
  ]);
  return {
    methodology,
    catalogue,
    regions,
    peerGroups: peerGroups.filter((g) => g.id !== "china"),
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
