/**
 * Reading the files people hand to the build and the command line, with answers people can act on: a missing file, a
 * folder or a locked file is named in Chinese and English (never a bare ENOENT), a byte-order mark is accepted, and
 * JSON that does not parse is located at its line and column.
 */
import {open, readFile} from "node:fs/promises";

/** Node's file-system error codes, said for people. */
const FS_ERRORS: Record<string, [zh: string, en: string]> = {
  ENOENT: ["找不到文件或文件夹", "no such file or folder"],
  EISDIR: ["这是文件夹，不是文件", "this is a folder, not a file"],
  ENOTDIR: ["路径中有一段不是文件夹", "a part of the path is not a folder"],
  EACCES: ["没有读写权限", "permission denied"],
  EPERM: ["没有读写权限", "permission denied"],
  EMFILE: ["打开的文件过多", "too many open files"],
  ENOSPC: ["磁盘空间不足", "no space left on the disk"]
};

/** A file-system error as a bilingual message naming the path; other errors come back unchanged. */
export function describeFileError(error: unknown, path?: string): Error {
  const e = error as NodeJS.ErrnoException;
  const said = e?.code ? FS_ERRORS[e.code] : undefined;
  if (!said) return error instanceof Error ? error : new Error(String(error));
  return new Error(`${path ?? e.path ?? "?"}: ${said[0]} / ${said[1]}`);
}

/** Reads a text file as UTF-8 without its byte-order mark; file-system errors are described. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw describeFileError(error, path);
  }
}

/**
 * A file's bytes in chunks of 4 MB (never the whole file at once: observation files may be hundreds of MB);
 * file-system errors are described.
 */
export async function* fileChunks(path: string, size = 4 * 1024 * 1024): AsyncGenerator<Uint8Array> {
  const handle = await open(path).catch((error) => Promise.reject(describeFileError(error, path)));
  try {
    for (;;) {
      const buffer = new Uint8Array(size);
      const {bytesRead} = await handle
        .read(buffer, 0, size)
        .catch((error) => Promise.reject(describeFileError(error, path)));
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Parses JSON text; an error names `file:line:column` and what JSON.parse expected. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    const where = offset === null ? "" : `:${location(text, offset)}`;
    return fail(`${file}${where}: 不是有效的 JSON（可能不完整或有多余的逗号）/ not valid JSON: ${message}`);
  }
}

/** Reads and parses a JSON file (a byte-order mark is fine). */
export async function readJsonFile(path: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path), path);
}

function location(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function fail(message: string): never {
  throw new Error(message);
}
