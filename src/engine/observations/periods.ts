/** Period cells as people type them ("2023年", "2023上半年") and their normal form ("2023", "2023H1"). */
import {cleanCell, toHalfWidth} from "./text.js";

const PERIOD_ALIASES: [RegExp, string][] = [
  [/^(\d{4})年?(上半年|h1)$/i, "$1H1"],
  [/^(\d{4})年?(下半年|h2)$/i, "$1H2"],
  [/^(\d{4})(年度?)?$/, "$1"]
];

/** Normalises a period cell: "2023年" → "2023", "2023上半年"/"2023h1" → "2023H1". */
export function normalisePeriod(cell: string): string {
  const text = cleanCell(toHalfWidth(cell));
  for (const [pattern, replacement] of PERIOD_ALIASES) {
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return text;
}
