/**
 * Issue 13: the illustrative data do not contradict themselves. Every rule of loaders/derived-quantities.ts (hours
 * and working days of the start-up process, indicator 67's totals and their parts, fully-online ≤ online) holds
 * for every region and period of the committed file, and a derived value is present only with all its inputs.
 */
import {readFile} from "node:fs/promises";
import Papa from "papaparse";
import {describe, expect, it} from "vitest";
import {DERIVED_QUANTITIES, HOURS_PER_WORKING_DAY} from "../../loaders/derived-quantities.js";

const COMMITTED = "data/observations/illustrative-gansu.csv";

async function committedValues(): Promise<Map<string, Map<string, number>>> {
  const rows = Papa.parse<{region: string; period: string; measure: string; value: string}>(
    await readFile(COMMITTED, "utf8"),
    {header: true, skipEmptyLines: true}
  ).data;
  const byPair = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = `${r.region} ${r.period}`;
    if (!byPair.has(key)) byPair.set(key, new Map());
    byPair.get(key)!.set(r.measure, Number(r.value));
  }
  return byPair;
}

describe(`${COMMITTED} keeps its derived quantities derived`, () => {
  it("holds every rule for every region and period, and leaves a derived value out when an input is out", async () => {
    const byPair = await committedValues();
    expect(byPair.size).toBe(86 * 3);
    const broken: string[] = [];
    let checked = 0;
    for (const [pair, values] of byPair) {
      for (const rule of DERIVED_QUANTITIES) {
        const inputs = rule.from.map((m) => values.get(m));
        const value = values.get(rule.measure);
        if (inputs.some((x) => x === undefined)) {
          if (value !== undefined && !rule.from.includes(rule.measure))
            broken.push(`${pair} ${rule.measure}: present without its inputs`);
          continue;
        }
        checked++;
        if (value !== rule.derive(inputs as number[])) broken.push(`${pair} ${rule.measure} = ${value}: ${rule.rule}`);
      }
    }
    expect(broken.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(DERIVED_QUANTITIES.length * 86 * 3 * 0.85);
  });

  it("gives the start-up process one length: hours and working days agree at 8 hours a working day", async () => {
    const byPair = await committedValues();
    const zhuanglang = byPair.get("620825 2023")!;
    const hours = zhuanglang.get("startup_hours")!;
    expect(zhuanglang.get("startup_days")).toBe(Math.ceil((2 * hours) / HOURS_PER_WORKING_DAY) / 2);
    for (const values of byPair.values()) {
      const [h, d] = [values.get("startup_hours"), values.get("startup_days")];
      if (h === undefined || d === undefined) continue;
      expect(d * HOURS_PER_WORKING_DAY).toBeGreaterThanOrEqual(h);
      expect((d - 0.5) * HOURS_PER_WORKING_DAY).toBeLessThan(h);
    }
  });

  it("makes indicator 67's windows and zones add up", async () => {
    for (const values of (await committedValues()).values()) {
      const parts = ["domain_windows", "livelihood_windows", "all_in_one_windows"].map((m) => values.get(m));
      if (parts.every((x) => x !== undefined) && values.has("comprehensive_windows"))
        expect(values.get("comprehensive_windows")).toBe(parts.reduce((s, x) => s! + x!, 0));
    }
  });
});
