/**
 * Debian Chromium driven by playwright-core, with a page wrapper that records everything a strict page test
 * fails on: console errors, page errors, failed requests, HTTP errors and any request to a non-loopback host.
 */
import {existsSync} from "node:fs";
import {chromium} from "playwright-core";
import type {Browser, BrowserContext, Page} from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];

/** Where Chromium is: $CHROMIUM_PATH, else /usr/bin/chromium; throws with install instructions when absent. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `找不到 Chromium / Chromium not found (looked at: ${candidates.join(", ")}).\n` +
        "Install Debian's Chromium: `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).\n" +
        "`npx playwright install` cannot work offline; the tests use the system browser."
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath(), args: FLAGS, headless: true});
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Everything that went wrong so far, one line each. */
  problems: string[];
  /** Bytes of JavaScript and WebAssembly received, by URL. */
  transfers: Map<string, {bytes: number; type: string}>;
}

/** Opens a new context and page that record problems; requests to other hosts are aborted and recorded. */
export async function watchedPage(
  browser: Browser,
  options: {locale?: string; storage?: Record<string, string>} = {}
): Promise<WatchedPage> {
  const context = await browser.newContext({locale: options.locale ?? "zh-CN", viewport: {width: 1280, height: 900}});
  if (options.storage) {
    await context.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, options.storage);
  }
  const problems: string[] = [];
  const transfers = new Map<string, {bytes: number; type: string}>();
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname)) return route.continue();
    problems.push(`off-host request: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (!problems.some((p) => p.includes(request.url()))) problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on("response", async (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    const type = response.headers()["content-type"] ?? "";
    if (/javascript|wasm/.test(type)) {
      const body = await response.body().catch(() => null);
      if (body) transfers.set(response.url(), {bytes: body.length, type});
    }
  });
  return {page, context, problems, transfers};
}

/**
 * Waits until the network is idle, Framework has no cell still pending and no component says it is busy
 * (`data-busy="1"`, e.g. the simulator starting DuckDB); then lists error cells as problems.
 */
export async function settle(watched: WatchedPage, timeout = 60_000): Promise<void> {
  const {page, problems} = watched;
  await page.waitForLoadState("networkidle", {timeout});
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading, [data-busy='1']"), null, {timeout});
  await page.waitForTimeout(300);
  const errors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
  for (const text of errors) problems.push(`Framework error cell: ${text.trim().slice(0, 300)}`);
}
