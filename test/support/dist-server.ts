/** A static file server for dist/ on 127.0.0.1 that maps Framework's clean URLs (`/peers`) to `peers.html`. */
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {readFile, readdir, stat} from "node:fs/promises";
import {extname, join, normalize, relative, sep} from "node:path";

/** Content type by file extension (the browser needs application/wasm to stream-compile DuckDB). */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".txt": "text/plain; charset=utf-8"
};

export interface DistServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on a free port of 127.0.0.1. */
export async function serveDist(root = "dist"): Promise<DistServer> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = await resolveFile(root, path);
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end(`not found: ${path}`);
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {"content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream"}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}

/** The file a URL path stands for: itself, or `path.html` (clean URLs), or `path/index.html`; null when none. */
export async function resolveFile(root: string, path: string): Promise<string | null> {
  const target = normalize(join(root, path));
  if (relative(root, target).startsWith("..")) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

/** Every page of the built site as a clean URL path (`/`, `/peers`, `/units/…`), sorted. */
export async function listPages(root = "dist"): Promise<string[]> {
  const pages: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) await walk(full);
      else if (entry.isFile() && entry.name.endsWith(".html") && entry.name !== "404.html") {
        const path =
          "/" +
          relative(root, full)
            .split(sep)
            .join("/")
            .replace(/\.html$/, "");
        pages.push(path.replace(/(^|\/)index$/, "$1"));
      }
    }
  }
  await walk(root);
  return pages.sort();
}
