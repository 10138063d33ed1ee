import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";

/** The plan itself: `../shared/seed/…` beside the repository (CI clones with `shared/` next to it). */
const SEED = fileURLToPath(new URL("../../../shared/seed/000_d1d04bd8f3742d72.txt", import.meta.url));
const exists = existsSync(SEED);
if (!exists) console.warn(`SKIPPED: the plan text is not at ${SEED}; catalogue quotes were NOT checked against it.`);

describe.skipIf(!exists)("data/catalogue against the plan's own text", () => {
  let plan: string;
  let catalogue: Catalogue;
  beforeAll(async () => {
    plan = readFileSync(SEED, "utf8");
    catalogue = await readCatalogue();
  });

  it("quotes every target with the plan's exact words", () => {
    for (const t of catalogue.targets) expect(plan.includes(t.quoteZh), `${t.measure}: "${t.quoteZh}"`).toBe(true);
  });

  it("copies headings, assessment points and measures verbatim", () => {
    for (const i of catalogue.indicators) {
      for (const text of [i.headingZh, i.assessmentZh, i.measuresZh]) {
        expect(text === "" || plan.includes(text), `indicator ${i.id}: "${text.slice(0, 30)}…"`).toBe(true);
      }
    }
  });

  it("gives every indicator with a heading the heading its number or range has in the plan", () => {
    for (const i of catalogue.indicators.filter((x) => x.nameSource !== "inferred")) {
      const label = i.group || String(i.id);
      const [from, to] = label.split("-");
      const heading = new RegExp(`^评估指标${from}${to ? `[-—]${to}` : ""}:(.*)$`, "m").exec(plan);
      expect(heading?.[1], `indicator ${i.id}`).toBe(i.headingZh);
    }
  });

  it("takes each indicator's lead units from the 责任单位 line its provenance names", () => {
    /** The lead part of the first 责任单位 line after the heading for `label` ("14", "78-82"). */
    const lineAfter = (label: string): string => {
      const [from, to] = label.split("-");
      const start = new RegExp(`^评估指标${from}${to ? `[-—]${to}` : ""}:`, "m").exec(plan)!.index;
      const line = /^责任单位:(.*)$/m.exec(plan.slice(start))![1];
      return line.split(",")[0].replace(/。.*$/, "");
    };
    const spelling = new Map(catalogue.units.flatMap((u) => u.aliasesZh.map((a) => [a, u.id] as const)));
    // 100-104 have neither a heading nor a "line after N": the next test pins their line.
    const checked = catalogue.indicators.filter((x) => x.leadSource !== "none" && !(x.id >= 100 && x.id <= 104));
    expect(checked.length).toBeGreaterThan(80);
    for (const i of checked) {
      const named = /\(line after ([\d-]+)\)$/.exec(i.provenance)?.[1] ?? (i.group || String(i.id));
      const ids = lineAfter(named)
        .split("、")
        .map((n) => spelling.get(n));
      expect(i.leadUnits, `indicator ${i.id} (line after ${named})`).toEqual(ids);
    }
  });

  it("reads the 责任单位 line left where headings 100-104 are missing as 税务局", () => {
    expect(plan).toMatch(/责任单位:自然资源局\n责任单位:税务局\n评估指标105-106/);
  });
});
