/**
 * Who answers for an indicator. A file of its own, with no runtime imports, so that the report pages can ask without
 * loading the catalogue's CSV reader.
 */
import type {Indicator} from "./types.js";

/** The units answerable for an indicator: its 责任单位 (section 二), else the owner section 三 names; [] when none. */
export function accountableUnits(indicator: Pick<Indicator, "leadUnits" | "owner">): string[] {
  return indicator.leadUnits.length ? indicator.leadUnits : (indicator.owner?.units ?? []);
}
