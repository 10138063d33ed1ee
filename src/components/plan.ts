/** Whether the site has a plan: a catalogue with indicators, lead units or targets (the World Bank preset has none). */
import type {Catalogue} from "../engine/catalogue/catalogue.js";

/** True when the catalogue names any indicator, lead unit or target: `hasPlan({categories: [], indicators: [], units: [], targets: []})` → false. */
export function hasPlan(catalogue: Pick<Catalogue, "indicators" | "units" | "targets">): boolean {
  return catalogue.indicators.length + catalogue.units.length + catalogue.targets.length > 0;
}
