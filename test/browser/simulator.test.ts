/**
 * The what-if simulator in Chromium against the Node engine, in Chinese and in English: the page's displayed total
 * and rank equal what the Node engine computes for the same scenario (at the displayed precision, and exactly via
 * data-exact); the plan's targets, a refused value written beside its field, the results bar below the header,
 * checklist tick boxes, reform priority and the smallest set, fewest reforms on its own, a click handled while the
 * sensitivity run continues, the CSV export, and edits kept through a change of period or focus region.
 * One page per language runs these one after another, each starting from "reset" (DuckDB starts once per language).
 */
import {readFileSync} from "node:fs";
import Papa from "papaparse";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import type {WatchedPage} from "../support/browser.js";
import {
  byTest,
  choose,
  edit,
  expectNodeResult,
  idle,
  openSimulator,
  press,
  type Lang,
  closeSimulatorSetup,
  startSimulatorSetup,
  type SimulatorSetup
} from "../support/simulator-page.js";
import {DIGITS} from "../../src/components/format.js";
import {initialState, withPlanTargets} from "../../src/components/simulator/state.js";
import {focusTotal} from "../simulator/node-engine.js";

const OUTPUT = "test/output/pages";
let {browser, server, node} = {} as SimulatorSetup;
beforeAll(async () => ({server, browser, node} = await startSimulatorSetup()));
afterAll(() => closeSimulatorSetup({server, browser, node}));

/** What each language's page writes, as a reader reads it. */
const WORDS = {
  zh: {
    noChange: "尚无变化",
    range: "0–∞",
    nextRank: /^距第 \d+ 名（.+）还差 \d+\.\d\d 分$/,
    kept: "已保留你的修改：1 个假设值",
    basisData: "当前数据",
    basisScenario: "当前情景（含 1 项修改）",
    progress: /^已完成 \d+ \/ 1000 · 约剩 \d+ 秒$/,
    verdict: /^庄浪县在 \d+% 的抽样中保持第 \d+ 名；5–95% 的抽样落在第 \d+–\d+ 名。$/,
    csv: [
      "\uFEFF营商环境评估模拟器",
      "\r\n方法,",
      "\r\n关注地区,庄浪县 (620825)",
      "\r\n对标组,",
      "\r\n期间,",
      "\r\n部分,代码,名称,之前,之后,变化,之前名次,之后名次,之前（完整精度）,之后（完整精度）"
    ],
    csvScenario: /情景[^\r]*"\{""v"":/
  },
  en: {
    noChange: "No change yet",
    range: "between 0 and ∞",
    nextRank: /^\d+\.\d\d points behind rank \d+ \(.+\)$/,
    kept: "Your edits are kept: 1 what-if values",
    basisData: "the current data",
    basisScenario: "the current scenario (1 edits)",
    progress: /^\d+ of 1000 done · about \d+ s left$/,
    verdict: /^庄浪县 stays at rank \d+ in \d+ ?% of draws; 5–95 % of draws: ranks \d+–\d+\.$/,
    csv: [
      "\uFEFFBusiness Environment Assessment Simulator",
      "\r\nMethodology,",
      "\r\nFocus region,庄浪县 (620825)",
      "\r\nPeer group,",
      "\r\nPeriod,",
      "\r\nSection,Id,Name,Before,After,Change,Rank before,Rank after,Before (full precision),After (full precision)"
    ],
    csvScenario: /Scenario[^\r]*"\{""v"":/
  }
} as const;

describe.each(["zh", "en"] as const)("simulator, %s", (lang: Lang) => {
  const w = WORDS[lang];
  const start = () => initialState("620825", "pingliang", "2023");
  let watched: WatchedPage;
  const page = () => watched.page;
  beforeAll(async () => {
    watched = await openSimulator(browser, server, {lang});
  });
  afterAll(async () => watched?.context.close());
  // Each behaviour starts from the bundled data with no what-if; problems are counted per behaviour.
  beforeEach(async () => {
    watched.problems.length = 0;
    await press(page(), "sim-reset");
    await page().evaluate(() => window.scrollTo(0, 0));
  });

  it("start-up in 0.5 day and the plan's targets give exactly the Node engine's total and rank", async () => {
    const p = page();
    expect(await byTest(p, "sim-focus").inputValue()).toBe("620825");
    expect(await byTest(p, "sim-period").inputValue()).toBe("2023");
    await expectNodeResult(p, node, start());
    expect(await byTest(p, "sim-timing").textContent()).toMatch(/\d+/);
    // Nothing changed yet: the waterfall says so instead of drawing bars of nothing.
    expect(await byTest(p, "sim-waterfall").locator("svg").count()).toBe(0);
    expect(await byTest(p, "sim-waterfall").textContent()).toContain(w.noChange);

    await edit(p, "measure-startup_days", "0.5");
    const halfDay = {...start(), values: {startup_days: 0.5}};
    const moved = await expectNodeResult(p, node, halfDay);
    expect(moved.delta).toBeGreaterThan(0);
    // Beside the rank: who holds the next rank up and how many points it is away.
    const next = byTest(p, "sim-next-rank");
    expect(await next.textContent()).toMatch(w.nextRank);
    expect(Number(await next.getAttribute("data-points"))).toBeGreaterThan(0);
    expect(await byTest(p, "sim-waterfall").locator("svg").count()).toBe(1);

    await press(p, "sim-apply-targets");
    const planned = withPlanTargets(halfDay, node.model, await node.current("620825", "2023"));
    await expectNodeResult(p, node, planned);
    expect(await byTest(p, "measure-cp_general_social_days").inputValue()).not.toBe("");
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({path: `${OUTPUT}/simulator.targets.${lang}.png`, fullPage: true});

    // A value outside the unit's range is refused with the range written as people write it…
    const startup = byTest(p, "measure-startup_days");
    await startup.fill("-3");
    expect(await startup.getAttribute("aria-invalid")).toBe("true");
    expect(await byTest(p, "sim-message").textContent()).toContain(w.range);
    // …and next to the field itself, in words.
    const beside = startup.locator("xpath=following-sibling::span[contains(@class, 'sim-field-error')]");
    expect(await beside.isVisible()).toBe(true);
    expect(await beside.textContent()).toContain(w.range);
    await startup.fill("0.5");
    expect(await beside.isHidden()).toBe(true);
    await idle(p);
    expect(watched.problems).toEqual([]);
  });

  it("keeps the results bar below the site header when the page scrolls", async () => {
    const p = page();
    await p.evaluate(() => window.scrollTo(0, 1500));
    await p.waitForTimeout(100);
    const [header, bar] = await p.evaluate(() =>
      ["#observablehq-header", ".sim-top"].map((s) => document.querySelector(s)!.getBoundingClientRect().toJSON())
    );
    expect(bar.top, "the bar is stuck, not scrolled away").toBeGreaterThanOrEqual(0);
    expect(bar.top, "the bar starts below the header").toBeGreaterThanOrEqual(header.bottom - 1);
    await p.screenshot({path: `${OUTPUT}/simulator.scrolled.${lang}.png`});
  });

  it("offers checklist items as tick boxes: ticking a missing item gives the Node engine's total", async () => {
    const p = page();
    const current = await node.current("620825", "2023");
    const items = [...node.model.measures.values()].filter((m) => m.unit === "yes_no");
    expect(items.length).toBeGreaterThan(50);
    const missing = items.find((m) => current.get(m.id) === 0)!;
    expect(missing, "庄浪县 lacks at least one checklist item in 2023").toBeDefined();
    const box = byTest(p, `measure-${missing.id}`);
    const section = box.locator("xpath=ancestor::details");
    if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
    expect(await box.getAttribute("type")).toBe("checkbox");
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await p.waitForTimeout(50);
    await idle(p);
    const ticked = await expectNodeResult(p, node, {...start(), values: {[missing.id]: 1}});
    expect(ticked.delta).toBeGreaterThan(0);
    // Unticking returns to the region's own answer: no what-if left.
    await box.uncheck();
    await p.waitForTimeout(50);
    await idle(p);
    await expectNodeResult(p, node, start());
    expect(watched.problems).toEqual([]);
  });

  it("reform priority and the smallest set reaching first place agree with the Node engine", async () => {
    const p = page();
    const totalWith = async (values: Record<string, number>) =>
      focusTotal(await node.score({...start(), values}), start(), node.model.root);
    const scoreWith = async (values: Record<string, number>) => {
      const total = (await totalWith(values)).scenario;
      if (total === null) throw new Error(`no total with ${JSON.stringify(values)}`);
      return total;
    };
    // Goal: the frontier (the plan's targets alone do not lift 庄浪县 to first place in the illustrative data).
    await byTest(p, "sim-priority-goal").selectOption("frontier");
    await byTest(p, "sim-priority-run").click();
    const rows = byTest(p, "sim-priority-table").locator("tr[data-measure]");
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
    const base = await scoreWith({});
    for (const g of listed.slice(0, 3)) {
      expect(g.points).toBeGreaterThan(0);
      expect(g.points).toBeCloseTo((await scoreWith({[g.measure]: g.goal})) - base, 9);
    }

    await byTest(p, "sim-greedy-rank").fill("1");
    await byTest(p, "sim-greedy-run").click();
    const greedy = byTest(p, "sim-greedy-summary");
    await expect.poll(() => greedy.getAttribute("data-reached"), {timeout: 60_000}).toBe("true");
    const chosen = await byTest(p, "sim-greedy-result")
      .locator("li[data-measure]")
      .evaluateAll((lis) =>
        lis.map((li) => [li.getAttribute("data-measure")!, Number(li.getAttribute("data-goal"))] as const)
      );
    expect(chosen.map(([m]) => m)).toEqual(listed.slice(0, chosen.length).map((g) => g.measure));
    expect((await totalWith(Object.fromEntries(chosen))).scenarioRank).toBe(1);
    expect(Number(await greedy.getAttribute("data-rank"))).toBe(1);
    // The set is the shortest prefix of the list that reaches first place.
    expect((await totalWith(Object.fromEntries(chosen.slice(0, -1)))).scenarioRank).toBeGreaterThan(1);
    expect(await byTest(p, "sim-priority-basis").textContent()).toContain(w.basisData);
    expect(await byTest(p, "sim-priority-stale").isHidden()).toBe(true);
    // The list answers the frontier: choosing the plan's targets instead makes it out of date, and back clears it.
    await byTest(p, "sim-priority-goal").selectOption("target");
    expect(await byTest(p, "sim-priority-stale").isVisible()).toBe(true);
    await byTest(p, "sim-priority-goal").selectOption("frontier");
    expect(await byTest(p, "sim-priority-stale").isHidden()).toBe(true);

    // "Apply this set" makes the set the what-if: the page shows first place, as the Node engine does; the
    // priority list, computed before, is now marked out of date.
    await press(p, "sim-greedy-apply");
    const applied = await expectNodeResult(p, node, {...start(), values: Object.fromEntries(chosen)});
    expect(applied.scenarioRank).toBe(1);
    expect(await byTest(p, "sim-priority-stale").isVisible()).toBe(true);
    expect(await byTest(p, "sim-priority-table").getAttribute("data-stale")).toBe("1");
    expect(watched.problems).toEqual([]);
  });

  it("finds the fewest reforms on its own, stating the scenario it starts from", async () => {
    const p = page();
    await edit(p, "measure-startup_days", "0.5");
    // The previous behaviour's answer stays on the page: forget it, so that only this run's answer is read.
    await p.evaluate(() =>
      document.querySelector('[data-testid="sim-greedy-summary"]')?.removeAttribute("data-reached")
    );
    await byTest(p, "sim-priority-goal").selectOption("frontier");
    await byTest(p, "sim-greedy-rank").fill("1");
    await byTest(p, "sim-greedy-run").click();
    await expect
      .poll(() => byTest(p, "sim-greedy-summary").getAttribute("data-reached"), {timeout: 120_000})
      .toBe("true");
    const listed = await byTest(p, "sim-priority-table")
      .locator("tr[data-measure]")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-measure")));
    expect(await byTest(p, "sim-priority-basis").textContent()).toContain(w.basisScenario);
    expect(listed).not.toContain("startup_days");
    expect(watched.problems).toEqual([]);
  });

  // Draws go a chunk per engine statement; an edit is scored between two chunks while the run goes on.
  it("stays responsive during the sensitivity run, and ends with a one-line verdict", async () => {
    const p = page();
    await byTest(p, "sim-sens-draws").fill("1000");
    await byTest(p, "sim-sens-run").click();
    await p.waitForFunction(
      () => Number(document.querySelector('[data-testid="sim-sens-progress"]')?.getAttribute("data-done") ?? 0) >= 1
    );
    // While it runs: how far it is and the time left, in words.
    expect(await byTest(p, "sim-sens-status").textContent()).toMatch(w.progress);
    await edit(p, "measure-startup_days", "0.5");
    const doneWhenEdited = Number(await byTest(p, "sim-sens-progress").getAttribute("data-done"));
    expect(await byTest(p, "sim-root").getAttribute("data-sensitivity")).toBe("running");
    await expectNodeResult(p, node, {...start(), values: {startup_days: 0.5}});
    await p.waitForSelector('[data-testid="sim-root"][data-sensitivity="done"]', {timeout: 120_000});
    expect(doneWhenEdited).toBeLessThan(1000);
    expect(await byTest(p, "sim-sens-status").textContent()).toContain("1000");
    // A one-line verdict: how often the focus region keeps its rank, and the 5–95 % band.
    expect(await byTest(p, "sim-sens-verdict").textContent()).toMatch(w.verdict);
    expect(await byTest(p, "sim-sens-result").locator("tbody tr").count()).toBe(7);
    expect(await byTest(p, "sim-removal").locator("tbody tr").count()).toBe(13);
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({path: `${OUTPUT}/simulator.sensitivity.${lang}.png`, fullPage: true});
    expect(watched.problems).toEqual([]);
  });

  it("downloads the results as CSV for Excel: BOM, CRLF, the page's language (neutralising is unit-tested)", async () => {
    const p = page();
    const [download] = await Promise.all([p.waitForEvent("download"), byTest(p, "sim-export-csv").click()]);
    const path = `${OUTPUT}/simulator-export.${lang}.csv`;
    await download.saveAs(path);
    const text = readFileSync(path, "utf8");
    // What produced the figures comes first, then the table with headers in the page's language.
    expect(text.startsWith(w.csv[0])).toBe(true);
    expect(text).toContain("\r\n");
    for (const part of w.csv.slice(1)) expect(text).toContain(part);
    expect(text).toMatch(w.csvScenario);
    // Each figure twice: rounded as the page shows it, and at full precision in its own named column.
    const lines = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {skipEmptyLines: true}).data;
    const focus = lines.find((l) => l[1] === "620825" && l[8] !== "")!;
    expect(Number(focus[4])).toBe(Number(Number(focus[9]).toFixed(DIGITS.score)));
    expect(focus[9].length).toBeGreaterThan(focus[4].length);
    const expected = await expectNodeResult(p, node, start());
    expect(Number(focus[9])).toBe(expected.scenario);
  });

  // Last on this page: it leaves another period, focus region and peer group behind.
  it("keeps what-if values when the period, the focus region or the peer group changes", async () => {
    const p = page();
    await edit(p, "measure-startup_days", "0.5");
    await choose(p, "sim-period", "2022");
    expect(await byTest(p, "measure-startup_days").inputValue()).toBe("0.5");
    expect(await byTest(p, "sim-message").textContent()).toContain(w.kept);
    await expectNodeResult(p, node, {...initialState("620825", "pingliang", "2022"), values: {startup_days: 0.5}});
    await choose(p, "sim-focus", "620821");
    expect(await byTest(p, "measure-startup_days").inputValue()).toBe("0.5");
    const group = await byTest(p, "sim-group").inputValue();
    await expectNodeResult(p, node, {...initialState("620821", group, "2022"), values: {startup_days: 0.5}});
    // …and the peer group: the what-if stays, the rank is among the new group.
    const other = group === "gansu" ? "pingliang" : "gansu";
    await choose(p, "sim-group", other);
    expect(await byTest(p, "measure-startup_days").inputValue()).toBe("0.5");
    await expectNodeResult(p, node, {...initialState("620821", other, "2022"), values: {startup_days: 0.5}});
    expect(watched.problems).toEqual([]);
  });
});
