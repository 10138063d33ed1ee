// The house rules of the code (issue 11): the engine in folders by concept, each with a front door that says what it
// owns; no file in src/ over 300 lines; no import cycle; imports run downward (loaders/ and bench/ use src/engine/,
// never src/components/; the engine never imports components).
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CODE = /\.(ts|mts)$/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".") || name === "vendor") return [];
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : CODE.test(name) ? [path] : [];
  });
}

/** Relative imports of a file (static, dynamic and `export … from`), resolved to project paths. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    out.push(relative(ROOT, resolve(ROOT, dirname(file), m[1])).replace(/\.js$/, ".ts"));
  }
  return out;
}

const source = [...files("src"), ...files("loaders"), ...files("bench")];
const known = new Set(source);

describe("the house", () => {
  it("keeps every file in src/ under 300 lines", () => {
    const long = files("src")
      .map((f) => ({f, lines: readFileSync(join(ROOT, f), "utf8").split("\n").length}))
      .filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });

  it("has no import cycle", () => {
    const graph = new Map(source.map((f) => [f, imports(f).filter((g) => known.has(g))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === "open") cycles.push([...stack.slice(stack.indexOf(g)), g].join(" → "));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of source) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("lets loaders/ and bench/ import src/engine/ but never src/components/, and the engine never components", () => {
    const upward = source.flatMap((f) =>
      (f.startsWith("loaders/") || f.startsWith("bench/") || f.startsWith("src/engine/") ? imports(f) : [])
        .filter((g) => g.startsWith("src/components/"))
        .map((g) => `${f} → ${g}`)
    );
    expect(upward).toEqual([]);
  });

  it("opens each engine folder with a front door saying what the folder owns", () => {
    const folders = readdirSync(join(ROOT, "src/engine")).filter((n) =>
      statSync(join(ROOT, "src/engine", n)).isDirectory()
    );
    const silent = folders.filter((folder) => {
      const doors = files(`src/engine/${folder}`).filter((f) => dirname(f) === `src/engine/${folder}`);
      return !doors.some((f) =>
        new RegExp(`^/\\*\\*\\s*\\n?\\s*\\*?\\s*The ${folder} folder owns`).test(readFileSync(join(ROOT, f), "utf8"))
      );
    });
    expect(folders.length).toBeGreaterThanOrEqual(7);
    expect(silent).toEqual([]);
  });
});
