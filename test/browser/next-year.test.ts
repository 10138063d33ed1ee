/**
 * Issue 13 acceptance: next year's data need no code change. A 2024 file beside the bundled data passes `validate`;
 * a build with it (BIZENV_OBSERVATIONS_DIR, into its own output folder) makes 2024 the latest period of report.json,
 * compared with 2023; every report page opens on 2024 with no error, the method page offers the 2025 form, and the
 * simulator opens on 2024 with exactly the Node engine's total and rank. Real build, real Chromium.
 */
import {spawnSync} from "node:child_process";
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {GENERATOR_DEFAULTS, generateObservations, observationsCsvText} from "../../loaders/generate-observations.js";
import {readMethodology} from "../../loaders/methodology.js";
import {readRegions} from "../../loaders/regions.js";
import {formatScore} from "../../src/components/simulator/format.js";
import {initialState} from "../../src/components/simulator/state.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {focusTotal, openNodeSimulator, type NodeSimulator} from "../simulator/node-engine.js";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {buildInto} from "../support/site-build.js";

const BUNDLED = "data/observations/illustrative-gansu.csv";

let dir: string;
let dist: string;
let server: DistServer;
let browser: Browser;
let node: NodeSimulator;
let report: Report;

/** Next year's file: the generator's 2024 rows for the Gansu counties (the same model, one year further on). */
async function write2024(file: string) {
  const methodology = await readMethodology();
  const gansu = (await readRegions()).peerGroups.find((g) => g.id === "gansu")!.members;
  const rows = generateObservations({
    regions: gansu,
    methodology,
    seed: GENERATOR_DEFAULTS.seed,
    periods: [...GENERATOR_DEFAULTS.periods, "2024"]
  }).filter((o) => o.period === "2024");
  writeFileSync(file, observationsCsvText(rows));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bizenv-2024-"));
  dist = join(dir, "dist");
  copyFileSync(BUNDLED, join(dir, "illustrative-gansu.csv"));
  await write2024(join(dir, "2024.csv"));
  // The build reads this folder (buildInto clears Framework's loader cache after it, for the next build).
  await buildInto(dist, {BIZENV_OBSERVATIONS_DIR: dir});
  const site = join(dist, "_file/data/site");
  report = JSON.parse(
    readFileSync(
      join(
        site,
        readdirSync(site).find((f) => /^report\.[^.]+\.json$/.test(f))!
      ),
      "utf8"
    )
  );
  process.env.BIZENV_OBSERVATIONS_DIR = dir;
  [server, browser, node] = await Promise.all([serveDist(dist), launchChromium(), openNodeSimulator()]);
  delete process.env.BIZENV_OBSERVATIONS_DIR;
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await node?.close();
  rmSync(dir, {recursive: true, force: true});
});

/** Opens a page in Chinese, waits for it to settle and returns it with its visible text. */
async function openPage(path: string): Promise<{page: Page; text: string; problems: string[]; close(): Promise<void>}> {
  const watched = await watchedPage(browser);
  await watched.page.goto(server.origin + path);
  await settle(watched, 120_000);
  const text = await watched.page.locator("main").innerText();
  return {page: watched.page, text, problems: watched.problems, close: () => watched.context.close()};
}

describe("a 2024 file beside the bundled data", () => {
  it("passes bizenv validate with no option", () => {
    const r = spawnSync("node", ["bin/bizenv.js", "validate", join(dir, "2024.csv")], {encoding: "utf8"});
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2024\.csv: read (\d+) = accepted \1 \+ rejected 0/);
  });

  it("makes 2024 the latest period of the build's report.json, compared with 2023", () => {
    expect(report.periods).toEqual(["2022", "2023H1", "2023", "2024"]);
    expect(report.latest).toBe("2024");
    expect(report.baseline).toBe("2023");
    expect(report.previous).toEqual({"2022": null, "2023H1": null, "2023": "2022", "2024": "2023"});
    expect(report.scores["2024"].total.filter((x) => x !== null).length).toBeGreaterThan(70);
    expect(report.form).toMatchObject({period: "2025", from: "2024"});
  });

  const pages: [string, RegExp[]][] = [
    ["/", [/2024年总分/, /较2023年/, /2024年，庄浪县在/]],
    ["/peers", [/2022年 → 2023年上半年 → 2023年 → 2024年/, /总分排名.*· 2024年/]],
    ["/indicators", [/对标组2024年的数值分布/]],
    ["/units", [/（2024年）/]],
    ["/targets", [/2024年，\d+ 项目标中/, /2024年\s*状态/]],
    ["/method", [/最新 2024年/, /比较基期为 2023年/, /下载填报模板：庄浪县 620825 2025年/]]
  ];
  for (const [path, expected] of pages) {
    it(`${path} opens on 2024 with no error`, async () => {
      const p = await openPage(path);
      try {
        for (const pattern of expected) expect(p.text).toMatch(pattern);
        expect(p.problems).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it("offers the 2025 form on the method page, with 2024's values and Chinese headers", async () => {
    const p = await openPage("/method");
    try {
      const href = await p.page.locator('[data-testid="form-download"]').getAttribute("href");
      const bytes = await p.page.evaluate(
        async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())],
        href!
      );
      const text = new TextDecoder("utf-8", {ignoreBOM: true}).decode(new Uint8Array(bytes));
      expect(text.startsWith("\uFEFF地区代码,地区名称,期间,指标编号,指标名称")).toBe(true);
      expect(text).toContain("上期数值（2024年）");
      expect(text.split("\r\n")[1]).toMatch(/^620825,庄浪县,2025,1,/);
      expect(p.problems).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it("the simulator opens on 2024 and shows the Node engine's total and rank for it", async () => {
    const p = await openPage("/simulator");
    try {
      const byTest = (id: string) => p.page.locator(`[data-testid="${id}"]`);
      await p.page.waitForSelector('[data-testid="sim-root"][data-busy="0"]', {timeout: 120_000});
      expect(await byTest("sim-period").inputValue()).toBe("2024");
      expect(await byTest("sim-period").locator("option").allTextContents()).toEqual([
        "2024年",
        "2023年",
        "2023年上半年",
        "2022年"
      ]);
      const state = initialState("620825", "pingliang", "2024");
      const expected = focusTotal(await node.score(state), state, node.model.root);
      expect(await byTest("sim-total-after").textContent()).toBe(formatScore(expected.scenario));
      expect(Number(await byTest("sim-rank-after").getAttribute("data-exact"))).toBe(expected.scenarioRank);
      expect(p.problems).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
