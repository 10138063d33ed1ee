/**
 * Checks of what a reader sees, run inside the page: chart labels (SVG text) that leave the viewport or their chart,
 * chart labels drawn over each other, headings that leave the viewport or overlap another block, and a page wider than
 * the screen. Each problem is one line naming the text involved.
 */
import type {Page} from "playwright-core";

/** Every layout problem of the page as it is now (scrolled to the top). */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const visible = (r: DOMRect) => r.width > 0.5 && r.height > 0.5;
    const name = (e: Element) => `${e.tagName.toLowerCase()} “${(e.textContent ?? "").trim().slice(0, 40)}”`;
    const overlap = (a: DOMRect, b: DOMRect, tolerance: number) =>
      a.left < b.right - tolerance &&
      b.left < a.right - tolerance &&
      a.top < b.bottom - tolerance &&
      b.top < a.bottom - tolerance;
    const hidden = (e: Element) => e.closest("details:not([open])") !== null;

    if (document.documentElement.scrollWidth > vw + 1) {
      problems.push(`page is ${document.documentElement.scrollWidth} px wide on a ${vw} px screen`);
    }
    for (const svg of document.querySelectorAll("#observablehq-main svg")) {
      if (svg.parentElement?.closest("svg") || hidden(svg)) continue;
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => ({t, r: t.getBoundingClientRect()}))
        .filter(({r}) => visible(r));
      for (const {t, r} of texts) {
        if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`${name(t)} leaves the screen (${r.left}–${r.right})`);
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          problems.push(`${name(t)} is cut by its chart`);
      }
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++)
          if (overlap(texts[i].r, texts[j].r, 1)) problems.push(`${name(texts[i].t)} overlaps ${name(texts[j].t)}`);
    }
    const blocks = [
      ...document.querySelectorAll(
        "#observablehq-main :is(h1, h2, h3, h4, p, table, figure, ul, ol, dl, details, .card, .bizenv-controls)"
      )
    ].filter((e) => !hidden(e) && visible(e.getBoundingClientRect()));
    for (const h of blocks.filter((e) => /^H[1-4]$/.test(e.tagName))) {
      const r = h.getBoundingClientRect();
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`${name(h)} leaves the screen`);
      for (const other of blocks) {
        if (other === h || other.contains(h) || h.contains(other)) continue;
        if (overlap(r, other.getBoundingClientRect(), 2)) problems.push(`${name(h)} overlaps ${name(other)}`);
      }
    }
    return problems;
  });
}

/** The main content's text as a reader sees it (closed `<details>` and hidden elements left out). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Commands and paths the reader types (<code>) are not words of the page.
    const main = document.querySelector("#observablehq-main")!.cloneNode(true) as HTMLElement;
    main.querySelectorAll("code").forEach((c) => c.remove());
    document.body.append(main);
    const text = main.innerText;
    main.remove();
    return text;
  });
}

/** Text of the headings, table headers, legends and chart labels of the main content. */
export async function headingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        "#observablehq-main :is(h1, h2, h3, h4, th, .bizenv-legend-item, .note, figure svg text, label > span)"
      )
    ]
      .filter((e) => e.closest("details:not([open])") === null)
      .map((e) => (e.classList.contains("note") ? getComputedStyle(e, "::before").content : (e.textContent ?? "")))
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** Code on a page: snake_case ids (startup_days) and unit ids. */
export const CODE = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b(?:working_day|yes_no)\b/;

/** English words on a Chinese page (lower-case words of 3+ letters; proper names like DuckDB or APP pass). */
export const ENGLISH_WORD = /(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])/;
