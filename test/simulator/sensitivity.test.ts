import {describe, expect, it} from "vitest";
import {
  drawWeights,
  quantile,
  runSensitivity,
  seededRandom,
  shareAt,
  summariseRanks
} from "../../src/components/simulator/sensitivity.js";

describe("sensitivity sampling", () => {
  it("repeats a run exactly from the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({length: 5}, () => a());
    expect(Array.from({length: 5}, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("keeps every drawn weight within base × [1−k, 1+k]", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const w = drawWeights({a: 1, b: 4, c: 0}, 0.3, random);
      expect(w.a).toBeGreaterThanOrEqual(0.7);
      expect(w.a).toBeLessThanOrEqual(1.3);
      expect(w.b).toBeGreaterThanOrEqual(2.8);
      expect(w.b).toBeLessThanOrEqual(5.2);
      expect(w.c).toBe(0);
    }
    expect(() => drawWeights({a: 1}, 1, random)).toThrow(RangeError);
  });

  it("computes quantiles between order statistics", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
  });

  it("summarises ranks per region, best median first", () => {
    const bands = summariseRanks(
      new Map([
        ["x", [2, 2, 3]],
        ["y", [1, 1, 1]]
      ])
    );
    expect(bands.map((b) => [b.region, b.median])).toEqual([
      ["y", 1],
      ["x", 2]
    ]);
    // The verdict's share: x holds rank 2 in two draws of three.
    expect(shareAt(bands[1], 2)).toBeCloseTo(2 / 3, 12);
    expect(shareAt(bands[0], 2)).toBe(0);
  });

  const ranksOf = (w: Record<string, number>) =>
    new Map([
      ["A", w.a > w.b ? 1 : 2],
      ["B", w.a > w.b ? 2 : 1]
    ]);

  it("reports progress, yields between draws and stops when cancelled", async () => {
    const progress: number[] = [];
    let pauses = 0;
    let stop = false;
    const run = await runSensitivity({
      draws: 10,
      k: 0.5,
      seed: 3,
      base: {a: 1, b: 1},
      rankWith: async (ws) => ws.map(ranksOf),
      onProgress: (done) => {
        progress.push(done);
        if (done === 4) stop = true;
      },
      cancelled: () => stop,
      pause: async () => {
        pauses++;
      }
    });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(pauses).toBe(4);
    expect(run).toMatchObject({done: 4, cancelled: true});
    expect(run.bands.map((b) => b.draws)).toEqual([4, 4]);
  });

  it("gives the same draws and bands whatever the chunk, with progress per chunk", async () => {
    const runWith = async (chunk: number) => {
      const progress: number[] = [];
      const calls: number[] = [];
      const seen: Record<string, number>[] = [];
      const run = await runSensitivity({
        draws: 10,
        k: 0.5,
        seed: 7,
        base: {a: 1, b: 1},
        chunk,
        rankWith: async (ws) => {
          calls.push(ws.length);
          seen.push(...ws);
          return ws.map(ranksOf);
        },
        onProgress: (done) => progress.push(done),
        pause: async () => undefined
      });
      return {run, progress, calls, seen};
    };
    const one = await runWith(1);
    const four = await runWith(4);
    expect(four.calls).toEqual([4, 4, 2]);
    expect(four.progress).toEqual([4, 8, 10]);
    expect(four.seen).toEqual(one.seen);
    expect(four.run.bands).toEqual(one.run.bands);
    expect(one.run.bands.map((b) => b.draws)).toEqual([10, 10]);
  });
});
