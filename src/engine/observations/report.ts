/** Row accounting and the build's "no wrong numbers are published" gate over checked observation files. */
import type {CheckResult, Rejection} from "./types.js";
import {columnLetter} from "./text.js";

/** "file:line:col: [D value] 中文原因 / English reason (got «text»)". */
export function formatRejection(r: Rejection): string {
  const where = [columnLetter(r.column), r.columnName].filter(Boolean).join(" ");
  return `${r.file}:${r.line}:${r.column}: [${where}] ${r.reasonZh} / ${r.reasonEn} (got «${quote(r.text)}»)`;
}

/** The offending text on one line: newlines shown as ⏎, cut at 80 characters. */
function quote(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, "⏎");
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/**
 * One line per file: "file: read N = accepted A + rejected R / 读取 N 行 = 接受 A + 拒绝 R" plus skipped/ignored notes;
 * a fill-in form, whose blank rows are not yet filled, always adds "+ not yet filled U" ("+ 未填 U").
 */
export function summariseLoad(results: readonly CheckResult[]): string {
  return results
    .map((r) => {
      const notes: string[] = [];
      if (r.blankLines > 0) notes.push(`blank lines skipped / 跳过空行: ${r.blankLines}`);
      if (r.missingCells > 0) notes.push(`blank measure cells / 空的指标单元格: ${r.missingCells}`);
      if (r.ignoredColumns.length > 0) notes.push(`ignored columns / 未读取的列: ${r.ignoredColumns.join(", ")}`);
      const unfilled = r.form || r.unfilledRows > 0;
      const en =
        `read ${r.read} = accepted ${r.acceptedRows} + rejected ${r.rejectedRows}` +
        (unfilled ? ` + not yet filled ${r.unfilledRows}` : "");
      const zh =
        `读取 ${r.read} 行 = 接受 ${r.acceptedRows} + 拒绝 ${r.rejectedRows}` +
        (unfilled ? ` + 未填 ${r.unfilledRows}` : "");
      const line = `${r.file}: ${en} / ${zh}`;
      return notes.length > 0 ? `${line} (${notes.join("; ")})` : line;
    })
    .join("\n");
}

/**
 * Throws an Error listing every rejection (bilingual) and the row accounting unless `lenient`
 * (BIZENV_LENIENT=1), in which case the accepted rows may be published with a rejection report.
 * Always throws when a file's rows do not add up (read ≠ accepted + rejected + not yet filled), which would be a bug.
 * Rows not yet filled do not stop the build: their values are missing, which the methodology's coverage rules handle,
 * and every page's load table says how many there are.
 */
export function assertNoRejections(results: readonly CheckResult[], options: {lenient: boolean}): void {
  const broken = results.filter((r) => r.read !== r.acceptedRows + r.rejectedRows + r.unfilledRows);
  if (broken.length > 0) throw new Error(`行数不符 / row accounting broken:\n${summariseLoad(broken)}`);
  const rejections = results.flatMap((r) => r.rejected);
  if (rejections.length === 0 || options.lenient) return;
  throw new Error(
    [
      `观测数据有 ${rejections.length} 处被拒收，构建停止（设置 BIZENV_LENIENT=1 可只发布通过的行并生成拒收报告）`,
      `${rejections.length} observation cells rejected; the build stops ` +
        "(BIZENV_LENIENT=1 publishes the accepted rows and a rejection report)",
      ...rejections.map(formatRejection),
      summariseLoad(results)
    ].join("\n")
  );
}

/** Reads the BIZENV_LENIENT setting: "1" or "true" (any case) means publish accepted rows despite rejections. */
export function isLenient(setting: string | undefined): boolean {
  return setting !== undefined && ["1", "true"].includes(setting.trim().toLowerCase());
}
