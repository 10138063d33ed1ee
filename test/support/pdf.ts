/**
 * The text of a PDF, page by page, read with `pdftotext` from Debian's poppler-utils (`apt-get install -y
 * poppler-utils`; .ci/run installs it).
 */
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

/** Where pdftotext is, or throws with the install command. */
export function pdftotextPath(): string {
  const path = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
  if (!path) throw new Error("找不到 pdftotext / pdftotext not found: `sudo apt-get install -y poppler-utils`");
  return path;
}

/** The text of each page of the PDF file (pages split on form feeds). */
export function pdfPages(file: string): string[] {
  const text = execFileSync(pdftotextPath(), ["-layout", "-enc", "UTF-8", file, "-"], {encoding: "utf8"});
  return text.split("\f").slice(0, -1);
}
