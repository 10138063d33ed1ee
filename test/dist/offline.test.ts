/**
 * The built site must work with no network: nothing in dist/ that a page loads may point at a CDN or a web-font
 * host, and nothing may have been fetched from npm's CDN into dist/_npm/. (The browser test then proves it at run
 * time by failing on any off-host or failed request.)
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";

const DIST = "dist";
const FORBIDDEN = /cdn\.jsdelivr|fonts\.googleapis|fonts\.gstatic|\/_npm\//g;

/**
 * Library code that mentions a forbidden host without ever loading it, by file and what it mentions:
 * duckdb-wasm's getJsDelivrBundles() (we pass our own bundle URLs), and Framework's runtime lazy loaders for the
 * implicit `Plot`, `d3`, … names (never reached: pages import from node_modules explicitly).
 */
const DEAD_LIBRARY_REFERENCES: {file: RegExp; text: string}[] = [
  {file: /^_node\/@duckdb\/duckdb-wasm@[^/]+\/index\.[0-9a-f]+\.js$/, text: "cdn.jsdelivr"},
  {file: /^_observablehq\/(client|stdlib)\.[0-9a-f]+\.js$/, text: "/_npm/"},
  {file: /^_observablehq\/stdlib\/[a-z-]+\.[0-9a-f]+\.js$/, text: "cdn.jsdelivr"},
  {file: /^_observablehq\/stdlib\/[a-z-]+\.[0-9a-f]+\.js$/, text: "/_npm/"}
];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(html|js|css|json|svg)$/.test(entry.name)) yield full;
  }
}

describe("dist/ is offline-safe", () => {
  it("has been built", () => {
    expect(existsSync(join(DIST, "index.html")), "run `npm run build` first").toBe(true);
  });

  it("has no dist/_npm (nothing was downloaded through an npm: import)", () => {
    expect(existsSync(join(DIST, "_npm"))).toBe(false);
  });

  it("references no CDN, web-font host or /_npm/ path", () => {
    const offending: string[] = [];
    for (const file of files(DIST)) {
      const path = relative(DIST, file);
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(FORBIDDEN)) {
        if (DEAD_LIBRARY_REFERENCES.some((dead) => dead.file.test(path) && dead.text === match[0])) continue;
        const at = match.index ?? 0;
        offending.push(`${path}: …${text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ")}…`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("every page declares no stylesheet or script from another host", () => {
    const external: string[] = [];
    for (const file of files(DIST)) {
      if (!file.endsWith(".html")) continue;
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:href|src)="(https?:)?\/\/[^"]+"/g)) external.push(`${file}: ${match[0]}`);
    }
    expect(external).toEqual([]);
  });
});
