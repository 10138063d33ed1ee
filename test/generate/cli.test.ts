import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {run} from "../../loaders/cli/generate.js";

describe("bizenv generate", () => {
  it("writes the Pingliang rows of the committed Gansu file for --scope pingliang", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bizenv-generate-"));
    try {
      const out = path.join(dir, "pl.csv");
      expect(await run(["--scope", "pingliang", "--out", out])).toBe(0);
      const [header, ...lines] = (await readFile(out, "utf8")).trimEnd().split("\n");
      const gansu = (await readFile("data/observations/illustrative-gansu.csv", "utf8")).trimEnd().split("\n");
      expect(header).toBe(gansu[0]);
      expect(lines).toEqual(gansu.slice(1).filter((l) => l.startsWith("6208")));
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("refuses an unknown scope or a bad missing rate with exit code 2", async () => {
    expect(await run(["--scope", "mars"])).toBe(2);
    expect(await run(["--missing-rate", "1.5"])).toBe(2);
    expect(await run(["--seed"])).toBe(2);
  });
});
