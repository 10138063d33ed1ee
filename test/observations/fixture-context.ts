// The small fixed context the fixtures are written against: Pingliang's seven counties and the four measures
// of test/fixtures/methodology-small.json (units working_day, yuan, percent, count).
import {readFileSync} from "node:fs";
import type {CheckContext} from "../../src/engine/observations/check.js";
import type {UnitId} from "../../src/engine/methodology/units.js";

export const FIXTURES = new URL("../fixtures/", import.meta.url);
export const METHODOLOGY = new URL("methodology-small.json", FIXTURES);

const PINGLIANG: [string, string][] = [
  ["620802", "崆峒区"],
  ["620821", "泾川县"],
  ["620822", "灵台县"],
  ["620823", "崇信县"],
  ["620825", "庄浪县"],
  ["620826", "静宁县"],
  ["620881", "华亭市"]
];

const methodology = JSON.parse(readFileSync(METHODOLOGY, "utf8")) as {measures: {id: string; unit: UnitId}[]};

/** A fresh context over the fixture regions and measures. */
export function fixtureContext(extra: Partial<CheckContext> = {}): CheckContext {
  return {
    regions: new Map(PINGLIANG.map(([code, name]) => [code, {code, name}])),
    measures: new Map(methodology.measures.map((m) => [m.id, {unit: m.unit}])),
    periods: ["2022", "2023H1", "2023"],
    ...extra
  };
}

/** The bytes of a fixture file. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}
