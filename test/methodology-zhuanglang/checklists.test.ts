/**
 * Issue 13: the qualitative indicators are scored by checklists of the plan's points (data/catalogue/checklists.csv),
 * not by bare expert scores. Every indicator the plan gives words for has one; each point is a named measure of its
 * indicator weighing one point; a province's expert score can override a checklist, said in the table, never mixed.
 */
import {readFile} from "node:fs/promises";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readChecklists} from "../../loaders/checklists.js";
import {buildZhuanglangMethodology, indicatorNode, ZHUANGLANG_FILES} from "../../loaders/methodology-zhuanglang.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import type {ChecklistItem} from "../../src/engine/catalogue/checklists.js";
import {parseMethodology, type Methodology} from "../../src/engine/methodology/methodology.js";

let catalogue: Catalogue;
let items: ChecklistItem[];
let m: Methodology;
let tables: {measures: {name: string; text: string}; weights: {name: string; text: string}};

beforeAll(async () => {
  catalogue = await readCatalogue();
  items = await readChecklists(catalogue);
  m = parseMethodology(JSON.parse(await readFile(ZHUANGLANG_FILES.json, "utf8")));
  const read = async (name: string) => ({name, text: await readFile(name, "utf8")});
  tables = {measures: await read(ZHUANGLANG_FILES.measures), weights: await read(ZHUANGLANG_FILES.weights)};
});

const build = (measures = tables.measures) => buildZhuanglangMethodology(measures, tables.weights, catalogue, items);

describe("checklists in the default methodology", () => {
  it("leaves a bare expert score only where the plan has no words for the indicator (104, 纳税 5/5)", () => {
    const byId = new Map(m.measures.map((x) => [x.id, x]));
    const expertOnly = m.nodes
      .filter((n) => n.level === "indicator")
      .filter((n) => n.children.every((e) => byId.get(e.id)?.normalise?.method === "expert"))
      .map((n) => n.id);
    expect(expertOnly).toEqual(["i104"]);
    const i104 = catalogue.indicators.find((i) => i.id === 104)!;
    expect([i104.headingZh, i104.assessmentZh, i104.measuresZh]).toEqual(["", "", ""]);
  });

  it("gives 55 indicators a checklist of 154 points, each a named measure of its indicator weighing one point", () => {
    expect(new Set(items.map((i) => i.indicatorId)).size).toBe(55);
    expect(items).toHaveLength(154);
    const byId = new Map(m.measures.map((x) => [x.id, x]));
    for (const indicator of new Set(items.map((i) => i.indicatorId))) {
      const node = m.nodes.find((n) => n.id === indicatorNode(indicator))!;
      const own = items.filter((i) => i.indicatorId === indicator).map((i) => i.measure);
      expect(node.children, `indicator ${indicator}`).toEqual(own.map((id) => ({id, weight: 1})));
      expect(node.missing).toBe("reweight");
      expect(node.note).toContain("points achieved ÷ points applicable");
    }
    for (const item of items) {
      const measure = byId.get(item.measure)!;
      expect(measure.name?.zh && measure.name?.en, item.measure).toBeTruthy();
      expect(measure.note, item.measure).toContain(`「${item.quoteZh}」`);
      if (item.kind === "yes_no") {
        expect(measure.unit, item.measure).toBe("yes_no");
        expect(measure.normalise, item.measure).toEqual({method: "frontier", best: 1, worst: 0, scale: undefined});
      } else expect(measure.unit, item.measure).not.toBe("yes_no");
    }
  });

  it("turns a point that names a quantity into a measure of it (e.g. 14's user activity, 119's growth rates)", () => {
    const quantities = items.filter((i) => i.kind === "quantity").map((i) => i.measure);
    expect(quantities).toContain("personal_users_active_pct");
    expect(m.measures.find((x) => x.id === "ip_pledge_financing_growth_pct")?.unit).toBe("percent_change");
  });
});

describe("the builder's checklist rules", () => {
  const talentExpert =
    'talent_mobility_score,121,人才流动便利度专家评分,"Talent mobility, expert score",score,higher_is_better,expert,100,,,1,The province scores 121 by an expert score.\n';
  const withExpert = (itemWeight: string) => {
    let text = tables.measures.text;
    for (const id of ["talent_attraction_measures", "talent_settlement_measures", "talent_employment_measures"]) {
      text = text.replace(new RegExp(`^(${id},.*),1,("Yes scores 100, no 0\\.")$`, "m"), `$1,${itemWeight},$2`);
    }
    return {...tables.measures, text: text + talentExpert};
  };

  it("lets an expert score override a checklist when the table weighs the items 0, and says so", () => {
    const json = build(withExpert("0")) as {nodes: {id: string; note?: string; children: {weight: number}[]}[]};
    const node = json.nodes.find((n) => n.id === "i121")!;
    expect(node.children.map((e) => e.weight)).toEqual([0, 0, 0, 1]);
    expect(node.note).toContain("expert score overrides the checklist");
  });

  it("rejects an indicator that weighs both its expert score and its items, at the item's line", () => {
    const line = tables.measures.text.split("\n").findIndex((l) => l.startsWith("talent_attraction_measures,")) + 1;
    expect(() => build(withExpert("1"))).toThrow(
      `${ZHUANGLANG_FILES.measures}:${line}: 指标 121 既有专家评分又有清单计分`
    );
  });

  it("rejects a yes/no measure that is no point of the plan", () => {
    const extra =
      'made_up_item,121,编造的项,Made-up item,yes_no,higher_is_better,frontier,1,0,,1,"Yes scores 100, no 0."\n';
    expect(() => build({...tables.measures, text: tables.measures.text + extra})).toThrow(
      /yes\/no measure made_up_item is no item/
    );
  });
});
