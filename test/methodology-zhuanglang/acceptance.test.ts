// Acceptance (issue 5): every indicator 1..123 has a score for every Pingliang county in 2023, or an explicit
// missing marker (score null), when the committed illustrative data is scored with the default methodology.
import {readFile} from "node:fs/promises";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openNodeDatabase} from "../../loaders/duckdb.js";
import {indicatorNode, ZHUANGLANG_FILES} from "../../loaders/methodology-zhuanglang.js";
import {loadObservations} from "../../loaders/observations.js";
import {readRegions} from "../../loaders/regions.js";
import {observationsIpc} from "../../src/engine/observations/arrow.js";
import type {SqlDatabase} from "../../src/engine/db/database.js";
import {createEngine} from "../../src/engine/scoring/engine.js";
import {parseMethodology} from "../../src/engine/methodology/methodology.js";
import type {ScoreResult} from "../../src/engine/scoring/types.js";

let db: SqlDatabase;
let pingliang: string[];
let result: ScoreResult;

beforeAll(async () => {
  db = await openNodeDatabase();
  const methodology = parseMethodology(JSON.parse(await readFile(ZHUANGLANG_FILES.json, "utf8")));
  pingliang = (await readRegions()).peerGroups.find((g) => g.id === "pingliang")!.members;
  const engine = await createEngine(db, methodology);
  // The build's path: the committed file read and checked by the loader, then handed to DuckDB as Arrow.
  const loaded = await loadObservations({methodology, log: () => {}});
  await engine.loadObservations(observationsIpc(loaded.observations));
  result = await engine.score({peerGroup: pingliang, measures: false});
});
afterAll(async () => db?.close());

describe("zhuanglang-2023 × illustrative data, Pingliang peer group", () => {
  it("gives every indicator 1..123 a score or an explicit missing marker for each Pingliang county in 2023", () => {
    expect(pingliang).toHaveLength(7);
    const rows = result.nodes.filter((n) => n.period === "2023" && n.level === "indicator");
    let scored = 0;
    for (const region of pingliang) {
      for (let i = 1; i <= 123; i++) {
        const row = rows.find((n) => n.region === region && n.node === indicatorNode(i));
        expect(row, `${region} ${i}`).toBeDefined();
        if (row!.score === null) continue;
        expect(row!.score >= 0 && row!.score <= 100, `${region} ${i}: ${row!.score}`).toBe(true);
        scored++;
      }
    }
    // Only about 2 % of raw values are missing, so nearly every indicator is scored.
    expect(scored).toBeGreaterThan(0.95 * 7 * 123);
  });

  it("ranks 庄浪县 last of the seven in 2022 and higher by the end of 2023", () => {
    const total = (period: string) =>
      result.nodes.find((n) => n.region === "620825" && n.period === period && n.level === "total")!;
    expect(total("2022").rank).toBe(7);
    expect(total("2023").rank).toBeLessThan(7);
    expect(total("2023").score!).toBeGreaterThan(total("2022").score!);
  });
});
