/**
 * What a leader does with the plan's targets and lead units, in Chromium on the built site: the overview's count of
 * targets met leads to the targets page, which lists every target (not met first, then by points) and filters by lead
 * unit; the units page opens on the ranking of units with its order stated, shows each unit's task list with the
 * plan's improvement measures and section 三's words, and lists the indicators nobody owns; the indicators page writes
 * targets in words and lists the missing items of yes/no checklists.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {readCatalogue} from "../../loaders/catalogue.js";
import {accountableUnits, type Catalogue} from "../../src/engine/catalogue/catalogue.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {launchChromium, settle, watchedPage, type WatchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {distReport, distValues} from "../support/dist-report.js";
import {isYesNo} from "../../src/engine/model/model.js";

let browser: Browser;
let server: DistServer;
let report: Report;
let catalogue: Catalogue;
beforeAll(async () => {
  [server, browser, catalogue] = await Promise.all([serveDist(), launchChromium(), readCatalogue()]);
  report = distReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, lang: "zh" | "en" = "zh", group = "pingliang"): Promise<WatchedPage> {
  const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang, "bizenv.group": group}});
  await watched.page.goto(server.origin + path);
  await settle(watched);
  return watched;
}
const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const numbers = (cells: string[]) => cells.map((c) => (c.trim() === "—" ? -1 : Number(c)));

describe("targets", () => {
  for (const group of ["pingliang", "gansu"]) {
    it(`${group}: the overview's count of targets met is the targets page's, and its link opens that page`, async () => {
      const watched = await open("/", "zh", group);
      const {page} = watched;
      try {
        const met = (await byTest(page, "targets-met").textContent())!.trim();
        expect(met).toMatch(new RegExp(`^\\d+ / ${report.targets.length}$`));
        await byTest(page, "targets-link").click();
        await page.waitForURL(/\/targets/);
        await settle(watched);
        expect((await byTest(page, "targets-met").textContent())!.trim()).toBe(met);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }

  it("lists every target, not met first and by points, with the target in words, and filters by lead unit", async () => {
    const watched = await open("/targets");
    const {page} = watched;
    try {
      const rows = page.locator('[data-testid="targets-table"] tbody tr');
      expect(await rows.count()).toBe(report.targets.length);
      const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
      const order = ["unmet", "nodata", "met"];
      expect(statuses).toEqual([...statuses].sort((a, b) => order.indexOf(a!) - order.indexOf(b!)));
      const unmetPoints = numbers(
        await page.locator('[data-testid="targets-table"] tr[data-status="unmet"] td:last-child').allTextContents()
      );
      expect(unmetPoints).toEqual([...unmetPoints].sort((a, b) => b - a));
      const startup = report.targets.find((t) => t.measure === "startup_days")!;
      const row = page.locator(`[data-testid="targets-table"] tr[data-target="${startup.id}"]`);
      expect(await row.textContent()).toContain("≤ 0.5 个工作日");
      expect(await row.locator("td.status").textContent()).toMatch(/^(达标|未达标|无数据)$/);

      const unit = "market_regulation_bureau";
      const expected = report.targets.filter((t) => t.owners.includes(unit)).length;
      const option = await page.$eval(
        "select[name=unit]",
        (s, name) => [...(s as HTMLSelectElement).options].find((o) => o.textContent === name)!.value,
        "市场监管局"
      );
      await page.locator("select[name=unit]").selectOption(option);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="targets-table"] tbody tr').length === n,
        expected
      );
      const units = await page.locator('[data-testid="targets-table"] tbody tr td:nth-child(2)').allTextContents();
      expect(units.length).toBe(expected);
      for (const u of units) expect(u).toContain("市场监管局");
      expect(await byTest(page, "targets-shown").textContent()).toContain(`${expected} / ${report.targets.length}`);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe("lead units", () => {
  it("opens on the ranking, in the order it states, drawn as bars and dots with a legend", async () => {
    const watched = await open("/units");
    const {page} = watched;
    try {
      const headings = await page.locator("#observablehq-main h2").allTextContents();
      expect(headings[0]).toContain("牵头单位排名");
      expect(await byTest(page, "unit-order").textContent()).toContain("按“达到目标”可增分从高到低");
      const legend = page.locator("figure .bizenv-legend").first();
      expect(await legend.locator(".bizenv-swatch-bar").count()).toBe(1);
      expect(await legend.locator(".bizenv-swatch-dot").count()).toBe(1);
      const cells = (n: number) =>
        page.locator(`[data-testid="unit-table"] tbody td:nth-child(${n})`).allTextContents();
      const toTarget = numbers(await cells(3));
      const toFrontier = numbers(await cells(4));
      for (let i = 1; i < toTarget.length; i++) {
        const ordered =
          toTarget[i - 1] > toTarget[i] || (toTarget[i - 1] === toTarget[i] && toFrontier[i - 1] >= toFrontier[i]);
        expect(
          ordered,
          `row ${i + 1}: ${toTarget[i - 1]}/${toFrontier[i - 1]} before ${toTarget[i]}/${toFrontier[i]}`
        ).toBe(true);
      }
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("shows a unit's task list with the plan's measures, section 三's words and its targets", async () => {
    const watched = await open("/units?unit=gov_service_center");
    const {page} = watched;
    try {
      const card = page.locator('[data-unit="gov_service_center"]');
      const text = (await card.textContent()) ?? "";
      const i47 = catalogue.indicators.find((i) => i.id === 47)!;
      // The plan's improvement measures for 47 (its first line; the plan's text has stray line breaks).
      expect(text).toContain(i47.measuresZh.split("\n")[0]);
      expect(text).toContain(i47.owner!.quoteZh);
      expect(text).toContain("提升措施");
      expect(await card.locator("li[data-status]").count()).toBe(
        report.targets.filter((t) => t.owners.includes("gov_service_center")).length
      );
      expect(await page.locator("[data-unit]").count()).toBe(1);
      await page.locator("select[name=unit]").selectOption({index: 0});
      const units = new Set(catalogue.indicators.flatMap((i) => accountableUnits(i))).size;
      await page.waitForFunction((n) => document.querySelectorAll("[data-unit]").length === n, units);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("lists the indicators the plan gives no owner at all", async () => {
    const watched = await open("/units");
    const {page} = watched;
    try {
      const ownerless = catalogue.indicators.filter((i) => accountableUnits(i).length === 0).map((i) => String(i.id));
      const ids = await page.locator('[data-testid="ownerless"] tbody td:first-child').allTextContents();
      expect(ids.map((s) => s.trim())).toEqual(ownerless);
      expect(await byTest(page, "ownerless-note").textContent()).toContain(`${ownerless.length} 项指标`);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe("indicators", () => {
  it("writes a target in words with its status, never the measure's id", async () => {
    const watched = await open("/indicators");
    const {page} = watched;
    try {
      await page.locator('input[type="search"]').fill("开办企业时限");
      await page.waitForFunction(() => document.querySelector("#indicator-79") !== null);
      const card = page.locator("#indicator-79");
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("≤ 0.5 个工作日");
      expect(text).not.toContain("startup_days");
      expect(await card.locator(".bizenv-status").count()).toBeGreaterThan(0);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("lists the missing items of a yes/no checklist", async () => {
    const yesNo = report.measures.filter((m) => isYesNo(m));
    const values = distValues();
    const at = report.regions.findIndex((r) => r.code === report.focus);
    const lacks = (m: (typeof yesNo)[number]) => values[report.latest]?.[m.id]?.score[at] === 0;
    // An indicator where the focus region has some items and lacks others.
    const node = report.nodes.find(
      (n) => yesNo.some((m) => m.indicator === n.id && lacks(m)) && yesNo.some((m) => m.indicator === n.id && !lacks(m))
    )!;
    expect(node, "an indicator with items present and missing").toBeDefined();
    const watched = await open("/indicators");
    const {page} = watched;
    try {
      await page.locator('input[type="search"]').fill(node.nameZh);
      const card = page.locator(`#indicator-${node.catalogueId}`);
      await card.waitFor();
      const items = yesNo.filter((m) => m.indicator === node.id);
      const missing = items.filter(lacks).map((m) => m.nameZh);
      expect(missing.length).toBeGreaterThan(0);
      expect(await card.locator('[data-testid="checklist"]').count()).toBe(1);
      const listed = (await card.locator('[data-testid="checklist"]').textContent()) ?? "";
      for (const m of items)
        expect(listed.includes(m.nameZh) ? "listed" : "not listed", m.nameZh).toBe(
          missing.includes(m.nameZh) ? "listed" : "not listed"
        );
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
