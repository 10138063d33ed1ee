/**
 * Browser figures: `npm run build` timed in a clean copy of the working tree (no Framework cache), the simulator's
 * time to first score (cold: new browser context; warm: reload with the HTTP cache), per-change latency (a measure's
 * value, a weight), reform priority and sensitivity at Gansu scale in Chromium, and the JavaScript / WebAssembly bytes
 * each page loads.
 */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve, sep} from "node:path";
import type {Browser, Page} from "playwright-core";
import {listPages} from "../test/support/dist-server.js";
import {MEASURE_PREFIX, STARTUP_PHASES} from "../src/engine/timing.js";
import {launchChromium, settle, watchedPage} from "../test/support/browser.js";
import type {BrowserFigures} from "./report.js";
import {serveCached, type CachedServer, type Served} from "./static-server.js";

const ROOT = "[data-testid=sim-root]";
const COLD_RUNS = 3;
const WARM_RUNS = 3;
const CHANGES = 15;

/** Copies the working tree's files (tracked and untracked, not ignored) and links node_modules. */
function cleanCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "bizenv-bench-"));
  const list = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {encoding: "utf8"});
  if (list.status === 0) {
    for (const file of list.stdout.split("\0").filter(Boolean)) if (existsSync(file)) cpSync(file, join(dir, file));
  } else {
    // Not a git checkout (e.g. an exported tree): everything but installed, built and cached files.
    const skip = /^(node_modules|dist|bench\/output|src\/\.observablehq\/cache)(\/|$)/;
    cpSync(".", dir, {recursive: true, filter: (src) => !skip.test(relative(".", src).split(sep).join("/"))});
  }
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Records (in the page) when the simulator's data-version changes and when an input event fires. */
const RECORDER = () => {
  const w = window as unknown as {__versions: {v: string; t: number}[]; __inputAt: number};
  w.__versions = [];
  w.__inputAt = 0;
  document.addEventListener("input", () => (w.__inputAt = performance.now()), true);
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as HTMLElement;
      if (r.attributeName === "data-version" && el.dataset.testid === "sim-root")
        w.__versions.push({v: el.dataset.version ?? "", t: performance.now()});
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-version"]});
};

/** Waits until the simulator has finished scoring version > `after`; returns the page time of that update. */
async function scored(page: Page, after: number, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    ([sel, v]) => {
      const el = document.querySelector(sel as string) as HTMLElement | null;
      return !!el && Number(el.dataset.version) > (v as number) && el.dataset.busy === "0";
    },
    [ROOT, after],
    {timeout, polling: 10}
  );
  // An error the page shows (a hidden note, such as priority's "out of date", is not one).
  const problem = await page.$eval(
    ROOT,
    (el) =>
      [...el.querySelectorAll<HTMLElement>(".sim-error")]
        .filter((e) => !e.hidden && e.textContent?.trim())
        .map((e) => e.textContent!.trim())[0] ?? null
  );
  if (problem) throw new Error(`simulator error: ${problem}`);
  return page.evaluate(() => {
    const w = window as unknown as {__versions: {t: number}[]};
    return w.__versions[w.__versions.length - 1].t;
  });
}

const version = (page: Page) => page.$eval(ROOT, (el) => Number((el as HTMLElement).dataset.version));

/** The simulator URL whose fragment selects the Gansu peer group (obtained by choosing it in the page once). */
async function gansuUrl(browser: Browser, origin: string): Promise<string> {
  const w = await watchedPage(browser);
  await w.context.addInitScript(RECORDER);
  await w.page.goto(`${origin}/simulator`);
  await scored(w.page, 0);
  const v = await version(w.page);
  await w.page.selectOption("[data-testid=sim-group]", "gansu");
  await scored(w.page, v);
  const url = w.page.url();
  await w.context.close();
  if (!url.includes("#")) throw new Error("the simulator did not write its state into the URL fragment");
  return url;
}

async function simulatorFigures(
  browser: Browser,
  server: CachedServer,
  figures: BrowserFigures,
  log: (line: string) => void
) {
  const url = await gansuUrl(browser, server.origin);
  for (let i = 0; i < COLD_RUNS; i++) {
    const w = await watchedPage(browser);
    await w.context.addInitScript(RECORDER);
    server.served.length = 0;
    await w.page.goto(url);
    figures.coldFirstScoreMs.push(await scored(w.page, 0));
    await readPhases(w.page, figures);
    if (i === 0) coldTimeline(server, figures.coldFirstScoreMs[0], log);
    log(
      `simulator cold load ${i + 1}: ${figures.coldPhases.map((ph) => `${ph.phase} ${Math.round(ph.startMs.at(-1) ?? 0)}+${Math.round(ph.ms.at(-1) ?? 0)} ms`).join(", ")}`
    );
    const members = await w.page.$eval("[data-testid=sim-group]", (el) => (el as HTMLSelectElement).value);
    if (members !== "gansu") throw new Error(`the simulator opened on peer group ${members}, not gansu`);
    if (i < COLD_RUNS - 1) {
      await w.context.close();
      continue;
    }
    for (let j = 0; j < WARM_RUNS; j++) {
      await w.page.reload();
      figures.warmFirstScoreMs.push(await scored(w.page, 0));
    }
    // Per-change latency: set a measure input, wait for the scored update.
    const ids = await w.page.$$eval("input[data-measure]:not([type=checkbox])", (els) =>
      els.map((e) => (e as HTMLInputElement).dataset.measure!)
    );
    for (let k = 0; k < CHANGES; k++) {
      const before = await version(w.page);
      const id = ids[(k * 11) % ids.length];
      await w.page.evaluate(
        ([measure, value]) => {
          const input = document.querySelector(`input[data-measure="${measure}"]`) as HTMLInputElement;
          input.value = String(value);
          input.dispatchEvent(new Event("input", {bubbles: true}));
        },
        [id, 1 + (k % 5)] as const
      );
      const done = await scored(w.page, before);
      const inputAt = await w.page.evaluate(() => (window as unknown as {__inputAt: number}).__inputAt);
      figures.changeLatencyMs.push(done - inputAt);
      const computed = await w.page.$eval("[data-testid=sim-timing]", (el) => Number((el as HTMLElement).dataset.ms));
      if (Number.isFinite(computed)) figures.computedInMs.push(computed);
    }
    await weightChanges(w.page, figures);
    await analysisFigures(w.page, figures, log);
    if (w.problems.length) log(`simulator: problems recorded: ${w.problems.slice(0, 3).join("; ")}`);
    await w.context.close();
  }
}

/** Weight change latency: set a category weight, wait for the scored update (input event → data-version). */
async function weightChanges(page: Page, figures: BrowserFigures) {
  const ids = await page.$$eval("input[data-weight]", (els) => els.map((e) => (e as HTMLInputElement).dataset.weight!));
  for (let k = 0; k < CHANGES; k++) {
    const before = await version(page);
    await page.evaluate(
      ([id, value]) => {
        const input = document.querySelector(`input[data-weight="${id}"]`) as HTMLInputElement;
        input.value = String(value);
        input.dispatchEvent(new Event("input", {bubbles: true}));
      },
      [ids[(k * 5) % ids.length], 1 + (k % 4)] as const
    );
    const done = await scored(page, before);
    const inputAt = await page.evaluate(() => (window as unknown as {__inputAt: number}).__inputAt);
    figures.weightLatencyMs.push(done - inputAt);
  }
}

/** Clicks `button` in the page and returns the ms until `done()` holds there (checked on every DOM change). */
async function clickUntil(page: Page, button: string, done: string, timeout = 300_000): Promise<number> {
  return page.evaluate(
    ([selector, test, limit]) =>
      new Promise<number>((resolve, reject) => {
        const check = new Function(`return (${test})`) as () => boolean;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
        setTimeout(() => reject(new Error(`${selector}: not done in ${limit} ms`)), limit as number);
        (document.querySelector(selector as string) as HTMLButtonElement).click();
      }),
    [button, done, timeout] as const
  );
}

/** Reform priority against the frontier (every measure) and sensitivity with 1,000 draws, clicked as an analyst does. */
async function analysisFigures(page: Page, figures: BrowserFigures, log: (line: string) => void) {
  await page.selectOption("[data-testid=sim-priority-goal]", "frontier");
  for (let k = 0; k < 3; k++) {
    const ms = await clickUntil(
      page,
      "[data-testid=sim-priority-run]",
      `!document.querySelector('[data-testid=sim-priority-run]').disabled && !!document.querySelector('[data-testid=sim-priority-table] tr[data-measure]')`
    );
    figures.priorityMs.push(ms);
  }
  const rows = await page.locator("[data-testid=sim-priority-table] tr[data-measure]").count();
  log(
    `simulator: reform priority to the frontier (${rows} measures gain) ${figures.priorityMs.map(Math.round).join(", ")} ms`
  );
  await page.fill("[data-testid=sim-sens-draws]", "1000");
  const ms = await clickUntil(
    page,
    "[data-testid=sim-sens-run]",
    `document.querySelector('[data-testid=sim-root]').dataset.sensitivity === 'done'`
  );
  figures.sensitivityMs.push(ms);
  const status = await page.locator("[data-testid=sim-sens-status]").textContent();
  log(`simulator: sensitivity 1,000 draws ${Math.round(ms)} ms (${status})`);
}

/** Adds the page's start-up measures (`sim:<phase>`, see src/engine/timing.ts) to the figures. */
async function readPhases(page: Page, figures: BrowserFigures) {
  const measures = await page.evaluate(
    (prefix) =>
      performance
        .getEntriesByType("measure")
        .filter((m) => m.name.startsWith(prefix))
        .map((m) => ({name: m.name, start: m.startTime, ms: m.duration})),
    MEASURE_PREFIX
  );
  for (const m of measures) {
    const phase = m.name.slice(MEASURE_PREFIX.length);
    let entry = figures.coldPhases.find((x) => x.phase === phase);
    if (!entry) {
      entry = {phase, label: STARTUP_PHASES[phase as keyof typeof STARTUP_PHASES] ?? phase, startMs: [], ms: []};
      figures.coldPhases.push(entry);
    }
    entry.startMs.push(m.start);
    entry.ms.push(m.ms);
  }
  const order = Object.keys(STARTUP_PHASES);
  figures.coldPhases.sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase));
}

/** Bytes of JavaScript and WebAssembly each page loads (cold context; counted by the server, so worker fetches count). */
async function pageBytes(browser: Browser, server: CachedServer, dist: string, figures: BrowserFigures) {
  for (const path of await listPages(dist)) {
    const w = await watchedPage(browser);
    server.served.length = 0;
    await w.page.goto(`${server.origin}${path}`);
    await settle(w, 120_000);
    if (path === "/simulator") await scored(w.page, 0).catch(() => 0);
    const sum = (re: RegExp) => server.served.filter((s) => re.test(s.path)).reduce((a, s) => a + s.bytes, 0);
    figures.pageBytes.push({page: path, js: sum(/\.m?js$/), wasm: sum(/\.wasm$/)});
    await w.context.close();
  }
}

/** Where a cold simulator load spends its time, from the server's log (ms after the page request). */
function coldTimeline(server: CachedServer, firstScoreAt: number, log: (line: string) => void) {
  const page = server.served.find((s) => s.path.startsWith("/simulator"));
  if (!page) return;
  const at = (s: Served) => `${Math.round(s.start - page.start)}–${Math.round(s.end - page.start)} ms`;
  const big = server.served.filter((s) => s.bytes > 500_000 || /observations|\.wasm$|worker/.test(s.path));
  log(
    `simulator cold timeline: page requested at 0; ${big.map((s) => `${s.path.split("/").pop()} ${(s.bytes / 2 ** 20).toFixed(1)} MB ${at(s)}`).join("; ")}; last file served at ${Math.round(Math.max(...server.served.map((s) => s.end)) - page.start)} ms; first score ≈ ${Math.round(firstScoreAt)} ms after navigation start`
  );
}

/** Runs every browser measurement; a missing simulator page leaves those figures pending with the reason. */
export async function browserBench(log: (line: string) => void): Promise<BrowserFigures> {
  const figures: BrowserFigures = {
    buildMs: null,
    pending: null,
    coldFirstScoreMs: [],
    warmFirstScoreMs: [],
    coldPhases: [],
    changeLatencyMs: [],
    computedInMs: [],
    weightLatencyMs: [],
    priorityMs: [],
    sensitivityMs: [],
    pageBytes: []
  };
  const copy = cleanCopy();
  try {
    log(`build: npm run build in a clean copy ${copy}`);
    const t0 = performance.now();
    const build = spawnSync("npm", ["run", "build"], {cwd: copy, encoding: "utf8", maxBuffer: 64 << 20});
    if (build.status !== 0) {
      figures.pending = `npm run build failed in the clean copy: ${(build.stderr || build.stdout).trim().split("\n").slice(-3).join(" ")}`;
      log(figures.pending);
      return figures;
    }
    figures.buildMs = performance.now() - t0;
    log(`build: ${Math.round(figures.buildMs)} ms`);
    const dist = join(copy, "dist");
    const server = await serveCached(dist);
    const browser = await launchChromium();
    try {
      if (existsSync(join(dist, "simulator.html"))) {
        await simulatorFigures(browser, server, figures, log);
        log(
          `simulator: cold ${figures.coldFirstScoreMs.map(Math.round).join(", ")} ms; warm ${figures.warmFirstScoreMs.map(Math.round).join(", ")} ms`
        );
      } else {
        figures.pending = "the site has no /simulator page yet";
      }
      await pageBytes(browser, server, dist, figures);
    } catch (error) {
      figures.pending = `browser measurement failed: ${(error as Error).message.split("\n")[0]}`;
      log(figures.pending);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(copy, {recursive: true, force: true});
  }
  return figures;
}
