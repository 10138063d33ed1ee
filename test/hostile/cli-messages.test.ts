// Messages of the command line for files that are not what they should be (issue 15): located, bilingual, no stack
// trace, no bare ENOENT; --help prints the usage and exits 0 for every command.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {beforeAll, describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bizenv = (...args: string[]) => {
  const r = spawnSync("node", ["bin/bizenv.js", ...args], {cwd: root, encoding: "utf8"});
  return {code: r.status, out: r.stdout, err: r.stderr};
};
const GOOD = "test/fixtures/good/long-utf8.csv";
const SMALL = "test/fixtures/methodology-small.json";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bizenv-cli-"));
});

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |node:internal|ENOENT|EISDIR/);

describe("methodology files", () => {
  it("accepts a methodology saved with a byte-order mark, as Windows editors do", () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${readFileSync(join(root, SMALL), "utf8")}`);
    expect(bizenv("validate", "--methodology", file, GOOD).code).toBe(0);
  });

  it("locates truncated JSON at its line and column", () => {
    const file = join(dir, "truncated.json");
    writeFileSync(file, '{\n  "id": "x",\n  "measures": [\n');
    const r = bizenv("validate", "--methodology", file, GOOD);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:4:1: 不是有效的 JSON`);
    expect(r.err).toContain("not valid JSON");
    noTrace(r.err);
  });

  it("says a folder is not a file, and that null is not a methodology", () => {
    const folder = bizenv("validate", "--methodology", dir, GOOD);
    expect(folder.code).toBe(1);
    expect(folder.err).toContain(`${dir}: 这是文件夹，不是文件 / this is a folder, not a file`);
    noTrace(folder.err);
    const file = join(dir, "null.json");
    writeFileSync(file, "null");
    const nul = bizenv("validate", "--methodology", file, GOOD);
    expect(nul.err).toContain(`${file}: 方法文件有 1 处错误`);
    expect(nul.err).toContain("$: 必须是对象 / must be an object");
  });
});

describe("output files", () => {
  it("names a missing output folder instead of printing ENOENT", () => {
    const out = join(dir, "no-such-folder", "scores.csv");
    const score = bizenv("score", "--methodology", SMALL, "--observations", GOOD, "--out", out);
    expect(score.code).toBe(1);
    expect(score.err).toContain(`${out}: 找不到文件或文件夹 / no such file or folder`);
    noTrace(score.err);
    const generate = bizenv("generate", "--scope", "pingliang", "--out", out);
    expect(generate.code).toBe(1);
    expect(generate.err).toContain(`${out}: 找不到文件或文件夹 / no such file or folder`);
    noTrace(generate.err);
  });
});

describe("--help", () => {
  it.each(["score", "validate", "generate"])("bizenv %s --help prints the usage and exits 0", (command) => {
    const r = bizenv(command, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`用法 Usage: bizenv ${command}`);
    expect(r.err).toBe("");
  });

  it("bizenv --help lists the commands and exits 0; an unknown command exits 2", () => {
    expect(bizenv("--help")).toMatchObject({code: 0});
    expect(bizenv("--help").out).toContain("bizenv validate");
    const unknown = bizenv("nope");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知命令 / unknown command nope");
  });
});
