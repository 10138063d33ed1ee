/**
 * Checking an observation file read in chunks (a 300 MB file on the command line, an upload in a worker): bytes are
 * decoded a piece at a time by the rules of decode.ts, cut into records by `RecordSplitter`, and checked by the same
 * file checker as a whole file, so that only one piece and the accepted values (in the sink) are held at once.
 */
import {RecordSplitter, detectDelimiter} from "./csv-records.js";
import {decodeObservationFile, withBadBytes} from "./decode.js";
import type {Decoded, FileEncoding} from "./decode.js";
import {createFileChecker} from "./file-checker.js";
import type {ObservationSink} from "./file-checker.js";
import type {CheckContext, CheckResult} from "./types.js";

/**
 * Bytes are decoded in pieces that end at a line end (LF or CR), which no UTF-8 or GB18030 character contains; a CR
 * at the very end may be half a CRLF, so it waits for the next chunk.
 */
function lastLineEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--)
    if (bytes[i] === 10 || (bytes[i] === 13 && i < bytes.length - 1)) return i;
  return -1;
}

const joined = (a: Uint8Array, b: Uint8Array) => {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Checks one observation file given as chunks of bytes (any sizes), with the rules and the result of
 * `checkObservations`. Accepted observations go to `sink` (default: `result.accepted`). The encoding is decided on
 * the first piece: a BOM decides; without one, UTF-8, else GB18030 (a file that is plain ASCII until a GB18030 piece
 * switches then). Bytes neither reads reject the file at the first bad byte, as for a whole file.
 */
export async function checkObservationChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  ctx: CheckContext,
  sink?: ObservationSink
): Promise<CheckResult> {
  const checker = createFileChecker(file, ctx, sink);
  const splitter = new RecordSplitter((r) => checker.record(r));
  let encoding: FileEncoding | null = null;
  let utf16: TextDecoder | null = null;
  let carry: Uint8Array = new Uint8Array(0);
  let head: Uint8Array = new Uint8Array(0);
  let nonAscii = false;
  let bad = false;
  let lines = 0;
  let delimiter: "," | "\t" | null = null;
  let lastWasCr = false;

  /** Decodes one piece that ends at a line end (or the file's end) and hands its text on. */
  const piece = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    let decoded: Decoded;
    if (encoding === null) decoded = decodeObservationFile(bytes);
    else if (bad) decoded = {text: new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes), encoding};
    else decoded = decodeLater(bytes, encoding, nonAscii);
    encoding = decoded.encoding;
    const text = decoded.text;
    delimiter ??= detectDelimiter(text);
    if (decoded.undecodable && !bad) {
      bad = true;
      const at = decoded.undecodable;
      const column = at.lineText.slice(0, at.position - 1).split(delimiter).length;
      checker.undecodable({...at, line: at.line + lines}, column);
    }
    if (!nonAscii && /[^\u0000-\u007F]/.test(text)) nonAscii = true;
    lines += countLineEnds(text, lastWasCr);
    lastWasCr = text.endsWith("\r");
    splitter.push(text);
  };

  for await (const chunk of chunks) {
    if (encoding === null && utf16 === null && head.length + chunk.length < 4) {
      head = joined(head, chunk);
      continue;
    }
    let bytes = head.length > 0 ? joined(head, chunk) : chunk;
    head = new Uint8Array(0);
    if (encoding === null && utf16 === null) {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, utf16] = ["utf-16le", new TextDecoder("utf-16le")];
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, utf16] = ["utf-16be", new TextDecoder("utf-16be")];
      if (utf16) bytes = bytes.subarray(2);
    }
    if (utf16) {
      splitter.push(utf16.decode(bytes, {stream: true}));
      continue;
    }
    bytes = joined(carry, bytes);
    const end = lastLineEnd(bytes);
    piece(bytes.subarray(0, end + 1));
    carry = bytes.slice(end + 1);
  }
  if (utf16) splitter.push(utf16.decode());
  else piece(joined(head, carry));
  splitter.end();
  return checker.finish(encoding ?? "utf-8");
}

/**
 * A later piece in the file's encoding. A file that was plain ASCII so far and goes on in GB18030 is GB18030 (as the
 * whole-file rule would find); bytes the encoding does not read are located (line within the piece) in lossy UTF-8.
 */
function decodeLater(bytes: Uint8Array, encoding: FileEncoding, nonAscii: boolean): Decoded {
  const label = encoding === "gb18030" ? "gb18030" : "utf-8";
  try {
    return {text: new TextDecoder(label, {fatal: true, ignoreBOM: true}).decode(bytes), encoding};
  } catch {
    // Not in the file's encoding.
  }
  if (encoding === "utf-8" && !nonAscii) {
    const whole = decodeObservationFile(bytes);
    if (whole.encoding === "gb18030") return whole;
  }
  return withBadBytes(new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes), encoding, bytes);
}

/** Line ends in a piece of text (CRLF counts once, also when a piece ends between the CR and the LF). */
function countLineEnds(text: string, afterCr: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) n++;
    else if (c === 10 && !(i === 0 ? afterCr : text.charCodeAt(i - 1) === 13)) n++;
  }
  return n;
}
