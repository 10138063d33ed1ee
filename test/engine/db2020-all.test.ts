/**
 * Issue 16 acceptance: data/methodologies/db2020-all.json scored by the engine reproduces the World Bank's official
 * Doing Business 2020 scores of all ten topics and the ease of doing business score for all 191 economies (within
 * 0.001; the 11 two-city economies rolled up from their cities through data/regions/db2020.csv), and the rank of the
 * 190 ranked economies exactly (peer group data/regions/db2020-ranked.csv: Liechtenstein is scored, not ranked).
 * The reference files are read as they are by the checker (wide format, their flag columns included). Reads
 * ../shared/reference/db2020-all beside the repository; when the folder is absent the test is skipped, loudly.
 */
import {existsSync, readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import Papa from "papaparse";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {parseRegions} from "../../loaders/regions.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {parseMethodology, type Methodology} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {checkContext, checkObservations} from "../../src/engine/observations/check.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const folder = resolve(root, "../shared/reference/db2020-all");
const present = existsSync(resolve(folder, "db2020_all_economies.csv"));
if (!present)
  console.warn(`SKIPPED db2020-all reference test: ${folder} not found / 未找到 DB2020 十专题参考数据，跳过`);

/** The official score column of each node (`score_<node>`), the topics and the total. */
const DB2020_NODES = [
  "starting_business",
  "construction_permits",
  "getting_electricity",
  "registering_property",
  "getting_credit",
  "protecting_minority_investors",
  "paying_taxes",
  "trading_across_borders",
  "enforcing_contracts",
  "resolving_insolvency",
  "ease_of_doing_business"
] as const;

type CsvRow = Record<string, string>;
const text = (file: string) => readFileSync(file, "utf8");
const readCsv = (file: string): CsvRow[] => Papa.parse<CsvRow>(text(file), {header: true, skipEmptyLines: true}).data;

/** Rows that differ from the official ones: scores beyond 0.001, and ranks (of the rows given ranks) not equal. */
function misses(result: ScoreResult, rows: CsvRow[], ranks: boolean): string[] {
  const ours = new Map(result.nodes.map((n) => [`${n.region} ${n.node}`, n]));
  const out: string[] = [];
  for (const row of rows) {
    for (const node of DB2020_NODES) {
      const official = row[`score_${node}`];
      if (official === undefined) continue;
      const n = ours.get(`${row.db_code} ${node}`);
      if (n?.score == null || Math.abs(n.score - Number(official)) > 0.001)
        out.push(`${row.db_code} ${node}: ours ${n?.score} official ${official}`);
      if (ranks && String(n?.rank) !== row[`rank_${node}`])
        out.push(`${row.db_code} ${node}: rank ${n?.rank} official ${row[`rank_${node}`]}`);
    }
  }
  return out;
}

describe.skipIf(!present)(
  "DB2020 reference: 191 economies × 10 topics, the ease of doing business score and rank",
  () => {
    let db: SqlDatabase;
    let methodology: Methodology;
    let economies: CsvRow[];
    let cities: CsvRow[];
    let ranked: string[];
    let scoredAll: ScoreResult;
    let rankedOnly: ScoreResult;
    let cityScores: ScoreResult;
    beforeAll(async () => {
      methodology = parseMethodology(JSON.parse(text(resolve(root, "data/methodologies/db2020-all.json"))));
      const regions = parseRegions(text(resolve(root, "data/regions/db2020.csv")), "db2020.csv");
      ranked = parseRegions(text(resolve(root, "data/regions/db2020-ranked.csv")), "db2020-ranked.csv").regions;
      const ctx = checkContext(
        methodology,
        regions.regions.map((code) => ({code})),
        null,
        "DB2020"
      );
      const files = ["db2020_all_economies.csv", "db2020_all_cities.csv"].map((f) =>
        checkObservations(text(resolve(folder, f)), f, ctx)
      );
      for (const f of files) expect(f.rejected, f.file).toEqual([]);
      economies = readCsv(resolve(folder, "db2020_all_economies.csv"));
      cities = readCsv(resolve(folder, "db2020_all_cities.csv"));
      db = await openNodeDatabase();
      const engine = await createEngine(db, methodology);
      await engine.loadObservations(observationsIpc(files.flatMap((f) => f.accepted)));
      await engine.setRegions(regions.subunits);
      const parents = new Set(regions.subunits.map((s) => s.region));
      const everyEconomy = regions.regions.filter((r) => !parents.has(r));
      scoredAll = await engine.score({peerGroup: everyEconomy, measures: false});
      rankedOnly = await engine.score({peerGroup: ranked, measures: false});
      cityScores = await engine.score({peerGroup: cities.map((c) => c.db_code), measures: false});
    });
    afterAll(async () => db?.close());

    it("reads the files as they are: 191 economies, 22 cities, the flag columns, 190 ranked", () => {
      expect(economies).toHaveLength(191);
      expect(cities).toHaveLength(22);
      expect(ranked).toEqual(economies.filter((e) => e.ranked === "1").map((e) => e.db_code));
      expect(ranked).not.toContain("LIE");
      const removing = methodology.flags.filter((f) => f.remove).map((f) => f.id);
      expect(removing.sort()).toEqual(["pt_no_cit", "pt_no_vat"]);
    });

    it("reproduces every official topic score and the ease of doing business score within 0.001", () => {
      expect(scoredAll.nodes.filter((n) => n.node === "ease_of_doing_business")).toHaveLength(191);
      expect(misses(scoredAll, economies, false)).toEqual([]);
    });

    it("reproduces every city's official topic scores (what the two-city economies are rolled up from)", () => {
      expect(misses(cityScores, cities, false)).toEqual([]);
    });

    it("ranks the 190 ranked economies exactly as the World Bank, overall and in every topic", () => {
      expect(rankedOnly.nodes.filter((n) => n.node === "ease_of_doing_business")).toHaveLength(190);
      expect(
        misses(
          rankedOnly,
          economies.filter((e) => e.ranked === "1"),
          true
        )
      ).toEqual([]);
      expect(rankedOnly.nodes.some((n) => n.region === "LIE")).toBe(false);
    });

    it("leaves out the components that do not exist instead of scoring them 0 (Bahrain: no VAT, no CIT)", () => {
      const bhr = (node: string) => scoredAll.nodes.find((n) => n.region === "BHR" && n.node === node)!;
      expect(bhr("pt_postfiling")).toMatchObject({score: null, coverage: 1});
      expect(bhr("paying_taxes").coverage).toBe(1);
      expect(bhr("paying_taxes").score).toBeCloseTo(100, 6);
    });
  }
);
