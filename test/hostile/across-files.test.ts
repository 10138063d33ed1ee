// The same (region, period, measure) in two files (issue 15): each row is rejected in its own file naming the other
// file:line, the row accounting stays exact, and the build's gate treats it like any rejection (BIZENV_LENIENT).
// (`bizenv validate` checks each file on its own: files of different drafts may well overlap.)
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {loadObservations} from "../../loaders/observations.js";
import {readMethodology} from "../../loaders/methodology.js";

let dir: string;
let a: string;
let b: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bizenv-across-"));
  a = join(dir, "a.csv");
  b = join(dir, "b.csv");
  writeFileSync(a, "region,period,measure,value\n620825,2023,startup_days,2\n620826,2023,startup_days,3\n");
  writeFileSync(b, "region,period,measure,value\n620802,2023,startup_days,4\n620825,2023,startup_days,1.5\n");
});

describe("a value given in two files", () => {
  it("stops the build naming both file:line pairs", async () => {
    const error = await loadObservations({dir, lenient: false, log: () => {}}).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`${a}:2:1: [A] 重复：${b}:3`);
    expect(message).toContain(`${b}:3:1: [A] 重复：${a}:2`);
    expect(message).toContain(`duplicate: ${b}:3 has the same (region, period, measure); neither is used`);
  });

  it("with BIZENV_LENIENT publishes the other rows and accounts for both rejected ones", async () => {
    const methodology = await readMethodology();
    const lines: string[] = [];
    const loaded = await loadObservations({dir, methodology, lenient: true, log: (l) => lines.push(l)});
    expect(loaded.observations.map((o) => o.region).sort()).toEqual(["620802", "620826"]);
    expect(lines.join("\n")).toContain(`${a}: read 2 = accepted 1 + rejected 1`);
    expect(lines.join("\n")).toContain(`${b}: read 2 = accepted 1 + rejected 1`);
  });
});
