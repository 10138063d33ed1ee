/**
 * Builds the site from another configuration (data/site-*.json) into a temporary folder, for the browser tests of
 * that configuration, and leaves Framework's loader cache clear so that the next build is the default one again.
 */
import {spawnSync} from "node:child_process";
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
export function buildSiteWith(config: string, reuse?: string): BuiltSite {
  if (reuse) return {dist: reuse, remove: () => {}};
  const dir = mkdtempSync(join(tmpdir(), "bizenv-site-"));
  const dist = join(dir, "dist");
  const build = spawnSync(process.execPath, ["--import", "tsx", "loaders/build-site.ts"], {
    env: {...process.env, BIZENV_SITE: config, BIZENV_DIST: dist},
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  // The build leaves this configuration's loader output in Framework's cache: clear it for the next build.
  rmSync(DATA_CACHE, {recursive: true, force: true});
  const remove = () => rmSync(dir, {recursive: true, force: true});
  if (build.status !== 0) {
    remove();
    throw new Error(`build with ${config} failed:\n${build.stderr.slice(-3000)}`);
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
  const site = buildSiteWith(config, reuse);
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
