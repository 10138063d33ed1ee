/** Cell-level text helpers for observation files: full-width folding, formula detection, column letters. */

/** Folds full-width ASCII (０-９ ． ， － ％ Ａ …), the ideographic space and U+2212 minus to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2212]/g, (c) => {
    if (c === "\u3000") return " ";
    if (c === "\u2212") return "-";
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** Trims ASCII, full-width (U+3000), non-breaking spaces and stray BOMs: `cleanCell(" 620825\u3000") === "620825"`. */
export function cleanCell(text: string): string {
  return text.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, "");
}

/**
 * True when a cell would run as a formula in Excel/WPS (CSV injection): it starts with `=` or `@`, or with `+`/`-`
 * and is not a plain number (Excel evaluates `-2+3+cmd|' /C calc'!A0` as a formula). `looksLikeFormula("-3") ===
 * false`, `looksLikeFormula("-1,234.5%") === false`, `looksLikeFormula("=SUM(A1)") === true`,
 * `looksLikeFormula("+cmd|") === true`, `looksLikeFormula("-2+3") === true`.
 */
export function looksLikeFormula(cell: string): boolean {
  const text = cleanCell(toHalfWidth(cell));
  if (text.startsWith("=") || text.startsWith("@")) return true;
  if (text.startsWith("+") || text.startsWith("-")) return text.length > 1 && !PLAIN_NUMBER.test(text);
  return false;
}

/** A signed number as a sheet shows one: digits with optional thousands commas, a decimal part, a percent sign. */
const PLAIN_NUMBER = /^[+-]\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*%?$/;

/** Spreadsheet column letter for a 1-based column number: 1 → "A", 4 → "D", 27 → "AA". */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
