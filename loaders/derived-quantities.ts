/**
 * The rules that keep the illustrative observations from contradicting themselves: a quantity that follows from
 * others is computed from them, never drawn on its own (data/observations/README.md § Rules). The generator applies
 * them; a test holds the committed file to them. A rule applies when the methodology has all its measures.
 */

/** One rule: `measure` is `derive(inputs)`, written only when every input is written. */
export interface DerivedQuantity {
  measure: string;
  /** The measures it follows from; `derive` receives their values in this order. */
  from: readonly string[];
  derive: (inputs: number[]) => number;
  /** The rule in words (README). */
  rule: string;
}

/** Working hours in a working day: the plan's "3小时办结" and "0.5个工作日" describe one start-up process. */
export const HOURS_PER_WORKING_DAY = 8;

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export const DERIVED_QUANTITIES: readonly DerivedQuantity[] = [
  {
    measure: "startup_days",
    from: ["startup_hours"],
    // Working days are reported in halves, rounded up: 3 hours is 0.5 working day, 8.6 hours 1.5 working days.
    derive: ([hours]) => Math.ceil((2 * hours) / HOURS_PER_WORKING_DAY) / 2,
    rule: "startup_days = startup_hours ÷ 8 (1 working day = 8 hours), rounded up to the next half day"
  },
  {
    measure: "comprehensive_windows",
    from: ["domain_windows", "livelihood_windows", "all_in_one_windows"],
    derive: sum,
    rule: "comprehensive_windows = domain_windows + livelihood_windows + all_in_one_windows (indicator 67: 8 + 1 + 1 = 10)"
  },
  {
    measure: "service_zones",
    from: ["online_guidance_zones", "self_service_zones"],
    derive: sum,
    rule: "service_zones = online_guidance_zones + self_service_zones (indicator 67: 1 + 1 = 2)"
  },
  {
    measure: "fully_online_rate_pct",
    from: ["fully_online_rate_pct", "online_application_rate_pct"],
    // An item handled fully online can also be applied for online: the fully-online rate never exceeds the other.
    derive: ([fully, online]) => Math.min(fully, online),
    rule: "fully_online_rate_pct ≤ online_application_rate_pct (indicator 45: fully online items are applied for online)"
  },
  {
    measure: "items_fully_online_pct",
    from: ["items_fully_online_pct", "items_online_available_pct"],
    derive: ([fully, online]) => Math.min(fully, online),
    rule: "items_fully_online_pct ≤ items_online_available_pct (indicator 55: the same for all service items)"
  }
];

/**
 * Applies the rules to one (region, period)'s drawn values (measure id → value; absent = left out), in order.
 * A derived measure is left out when any of its inputs is.
 */
export function applyDerivedQuantities(values: Map<string, number>, known: ReadonlySet<string>): void {
  for (const rule of DERIVED_QUANTITIES) {
    if (!known.has(rule.measure) || !rule.from.every((m) => known.has(m))) continue;
    const inputs = rule.from.map((m) => values.get(m));
    if (inputs.every((x): x is number => x !== undefined)) values.set(rule.measure, rule.derive(inputs));
    else values.delete(rule.measure);
  }
}
