/** The one rule for what observations are checked against, used by the build, the command line and the simulator. */
import type {Methodology} from "../methodology/methodology.js";
import type {Region} from "../regions/regions.js";
import type {CheckContext} from "./types.js";

/**
 * The check context of a methodology: its observed measures (derived ones are computed, never observed) with their
 * units, the known regions (null = any id, e.g. ISO3 codes), and the allowed periods (null = any well-formed one).
 */
export function checkContext(
  methodology: Methodology,
  regions: readonly (Pick<Region, "code"> & Partial<Pick<Region, "name">>)[] | null,
  periods: readonly string[] | null,
  defaultPeriod?: string
): CheckContext {
  const measures = new Map(methodology.measures.filter((m) => !m.derive).map((m) => [m.id, {unit: m.unit}]));
  const flagMeasures = new Map(methodology.flags.flatMap((f) => (f.measures ? [[f.id, f.measures] as const] : [])));
  return {
    regions: regions ? new Map(regions.map((r) => [r.code, r])) : null,
    measures,
    ...(flagMeasures.size ? {flagMeasures} : {}),
    periods,
    ...(defaultPeriod === undefined ? {} : {defaultPeriod})
  };
}
