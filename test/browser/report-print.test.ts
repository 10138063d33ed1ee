/**
 * Every report page printed to A4 PDF, in Chinese and English, with the Pingliang and Gansu groups, and the PDF's text
 * read back (pdftotext): a header with the region, peer group, data periods, methodology and build day; a page number
 * on every page; no chart taller than a page or allowed to break; no control printed; the peers ranking whole (every
 * member of the group); the overview's first page filled up to the category chart; on a Chinese page no English word,
 * no code and no English "Note". The PDFs go to test/output/print/.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {formatPeriod, peerGroupLabel} from "../../src/components/format.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {distReport} from "../support/dist-report.js";
import {CODE, ENGLISH_WORD} from "../support/layout.js";
import {pdfPages} from "../support/pdf.js";

const PAGES = ["/", "/targets", "/peers", "/units", "/indicators", "/method"];
const OUTPUT = "test/output/print";
/** A4 printable height at 96 px/in with the 14 mm top and 16 mm bottom margins of the print stylesheet. */
const PRINTABLE_HEIGHT = ((297 - 14 - 16) / 25.4) * 96;
const FOCUS = "620825";
const squeeze = (s: string) => s.replace(/\s+/g, "");

let browser: Browser;
let server: DistServer;
let report: Report;
beforeAll(async () => {
  mkdirSync(OUTPUT, {recursive: true});
  [server, browser] = await Promise.all([serveDist(), launchChromium()]);
  report = distReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

for (const path of PAGES) {
  describe(`${path} on paper`, () => {
    for (const lang of ["zh", "en"] as const) {
      for (const groupId of ["pingliang", "gansu"]) {
        it(`${lang}, ${groupId}: header, page numbers, whole charts and tables`, async () => {
          const watched = await watchedPage(browser, {
            storage: {"bizenv.lang": lang, "bizenv.group": groupId, "bizenv.focus": FOCUS}
          });
          const {page} = watched;
          try {
            await page.setViewportSize({width: 1366, height: 768});
            await page.goto(server.origin + path);
            await settle(watched);
            await page.emulateMedia({media: "print"});
            // The print layout re-draws the charts at the paper's width; measure them once they are redrawn.
            await page.waitForTimeout(500);
            const figures = await page.evaluate(() =>
              [...document.querySelectorAll("figure")]
                .filter((n) => !n.closest("details:not([open])"))
                .map((n) => ({
                  label: n.getAttribute("aria-label") ?? "",
                  breakInside: getComputedStyle(n).breakInside,
                  height: n.getBoundingClientRect().height
                }))
            );
            for (const f of figures) {
              expect(f.breakInside, f.label).toBe("avoid");
              expect(f.height, f.label).toBeLessThanOrEqual(PRINTABLE_HEIGHT);
            }
            const controls = await page.$$eval(
              ".bizenv-controls, #observablehq-sidebar, select, input",
              (nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length
            );
            expect(controls, "controls printed").toBe(0);

            const name = `${path === "/" ? "index" : path.slice(1)}.${lang}.${groupId}`;
            const file = `${OUTPUT}/${name}.pdf`;
            await page.pdf({path: file, format: "A4", printBackground: true});
            const pages = pdfPages(file);
            const all = squeeze(pages.join("\n"));
            const group = report.peerGroups.find((g) => g.id === groupId)!;
            const region = report.regions.find((r) => r.code === FOCUS)!.name;
            const method = lang === "en" ? report.methodology.nameEn : report.methodology.nameZh;
            const first = squeeze(pages[0]);
            for (const part of [
              region,
              peerGroupLabel(lang, group),
              ...report.periods.map((p) => formatPeriod(lang, p)),
              method,
              report.generated
            ]) {
              expect(first, `${name}: header names ${part}`).toContain(squeeze(part));
            }
            pages.forEach((text, i) =>
              expect(squeeze(text), `${name}: page ${i + 1} number`).toContain(`${i + 1}/${pages.length}`)
            );
            if (lang === "zh") {
              const words = pages.join("\n").replace(/[\w./-]+\.(?:csv|json)\b/g, "");
              expect(words.match(ENGLISH_WORD)?.[0], `${name}: English word`).toBeUndefined();
              expect(words.match(CODE)?.[0], `${name}: code`).toBeUndefined();
              expect(words).not.toMatch(/\bNote\b/);
            }
            if (path === "/peers") {
              const names = group.members.map((code) => report.regions.find((r) => r.code === code)!.name);
              for (const n of names) expect(all, `${name}: ${n} in the ranking`).toContain(n);
            }
            if (path === "/") {
              const title = lang === "zh" ? "13个类别的得分" : "13categoryscores";
              expect(first, `${name}: page 1 reaches the category chart`).toContain(title);
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
