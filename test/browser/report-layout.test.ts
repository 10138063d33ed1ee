/**
 * Every report page as a county leader sees it: at 1366×768, printed on A4, and on a 390×844 phone, in Chinese and
 * English, with the Pingliang (7) and Gansu (88) peer groups. On screen no chart label leaves the screen or its chart or
 * covers another label, no heading leaves the screen or overlaps another block, the page is no wider than the screen;
 * a Chinese page shows no code ids, no English words and no English headings; no console or page error, failed or
 * off-host request or Framework error cell (test/support/browser.ts). On paper: test/support/paper.ts.
 * Full-page screenshots go to test/output/report/, the PDFs to test/output/print/.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import type {Report} from "../../src/engine/report/report-data.js";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {distReport} from "../support/dist-report.js";
import {CODE, ENGLISH_WORD, headingTexts, layoutProblems, visibleText} from "../support/layout.js";
import {checkPrinted} from "../support/paper.js";
import {REPORT_PAGES} from "../support/site-pages.js";

const DESKTOP = {width: 1366, height: 768};
const PHONE = {width: 390, height: 844};
const FOCUS = "620825";
const SCREENS = "test/output/report";
const PAPER = "test/output/print";

let browser: Browser;
let server: DistServer;
let report: Report;
beforeAll(async () => {
  mkdirSync(SCREENS, {recursive: true});
  mkdirSync(PAPER, {recursive: true});
  [server, browser] = await Promise.all([serveDist(), launchChromium()]);
  report = distReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The screen checks of one page at one size; saves its screenshot. */
async function checkScreen(page: Page, name: string, lang: "zh" | "en") {
  await page.screenshot({path: `${SCREENS}/${name}.png`, fullPage: true});
  expect(await layoutProblems(page), name).toEqual([]);
  // File names on the method page are data, not words.
  const text = (await visibleText(page)).replace(/[\w./-]+\.(?:csv|json)\b/g, "");
  expect(text.match(CODE)?.[0], `${name}: code on the page`).toBeUndefined();
  if (lang === "zh") {
    expect(text.match(ENGLISH_WORD)?.[0], `${name}: English on a Chinese page`).toBeUndefined();
    const english = (await headingTexts(page)).filter((h) => /[A-Za-z]{2,}/.test(h.replace(/APP|GB\/T/g, "")));
    expect(english, `${name}: English headings on a Chinese page`).toEqual([]);
  }
}

for (const path of REPORT_PAGES) {
  describe(`${path}`, () => {
    for (const lang of ["zh", "en"] as const) {
      // The method page shows nothing of the peer group but its print header: one group is enough there.
      for (const group of path === "/method" ? ["gansu"] : ["pingliang", "gansu"]) {
        it(`${lang}, ${group}: nothing clipped or overlapping on a desktop, on paper and on a phone`, async () => {
          const watched = await watchedPage(browser, {
            storage: {"bizenv.lang": lang, "bizenv.group": group, "bizenv.focus": FOCUS}
          });
          const {page} = watched;
          const name = `${path === "/" ? "index" : path.slice(1)}.${lang}.${group}`;
          try {
            await page.setViewportSize(DESKTOP);
            await page.goto(server.origin + path);
            await settle(watched);
            await checkScreen(page, `${name}.${DESKTOP.width}`, lang);
            await checkPrinted(page, report, {path, lang, group, focus: FOCUS, file: `${PAPER}/${name}.pdf`});
            // The phone: the same page narrowed (Framework's sidebar, the tables and every chart follow the width:
            // charts are drawn in resize() or from the reactive width), not loaded again.
            await page.setViewportSize(PHONE);
            await settle(watched);
            await checkScreen(page, `${name}.${PHONE.width}`, lang);
            expect(watched.problems).toEqual([]);
          } finally {
            await watched.context.close();
          }
        });
      }
    }
  });
}
