import {readFile} from "node:fs/promises";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {
  buildZhuanglangJsonText,
  buildZhuanglangMethodology,
  indicatorNode,
  ZHUANGLANG_FILES
} from "../../loaders/methodology-zhuanglang.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import {parseMethodology, type Methodology} from "../../src/engine/methodology/methodology.js";
import {buildPlan, effectiveWeights} from "../../src/engine/methodology/plan.js";

let catalogue: Catalogue;
let jsonText: string;
let m: Methodology;
let tables: {measures: {name: string; text: string}; weights: {name: string; text: string}};

beforeAll(async () => {
  catalogue = await readCatalogue();
  jsonText = await readFile(ZHUANGLANG_FILES.json, "utf8");
  m = parseMethodology(JSON.parse(jsonText), ZHUANGLANG_FILES.json);
  const read = async (name: string) => ({name, text: await readFile(name, "utf8")});
  tables = {measures: await read(ZHUANGLANG_FILES.measures), weights: await read(ZHUANGLANG_FILES.weights)};
});

describe("the default methodology zhuanglang-2023.json", () => {
  it("is up to date with its CSV tables (run `npx tsx loaders/methodology-zhuanglang.ts` after editing them)", async () => {
    expect(jsonText).toBe(await buildZhuanglangJsonText());
  });

  it("scores every catalogue indicator 1..123 through at least one measure, under its own category", () => {
    const nodes = new Map(m.nodes.map((n) => [n.id, n]));
    const measures = new Set(m.measures.map((x) => x.id));
    const total = nodes.get("total")!;
    expect(total.children).toHaveLength(13);
    for (const indicator of catalogue.indicators) {
      const node = nodes.get(indicatorNode(indicator.id));
      expect(node, `indicator ${indicator.id}`).toBeDefined();
      expect(
        node!.children.filter((e) => measures.has(e.id)).length,
        `indicator ${indicator.id}`
      ).toBeGreaterThanOrEqual(1);
      const parent = m.nodes.filter((n) => n.children.some((e) => e.id === node!.id));
      expect(
        parent.map((p) => p.id),
        `indicator ${indicator.id}`
      ).toEqual([`c${String(indicator.categoryId).padStart(2, "0")}`]);
      expect(total.children.some((e) => e.id === parent[0].id)).toBe(true);
    }
    expect(catalogue.indicators.map((i) => i.id)).toEqual(Array.from({length: 123}, (_, i) => i + 1));
  });

  it("uses every plan target as the frontier of the measure with the target's id, unit and direction", () => {
    expect(catalogue.targets.length).toBeGreaterThan(20);
    for (const t of catalogue.targets) {
      const measure = m.measures.find((x) => x.id === t.measure);
      expect(measure, t.measure).toBeDefined();
      expect(measure!.unit, t.measure).toBe(t.unit);
      expect(measure!.normalise, t.measure).toMatchObject({method: "frontier", best: t.value});
      if (t.comparator === "<=") expect(measure!.direction, t.measure).toBe("lower_is_better");
      if (t.comparator === ">=") expect(measure!.direction, t.measure).toBe("higher_is_better");
      const parent = m.nodes.find((n) => n.children.some((e) => e.id === t.measure));
      expect(parent?.id, t.measure).toBe(indicatorNode(t.indicatorId));
    }
  });

  it("scores quantities by distance to frontier and qualitative items by an expert score out of 100", () => {
    for (const x of m.measures) {
      if (x.unit === "score") expect(x.normalise, x.id).toEqual({method: "expert", max: 100, scale: undefined});
      else expect(x.normalise?.method, x.id).toBe("frontier");
      expect(x.name?.zh && x.name?.en, x.id).toBeTruthy();
    }
  });

  it("ships equal default weights: each category 1/13 of the total, indicators equal within their category", () => {
    const weights = effectiveWeights(buildPlan(m));
    for (const k of catalogue.categories) {
      expect(weights[`c${String(k.id).padStart(2, "0")}`]).toBeCloseTo(1 / 13, 12);
      const n = k.indicatorTo - k.indicatorFrom + 1;
      for (let i = k.indicatorFrom; i <= k.indicatorTo; i++)
        expect(weights[indicatorNode(i)]).toBeCloseTo(1 / 13 / n, 12);
    }
    expect(m.description).toMatch(/DEFAULTS/);
  });

  it("documents every measure in docs/zhuanglang-methodology.md", async () => {
    const doc = await readFile("docs/zhuanglang-methodology.md", "utf8");
    expect(m.measures.filter((x) => !doc.includes(`| \`${x.id}\` |`)).map((x) => x.id)).toEqual([]);
  });

  it("requires every category for the total and re-weights over available children below it", () => {
    const total = m.nodes.find((n) => n.id === "total")!;
    expect(total.minCoverage).toBe(1);
    for (const n of m.nodes) expect(n.missing, n.id).toBe("reweight");
  });
});

describe("the builder of zhuanglang-2023.json", () => {
  const edit = (text: string, from: string, to: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };

  it("names file and line when a measure points at an unknown indicator", () => {
    const measures = {...tables.measures, text: edit(tables.measures.text, "startup_steps,78,", "startup_steps,124,")};
    const line = tables.measures.text.split("\n").findIndex((l) => l.startsWith("startup_steps,")) + 1;
    expect(() => buildZhuanglangMethodology(measures, tables.weights, catalogue)).toThrow(
      `${ZHUANGLANG_FILES.measures}:${line}: 未知评估指标 124`
    );
  });

  it("rejects a frontier that differs from the plan's target", () => {
    const measures = {
      ...tables.measures,
      text: edit(tables.measures.text, "frontier,0.5,20,0.5,", "frontier,1,20,0.5,")
    };
    expect(() => buildZhuanglangMethodology(measures, tables.weights, catalogue)).toThrow(
      /must equal the plan's target 0\.5/
    );
  });

  it("rejects a table that leaves an indicator without a measure", () => {
    const lines = tables.measures.text.split("\n").filter((l) => !l.startsWith("form_downloads_pct,"));
    expect(() =>
      buildZhuanglangMethodology({...tables.measures, text: lines.join("\n")}, tables.weights, catalogue)
    ).toThrow(/indicator 71 has no measure/);
  });

  it("takes node weights from the weights table", () => {
    const weights = {
      ...tables.weights,
      text: edit(tables.weights.text, "c10,total,企业生命周期,1", "c10,total,企业生命周期,4")
    };
    const plan = buildPlan(parseMethodology(buildZhuanglangMethodology(tables.measures, weights, catalogue)));
    expect(effectiveWeights(plan).c10).toBeCloseTo(4 / 16, 12);
  });
});
