/**
 * The World Bank preset's shipped data (data/observations-world, data/regions/world.json), read as the site reads them
 * (loaders/observations.ts: every row checked, rows read = accepted + rejected), scored by db2020-all.json, reproduce the
 * World Bank's official DB2020 ease of doing business and topic scores of all 191 economies within 0.001 and the rank of
 * the 190 ranked ones; and loaders/convert-db2020.ts regenerates exactly the committed files. Reads
 * ../shared/reference/db2020-all beside the repository; when it is absent the test is skipped, loudly.
 */
import {existsSync, readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import Papa from "papaparse";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {convertDb2020, WORLD_FILES} from "../../loaders/convert-db2020.js";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {loadObservations, type LoadedObservations} from "../../loaders/observations.js";
import {readRegionsJson} from "../../loaders/regions-file.js";
import {readSiteConfig, readSiteMethodology} from "../../loaders/site-config.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {rootNode} from "../../src/engine/methodology/methodology.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const folder = resolve(root, "../shared/reference/db2020-all");
const present = existsSync(resolve(folder, "db2020_all_economies.csv"));
if (!present) console.warn(`SKIPPED db2020 world data test: ${folder} not found / 未找到 DB2020 十专题参考数据，跳过`);

type CsvRow = Record<string, string>;

describe.skipIf(!present)("the World Bank preset's shipped DB2020 data against the official scores", () => {
  let db: SqlDatabase;
  let loaded: LoadedObservations;
  let official: CsvRow[];
  let scored: ScoreResult;
  let ranked: ScoreResult;
  let topics: string[];
  beforeAll(async () => {
    const config = await readSiteConfig("data/site-world.json", {});
    const methodology = await readSiteMethodology(config);
    const world = await readRegionsJson(config.regions);
    loaded = await loadObservations({methodology, dir: config.observations, regions: world.regions, log: () => {}});
    official = Papa.parse<CsvRow>(readFileSync(resolve(folder, "db2020_all_economies.csv"), "utf8"), {
      header: true,
      skipEmptyLines: true
    }).data;
    db = await openNodeDatabase();
    const engine = await createEngine(db, methodology);
    await engine.loadObservations(observationsIpc(loaded.observations));
    await engine.setRegions(world.subunits);
    const economies = world.regions.filter((r) => r.parent === null).map((r) => r.code);
    scored = await engine.score({peerGroup: economies, measures: false});
    ranked = await engine.score({peerGroup: world.peerGroups.find((g) => g.id === "ranked")!.members, measures: false});
    const top = rootNode(methodology);
    topics = [top, ...methodology.nodes.find((n) => n.id === top)!.children.map((e) => e.id)];
  });
  afterAll(async () => db?.close());

  it("regenerates the committed files from the reference", () => {
    const written = convertDb2020(folder);
    expect(written.observations).toBe(readFileSync(resolve(root, WORLD_FILES.observations), "utf8"));
    expect(written.units).toBe(readFileSync(resolve(root, WORLD_FILES.units), "utf8"));
  });

  it("reads every row: 202 read = 202 accepted + 0 rejected", () => {
    expect(loaded.results.map((r) => [r.read, r.acceptedRows, r.rejectedRows])).toEqual([[202, 202, 0]]);
  });

  it("gives every economy its official topic and overall scores, and the 190 ranked economies their rank", () => {
    const score = new Map(scored.nodes.map((n) => [`${n.region} ${n.node}`, n.score]));
    const rank = new Map(ranked.nodes.map((n) => [`${n.region} ${n.node}`, n.rank]));
    const misses: string[] = [];
    for (const row of official)
      for (const node of topics) {
        const ours = score.get(`${row.db_code} ${node}`);
        if (ours == null || Math.abs(ours - Number(row[`score_${node}`])) > 0.001)
          misses.push(`${row.db_code} ${node}: ${ours} vs ${row[`score_${node}`]}`);
      }
    for (const row of official.filter((r) => r.ranked === "1")) {
      const ours = rank.get(`${row.db_code} ${topics[0]}`);
      if (String(ours) !== row[`rank_${topics[0]}`])
        misses.push(`${row.db_code} rank ${ours} vs ${row[`rank_${topics[0]}`]}`);
    }
    expect(official).toHaveLength(191);
    expect(misses).toEqual([]);
  });
});
