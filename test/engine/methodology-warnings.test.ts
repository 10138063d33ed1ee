/**
 * Warnings of `bizenv methodology` (src/engine/methodology/warnings.ts): measures that never reach a score, and nodes
 * that flags with `remove` can leave with nothing to average, also when the removable measures sit lower down.
 */
import {describe, expect, it} from "vitest";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import {methodologyWarnings} from "../../src/engine/methodology/warnings.js";

const hours = (id: string) => ({
  id,
  unit: "hour",
  direction: "lower_is_better",
  normalise: {method: "frontier", best: 0, worst: 50}
});
const warned = (json: object) => methodologyWarnings(parseMethodology(json, "m.json")).map((w) => w.path);

describe("methodology warnings", () => {
  it("names a measure no node and no derivation uses, and not one used only by a derivation", () => {
    const sum = {...hours("both"), derive: {from: "raw", op: "sum", of: ["a", "b"]}};
    const m = {
      id: "m",
      measures: [hours("a"), hours("b"), sum, hours("spare")],
      nodes: [{id: "total", children: [{id: "both"}]}]
    };
    expect(methodologyWarnings(parseMethodology(m, "m.json"))).toEqual([
      {path: "measures[3]", message: expect.stringContaining("spare is used by no node")}
    ]);
  });

  it("warns about every node whose children can all be removed, through nodes and raw-derived measures", () => {
    const vatTotal = {...hours("vat_total"), derive: {from: "raw", op: "sum", of: ["vat_hours", "vat_weeks"]}};
    const m = {
      id: "m",
      measures: [hours("vat_hours"), hours("vat_weeks"), hours("cit_hours"), vatTotal],
      flags: [{id: "no_vat", remove: true, measures: ["vat_hours", "vat_weeks"]}],
      nodes: [
        {id: "total", children: [{id: "postfiling"}, {id: "cit_hours"}, {id: "vat_sum"}]},
        {id: "postfiling", children: [{id: "vat"}]},
        {id: "vat", children: [{id: "vat_hours"}, {id: "vat_weeks"}]},
        {id: "vat_sum", children: [{id: "vat_total"}]}
      ]
    };
    expect(warned(m)).toEqual(["nodes[1].children", "nodes[2].children", "nodes[3].children"]);
    // Without the flag nothing can be removed.
    expect(warned({...m, flags: []})).toEqual([]);
  });
});
