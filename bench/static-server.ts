/**
 * A static server for a built site on 127.0.0.1 like a production one: Framework's content-hashed assets
 * (`/_file`, `/_import`, `/_node`, `/_npm`, `/_observablehq`) are cacheable for a year, pages must revalidate.
 * (test/support/dist-server.ts sends no cache headers, so a reload there never hits the HTTP cache.)
 */
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {readFile} from "node:fs/promises";
import {extname} from "node:path";
import {CONTENT_TYPES, resolveFile} from "../test/support/dist-server.js";

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
    const file = await resolveFile(root, path);
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end(`not found: ${path}`);
      return;
    }
    const hashed = /^\/_(file|import|node|npm|observablehq)\//.test(path);
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache"
    });
    const body = await readFile(file);
    response.end(body, () => served.push({path, bytes: body.length, start, end: performance.now()}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
