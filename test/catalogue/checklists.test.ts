/**
 * data/catalogue/checklists.csv: every point is quoted in the plan's exact words, from the field its row names (评估要点,
 * 提升措施 or the heading), numbered in order, with a provenance; a wrong row fails at its file and line.
 */
import {existsSync, readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readChecklists} from "../../loaders/checklists.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import {parseChecklists, type ChecklistItem} from "../../src/engine/catalogue/checklists.js";

const SEED = fileURLToPath(new URL("../../../shared/seed/000_d1d04bd8f3742d72.txt", import.meta.url));
const FILE = "data/catalogue/checklists.csv";

let catalogue: Catalogue;
let items: ChecklistItem[];
let text: string;
beforeAll(async () => {
  catalogue = await readCatalogue();
  items = await readChecklists(catalogue);
  text = await readFile(FILE, "utf8");
});

describe("data/catalogue/checklists.csv", () => {
  it.skipIf(!existsSync(SEED))("quotes every point with the plan's exact words", () => {
    const plan = readFileSync(SEED, "utf8");
    for (const i of items) expect(plan.includes(i.quoteZh), `${i.indicatorId}.${i.item} «${i.quoteZh}»`).toBe(true);
  });

  it("takes each quote from the indicator's own 评估要点 unless the plan gives it none", () => {
    const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
    for (const i of items) {
      const indicator = byId.get(i.indicatorId)!;
      if (i.source !== "assessment") expect(indicator.assessmentZh, `${i.indicatorId}`).toBe("");
      expect(i.provenance.length, `${i.indicatorId}.${i.item}`).toBeGreaterThan(10);
    }
    expect(items.filter((i) => i.source === "assessment").length).toBeGreaterThan(100);
  });

  it("names the file and line of a quote the indicator does not contain", () => {
    const bad = text.replace("7,1,portal_search_complete,yes_no,完备性", "7,1,portal_search_complete,yes_no,完整性");
    const line = text.split("\n").findIndex((l) => l.startsWith("7,1,")) + 1;
    expect(() => parseChecklists({name: FILE, text: bad}, catalogue.indicators)).toThrow(
      `${FILE}:${line}: 引文不在指标 7 的评估要点中`
    );
  });

  it("names the file and line of an item out of order or a measure used twice", () => {
    const skipped = text.replace("7,2,portal_search_practical", "7,3,portal_search_practical");
    expect(() => parseChecklists({name: FILE, text: skipped}, catalogue.indicators)).toThrow(
      /item of indicator 7 must be 2/
    );
    const twice = text.replace("7,2,portal_search_practical", "7,2,portal_search_complete");
    expect(() => parseChecklists({name: FILE, text: twice}, catalogue.indicators)).toThrow(/duplicate measure/);
  });
});
