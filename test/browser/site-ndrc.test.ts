/**
 * Issue 16, Deliver 2: any methodology drives the whole site. Builds the site from data/site-ndrc.json (the NDRC
 * regrouping: levels total/indicator/checklist, ids without catalogue numbers) into its own folder and opens every
 * page in Chromium: no console or page error, no "NaN", and the overview's category chart, the peers heat map, the
 * method page's weights table and the simulator show the regrouping's groups by their names; the indicators page
 * lists the tier below the groups, the units page ranks lead units and the method page calls the tiers by the
 * methodology's level names, in Chinese and English. About a minute of
 * build; `BIZENV_NDRC_DIST=folder` reuses a site already built with that configuration.
 */
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {settle, watchedPage} from "../support/browser.js";
import {listPages, type DistServer} from "../support/dist-server.js";
import {distReport} from "../support/dist-report.js";
import {openSiteWith, type OpenSite} from "../support/site-build.js";

const GROUPS = ["开办企业", "办理建筑许可", "获得电力", "获得用水用气", "登记财产", "获得信贷", "政府采购", "纳税"];

let dist: string;
let server: DistServer;
let browser: Browser;
let site: OpenSite | undefined;

beforeAll(async () => {
  site = await openSiteWith("data/site-ndrc.json", process.env.BIZENV_NDRC_DIST);
  ({dist, server, browser} = site);
}, 900_000);

afterAll(async () => site?.close());

describe("the site built from data/site-ndrc.json", () => {
  it("opens every page with no error and no NaN", async () => {
    const pages = await listPages(dist);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const path of pages) {
      const watched = await watchedPage(browser, {storage: {"bizenv.lang": "zh"}});
      try {
        await watched.page.goto(server.origin + path);
        await settle(watched);
        expect(watched.problems, path).toEqual([]);
        expect(await watched.page.locator("body").innerText(), path).not.toMatch(/NaN/);
      } finally {
        await watched.context.close();
      }
    }
  });

  it("names the regrouping's groups in the overview's category chart, the heat map, the weights table and the simulator", async () => {
    const checks: [string, string][] = [
      ["/", "svg"],
      ["/peers", ".bizenv-key"],
      ["/method", ".bizenv-weights"],
      ["/simulator", "body"]
    ];
    for (const [path, selector] of checks) {
      const watched = await watchedPage(browser, {storage: {"bizenv.lang": "zh"}});
      try {
        await watched.page.goto(server.origin + path);
        await settle(watched);
        const text = (await watched.page.locator(selector).allTextContents()).join(" ");
        for (const name of GROUPS) expect(text, `${path} ${selector}`).toContain(name);
        if (path === "/peers")
          expect(await watched.page.locator(".bizenv-heatmap svg rect").count()).toBeGreaterThan(12);
        if (path === "/simulator") expect(text).toContain("1. 开办企业");
      } finally {
        await watched.context.close();
      }
    }
  });

  for (const lang of ["zh", "en"] as const) {
    it(`${lang}: indicators list the groups' tier, units rank lead units, the method page names the tiers`, async () => {
      const report = distReport(dist);
      const first = report.nodes.find((n) => n.id === "starting_business")!;
      const tier = report.levels[first.level];
      const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang}});
      try {
        const {page} = watched;
        await page.goto(`${server.origin}/indicators`);
        await settle(watched);
        const cards = page.locator(".bizenv-indicator");
        expect(await cards.count()).toBeGreaterThan(0);
        const card = await cards.first().innerText();
        expect(card).toContain(lang === "zh" ? first.nameZh : first.nameEn);
        expect(await cards.first().locator(".bizenv-measure").count()).toBeGreaterThan(0);
        await page.goto(`${server.origin}/units`);
        await settle(watched);
        const points = await page.locator('[data-testid="unit-table"] tbody tr td:nth-child(4)').allInnerTexts();
        expect(points.filter((p) => /\d/.test(p)).length).toBeGreaterThan(3);
        await page.goto(`${server.origin}/method`);
        await settle(watched);
        const header = await page.locator("table th").first().innerText();
        expect(header).toBe(lang === "zh" ? tier.nameZh : tier.nameEn);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
