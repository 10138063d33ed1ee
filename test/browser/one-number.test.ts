/**
 * One number, one way: the focus region's total and rank read the same text on the overview, on the peers page and
 * in the simulator, for both peer groups; the peer group is named with the same count everywhere, and that count is
 * the group's size in the report (`report.peerGroups`), whatever the group holds.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {peerGroupLabel} from "../../src/components/format.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {launchChromium, settle, watchedPage, type WatchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {distReport} from "../support/dist-report.js";

const FOCUS = "620825";
let browser: Browser;
let server: DistServer;
let report: Report;
beforeAll(async () => {
  [server, browser] = await Promise.all([serveDist(), launchChromium()]);
  report = distReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = async (page: Page, testid: string) =>
  ((await page.locator(`[data-testid="${testid}"]`).first().textContent()) ?? "").trim();
const selectedOption = (page: Page, selector: string) =>
  page.$eval(selector, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "");

async function open(path: string, group: string): Promise<WatchedPage> {
  const watched = await watchedPage(browser, {storage: {"bizenv.group": group, "bizenv.focus": FOCUS}});
  await watched.page.goto(server.origin + path);
  await settle(watched, 120_000);
  return watched;
}

for (const groupId of ["pingliang", "gansu"]) {
  describe(`the ${groupId} group`, () => {
    it("shows the same total, rank and group size on the overview, the peers page and in the simulator", async () => {
      const group = report.peerGroups.find((g) => g.id === groupId)!;
      const label = peerGroupLabel("zh", group);
      const seen: Record<string, {total: string; rank: string; group: string}> = {};
      const overview = await open("/", groupId);
      try {
        seen.overview = {
          total: await text(overview.page, "total"),
          rank: await text(overview.page, "rank"),
          group: await selectedOption(overview.page, "select[name=group]")
        };
        expect(overview.problems).toEqual([]);
      } finally {
        await overview.context.close();
      }
      const peers = await open("/peers", groupId);
      try {
        seen.peers = {
          total: await text(peers.page, "focus-total"),
          rank: await text(peers.page, "focus-rank"),
          group: await selectedOption(peers.page, "select[name=group]")
        };
        const rows = await peers.page.locator('[data-testid="ranking"] tbody tr').count();
        expect(rows, "the ranking shows every member").toBe(group.members.length);
        expect(await peers.page.locator('[data-testid="ranking"] tr.focus').textContent()).toContain(seen.peers.total);
        expect(peers.problems).toEqual([]);
      } finally {
        await peers.context.close();
      }
      const simulator = await open("/simulator", groupId);
      try {
        const {page} = simulator;
        const idle = () => page.waitForSelector('[data-testid="sim-root"][data-busy="0"]', {timeout: 120_000});
        await idle();
        await page.locator('[data-testid="sim-group"]').selectOption(groupId);
        await page.waitForTimeout(50);
        await idle();
        seen.simulator = {
          total: await text(page, "sim-total-before"),
          rank: await text(page, "sim-rank-before"),
          group: await selectedOption(page, '[data-testid="sim-group"]')
        };
        expect(simulator.problems).toEqual([]);
      } finally {
        await simulator.context.close();
      }
      expect(seen.overview.total).toMatch(/^\d+\.\d$/);
      expect(seen.overview.rank).toMatch(/^\d+ \/ \d+$/);
      expect(seen.peers).toEqual(seen.overview);
      expect(seen.simulator).toEqual(seen.overview);
      expect(seen.overview.group).toBe(label);
    });
  });
}
