/**
 * The published report pages stay light and print whole: no WebAssembly, at most 500 kB of JavaScript per page
 * as sent by a server that does not compress (the gzip size is printed too), and an A4 print of the
 * overview and of one lead unit's page in which no chart is cut across pages. The PDFs go to test/output/.
 */
import {mkdirSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist} from "../support/dist-server.js";
import type {DistServer} from "../support/dist-server.js";
import {REPORT_PAGES} from "../support/site-pages.js";

const JS_BUDGET = 500_000;
/** A4 printable height at 96 px/in with the 14 mm top and bottom margins of the print stylesheet. */
const PRINTABLE_HEIGHT = ((297 - 2 * 14) / 25.4) * 96;

let browser: Browser;
let server: DistServer;
beforeAll(async () => {
  mkdirSync("test/output", {recursive: true});
  server = await serveDist();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("report pages are light", () => {
  for (const path of REPORT_PAGES) {
    it(`${path} loads no .wasm and at most 500 kB of JavaScript`, async () => {
      const watched = await watchedPage(browser);
      try {
        const bodies: Buffer[] = [];
        watched.page.on("response", async (response) => {
          if (/javascript/.test(response.headers()["content-type"] ?? "")) {
            const body = await response.body().catch(() => null);
            if (body) bodies.push(body);
          }
        });
        await watched.page.goto(server.origin + path);
        await settle(watched);
        const wasm = [...watched.transfers].filter(([url, t]) => url.endsWith(".wasm") || /wasm/.test(t.type));
        expect(wasm).toEqual([]);
        const raw = bodies.reduce((s, b) => s + b.length, 0);
        const gzipped = bodies.reduce((s, b) => s + gzipSync(b).length, 0);
        console.log(`${path}: JavaScript ${raw} bytes uncompressed, ${gzipped} bytes gzip, ${bodies.length} files`);
        expect(bodies.length).toBeGreaterThan(0);
        expect(raw).toBeLessThanOrEqual(JS_BUDGET);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});

describe("report pages print on A4 with every chart whole", () => {
  for (const [path, name] of [
    ["/", "overview"],
    ["/units?unit=gov_service_center", "unit-gov_service_center"]
  ] as const) {
    it(`${path} prints to PDF without cutting a chart`, async () => {
      const watched = await watchedPage(browser);
      try {
        const {page} = watched;
        await page.goto(server.origin + path);
        await settle(watched);
        await page.emulateMedia({media: "print"});
        // The print layout re-draws the charts at the paper's width; measure them once they are redrawn, in one go.
        await page.waitForTimeout(500);
        const figures = await page.evaluate(() =>
          [...document.querySelectorAll("figure, svg")]
            .filter((n) => !n.closest("details:not([open])") && !n.parentElement?.closest("svg"))
            .map((n) => ({
              tag: n.tagName,
              label: n.getAttribute("aria-label") ?? "",
              breakInside: getComputedStyle(n).breakInside,
              height: n.getBoundingClientRect().height
            }))
        );
        expect(figures.length).toBeGreaterThan(0);
        for (const f of figures) {
          expect(f.breakInside, `${f.tag} ${f.label}`).toBe("avoid");
          expect(f.height, `${f.tag} ${f.label}`).toBeLessThanOrEqual(PRINTABLE_HEIGHT);
        }
        const controls = await page.$$eval(
          ".bizenv-controls, #observablehq-sidebar",
          (nodes) => nodes.filter((n) => getComputedStyle(n).display !== "none").length
        );
        expect(controls).toBe(0);
        const pdf = await page.pdf({path: `test/output/${name}.pdf`, format: "A4", printBackground: true});
        expect(pdf.length).toBeGreaterThan(10_000);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
