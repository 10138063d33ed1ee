/**
 * Issue 16, Deliver 3: the World Bank preset. Builds the site from data/site-world.json (DB2020's ten topics, 191
 * economies, regions from data/regions/world.json) into a temporary folder and opens it in Chromium: every page without
 * errors, "NaN" or Zhuanglang's words; economies named in Chinese and English by the i18n-iso-countries package; the
 * peer group switched to a World Bank region; and the China what-if ("start-up in 1 day and 1 procedure") giving in the
 * simulator the score and rank the Node engine gives for the same overrides, set in both of China's cities. 51 s with
 * its build on the 2-core machine when quiet, 89 s at a load of 9; `BIZENV_WORLD_DIST=folder` reuses a site already
 * built with that configuration.
 */
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {loadObservations} from "../../loaders/observations.js";
import {countryNames, readRegionsJson} from "../../loaders/regions-file.js";
import {readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {rootNode} from "../../src/engine/methodology/methodology.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import {settle, watchedPage} from "../support/browser.js";
import {PLAN_PAGES} from "../../src/site.js";
import {listPages, type DistServer} from "../support/dist-server.js";
import {openSiteWith, type OpenSite} from "../support/site-build.js";

const CONFIG = "data/site-world.json";
/** Words of the Zhuanglang site that must not reach a page about the world's economies. */
const FOREIGN = /NaN|庄浪|平凉|甘肃|Zhuanglang|Pingliang|Gansu|undefined/;
/** Words that assume a plan or a previous period: the preset has neither (its method page says it has no plan). */
const PLAN_WORDS =
  /plan's|Lead unit:|Plan target|lead units, targets|its target \(or frontier\)|previous period of the same kind|no comparable rank/;
/** "If China's start-up took 1 day and 1 procedure" (for men and for women, as DB2020 measures both). */
const START_UP = {sb_procedures_men: 1, sb_time_men_days: 1, sb_procedures_women: 1, sb_time_women_days: 1};

let dist: string;
let server: DistServer;
let browser: Browser;
let site: OpenSite | undefined;
let expected: Awaited<ReturnType<typeof nodeChina>>;

beforeAll(async () => {
  // The Node engine's answer is prepared while the site builds.
  [site, expected] = await Promise.all([openSiteWith(CONFIG, process.env.BIZENV_WORLD_DIST), nodeChina(START_UP)]);
  ({dist, server, browser} = site);
}, 900_000);

afterAll(async () => site?.close());

/** Opens a page in a language, waits until it is settled and hands it to `check`; any error on the page fails. */
async function visit(path: string, lang: "zh" | "en", check: (page: Page) => Promise<void>) {
  const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang}});
  try {
    await watched.page.goto(server.origin + path);
    await settle(watched, 90_000);
    await check(watched.page);
    expect(watched.problems, `${path} ${lang}`).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/**
 * China's ease of doing business score and rank among the ranked economies from the Node engine, as they are and with
 * `values` set in both of China's cities (the simulator's rule for a two-city economy, src/engine/regions/rollup.ts).
 */
async function nodeChina(values: Record<string, number>) {
  const config = await readSiteConfig(CONFIG, {});
  const methodology = await readSiteMethodology(config);
  const world = await readRegionsJson(config.regions);
  const loaded = await loadObservations({methodology, dir: config.observations, regions: world.regions, log: () => {}});
  const db = await openNodeDatabase();
  try {
    const engine = await createEngine(db, methodology);
    await engine.loadObservations(observationsIpc(loaded.observations));
    await engine.setRegions(world.subunits);
    const cities = world.subunits.filter((s) => s.parent === "CHIN").map((s) => s.region);
    expect(cities.sort()).toEqual(["CHN", "CHN_Beij"]);
    const overrides = cities.flatMap((region) =>
      Object.entries(values).map(([measure, value]) => ({region, period: "2020", measure, value}))
    );
    const ranked = world.peerGroups.find((g) => g.id === "ranked")!.members;
    const root = rootNode(methodology);
    const result = await engine.score({peerGroup: ranked, scenario: {values: overrides}, level: root, measures: false});
    const d = result.deltas!.find((x) => x.region === "CHIN" && x.node === root)!;
    return {before: {score: d.baseline!, rank: d.baselineRank!}, after: {score: d.scenario!, rank: d.scenarioRank!}};
  } finally {
    await db.close();
  }
}

describe(`the site built from ${CONFIG}`, () => {
  it("opens every report page in Chinese with no error, no NaN and none of Zhuanglang's words; switches to a World Bank region", async () => {
    const pages = (await listPages(dist)).filter((p) => p !== "/simulator");
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const china = countryNames("CHN")!;
    const eas = (await readRegionsJson("data/regions/world.json")).peerGroups.find((g) => g.id === "eas")!;
    // Three pages at a time: most of a page's time is waiting for the network to go idle.
    const check = (path: string) =>
      visit(path, "zh", async (page) => {
        const text = await page.locator("body").innerText();
        expect(text, path).not.toMatch(FOREIGN);
        // Without a plan catalogue the pages about the plan say so instead of showing empty tables.
        if (PLAN_PAGES.includes(path)) return expect(text, path).toContain("本站未配置方案目录");
        // The indicators page lists the methodology's tier below the topics instead (no plan catalogue).
        if (path === "/indicators") expect(text, path).toMatch(/开办企业[\s\S]*手续/);
        expect(text, path).toContain(china.zh);
        if (path !== "/") return;
        // The peer group switched to a World Bank region: China ranked among its economies, the heading says which.
        await page.selectOption("select[name=group]", {label: `东亚与太平洋（${eas.members.length} 个经济体）`});
        await page.waitForFunction(
          (n) => document.querySelector("[data-testid=rank]")?.textContent?.endsWith(`/ ${n}`),
          eas.members.length
        );
        expect(await page.locator("body").innerText()).toContain("在东亚与太平洋中的排名");
      });
    for (let i = 0; i < pages.length; i += 3) await Promise.all(pages.slice(i, i + 3).map(check));
  });

  it("speaks of topics and economies in English, with no plan and no previous period it does not have", async () => {
    const pages = (await listPages(dist)).filter((p) => p !== "/simulator" && !PLAN_PAGES.includes(p));
    const china = countryNames("CHN")!.en;
    const check = (path: string) =>
      visit(path, "en", async (page) => {
        const text = await page.locator("body").innerText();
        expect(text, path).not.toMatch(FOREIGN);
        expect(text, path).not.toMatch(PLAN_WORDS);
        // China is chosen by its English name, without the row code a Chinese county name needs beside it.
        if (path !== "/method") expect(await page.locator("select[name=focus] option:checked").innerText()).toBe(china);
        if (path === "/") {
          expect(text).toContain("10 topic scores");
          expect(text).toContain("(the only period of data)");
        }
        if (path === "/peers") expect(text).toContain("Topic scores heat map");
        if (path === "/method") expect(text).toContain("BIZENV_SITE=data/site-world.json npm run build");
      });
    for (let i = 0; i < pages.length; i += 3) await Promise.all(pages.slice(i, i + 3).map(check));
  });

  it("answers the China what-if in English: start-up in 1 day and 1 procedure gives the Node engine's score and rank", async () => {
    expect(expected.after.score).toBeGreaterThan(expected.before.score);
    await visit("/simulator", "en", async (page) => {
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(FOREIGN);
      // Economies named in English by the package (the ranking lists all 190).
      for (const iso3 of ["CHN", "USA", "JPN"]) expect(text).toContain(countryNames(iso3)!.en);
      expect(await page.locator('[data-testid="sim-focus"]').inputValue()).toBe("CHIN");
      // No plan: nothing to apply, no plan-target column, reforms ranked by the frontier only.
      expect(text).not.toMatch(PLAN_WORDS);
      expect(await page.locator('[data-testid="sim-apply-targets"]').count()).toBe(0);
      expect(await page.locator('[data-testid="sim-units"]').count()).toBe(0);
      expect(await page.locator('[data-testid="sim-priority-goal"] option').allInnerTexts()).toHaveLength(1);
      // The 190-row ranking scrolls in its own box, opened at China (32nd) rather than at the top.
      const box = await page.locator('[data-testid="sim-ranking"]').evaluate((el) => {
        const row = el.querySelector("tr.sim-focus")!.getBoundingClientRect();
        const frame = el.getBoundingClientRect();
        return {scrolled: el.scrollTop, shown: row.top >= frame.top && row.bottom <= frame.bottom, tall: frame.height};
      });
      expect(box.scrolled).toBeGreaterThan(0);
      expect(box.shown).toBe(true);
      expect(box.tall).toBeLessThan(600);
      const exact = async (id: string) =>
        Number(await page.locator(`[data-testid="${id}"]`).getAttribute("data-exact"));
      expect(await exact("sim-total-before")).toBeCloseTo(expected.before.score, 9);
      expect(await exact("sim-rank-before")).toBe(expected.before.rank);
      for (const [measure, value] of Object.entries(START_UP))
        await page.locator(`[data-testid="measure-${measure}"]`).fill(String(value));
      await page.waitForTimeout(50);
      await page.waitForSelector('[data-testid="sim-root"][data-busy="0"]', {timeout: 60_000});
      expect(await exact("sim-total-after")).toBeCloseTo(expected.after.score, 9);
      expect(await exact("sim-rank-after")).toBe(expected.after.rank);
    });
  });
});
