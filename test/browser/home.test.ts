/** The placeholder home page proves the stack: a Plot chart and a DuckDB-wasm result rendered in Chromium. */
import {afterAll, beforeAll, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist} from "../support/dist-server.js";
import type {DistServer} from "../support/dist-server.js";

let browser: Browser;
let server: DistServer;
beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("shows a Plot chart and the DuckDB-wasm query result", async () => {
  const watched = await watchedPage(browser);
  const {page} = watched;
  await page.goto(server.origin + "/");
  await settle(watched);
  expect(await page.locator("#duckdb-result").textContent()).toContain("3 行");
  expect(await page.locator("#duckdb-result b").textContent()).toBe("213");
  expect(await page.locator("svg[class^='plot']").count()).toBeGreaterThan(0);
  expect(watched.problems).toEqual([]);
  await watched.context.close();
});
