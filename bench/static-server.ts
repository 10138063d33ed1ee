/**
 * A static server for a built site on 127.0.0.1 like a production one: Framework's content-hashed assets
 * (`/_file`, `/_import`, `/_node`, `/_npm`, `/_observablehq`) are cacheable for a year, pages must revalidate.
 * (test/support/dist-server.ts sends no cache headers, so a reload there never hits the HTTP cache.)
 */
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize, relative} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream"
};

/** One response the server sent: path, body bytes, when the request arrived and when the body was written (ms). */
export interface Served {
  path: string;
  bytes: number;
  start: number;
  end: number;
}

/** A running server; `served` lists every 200 response since it started (clear it to start counting afresh). */
export interface CachedServer {
  origin: string;
  served: Served[];
  close: () => Promise<void>;
}

/** Serves `root`; returns its origin, the log of served files and a closer. */
export async function serveCached(root: string): Promise<CachedServer> {
  const served: Served[] = [];
  const server = createServer(async (request, response) => {
    const start = performance.now();
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const target = normalize(join(root, path));
    const candidates = relative(root, target).startsWith("..") ? [] : path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`];
    for (const file of candidates) {
      if (!(await stat(file).catch(() => null))?.isFile()) continue;
      const hashed = /^\/_(file|import|node|npm|observablehq)\//.test(path);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache"
      });
      const body = await readFile(file);
      response.end(body, () => served.push({path, bytes: body.length, start, end: performance.now()}));
      return;
    }
    response.writeHead(404, {"content-type": "text/plain"}).end(`not found: ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {origin: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve()))};
}
