/**
 * The what-if simulator in Chromium against the Node engine: the page's displayed total and rank equal what the
 * Node engine computes for the same scenario (at the displayed precision, and exactly via data-exact); shared
 * links, garbage links, bad and good uploads, reform priority and the greedy set, and a click handled while the
 * sensitivity run continues.
 */
import {mkdirSync, readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launchChromium, settle, watchedPage, type WatchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {formatScore} from "../../src/components/simulator/format.js";
import {initialState, withPlanTargets, type SimState} from "../../src/components/simulator/state.js";
import {focusTotal, openNodeSimulator, type NodeSimulator} from "../simulator/node-engine.js";

const OUTPUT = "test/output/pages";
let browser: Browser;
let server: DistServer;
let node: NodeSimulator;
beforeAll(async () => {
  mkdirSync(OUTPUT, {recursive: true});
  [server, browser, node] = await Promise.all([serveDist(), launchChromium(), openNodeSimulator()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await node?.close();
});

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const idle = (page: Page) => page.waitForSelector('[data-testid="sim-root"][data-busy="0"]', {timeout: 120_000});

async function open(hash = ""): Promise<WatchedPage> {
  const watched = await watchedPage(browser);
  await watched.page.goto(`${server.origin}/simulator${hash}`);
  await settle(watched, 120_000);
  await idle(watched.page);
  return watched;
}

/** Reads what the page shows and checks it against the Node engine for `state`. */
async function expectNodeResult(page: Page, state: SimState) {
  const expected = focusTotal(await node.score(state), state, node.model.root);
  const after = byTest(page, "sim-total-after");
  const rank = byTest(page, "sim-rank-after");
  expect(await after.textContent()).toBe(formatScore(expected.scenario));
  expect(Number(await after.getAttribute("data-exact"))).toBe(expected.scenario);
  expect(Number(await rank.getAttribute("data-exact"))).toBe(expected.scenarioRank);
  expect(await rank.textContent()).toContain(String(expected.scenarioRank));
  expect(Number(await byTest(page, "sim-total-before").getAttribute("data-exact"))).toBe(expected.baseline);
  return expected;
}

describe("simulator page", () => {
  it("start-up in 0.5 day and the plan's targets give exactly the Node engine's total and rank", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      const start = initialState("620825", "pingliang", "2023");
      expect(await byTest(page, "sim-focus").inputValue()).toBe("620825");
      expect(await byTest(page, "sim-period").inputValue()).toBe("2023");
      await expectNodeResult(page, start);
      expect(await byTest(page, "sim-timing").textContent()).toMatch(/\d+/);
      // Nothing changed yet: the waterfall says so instead of drawing bars of nothing.
      expect(await byTest(page, "sim-waterfall").locator("svg").count()).toBe(0);
      expect(await byTest(page, "sim-waterfall").textContent()).toContain("尚无变化");

      await byTest(page, "measure-startup_days").fill("0.5");
      await page.waitForTimeout(50);
      await idle(page);
      const halfDay = {...start, values: {startup_days: 0.5}};
      const moved = await expectNodeResult(page, halfDay);
      expect(moved.delta).toBeGreaterThan(0);
      // Beside the rank: who holds the next rank up and how many points it is away.
      const next = byTest(page, "sim-next-rank");
      expect(await next.textContent()).toMatch(/^距第 \d+ 名（.+）还差 \d+\.\d\d 分$/);
      expect(Number(await next.getAttribute("data-points"))).toBeGreaterThan(0);
      expect(await byTest(page, "sim-waterfall").locator("svg").count()).toBe(1);

      await byTest(page, "sim-apply-targets").click();
      await page.waitForTimeout(50);
      await idle(page);
      const planned = withPlanTargets(halfDay, node.model, await node.current("620825", "2023"));
      await expectNodeResult(page, planned);
      expect(await byTest(page, "measure-cp_general_social_days").inputValue()).not.toBe("");

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({path: `${OUTPUT}/simulator.targets.zh.png`, fullPage: true});

      // A value outside the unit's range is refused with the range written as people write it.
      const startup = byTest(page, "measure-startup_days");
      await startup.fill("-3");
      expect(await startup.getAttribute("aria-invalid")).toBe("true");
      expect(await byTest(page, "sim-message").textContent()).toMatch(/0–∞/);
      // …and next to the field itself, in words.
      const beside = startup.locator("xpath=following-sibling::span[contains(@class, 'sim-field-error')]");
      expect(await beside.isVisible()).toBe(true);
      expect(await beside.textContent()).toContain("0–∞");
      await startup.fill("0.5");
      expect(await beside.isHidden()).toBe(true);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("opens on the focus region and peer group chosen on the report pages (the query, then the remembered choice)", async () => {
    // From a shared link: ?focus=&group=.
    const linked = await watchedPage(browser);
    try {
      await linked.page.goto(`${server.origin}/simulator?focus=620821&group=gansu`);
      await settle(linked, 120_000);
      await idle(linked.page);
      expect(await byTest(linked.page, "sim-focus").inputValue()).toBe("620821");
      expect(await byTest(linked.page, "sim-group").inputValue()).toBe("gansu");
      await expectNodeResult(linked.page, initialState("620821", "gansu", "2023"));
      expect(linked.problems).toEqual([]);
    } finally {
      await linked.context.close();
    }
    // Chosen on the peers page, then the simulator opened from the menu (no query).
    const chosen = await watchedPage(browser);
    try {
      await chosen.page.goto(`${server.origin}/peers?focus=620826&group=pingliang`);
      await settle(chosen, 60_000);
      await chosen.page.goto(`${server.origin}/simulator`);
      await settle(chosen, 120_000);
      await idle(chosen.page);
      expect(await byTest(chosen.page, "sim-focus").inputValue()).toBe("620826");
      expect(await byTest(chosen.page, "sim-group").inputValue()).toBe("pingliang");
      expect(chosen.problems).toEqual([]);
    } finally {
      await chosen.context.close();
    }
  });

  it("keeps what-if values when the period or the focus region changes, and says so", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      await byTest(page, "measure-startup_days").fill("0.5");
      await page.waitForTimeout(50);
      await idle(page);
      await byTest(page, "sim-period").selectOption("2022");
      await page.waitForTimeout(50);
      await idle(page);
      expect(await byTest(page, "measure-startup_days").inputValue()).toBe("0.5");
      expect(await byTest(page, "sim-message").textContent()).toContain("已保留你的修改：1 个假设值");
      await expectNodeResult(page, {...initialState("620825", "pingliang", "2022"), values: {startup_days: 0.5}});
      await byTest(page, "sim-focus").selectOption("620821");
      await page.waitForTimeout(50);
      await idle(page);
      expect(await byTest(page, "measure-startup_days").inputValue()).toBe("0.5");
      const group = await byTest(page, "sim-group").inputValue();
      await expectNodeResult(page, {...initialState("620821", group, "2022"), values: {startup_days: 0.5}});
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("keeps the results bar below the site header when the page scrolls", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      await page.evaluate(() => window.scrollTo(0, 1500));
      await page.waitForTimeout(100);
      const [header, bar] = await page.evaluate(() =>
        ["#observablehq-header", ".sim-top"].map((s) => document.querySelector(s)!.getBoundingClientRect().toJSON())
      );
      expect(bar.top, "the bar is stuck, not scrolled away").toBeGreaterThanOrEqual(0);
      expect(bar.top, "the bar starts below the header").toBeGreaterThanOrEqual(header.bottom - 1);
      await page.screenshot({path: `${OUTPUT}/simulator.scrolled.zh.png`});
    } finally {
      await watched.context.close();
    }
  });

  it("offers checklist items as tick boxes: ticking a missing item gives the Node engine's total", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      const start = initialState("620825", "pingliang", "2023");
      const current = await node.current("620825", "2023");
      const items = [...node.model.measures.values()].filter((m) => m.unit === "yes_no");
      expect(items.length).toBeGreaterThan(50);
      const missing = items.find((m) => current.get(m.id) === 0)!;
      expect(missing, "庄浪县 lacks at least one checklist item in 2023").toBeDefined();
      const box = byTest(page, `measure-${missing.id}`);
      const section = box.locator("xpath=ancestor::details");
      if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
      expect(await box.getAttribute("type")).toBe("checkbox");
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await page.waitForTimeout(50);
      await idle(page);
      const ticked = await expectNodeResult(page, {...start, values: {[missing.id]: 1}});
      expect(ticked.delta).toBeGreaterThan(0);
      // Unticking returns to the region's own answer: no what-if left.
      await box.uncheck();
      await page.waitForTimeout(50);
      await idle(page);
      await expectNodeResult(page, start);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("a shared link reproduces the result in a fresh page; a garbage link shows the message", async () => {
    const first = await open();
    let link = "";
    try {
      await byTest(first.page, "measure-startup_days").fill("0.5");
      await byTest(first.page, "weight-c10").fill("3");
      await first.page.waitForTimeout(50);
      await idle(first.page);
      link = first.page.url();
      expect(link).toContain("#s=");
    } finally {
      await first.context.close();
    }
    const fresh = await open(new URL(link).hash);
    try {
      const state = {...initialState("620825", "pingliang", "2023"), values: {startup_days: 0.5}, weights: {c10: 3}};
      await expectNodeResult(fresh.page, state);
      expect(await byTest(fresh.page, "measure-startup_days").inputValue()).toBe("0.5");
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.context.close();
    }
    const garbage = await open("#s=%E2%98%83<script>alert(1)</script>");
    try {
      const text = await byTest(garbage.page, "sim-message").textContent();
      expect(text).toContain("链接中的情景无法使用");
      expect(
        await garbage.page
          .locator("script:not([src])")
          .evaluateAll((s) => s.some((x) => x.textContent?.includes("alert(1)")))
      ).toBe(false);
      await expectNodeResult(garbage.page, initialState("620825", "pingliang", "2023"));
      expect(garbage.problems).toEqual([]);
    } finally {
      await garbage.context.close();
    }
  });

  it("a bad CSV shows its line and column; a good one re-scores; restore brings the bundled data back", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      const before = Number(await byTest(page, "sim-total-after").getAttribute("data-exact"));
      // The national regions table is fetched for the first upload, not on the way to the first score.
      const fetchedNational = () =>
        page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.includes("regions-national")));
      expect(await fetchedNational()).toBe(false);
      // A misspelt measure, and a county-shaped code that is not in GB/T 2260 (Pingliang has no 620899).
      const bad =
        "region,period,measure,value\n620825,2023,startup_days,1\n620825,2023,startup_days_typo,2\n620899,2023,startup_days,3\n";
      await byTest(page, "sim-upload-data").setInputFiles({
        name: "bad.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(bad)
      });
      // The check runs in a worker, which starts (and loads its modules) on the first upload.
      await expect
        .poll(() => byTest(page, "sim-upload-rejections").textContent(), {timeout: 60_000})
        .toContain("bad.csv:3:3");
      expect(await byTest(page, "sim-upload-rejections").textContent()).toContain("bad.csv:4:1");
      expect(await fetchedNational()).toBe(true);
      expect(await byTest(page, "sim-upload-summary").textContent()).toMatch(/3.*=.*1.*\+.*2/);

      // A good file: Pingliang's seven counties in 2023, every value as bundled except 庄浪县's start-up time.
      const rows = ["region,period,measure,value"];
      const members = node.groups.find((g) => g.id === "pingliang")!.members;
      for (const region of members) {
        for (const [measure, raw] of await node.current(region, "2023")) {
          if (raw === null) continue;
          rows.push(`${region},2023,${measure},${region === "620825" && measure === "startup_days" ? 0.5 : raw}`);
        }
      }
      await byTest(page, "sim-upload-data").setInputFiles({
        name: "good.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(rows.join("\n"))
      });
      await expect
        .poll(() => byTest(page, "sim-upload-summary").textContent(), {timeout: 60_000})
        .toContain(`${rows.length - 1}`);
      await page.waitForTimeout(50);
      await idle(page);
      const after = Number(await byTest(page, "sim-total-after").getAttribute("data-exact"));
      expect(after).toBeGreaterThan(before);
      const state = {...initialState("620825", "pingliang", "2023"), values: {startup_days: 0.5}};
      expect(after).toBe(focusTotal(await node.score(state), state, node.model.root).scenario);
      expect(await byTest(page, "sim-total-note").isVisible()).toBe(false);

      // The bad file's one accepted row cannot give a total (the total needs all 13 categories): the page says
      // why instead of showing a bare dash; "restore" brings the bundled data and its total back.
      await byTest(page, "sim-upload-data").setInputFiles({
        name: "bad.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(bad)
      });
      await expect.poll(() => byTest(page, "sim-upload-summary").textContent(), {timeout: 60_000}).toContain("bad.csv");
      await page.waitForTimeout(50);
      await idle(page);
      expect(await byTest(page, "sim-total-after").textContent()).toBe("—");
      expect(await byTest(page, "sim-total-note").textContent()).toContain("覆盖率");
      await byTest(page, "sim-restore-data").click();
      await page.waitForTimeout(50);
      await idle(page);
      expect(Number(await byTest(page, "sim-total-after").getAttribute("data-exact"))).toBe(before);
      expect(await byTest(page, "sim-total-note").isVisible()).toBe(false);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("reform priority and the smallest set reaching first place agree with the Node engine", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      const start = initialState("620825", "pingliang", "2023");
      const totalWith = async (values: Record<string, number>) =>
        focusTotal(await node.score({...start, values}), start, node.model.root);
      // Goal: the frontier (the plan's targets alone do not lift 庄浪县 to first place in the illustrative data).
      await byTest(page, "sim-priority-goal").selectOption("frontier");
      await byTest(page, "sim-priority-run").click();
      const rows = byTest(page, "sim-priority-table").locator("tr[data-measure]");
      await expect.poll(() => rows.count(), {timeout: 60_000}).toBeGreaterThan(5);
      const listed = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          measure: tr.getAttribute("data-measure")!,
          goal: Number(tr.getAttribute("data-goal")),
          points: Number(tr.getAttribute("data-points"))
        }))
      );
      // Sorted by gain, and the top three gains are what the Node engine finds for each measure alone.
      for (let i = 1; i < listed.length; i++) expect(listed[i].points).toBeLessThanOrEqual(listed[i - 1].points);
      const scoreWith = async (values: Record<string, number>) => {
        const total = (await totalWith(values)).scenario;
        if (total === null) throw new Error(`no total with ${JSON.stringify(values)}`);
        return total;
      };
      const base = await scoreWith({});
      for (const g of listed.slice(0, 3)) {
        expect(g.points).toBeGreaterThan(0);
        expect(g.points).toBeCloseTo((await scoreWith({[g.measure]: g.goal})) - base, 9);
      }

      await byTest(page, "sim-greedy-rank").fill("1");
      await byTest(page, "sim-greedy-run").click();
      const greedy = byTest(page, "sim-greedy-summary");
      await greedy.waitFor({timeout: 60_000});
      expect(await greedy.getAttribute("data-reached")).toBe("true");
      const chosen = await byTest(page, "sim-greedy-result")
        .locator("li[data-measure]")
        .evaluateAll((lis) =>
          lis.map((li) => [li.getAttribute("data-measure")!, Number(li.getAttribute("data-goal"))] as const)
        );
      expect(chosen.map(([m]) => m)).toEqual(listed.slice(0, chosen.length).map((g) => g.measure));
      const reached = await totalWith(Object.fromEntries(chosen));
      expect(reached.scenarioRank).toBe(1);
      expect(Number(await greedy.getAttribute("data-rank"))).toBe(1);
      // The set is the shortest prefix of the list that reaches first place.
      expect((await totalWith(Object.fromEntries(chosen.slice(0, -1)))).scenarioRank).toBeGreaterThan(1);
      expect(await byTest(page, "sim-priority-basis").textContent()).toContain("当前数据");
      expect(await byTest(page, "sim-priority-stale").isHidden()).toBe(true);
      // The list answers the frontier: choosing the plan's targets instead makes it out of date, and back clears it.
      await byTest(page, "sim-priority-goal").selectOption("target");
      expect(await byTest(page, "sim-priority-stale").isVisible()).toBe(true);
      await byTest(page, "sim-priority-goal").selectOption("frontier");
      expect(await byTest(page, "sim-priority-stale").isHidden()).toBe(true);

      // "Apply this set" makes the set the what-if: the page shows first place, as the Node engine does; the
      // priority list, computed before, is now marked out of date.
      await byTest(page, "sim-greedy-apply").click();
      await page.waitForTimeout(50);
      await idle(page);
      const applied = await expectNodeResult(page, {...start, values: Object.fromEntries(chosen)});
      expect(applied.scenarioRank).toBe(1);
      expect(await byTest(page, "sim-priority-stale").isVisible()).toBe(true);
      expect(await byTest(page, "sim-priority-table").getAttribute("data-stale")).toBe("1");
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("finds the fewest reforms on its own, stating the scenario it starts from", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      await byTest(page, "measure-startup_days").fill("0.5");
      await page.waitForTimeout(50);
      await idle(page);
      await byTest(page, "sim-priority-goal").selectOption("frontier");
      await byTest(page, "sim-greedy-rank").fill("1");
      await byTest(page, "sim-greedy-run").click();
      const greedy = byTest(page, "sim-greedy-summary");
      await greedy.waitFor({timeout: 120_000});
      expect(await greedy.getAttribute("data-reached")).toBe("true");
      expect(await byTest(page, "sim-priority-basis").textContent()).toContain("当前情景（含 1 项修改）");
      const listed = await byTest(page, "sim-priority-table")
        .locator("tr[data-measure]")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-measure")));
      expect(listed).not.toContain("startup_days");
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  // Draws go a chunk per engine statement; an edit is scored between two chunks while the run goes on.
  it("stays responsive during the sensitivity run", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      await byTest(page, "sim-sens-draws").fill("2000");
      await byTest(page, "sim-sens-run").click();
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="sim-sens-progress"]')?.getAttribute("data-done") ?? 0) >= 1
      );
      await byTest(page, "measure-startup_days").fill("0.5");
      await page.waitForTimeout(50);
      await idle(page);
      const doneWhenEdited = Number(await byTest(page, "sim-sens-progress").getAttribute("data-done"));
      expect(await page.locator('[data-testid="sim-root"]').getAttribute("data-sensitivity")).toBe("running");
      await expectNodeResult(page, {...initialState("620825", "pingliang", "2023"), values: {startup_days: 0.5}});
      await page.waitForSelector('[data-testid="sim-root"][data-sensitivity="done"]', {timeout: 120_000});
      expect(doneWhenEdited).toBeLessThan(2000);
      expect(await byTest(page, "sim-sens-status").textContent()).toContain("2000");
      // A one-line verdict: how often the focus region keeps its rank, and the 5–95 % band.
      expect(await byTest(page, "sim-sens-verdict").textContent()).toMatch(
        /^庄浪县在 \d+% 的抽样中保持第 \d+ 名；5–95% 的抽样落在第 \d+–\d+ 名。$/
      );
      expect(await byTest(page, "sim-sens-result").locator("tbody tr").count()).toBe(7);
      expect(await byTest(page, "sim-removal").locator("tbody tr").count()).toBe(13);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({path: `${OUTPUT}/simulator.sensitivity.zh.png`, fullPage: true});
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });

  it("downloads the results as CSV for Excel: BOM, CRLF, Chinese names (neutralising is unit-tested)", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      const [download] = await Promise.all([page.waitForEvent("download"), byTest(page, "sim-export-csv").click()]);
      const path = `${OUTPUT}/simulator-export.csv`;
      await download.saveAs(path);
      const text = readFileSync(path, "utf8");
      // What produced the figures comes first, then the table with Chinese headers on the Chinese page.
      expect(text.startsWith("\uFEFF营商环境评估模拟器")).toBe(true);
      expect(text).toContain("\r\n");
      expect(text).toContain("关注地区,庄浪县 (620825)");
      expect(text).toContain("\r\n部分,代码,名称,之前,之后,变化");
      expect(text).toMatch(/情景[^\r]*"\{""v"":/);
    } finally {
      await watched.context.close();
    }
  });

  it("checks a 16 MB upload off the page's thread: progress shows and ends, unknown columns are listed", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      // Every progress text the page shows, and animation frames drawn while the check runs (the page is not frozen).
      await page.evaluate(() => {
        const seen: string[] = [];
        const state = {seen, frames: 0};
        (window as unknown as {uploadWatch: typeof state}).uploadWatch = state;
        const text = document.querySelector('[data-testid="sim-upload-progress-text"]')!;
        new MutationObserver(() => seen.push(text.textContent ?? "")).observe(text, {childList: true, subtree: true});
        const frame = () => {
          if (text.textContent) state.frames++;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // A wide file: Pingliang's seven counties in 1,176 period-by-county rows with a long note each, and a misspelt
      // measure column (startup_dayz) that is not read.
      const members = node.groups.find((g) => g.id === "pingliang")!.members;
      const note = "备注".repeat(2400);
      const rows = ["region,period,startup_days,startup_dayz,note"];
      for (let year = 2000; year <= 2023; year++) {
        for (const form of ["", "H1", "H2", "Q1", "Q2", "Q3", "Q4"]) {
          for (const region of members) rows.push(`${region},${year}${form},3,4,${note}`);
        }
      }
      const buffer = Buffer.from(rows.join("\n"));
      expect(buffer.length).toBeGreaterThan(16_000_000);
      await byTest(page, "sim-upload-data").setInputFiles({name: "big.csv", mimeType: "text/csv", buffer});
      await expect
        .poll(() => byTest(page, "sim-upload-summary").textContent(), {timeout: 120_000})
        .toContain("big.csv");
      const summary = await byTest(page, "sim-upload-summary").textContent();
      expect(summary).toMatch(/1176.*=.*1176.*\+.*0/);
      expect(await byTest(page, "sim-upload-ignored").textContent()).toContain("startup_dayz");
      const watch = await page.evaluate(
        () => (window as unknown as {uploadWatch: {seen: string[]; frames: number}}).uploadWatch
      );
      expect(watch.seen.some((t) => /正在检查 big\.csv：\d+%/.test(t))).toBe(true);
      expect(watch.frames).toBeGreaterThan(0);
      // The progress has ended: the bar is hidden and its text empty.
      expect(await byTest(page, "sim-upload-progress").isHidden()).toBe(true);
      expect(await byTest(page, "sim-upload-progress-text").textContent()).toBe("");
      await page.waitForTimeout(50);
      await idle(page);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
