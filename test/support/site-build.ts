/**
 * Builds the site from another configuration (data/site-*.json) into a temporary folder, for the browser tests of
 * that configuration, and leaves Framework's loader cache clear so that the next build is the default one again.
 */
import {spawn} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {launchChromium} from "./browser.js";
import {serveDist, type DistServer} from "./dist-server.js";

const DATA_CACHE = "src/.observablehq/cache/data";

/** A built site: its folder and how to remove it (nothing to remove when an existing build was reused). */
export interface BuiltSite {
  dist: string;
  remove(): void;
}

/** Builds `config` into a temporary folder, or reuses the folder `reuse` names (a site already built from it). */
export async function buildSiteWith(config: string, reuse?: string): Promise<BuiltSite> {
  if (reuse) return {dist: reuse, remove: () => {}};
  const dir = mkdtempSync(join(tmpdir(), "bizenv-site-"));
  const dist = join(dir, "dist");
  // Asynchronous, so that a test can prepare its expectations (e.g. a Node engine) while the site builds.
  const child = spawn(process.execPath, ["--import", "tsx", "loaders/build-site.ts"], {
    env: {...process.env, BIZENV_SITE: config, BIZENV_DIST: dist},
    stdio: ["ignore", "ignore", "pipe"]
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-3000)));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  // The build leaves this configuration's loader output in Framework's cache: clear it for the next build.
  rmSync(DATA_CACHE, {recursive: true, force: true});
  const remove = () => rmSync(dir, {recursive: true, force: true});
  if (status !== 0) {
    remove();
    throw new Error(`build with ${config} failed:\n${stderr}`);
  }
  return {dist, remove};
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
