/**
 * Opens every page of the built site in Debian Chromium and fails on any console error, page error, failed
 * request, HTTP error, Framework error cell or off-host request. Saves a full-page screenshot of each under
 * test/output/pages/ for people to look at.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {listPages, serveDist} from "../support/dist-server.js";
import type {DistServer} from "../support/dist-server.js";

const pages = await listPages();
const OUTPUT = "test/output/pages";

describe("every page in Chromium", () => {
  let browser: Browser;
  let server: DistServer;
  beforeAll(async () => {
    mkdirSync(OUTPUT, {recursive: true});
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds the pages of the site", () => {
    expect(pages).toContain("/");
  });

  for (const path of pages) {
    for (const lang of ["zh", "en"] as const) {
      it(`${path} (${lang}) renders with no errors and no off-host request`, async () => {
        const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang}});
        try {
          await watched.page.goto(server.origin + path);
          await settle(watched);
          const name = (path === "/" ? "index" : path.slice(1).replaceAll("/", "__")) + `.${lang}.png`;
          await watched.page.screenshot({path: `${OUTPUT}/${name}`, fullPage: true});
          expect(watched.problems).toEqual([]);
        } finally {
          await watched.context.close();
        }
      });
    }
  }
});
