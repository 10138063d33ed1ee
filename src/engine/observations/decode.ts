/**
 * Detects the text encoding of an observation file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode
 * text" export), or GB18030 (Excel/WPS in China). Bytes that none of them reads are located, never guessed.
 */

/** The encodings an observation file may come in. */
export type FileEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** Where a file stops being readable: the first byte no encoding accepts. */
export interface UndecodableBytes {
  /** 1-based line and character position in the line (as read in UTF-8) of the first bad byte. */
  line: number;
  /** 1-based character position of the bad byte within its line. */
  position: number;
  /** The text of that line as far as it could be read, with U+FFFD for the bad bytes. */
  lineText: string;
  /** The bad byte, e.g. "0xE9". */
  byte: string;
}

/** A decoded file, or the located reason it cannot be decoded. */
export type Decoded =
  | {text: string; encoding: FileEncoding; undecodable?: undefined}
  | {text: string; encoding: FileEncoding; undecodable: UndecodableBytes};

/**
 * Decodes bytes. A BOM decides (UTF-8, UTF-16 LE or BE). Without one: valid UTF-8 is "utf-8"; otherwise GB18030 if the
 * bytes are valid GB18030 and do not look like UTF-8 with a few bad bytes (a file whose Chinese text is valid UTF-8
 * and carries one stray Latin-1 byte is UTF-8 with an error, not GB18030). Anything else comes back `undecodable`
 * with the place of the first bad byte (and lossy UTF-8 text, so rows can still be counted). A string input is taken
 * as already decoded (a leading U+FEFF still counts as a BOM). The returned text never starts with a BOM.
 */
export function decodeObservationFile(input: Uint8Array | string): Decoded {
  if (typeof input === "string") {
    const bom = input.startsWith("\uFEFF");
    return bom ? {text: input.slice(1), encoding: "utf-8-bom"} : {text: input, encoding: "utf-8"};
  }
  if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    const text = new TextDecoder("utf-8").decode(input.subarray(3));
    return withBadBytes(text, "utf-8-bom", input.subarray(3));
  }
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) {
    return {text: new TextDecoder("utf-16le").decode(input.subarray(2)), encoding: "utf-16le"};
  }
  if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) {
    return {text: new TextDecoder("utf-16be").decode(input.subarray(2)), encoding: "utf-16be"};
  }
  try {
    return {text: new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(input), encoding: "utf-8"};
  } catch {
    // Not UTF-8: GB18030 unless the bytes are mostly good UTF-8.
  }
  const lossy = new TextDecoder("utf-8", {ignoreBOM: true}).decode(input);
  const bad = (lossy.match(/\uFFFD/g) ?? []).length;
  const multiByte = (lossy.match(/[^\u0000-\u007F\uFFFD]/g) ?? []).length;
  if (multiByte === 0 || bad * 4 > multiByte) {
    try {
      return {text: new TextDecoder("gb18030", {fatal: true}).decode(input), encoding: "gb18030"};
    } catch {
      // Neither UTF-8 nor GB18030.
    }
  }
  return withBadBytes(lossy, "utf-8", input);
}

/** Locates the first replacement character of lossy UTF-8 text, if any, and the byte behind it. */
export function withBadBytes(text: string, encoding: FileEncoding, bytes: Uint8Array): Decoded {
  const at = text.indexOf("\uFFFD");
  if (at < 0) return {text, encoding};
  const before = text.slice(0, at);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
  const lineEnd = text.slice(at).search(/[\r\n]/);
  const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : at + lineEnd);
  const offset = new TextEncoder().encode(before).length;
  const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
  return {text, encoding, undecodable: {line, position: at - lineStart + 1, lineText, byte}};
}
