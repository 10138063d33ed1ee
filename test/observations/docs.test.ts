import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {REJECTION_CODES} from "../../src/engine/observations/check.js";
import {reasonFor} from "../../src/engine/observations/reasons.js";
import {HEADER_NAMES} from "../../src/engine/observations/header.js";

const doc = readFileSync(new URL("../../docs/data-format.md", import.meta.url), "utf8");

describe("docs/data-format.md", () => {
  it.each(REJECTION_CODES)("explains the rejection %s with its bilingual message", (code) => {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row, `a row for ${code} in the table of error messages`).toBeDefined();
    const {zh, en} = reasonFor(code, {
      unit: "working_day",
      lines: [2, 4],
      hint: "…",
      suggestion: {code: "620826", name: "静宁县"}
    });
    // The documented message starts like the real one (up to the first detail).
    expect(row).toContain(zh.slice(0, 4));
    expect(row).toContain(en.slice(0, 4));
  });

  it("lists every accepted header name", () => {
    for (const name of Object.values(HEADER_NAMES).flat()) expect(doc).toContain(`\`${name}\``);
  });
});
