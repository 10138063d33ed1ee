/** "How many points to the next rank": the region just above the focus, and the gap in points of the total. */
import {describe, expect, it} from "vitest";
import {nextRank, type RankingRow} from "../../src/components/simulator/results.js";

const row = (region: string, after: number | null, rankAfter: number | null): RankingRow => ({
  region,
  before: after,
  after,
  rankBefore: rankAfter,
  rankAfter,
  moved: 0
});

describe("next rank", () => {
  it("names the region just above and the points between them", () => {
    const ranking = [row("a", 90, 1), row("b", 85.5, 2), row("c", 85.5, 2), row("me", 80.25, 4), row("z", 70, 5)];
    expect(nextRank({ranking}, "me")).toEqual({region: "b", rank: 2, points: 5.25});
  });

  it("has nothing to say at first place or without a total", () => {
    expect(nextRank({ranking: [row("me", 90, 1), row("b", 80, 2)]}, "me")).toBeNull();
    expect(nextRank({ranking: [row("a", 90, 1), row("me", null, null)]}, "me")).toBeNull();
  });
});
