/**
 * Issue 13: the fill-in form for next period's data. `bizenv template` writes one row per measure in the plan's
 * order with last period's values; the observation checks know its descriptive columns (never "ignored"); filled in,
 * it passes `validate` with no other edit; left partly blank, the blank rows are "not yet filled", counted, not
 * rejected (read = accepted + rejected + not yet filled).
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import Papa from "papaparse";
import {beforeAll, describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {readMethodology} from "../../loaders/methodology.js";
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import type {Catalogue} from "../../src/engine/catalogue/catalogue.js";
import type {Methodology} from "../../src/engine/methodology/methodology.js";
import {checkContext, checkObservations, type CheckContext} from "../../src/engine/observations/check.js";
import {readHeader} from "../../src/engine/observations/header.js";
import type {Observation} from "../../src/engine/observations/observation.js";
import {formCsv, formHeader, formRows} from "../../src/engine/observations/template.js";

let methodology: Methodology;
let catalogue: Catalogue;
let observations: Observation[];
let ctx: CheckContext;
const region = {code: "620825", name: "庄浪县"};

beforeAll(async () => {
  methodology = await readMethodology();
  catalogue = await readCatalogue();
  observations = (await loadObservations({methodology, log: () => undefined})).observations;
  ctx = checkContext(methodology, (await readRegions()).regions, null);
});

const form = () => formCsv({methodology, catalogue, region, period: "2024", previous: {period: "2023", observations}});

/** The form's rows as records, with `fill(row)` written into 数值 (undefined: leave blank). */
function filled(text: string, fill: (row: Record<string, string>, i: number) => string | undefined): string {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {header: true, skipEmptyLines: true});
  const rows = parsed.data.map((row, i) => ({...row, 数值: fill(row, i) ?? ""}));
  return `\uFEFF${Papa.unparse({fields: parsed.meta.fields!, data: rows}, {newline: "\r\n"})}\r\n`;
}

const previousColumn = (row: Record<string, string>) => row[Object.keys(row).find((k) => k.startsWith("上期数值"))!];

describe("the fill-in form", () => {
  it("has Chinese headers the checker reads, with the descriptive columns known, not ignored", () => {
    const header = formHeader("2023");
    expect(header).toContain("上期数值（2023年）");
    const parsed = readHeader(header, ctx.measures, false);
    expect("layout" in parsed && parsed.layout).toMatchObject({format: "long", form: true, ignored: []});
    if ("layout" in parsed) expect(parsed.layout.descriptive.map((i) => header[i])).toContain("方案目标");
  });

  it("lists every observed measure once, in the plan's order, with its indicator, unit, target and last value", () => {
    const rows = formRows({methodology, catalogue, region, period: "2024", previous: {period: "2023", observations}});
    const observed = methodology.measures.filter((m) => !m.derive).map((m) => m.id);
    expect(rows.map((r) => r[6])).toEqual(observed);
    const startup = rows.find((r) => r[6] === "startup_days")!;
    const last = observations.find((o) => o.region === "620825" && o.period === "2023" && o.measure === "startup_days");
    expect(startup.slice(0, 10)).toEqual([
      "620825",
      "庄浪县",
      "2024",
      "79",
      "开办企业时限",
      "市场监管局",
      "startup_days",
      "企业开办时间",
      "工作日",
      "≤ 0.5 工作日"
    ]);
    expect(startup[10]).toBe(last ? String(last.value) : "");
    expect(startup[11]).toBe("");
    expect(rows.find((r) => r[6] === "guide_forms_accurate")?.[8]).toBe("是/否");
  });

  it("opens in Excel and WPS: UTF-8 with a byte-order mark, CRLF, no cell that would run as a formula", () => {
    const text = form();
    expect(text.startsWith("\uFEFF地区代码,地区名称,期间,指标编号")).toBe(true);
    expect(text.split("\r\n").length).toBe(methodology.measures.length + 2);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("passes the checks with no other edit once filled in, last period's values and 不适用 included", () => {
    const text = filled(form(), (row) => previousColumn(row) || (row["单位"] === "是/否" ? "不适用" : "1"));
    const result = checkObservations(text, "2024.csv", ctx);
    expect(result.rejected).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result).toMatchObject({read: methodology.measures.length, unfilledRows: 0});
    expect(result.acceptedRows).toBe(methodology.measures.length);
    expect(new Set(result.accepted.map((o) => o.period))).toEqual(new Set(["2024"]));
  });

  it("counts blank rows as not yet filled, neither accepted nor rejected", () => {
    const text = filled(form(), (row, i) => (i % 4 === 0 ? previousColumn(row) || "1" : undefined));
    const result = checkObservations(text, "2024.csv", ctx);
    expect(result.rejected).toEqual([]);
    expect(result.unfilledRows).toBeGreaterThan(150);
    expect(result.read).toBe(result.acceptedRows + result.rejectedRows + result.unfilledRows);
  });
});

describe("npx bizenv template", () => {
  const bizenv = (...args: string[]) => {
    const r = spawnSync("node", ["bin/bizenv.js", ...args], {encoding: "utf8"});
    return {code: r.status, out: r.stdout, err: r.stderr};
  };

  it("prints its usage with --help and exits 0", () => {
    const r = bizenv("template", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("bizenv template [--region CODE] [--period P] [--from P]");
  });

  it("writes a form that validate reads as all not yet filled, then all accepted once filled", () => {
    const dir = mkdtempSync(join(tmpdir(), "bizenv-template-"));
    const file = join(dir, "620825-2024.csv");
    const r = bizenv("template", "--region", "620825", "--period", "2024", "--from", "2023", "--out", file);
    expect(r.code).toBe(0);
    expect(r.err).toContain("庄浪县 620825, 2024");
    const n = methodology.measures.length;
    const blank = bizenv("validate", file);
    expect(blank.code).toBe(0);
    expect(blank.out).toContain(`read ${n} = accepted 0 + rejected 0 + not yet filled ${n} / 读取 ${n} 行`);
    writeFileSync(
      file,
      filled(readFileSync(file, "utf8"), (row) => previousColumn(row) || (row["单位"] === "是/否" ? "否" : "0"))
    );
    const done = bizenv("validate", file);
    expect(done.code).toBe(0);
    expect(done.out).toContain(`read ${n} = accepted ${n} + rejected 0 + not yet filled 0`);
  });

  it("explains an unknown region or a malformed period and exits 2", () => {
    expect(bizenv("template", "--region", "620899").err).toContain("unknown region code «620899»");
    const bad = bizenv("template", "--period", "2024/12/31");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("malformed period «2024/12/31»");
  });
});
