/**
 * The simulator's second edition in Chromium, in Chinese and English, against the Node engine: the "why" table (each
 * changed measure's score, effective weight and points adding up to the change of the total), edits scored at once
 * with the latest winning, measure names readable on a phone, sensitivity marked stale after an edit, an upload that
 * asks before it drops what-if values, and edits that survive the language switch.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {settle, watchedPage, type WatchedPage} from "../support/browser.js";
import {
  byTest,
  DESKTOP,
  edit,
  idle,
  openSimulator,
  PHONE,
  press,
  type Lang,
  closeSimulatorSetup,
  startSimulatorSetup,
  type SimulatorSetup
} from "../support/simulator-page.js";
import {formatScore, formatShare, formatSignedPoints} from "../../src/components/format.js";
import {encodeFragment} from "../../src/components/simulator/codec.js";
import {initialState, pageCallsOf, withPlanTargets, type SimState} from "../../src/components/simulator/state.js";
import {measurePoints} from "../../src/components/simulator/why.js";
import {focusTotal} from "../simulator/node-engine.js";

const OUTPUT = "test/output/pages";
let {browser, server, node} = {} as SimulatorSetup;
beforeAll(async () => ({server, browser, node} = await startSimulatorSetup()));
afterAll(() => closeSimulatorSetup({server, browser, node}));

const start = () => initialState("620825", "pingliang", "2023");

/** What the Node engine says the why table holds: the focus region's measures before and after, and the total. */
async function nodeWhy(state: SimState) {
  const {root} = node.model;
  const plain = await node.engine.score({peerGroup: [state.focus], periods: [state.period], level: root});
  const calls = pageCallsOf(state, node.groups, root);
  const [ranking, focus] = [await node.engine.score(calls.ranking), await node.engine.score(calls.focus)];
  return {
    before: measurePoints(plain.measures, state.focus),
    after: measurePoints(focus.measures, state.focus),
    weights: focus.effectiveWeights,
    total: focusTotal(ranking, state, root)
  };
}

/** The why table's lines as the page writes them (exact values from data-*). */
async function whyLines(page: Page) {
  return (
    byTest(page, "sim-why")
      .locator("tbody tr")
      // A missing score is written as an empty data-* value: read as NaN, not 0.
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          measure: tr.getAttribute("data-measure")!,
          before: Number(tr.getAttribute("data-before") || NaN),
          after: Number(tr.getAttribute("data-after") || NaN),
          weight: Number(tr.getAttribute("data-weight") || NaN),
          points: Number(tr.getAttribute("data-points") || NaN),
          cells: [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")
        }))
      )
  );
}

const exactOf = async (page: Page, id: string) => Number(await byTest(page, id).getAttribute("data-points"));

describe.each(["zh", "en"] as const)("simulator, %s", (lang: Lang) => {
  const open = (viewport = DESKTOP) => openSimulator(browser, server, {lang, viewport});
  // The first three behaviours share one page, each starting from "reset" (DuckDB starts once).
  let shared: WatchedPage;
  beforeAll(async () => {
    shared = await open();
  });
  afterAll(async () => shared?.context.close());
  const sharedPage = async () => {
    shared.problems.length = 0;
    await press(shared.page, "sim-reset");
    await shared.page.evaluate(() => window.scrollTo(0, 0));
    return shared;
  };

  it("says why: start-up in 0.5 day is its score's rise times its small effective weight", async () => {
    const watched = await sharedPage();
    const {page} = watched;
    expect(await byTest(page, "sim-why").textContent()).toContain(lang === "zh" ? "尚无变化" : "No change yet");
    await edit(page, "measure-startup_days", "0.5");
    const state = {...start(), values: {startup_days: 0.5}};
    const expected = await nodeWhy(state);
    const [line, ...others] = await whyLines(page);
    expect(others).toEqual([]);
    expect(line.measure).toBe("startup_days");
    const before = expected.before.get("startup_days")!.score!;
    expect(line.before).toBe(before);
    expect(line.after).toBe(100);
    expect(line.weight).toBe(expected.weights.startup_days);
    expect(line.points).toBeCloseTo((100 - before) * expected.weights.startup_days, 12);
    // Before → after for the raw value and the score, the weight and the points, as every page writes them.
    expect(line.cells[1]).toBe(
      lang === "zh"
        ? `${expected.before.get("startup_days")!.raw} 个工作日 → 0.5 个工作日`
        : `${expected.before.get("startup_days")!.raw} working days → 0.5 working days`
    );
    expect(line.cells[2]).toBe(`${formatScore(before)} → 100.0`);
    expect(line.cells[3]).toBe(formatShare(expected.weights.startup_days));
    expect(line.cells[4]).toBe(formatSignedPoints(line.points));
    // The total's change is the sum of the lines, and is the headline's change (the Node engine's).
    expect(await byTest(page, "sim-why-remainder").count()).toBe(0);
    expect(await exactOf(page, "sim-why-total")).toBe(expected.total.delta);
    expect(line.points).toBeCloseTo(expected.total.delta!, 12);
    expect(await byTest(page, "sim-why-total").textContent()).toContain(formatSignedPoints(expected.total.delta));
    expect(await byTest(page, "sim-total-change").textContent()).toBe(formatSignedPoints(expected.total.delta));
    // The first screen: the results bar, then the why table.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({path: `${OUTPUT}/simulator.why.${lang}.${DESKTOP.width}.png`});

    // A weight edit makes the total more than the weighted measure changes: the rest has its own line.
    await edit(page, "weight-c10", "3");
    const weighted = {...state, weights: {c10: 3}};
    const w = await nodeWhy(weighted);
    const lines = await whyLines(page);
    const remainder = await exactOf(page, "sim-why-remainder");
    expect(await byTest(page, "sim-why-remainder").textContent()).toContain(
      lang === "zh" ? "其他（权重变化、交互）" : "Other (weight changes, interaction)"
    );
    expect(await exactOf(page, "sim-why-total")).toBe(w.total.delta);
    expect(lines.reduce((s, l) => s + l.points, 0) + remainder).toBeCloseTo(w.total.delta!, 12);
    expect(lines[0].weight).toBe(w.weights.startup_days);

    // All the plan's targets: one line per measure moved, and they still add up to the Node engine's change.
    await byTest(page, "weight-c10").fill("");
    await byTest(page, "sim-apply-targets").click();
    await page.waitForTimeout(50);
    await idle(page);
    const planned = withPlanTargets(state, node.model, await node.current("620825", "2023"));
    const p = await nodeWhy(planned);
    const many = await whyLines(page);
    expect(many.length).toBeGreaterThan(10);
    const rest = (await byTest(page, "sim-why-remainder").count()) ? await exactOf(page, "sim-why-remainder") : 0;
    expect(await exactOf(page, "sim-why-total")).toBe(p.total.delta);
    expect(many.reduce((sum, l) => sum + (Number.isFinite(l.points) ? l.points : 0), 0) + rest).toBeCloseTo(
      p.total.delta!,
      12
    );
    for (const l of many.slice(0, 5)) expect(l.after).toBe(p.after.get(l.measure)!.score);
    // Values filled in where the data had none have no score before: their effect is in the named remainder.
    if (many.some((l) => !Number.isFinite(l.points)))
      expect(await byTest(page, "sim-why-remainder").textContent()).toContain(
        lang === "zh" ? "补入缺失值" : "missing values filled in"
      );
    // Targets already met are no change, and not listed.
    expect(many.every((l) => l.before !== l.after || l.cells[1].includes("→"))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await byTest(page, "sim-why").locator("xpath=..").boundingBox())!;
    await page.screenshot({path: `${OUTPUT}/simulator.why-targets.${lang}.png`, fullPage: true, clip: box});
    expect(watched.problems).toEqual([]);
  });

  it("scores an edit at once, and the latest of quick edits wins", async () => {
    const watched = await sharedPage();
    const {page} = watched;
    // The score starts within the input event itself: no quiet period first.
    const computing = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="measure-startup_days"]')!;
      input.value = "3";
      input.dispatchEvent(new Event("input", {bubbles: true}));
      return document.querySelector('[data-testid="sim-timing"]')!.textContent;
    });
    expect(computing).toBe(lang === "zh" ? "计算中……" : "Computing…");
    // Typed key by key while scores run: the page ends on the last value, never an earlier one.
    const startup = byTest(page, "measure-startup_days");
    await startup.fill("");
    await page.waitForTimeout(50);
    await idle(page);
    // Count the results the page shows while four keys arrive faster than a score takes.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="sim-root"]')!;
      const seen = {shown: 0};
      (window as unknown as {scores: typeof seen}).scores = seen;
      new MutationObserver((records) => (seen.shown += records.length)).observe(root, {
        attributeFilter: ["data-version"]
      });
    });
    await startup.pressSequentially("0.75", {delay: 5});
    await page.waitForTimeout(50);
    await idle(page);
    const shown = await page.evaluate(() => (window as unknown as {scores: {shown: number}}).scores.shown);
    expect(shown, "superseded scores are dropped, not shown one after another").toBeLessThan(4);
    expect(shown).toBeGreaterThanOrEqual(1);
    const state = {...start(), values: {startup_days: 0.75}};
    const expected = focusTotal(await node.score(state), state, node.model.root);
    expect(Number(await byTest(page, "sim-total-after").getAttribute("data-exact"))).toBe(expected.scenario);
    expect((await whyLines(page))[0].after).toBe((await nodeWhy(state)).after.get("startup_days")!.score);
    expect(watched.problems).toEqual([]);
  });

  it("restacks measure rows on a 390 px phone: names on their own line, the why table fits", async () => {
    // The shared page narrowed to a phone: the layout follows the width (the report pages' phone screenshots are
    // pixel-identical narrowed or loaded at 390 px), and DuckDB need not start again.
    const watched = await sharedPage();
    const {page} = watched;
    await page.setViewportSize(PHONE);
    try {
      await edit(page, "measure-startup_days", "0.5");
      const name = byTest(page, "measure-name-startup_days");
      const box = (await name.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(250);
      const nameOnly = await name.evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e.firstChild!);
        return range.getClientRects().length;
      });
      expect(nameOnly, "the name reads on one or two lines").toBeLessThanOrEqual(2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      // The sticky results bar leaves the inputs at least three quarters of the screen.
      const bar = await page.locator(".sim-top").evaluate((e) => e.getBoundingClientRect().height);
      expect(bar).toBeLessThanOrEqual(PHONE.height / 4);
      await name.scrollIntoViewIfNeeded();
      await page.screenshot({path: `${OUTPUT}/simulator.inputs.${lang}.${PHONE.width}.png`});
      await byTest(page, "sim-why").scrollIntoViewIfNeeded();
      await page.screenshot({path: `${OUTPUT}/simulator.why.${lang}.${PHONE.width}.png`});
      expect(watched.problems).toEqual([]);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  it("marks sensitivity results stale after an edit, and a new run clears it", async () => {
    const watched = await sharedPage();
    const {page} = watched;
    const stale = byTest(page, "sim-sens-stale");
    const run = async () => {
      await byTest(page, "sim-sens-draws").fill("10");
      await byTest(page, "sim-sens-run").click();
      await page.waitForSelector('[data-testid="sim-root"][data-sensitivity="done"]', {timeout: 120_000});
    };
    await run();
    expect(await stale.isHidden()).toBe(true);
    expect(await byTest(page, "sim-sens-result").getAttribute("data-stale")).toBe("0");
    await edit(page, "measure-startup_days", "0.5");
    expect(await stale.isVisible()).toBe(true);
    expect(await stale.textContent()).toContain(lang === "zh" ? "结果已过期" : "Out of date");
    expect(await byTest(page, "sim-sens-result").getAttribute("data-stale")).toBe("1");
    await stale.scrollIntoViewIfNeeded();
    await page.screenshot({path: `${OUTPUT}/simulator.sensitivity-stale.${lang}.png`});
    await page.evaluate(() => document.querySelector('[data-testid="sim-root"]')!.removeAttribute("data-sensitivity"));
    await run();
    expect(await stale.isHidden()).toBe(true);
    expect(watched.problems).toEqual([]);
  });

  it("asks before an upload drops what-if values of a region the file lacks, and names them", async () => {
    const watched = await open();
    const {page} = watched;
    try {
      await edit(page, "measure-startup_days", "0.5");
      await edit(page, "weight-c10", "3");
      const before = Number(await byTest(page, "sim-total-after").getAttribute("data-exact"));
      // Pingliang's counties as bundled, without 庄浪县.
      const six = node.groups.find((g) => g.id === "pingliang")!.members.filter((r) => r !== "620825");
      const rows = ["region,period,measure,value"];
      for (const region of six)
        for (const [measure, raw] of await node.current(region, "2023"))
          if (raw !== null) rows.push(`${region},2023,${measure},${raw}`);
      const upload = () =>
        byTest(page, "sim-upload-data").setInputFiles({
          name: "six.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(rows.join("\n"))
        });
      await upload();
      const dialog = byTest(page, "sim-upload-confirm");
      await dialog.waitFor({state: "visible", timeout: 60_000});
      const question = await byTest(page, "sim-upload-confirm-text").textContent();
      expect(question).toContain("庄浪县"); // region names are the GB/T 2260 names on both pages
      expect(question).toContain(lang === "zh" ? "0.5 个工作日" : "0.5 working days");
      await dialog.scrollIntoViewIfNeeded();
      await page.screenshot({path: `${OUTPUT}/simulator.upload-confirm.${lang}.png`});
      // Cancel: nothing changes.
      await byTest(page, "sim-upload-confirm-cancel").click();
      expect(await dialog.isHidden()).toBe(true);
      expect(await byTest(page, "sim-message").textContent()).toContain("six.csv");
      expect(await byTest(page, "measure-startup_days").inputValue()).toBe("0.5");
      expect(Number(await byTest(page, "sim-total-after").getAttribute("data-exact"))).toBe(before);
      // Again, and drop them: the focus moves into the file, the weight stays, the message names what went.
      await upload();
      await dialog.waitFor({state: "visible", timeout: 60_000});
      await byTest(page, "sim-upload-confirm-drop").click();
      await page.waitForTimeout(50);
      await idle(page);
      const message = await byTest(page, "sim-message").textContent();
      expect(message).toMatch(
        lang === "zh"
          ? /已放弃庄浪县的 1 个假设值：.+（0\.5 个工作日）/
          : /Dropped .+'s what-if values \(1\): .+ \(0\.5 working days\)/
      );
      expect(message).toContain(lang === "zh" ? "关注地区改为" : "the focus region is now");
      expect(message).toContain(lang === "zh" ? "1 个权重" : "1 weights");
      expect(await byTest(page, "measure-startup_days").inputValue()).toBe("");
      expect(await byTest(page, "weight-c10").inputValue()).toBe("3");
      const focus = await byTest(page, "sim-focus").inputValue();
      expect(six).toContain(focus);
      expect(await byTest(page, "sim-group").inputValue()).toBe("upload");
      const result = await node.engine.score({
        peerGroup: six,
        periods: ["2023"],
        level: node.model.root,
        scenario: {weights: {c10: 3}}
      });
      const total = result.deltas!.find((d) => d.region === focus && d.node === node.model.root)!;
      expect(Number(await byTest(page, "sim-total-after").getAttribute("data-exact"))).toBe(total.scenario);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});

describe("the language switch", () => {
  it("keeps what-if values, weights and targets through zh → en → zh, with the Node engine's total", async () => {
    const linked = {...start(), targets: {startup_hours: 6}};
    // No language stored up front: the switch itself must choose it (an init script would reset it on reload).
    const watched = await watchedPage(browser);
    const {page} = watched;
    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.origin}/simulator#${encodeFragment(linked)}`);
    await settle(watched, 120_000);
    await idle(page);
    try {
      await edit(page, "measure-startup_days", "0.5");
      await edit(page, "weight-c10", "3");
      const state = {...linked, values: {startup_days: 0.5}, weights: {c10: 3}};
      const expected = focusTotal(await node.score(state), state, node.model.root);
      for (const lang of ["en", "zh"] as const) {
        await Promise.all([page.waitForEvent("load"), page.locator("#bizenv-lang").click()]);
        await settle(watched, 120_000);
        await idle(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === "en" ? "en" : "zh-CN");
        expect(await byTest(page, "measure-startup_days").inputValue()).toBe("0.5");
        expect(await byTest(page, "weight-c10").inputValue()).toBe("3");
        expect(page.url()).toContain("#s=");
        expect(Number(await byTest(page, "sim-total-after").getAttribute("data-exact"))).toBe(expected.scenario);
        // The target travels too: the why table lists the measure whose target changed.
        const lines = await whyLines(page);
        expect(lines.map((l) => l.measure)).toEqual(expect.arrayContaining(["startup_days", "startup_hours"]));
        if (lang === "en") await page.screenshot({path: `${OUTPUT}/simulator.language-kept.en.png`});
      }
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.context.close();
    }
  });
});
