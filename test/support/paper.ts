/**
 * A report page printed to A4 PDF and read back (pdftotext): a header with the region, peer group, data periods,
 * methodology and build day on page 1; a page number on every page; no chart taller than a page or allowed to break;
 * no control printed; the peers ranking whole (every member of the group); the overview's first page filled up to the
 * category chart; on a Chinese page no English word, no code and no English "Note".
 */
import {expect} from "vitest";
import type {Page} from "playwright-core";
import {formatPeriod, peerGroupLabel} from "../../src/components/format.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {CODE, ENGLISH_WORD} from "./layout.js";
import {pdfPages} from "./pdf.js";

/** A4 printable height at 96 px/in with the 14 mm top and 16 mm bottom margins of the print stylesheet. */
export const PRINTABLE_HEIGHT = ((297 - 14 - 16) / 25.4) * 96;

const squeeze = (s: string) => s.replace(/\s+/g, "");

/** What is printed: the page's path, language, peer group and focus region, and where the PDF goes. */
export interface Printed {
  path: string;
  lang: "zh" | "en";
  group: string;
  focus: string;
  file: string;
}

/** Prints the page (already loaded) to `p.file` and checks what a reader of the paper would notice. */
export async function checkPrinted(page: Page, report: Report, p: Printed): Promise<void> {
  await page.emulateMedia({media: "print"});
  // The print layout re-draws the charts at the paper's width; measure them once they are redrawn, in one go.
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
  const controls = await page.evaluate(
    () =>
      [...document.querySelectorAll(".bizenv-controls, #observablehq-sidebar, select, input")].filter(
        (n) => (n as HTMLElement).offsetParent !== null
      ).length
  );
  expect(controls, `${p.file}: controls printed`).toBe(0);

  // Commands and paths the reader types (<code>) are not words of the page.
  const codes = await page.evaluate(() =>
    [...document.querySelectorAll("#observablehq-main code")].map((c) => c.textContent ?? "")
  );
  await page.pdf({path: p.file, format: "A4", printBackground: true});
  await page.emulateMedia({media: null});
  const pages = pdfPages(p.file);
  const all = squeeze(pages.join("\n"));
  const group = report.peerGroups.find((g) => g.id === p.group)!;
  const region = report.regions.find((r) => r.code === p.focus)!.name;
  const method = p.lang === "en" ? report.methodology.nameEn : report.methodology.nameZh;
  const first = squeeze(pages[0]);
  const header = [region, peerGroupLabel(p.lang, group), ...report.periods.map((x) => formatPeriod(p.lang, x))];
  for (const part of [...header, method, report.generated]) {
    expect(first, `${p.file}: the header names ${part}`).toContain(squeeze(part));
  }
  pages.forEach((text, i) =>
    expect(squeeze(text), `${p.file}: page ${i + 1}'s number`).toContain(`${i + 1}/${pages.length}`)
  );
  if (p.lang === "zh") {
    const words = codes
      .reduce((text, code) => text.split(code).join(""), pages.join("\n"))
      .replace(/[\w./-]+\.(?:csv|json)\b/g, "");
    expect(words.match(ENGLISH_WORD)?.[0], `${p.file}: English word`).toBeUndefined();
    expect(words.match(CODE)?.[0], `${p.file}: code`).toBeUndefined();
    expect(words).not.toMatch(/\bNote\b/);
  }
  if (p.path === "/peers") {
    for (const code of group.members) {
      const name = report.regions.find((r) => r.code === code)!.name;
      expect(all, `${p.file}: ${name} in the ranking`).toContain(name);
    }
  }
  if (p.path === "/") {
    const title = p.lang === "zh" ? "13个类别的得分" : "13categoryscores";
    expect(first, `${p.file}: page 1 reaches the category chart`).toContain(title);
  }
}
