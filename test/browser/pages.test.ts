/**
 * Every page of the built site is opened in Debian Chromium by a page test that fails on any console error, page
 * error, failed request, HTTP error, Framework error cell or off-host request. The report pages are opened that way by
 * test/browser/report-layout.test.ts (both languages, three sizes, both peer groups); this file opens every other page
 * (today the simulator), with nothing stored in the browser as on a first visit, and saves a full-page screenshot of
 * each under test/output/pages/ for people to look at. A page added to the site is opened here until it is listed
 * in test/support/site-pages.ts.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {listPages, serveDist} from "../support/dist-server.js";
import type {DistServer} from "../support/dist-server.js";
import {REPORT_PAGES} from "../support/site-pages.js";

const pages = await listPages();
const others = pages.filter((p) => !REPORT_PAGES.includes(p));
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

  it("finds the pages of the site, the report pages among them", () => {
    expect(pages).toEqual(expect.arrayContaining(REPORT_PAGES));
    expect(others).toContain("/simulator");
  });

  for (const path of others) {
    for (const lang of ["zh", "en"] as const) {
      it(`${path} (${lang}) renders with no errors and no off-host request`, async () => {
        const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang}});
        try {
          await watched.page.goto(server.origin + path);
          await settle(watched, 120_000);
          const name = path.slice(1).replaceAll("/", "__") + `.${lang}.png`;
          await watched.page.screenshot({path: `${OUTPUT}/${name}`, fullPage: true});
          expect(watched.problems).toEqual([]);
        } finally {
          await watched.context.close();
        }
      });
    }
  }
});
