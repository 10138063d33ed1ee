/**
 * What-ifs on rolled-up regions. The engine scores a parent region (a two-city economy such as China, from Shanghai
 * and Beijing) as the weighted mean of its sub-units and takes value overrides for sub-units only. A what-if on a parent
 * ("if China's start-up took 1 day") therefore means the same value in each of its sub-units: both cities take 1 day.
 */
import type {Scenario, SubUnit, ValueOverride} from "../scoring/types.js";

/** The leaves under each parent, deepest first: `leavesOf(subunits).get("CHIN")` → ["CHN", "CHN_Beij"]. */
export function leavesOf(subunits: readonly SubUnit[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const s of subunits) children.set(s.parent, [...(children.get(s.parent) ?? []), s.region]);
  const leaves = (region: string, seen: Set<string>): string[] => {
    const kids = children.get(region);
    if (!kids || seen.has(region)) return [region];
    seen.add(region);
    return kids.flatMap((k) => leaves(k, seen));
  };
  return new Map([...children.keys()].map((parent) => [parent, leaves(parent, new Set())]));
}

/**
 * The scenario with every value override of a parent region replaced by the same override in each of its leaves; an
 * override given for a leaf itself wins over one spread from its parent. Other scenarios come back unchanged.
 */
export function spreadToSubunits(scenario: Scenario | undefined, leaves: ReadonlyMap<string, readonly string[]>) {
  if (!scenario?.values?.length || leaves.size === 0) return scenario;
  const own = new Set(scenario.values.filter((v) => !leaves.has(v.region)).map((v) => `${v.region}\u0000${v.measure}`));
  const values: ValueOverride[] = scenario.values.flatMap((v) =>
    (leaves.get(v.region) ?? [v.region])
      .filter((region) => region === v.region || !own.has(`${region}\u0000${v.measure}`))
      .map((region) => ({...v, region}))
  );
  return {...scenario, values};
}
