/** Detects the text encoding of an observation file: UTF-8, UTF-8 with BOM, or GB18030 (Excel/WPS in China). */

/** The encodings an observation file may come in. */
export type FileEncoding = "utf-8" | "utf-8-bom" | "gb18030";

/**
 * Decodes bytes: a UTF-8 BOM means "utf-8-bom"; bytes that are valid UTF-8 are "utf-8"; anything else is read
 * as GB18030 (a superset of GBK and GB2312). A string input is taken as already decoded (a leading U+FEFF
 * still counts as a BOM). The returned text never starts with a BOM.
 */
export function decodeObservationFile(input: Uint8Array | string): {text: string; encoding: FileEncoding} {
  if (typeof input === "string") {
    const bom = input.startsWith("\uFEFF");
    return bom ? {text: input.slice(1), encoding: "utf-8-bom"} : {text: input, encoding: "utf-8"};
  }
  if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return {text: new TextDecoder("utf-8").decode(input.subarray(3)), encoding: "utf-8-bom"};
  }
  try {
    return {text: new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(input), encoding: "utf-8"};
  } catch {
    return {text: new TextDecoder("gb18030").decode(input), encoding: "gb18030"};
  }
}
