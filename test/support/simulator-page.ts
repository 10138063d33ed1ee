/**
 * The simulator page in Chromium, as the browser tests drive it: open it in a language (with a link's hash, at a
 * viewport size), find elements by test id, wait until no score is running, edit a field, start over, and check the
 * total and rank it shows against the Node engine for the same scenario.
 */
import {mkdirSync} from "node:fs";
import {expect} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launchChromium, settle, watchedPage, type WatchedPage} from "./browser.js";
import {serveDist, type DistServer} from "./dist-server.js";
import {formatScore} from "../../src/components/simulator/format.js";
import type {SimState} from "../../src/components/simulator/state.js";
import {focusTotal, openNodeSimulator, type NodeSimulator} from "../simulator/node-engine.js";

export type Lang = "zh" | "en";
export const DESKTOP = {width: 1366, height: 768};
export const PHONE = {width: 390, height: 844};

export const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Waits until the page has no score running (DuckDB started, data loaded, the latest edit scored). */
export const idle = (page: Page) => page.waitForSelector('[data-testid="sim-root"][data-busy="0"]', {timeout: 120_000});

/** A fresh page (its own browser context) on /simulator (then `suffix`: a query or a hash), settled and idle. */
export async function openSimulator(
  browser: Browser,
  server: DistServer,
  options: {lang?: Lang; suffix?: string; viewport?: {width: number; height: number}} = {}
): Promise<WatchedPage> {
  const watched = await watchedPage(browser, options.lang ? {storage: {"bizenv.lang": options.lang}} : {});
  await watched.page.setViewportSize(options.viewport ?? DESKTOP);
  await watched.page.goto(`${server.origin}/simulator${options.suffix ?? ""}`);
  await settle(watched, 120_000);
  await idle(watched.page);
  return watched;
}

/** Types `value` into a field and waits for its score. */
export async function edit(page: Page, testid: string, value: string): Promise<void> {
  await byTest(page, testid).fill(value);
  await page.waitForTimeout(50);
  await idle(page);
}

/** Clicks a button that changes the scenario and waits for its score. */
export async function press(page: Page, testid: string): Promise<void> {
  await byTest(page, testid).click();
  await page.waitForTimeout(50);
  await idle(page);
}

/** Chooses an option of a select that changes the scenario and waits for its score. */
export async function choose(page: Page, testid: string, value: string): Promise<void> {
  await byTest(page, testid).selectOption(value);
  await page.waitForTimeout(50);
  await idle(page);
}

/**
 * Reads the total and rank the page shows and checks them against the Node engine for `state`: the text at the
 * displayed precision and the exact figure in data-exact. Returns the engine's figures.
 */
export async function expectNodeResult(page: Page, node: NodeSimulator, state: SimState) {
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

/** What a simulator test file works with: the dist/ server, Chromium and the Node engine to compare with. */
export interface SimulatorSetup {
  server: DistServer;
  browser: Browser;
  node: NodeSimulator;
}

/** Starts the server, Chromium and the Node engine together (and makes the screenshot folder). */
export async function startSimulatorSetup(): Promise<SimulatorSetup> {
  mkdirSync("test/output/pages", {recursive: true});
  const [server, browser, node] = await Promise.all([serveDist(), launchChromium(), openNodeSimulator()]);
  return {server, browser, node};
}

/** Closes what `startSimulatorSetup` started, whichever parts did start. */
export async function closeSimulatorSetup(setup: Partial<SimulatorSetup>): Promise<void> {
  await setup.browser?.close();
  await setup.server?.close();
  await setup.node?.close();
}
