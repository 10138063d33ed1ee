import {describe, expect, it} from "vitest";
import {smallestReformSet, sortGains, type MeasureGain} from "../../src/components/simulator/priority.js";

const gain = (measure: string, points: number): MeasureGain => ({measure, goal: 0, points});

describe("reform priority", () => {
  it("sorts by points, drops measures that add nothing, breaks ties by id", () => {
    const sorted = sortGains([gain("b", 1), gain("a", 1), gain("c", 3), gain("z", 0), gain("y", -1)]);
    expect(sorted.map((g) => g.measure)).toEqual(["c", "a", "b"]);
  });

  // A toy peer group: the focus starts at 50; others at 80, 70, 60, 55. Rank = 1 + number of peers ahead.
  const peers = [80, 70, 60, 55];
  const list = sortGains([gain("m1", 6), gain("m2", 4), gain("m3", 3), gain("m4", 2), gain("m5", 1)]);
  const rankAfter = (k: number) => {
    const total = 50 + list.slice(0, k).reduce((s, g) => s + g.points, 0);
    return 1 + peers.filter((p) => p > total).length;
  };

  it("finds the shortest prefix that reaches the rank, as a linear scan would", async () => {
    for (const target of [1, 2, 3, 4, 5]) {
      let linear = 0;
      while (linear < list.length && rankAfter(linear) > target) linear++;
      const set = await smallestReformSet(list, target, async (k) => rankAfter(k));
      if (rankAfter(list.length) > target) expect(set.reached).toBe(false);
      else {
        expect(set.chosen.length, `target ${target}`).toBe(linear);
        expect(set.rank).toBe(rankAfter(linear));
      }
    }
  });

  it("says when even every reform is not enough", async () => {
    const set = await smallestReformSet(list, 2, async (k) => rankAfter(k));
    expect(rankAfter(list.length)).toBe(3); // 50 + 16 = 66 stays behind 80 and 70
    expect(set).toMatchObject({reached: false, rank: 3});
    expect(set.chosen).toHaveLength(5);
  });

  it("needs no reform when the rank is already reached", async () => {
    const set = await smallestReformSet(list, 5, async (k) => rankAfter(k));
    expect(set).toMatchObject({chosen: [], reached: true, rank: 5, calls: 1});
  });
});
