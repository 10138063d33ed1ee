/**
 * Every report page as a county leader sees it: at 1366×768 and on a 390×844 phone, in Chinese and English, with the
 * Pingliang (7) and Gansu (88) peer groups. No chart label leaves the screen or its chart or covers another label, no
 * heading leaves the screen or overlaps another block, the page is no wider than the screen; a Chinese page shows no
 * code ids, no English words and no English headings. Full-page screenshots go to test/output/report/.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {CODE, ENGLISH_WORD, headingTexts, layoutProblems, visibleText} from "../support/layout.js";

const REPORT_PAGES = ["/", "/targets", "/peers", "/units", "/indicators", "/method"];
const SCREENS = [
  {name: "desktop", width: 1366, height: 768},
  {name: "phone", width: 390, height: 844}
];
const OUTPUT = "test/output/report";

let browser: Browser;
let server: DistServer;
beforeAll(async () => {
  mkdirSync(OUTPUT, {recursive: true});
  [server, browser] = await Promise.all([serveDist(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

for (const path of REPORT_PAGES) {
  describe(`${path}`, () => {
    for (const lang of ["zh", "en"] as const) {
      for (const group of ["pingliang", "gansu"]) {
        it(`${lang}, ${group}: nothing clipped or overlapping on a desktop and a phone`, async () => {
          const watched = await watchedPage(browser, {storage: {"bizenv.lang": lang, "bizenv.group": group}});
          const {page} = watched;
          try {
            for (const screen of SCREENS) {
              await page.setViewportSize({width: screen.width, height: screen.height});
              await page.goto(server.origin + path);
              await settle(watched);
              const name = `${path === "/" ? "index" : path.slice(1)}.${lang}.${group}.${screen.width}`;
              await page.screenshot({path: `${OUTPUT}/${name}.png`, fullPage: true});
              expect(await layoutProblems(page), `${name}`).toEqual([]);
              if (lang === "zh") {
                // File names on the method page are data, not words.
                const text = (await visibleText(page)).replace(/[\w./-]+\.(?:csv|json)\b/g, "");
                expect(text.match(CODE)?.[0], `${name}: code on a Chinese page`).toBeUndefined();
                expect(text.match(ENGLISH_WORD)?.[0], `${name}: English on a Chinese page`).toBeUndefined();
                const headings = (await headingTexts(page)).filter((h) =>
                  /[A-Za-z]{2,}/.test(h.replace(/APP|GB\/T/g, ""))
                );
                expect(headings, `${name}: English headings on a Chinese page`).toEqual([]);
              } else {
                expect((await visibleText(page)).match(CODE)?.[0], `${name}: code on the page`).toBeUndefined();
              }
            }
            expect(watched.problems).toEqual([]);
          } finally {
            await watched.context.close();
          }
        });
      }
    }
  });
}
