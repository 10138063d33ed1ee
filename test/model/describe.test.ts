// One description of measures and nodes (src/engine/model/describe.ts) for the report loader and the simulator,
// read off the bundled Zhuanglang methodology and catalogue.
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import {describeMeasures, describeNodes} from "../../src/engine/model/model.js";

let methodology: Methodology;
let catalogue: Catalogue;
beforeAll(async () => {
  [methodology, catalogue] = await Promise.all([readMethodology(), readCatalogue()]);
});

describe("describeMeasures", () => {
  it("gives start-up time its indicator, category, unit, plan target and lead units", () => {
    const startup = describeMeasures(methodology, catalogue).find((m) => m.id === "startup_days")!;
    const target = catalogue.targets.find((t) => t.measure === "startup_days")!;
    const indicator = catalogue.indicators.find((i) => i.id === target.indicatorId)!;
    expect(startup).toMatchObject({unit: "working_day", direction: "lower_is_better", higher: false});
    expect(startup.target).toEqual({value: 0.5, comparator: "<=", quoteZh: target.quoteZh});
    expect(startup.indicator).toBe(`i${String(indicator.id).padStart(3, "0")}`);
    expect(startup.category).toBe(`c${String(indicator.categoryId).padStart(2, "0")}`);
    expect(startup.leadUnits).toEqual(indicator.leadUnits);
    expect(startup.owners).toEqual(indicator.leadUnits);
    expect(startup.effectiveWeight).toBeGreaterThan(0);
  });

  it("gives a measure of an indicator section 二 leaves without a lead unit the owners section 三 names", () => {
    const measures = describeMeasures(methodology, catalogue);
    const i047 = measures.filter((m) => m.indicator === "i047");
    expect(i047.length).toBeGreaterThan(0);
    for (const m of i047) expect(m).toMatchObject({leadUnits: [], owners: ["gov_service_center"]});
    for (const m of measures.filter((x) => x.indicator === "i116")) expect(m.owners).toEqual([]);
  });

  it("describes every observed measure once, with effective weights summing to the total's", () => {
    const measures = describeMeasures(methodology, catalogue);
    const observed = methodology.measures.filter((m) => !m.derive);
    expect(measures.map((m) => m.id)).toEqual(observed.map((m) => m.id));
    expect(measures.reduce((s, m) => s + m.effectiveWeight, 0)).toBeCloseTo(1, 9);
  });
});

describe("describeNodes", () => {
  it("names categories and indicators from the catalogue and links each to its parent", () => {
    const nodes = describeNodes(methodology, catalogue);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const i001 = nodes.find((n) => n.level === "indicator" && n.catalogueId === 1)!;
    expect(i001.nameZh).toBe(catalogue.indicators.find((i) => i.id === 1)!.nameZh);
    expect(byId.get(i001.parent!)!.level).toBe("category");
    expect(nodes.filter((n) => n.parent === null)).toHaveLength(1);
  });
});
