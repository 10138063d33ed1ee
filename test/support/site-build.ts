/**
 * Builds the site from another configuration (data/site-*.json) into a temporary folder, for the browser tests of
 * that configuration, and leaves Framework's loader cache clear so that the next build is the default one again.
 * Builds take turns through a lock folder: page test files run two at a time.
 */
import {spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import type {Browser} from "playwright-core";
import {launchChromium} from "./browser.js";
import {serveDist, type DistServer} from "./dist-server.js";

const DATA_CACHE = "src/.observablehq/cache/data";
const LOCK = "src/.observablehq/cache/build.lock";

/** A built site: its folder and how to remove it (nothing to remove when an existing build was reused). */
export interface BuiltSite {
  dist: string;
  remove(): void;
}

/** Builds `config` into a temporary folder, or reuses the folder `reuse` names (a site already built from it). */
export async function buildSiteWith(config: string, reuse?: string): Promise<BuiltSite> {
  if (reuse) return {dist: reuse, remove: () => {}};
  const dir = mkdtempSync(join(tmpdir(), "bizenv-site-"));
  const remove = () => rmSync(dir, {recursive: true, force: true});
  try {
    await buildInto(join(dir, "dist"), {BIZENV_SITE: config});
  } catch (error) {
    remove();
    throw error;
  }
  return {dist: join(dir, "dist"), remove};
}

/**
 * Runs `npm run build`'s script into `dist` with `env` added (another configuration, another observations folder);
 * throws with the end of its error output when it fails. Page test files run side by side and Framework has one
 * loader cache: one such build at a time, and the cache's data cleared after each.
 */
export async function buildInto(dist: string, env: Record<string, string>): Promise<void> {
  await takeLock();
  let status: number | null;
  let stderr = "";
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "loaders/build-site.ts"], {
      env: {...process.env, ...env, BIZENV_DIST: dist}
    });
    child.stdout.resume();
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-3000)));
    status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  } finally {
    rmSync(DATA_CACHE, {recursive: true, force: true});
    rmSync(LOCK, {recursive: true, force: true});
  }
  if (status !== 0) throw new Error(`build with ${JSON.stringify(env)} failed:\n${stderr}`);
}

/** Waits for the build lock (a folder: creating it is atomic); a lock older than a build can take was left behind. */
async function takeLock(): Promise<void> {
  mkdirSync(dirname(LOCK), {recursive: true});
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 15 * 60_000) rmSync(LOCK, {recursive: true, force: true});
      } catch {
        // Released meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A built site served on loopback with Chromium started: what a configuration's browser test opens. */
export interface OpenSite {
  dist: string;
  server: DistServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds (or reuses) a site from `config`, serves it and starts Chromium; `close` undoes all three. */
export async function openSiteWith(config: string, reuse?: string): Promise<OpenSite> {
  const site = await buildSiteWith(config, reuse);
  const [server, browser] = await Promise.all([serveDist(site.dist), launchChromium()]);
  return {
    dist: site.dist,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      site.remove();
    }
  };
}
