/**
 * Say why (issue 16, deliver 5) on the built site: where a region of the illustrative data has no total in the latest
 * period (the build's own report.json says which), the peers page says under its ranking, and the overview under its
 * headline, which node cannot be computed for that region and which measures lack a value, by name, in Chinese and in
 * English; the note is still there on paper. (The simulator's note under an empty total: test/browser/simulator-data.test.ts,
 * the upload of a file that cannot give a total.) Screenshots go to test/output/why/.
 */
import {mkdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import type {Report} from "../../src/engine/report/report-data.js";
import {launchChromium, settle, watchedPage} from "../support/browser.js";
import {serveDist, type DistServer} from "../support/dist-server.js";
import {distReport} from "../support/dist-report.js";
import {CODE, ENGLISH_WORD} from "../support/layout.js";

const SCREENS = "test/output/why";

let browser: Browser;
let server: DistServer;
let report: Report;
beforeAll(async () => {
  mkdirSync(SCREENS, {recursive: true});
  [server, browser] = await Promise.all([serveDist(), launchChromium()]);
  report = distReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The first region without a total in the latest period, a peer group holding it, and the names the note must use. */
function gap() {
  const reason = report.missing.find((r) => r.period === report.latest && r.node === report.root);
  if (!reason) throw new Error("the illustrative data have no region without a total in the latest period");
  const group = report.peerGroups.find((g) => g.members.includes(reason.region))!;
  const node = (id: string) => report.nodes.find((n) => n.id === id)!;
  const measure = report.measures.find((m) => m.id === reason.measures[0])!;
  return {
    region: reason.region,
    name: report.regions.find((r) => r.code === reason.region)!.name,
    group: group.id,
    zh: {root: node(report.root).nameZh, leaf: node(reason.path.at(-1)!).nameZh, measure: measure.nameZh},
    en: {root: node(report.root).nameEn, leaf: node(reason.path.at(-1)!).nameEn, measure: measure.nameEn}
  };
}

describe("the pages say why a total is missing", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`${lang}: the peers page and the overview name the node, region and measures`, async () => {
      const g = gap();
      const watched = await watchedPage(browser, {
        storage: {"bizenv.lang": lang, "bizenv.group": g.group, "bizenv.focus": g.region}
      });
      try {
        const {page} = watched;
        // Both pages in Chinese; the peers page is enough to show the English words.
        for (const path of lang === "zh" ? ["/peers", "/"] : ["/peers"]) {
          await page.setViewportSize({width: 1366, height: 768});
          await page.goto(`${server.origin}${path}?group=${g.group}&focus=${g.region}`);
          await settle(watched);
          const note = page.getByTestId("missing-why").first();
          const text = await note.innerText();
          const line = await note.locator(`li[data-region="${g.region}"]`).innerText();
          for (const word of [g.name, g[lang].root, g[lang].leaf, g[lang].measure]) expect(line).toContain(word);
          if (lang === "zh") expect(text).not.toMatch(new RegExp(`${CODE.source}|${ENGLISH_WORD.source}`));
          const name = `${path === "/" ? "index" : path.slice(1)}.${lang}`;
          await note.scrollIntoViewIfNeeded();
          await page.screenshot({path: `${SCREENS}/${name}.1366.png`});
          await page.emulateMedia({media: "print"});
          expect(await note.isVisible()).toBe(true);
          await page.emulateMedia({media: "screen"});
          await page.setViewportSize({width: 390, height: 844});
          await note.scrollIntoViewIfNeeded();
          await page.screenshot({path: `${SCREENS}/${name}.390.png`});
        }
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    }, 120_000);
  }
});
