// Scale (issue 15): a file read in chunks goes through the same checker as a whole file. Every fixture (good, bad
// and hostile), cut into chunks of 1, 2, 7 and 4096 bytes, gives exactly the result of reading it whole: the same
// rows, rejections, lines, columns, encoding and row accounting.
import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {checkObservationChunks, checkObservations} from "../../src/engine/observations/check.js";
import {FIXTURES, fixtureBytes, fixtureContext} from "../observations/fixture-context.js";

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const fixtures = ["good", "bad", "hostile"].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, FIXTURES))
    .filter((name) => /\.(csv|txt)$/.test(name))
    .map((name) => `${folder}/${name}`)
);

describe("a file read in chunks", () => {
  it.each(fixtures)("%s gives the whole file's result", async (path) => {
    const ctx = fixtureContext({defaultPeriod: "2023"});
    const whole = checkObservations(fixtureBytes(path), path, ctx);
    for (const size of [1, 2, 7, 4096]) {
      const streamed = await checkObservationChunks(chunked(fixtureBytes(path), size), path, ctx);
      expect({size, ...streamed}).toEqual({size, ...whole});
    }
  });

  it("keeps row accounting exact and rejects repeated keys across chunks, with every line named", async () => {
    const rows = ["region,period,measure,value"];
    for (let i = 0; i < 3000; i++)
      rows.push(`620825,2023,start_days,${i % 50}`.replace("2023", i % 2 ? "2023" : "2022"));
    const bytes = new TextEncoder().encode(`${rows.join("\r\n")}\r\n`);
    const result = await checkObservationChunks(chunked(bytes, 1000), "many.csv", fixtureContext());
    expect(result.read).toBe(3000);
    expect(result.read).toBe(result.acceptedRows + result.rejectedRows);
    expect(result.rejectedRows).toBe(3000);
    expect(result.rejected[0]).toMatchObject({line: 2, column: 1, code: "duplicate"});
  });
});
