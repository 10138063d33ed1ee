// The one goal rule (src/engine/model/goal.ts), used by the report's points attainable and the simulator's
// "apply the plan's targets" and reform priority.
import {describe, expect, it} from "vitest";
import type {Comparator} from "../../src/engine/catalogue/catalogue.js";
import {goalComparator, goalValue, targetMet} from "../../src/engine/model/model.js";

const measure = (higher: boolean, comparator: Comparator | null, value = 10, best: number | null = 12) => ({
  higher,
  best,
  target: comparator === null ? null : {value, comparator, quoteZh: ""}
});

describe("goalComparator", () => {
  it("says how a target is met, reading = in the measure's direction", () => {
    expect(goalComparator(measure(false, "<=", 0.5))).toBe("<=");
    expect(goalComparator(measure(true, ">=", 90))).toBe(">=");
    expect(goalComparator(measure(true, "=", 10))).toBe(">=");
    expect(goalComparator(measure(false, "=", 0))).toBe("<=");
    expect(goalComparator(measure(true, null))).toBeNull();
  });
});

describe("targetMet", () => {
  it("reads <= and >= as stated", () => {
    expect(targetMet(measure(false, "<=", 0.5), 0.5)).toBe(true);
    expect(targetMet(measure(false, "<=", 0.5), 0.6)).toBe(false);
    expect(targetMet(measure(true, ">=", 90), 90)).toBe(true);
    expect(targetMet(measure(true, ">=", 90), 89.9)).toBe(false);
  });

  it("reads = in the measure's direction: beyond the target still meets it", () => {
    expect(targetMet(measure(true, "=", 10), 12)).toBe(true);
    expect(targetMet(measure(true, "=", 10), 9)).toBe(false);
    expect(targetMet(measure(false, "=", 0), 0)).toBe(true);
    expect(targetMet(measure(false, "=", 0), 5)).toBe(false);
  });

  it("forgives floating-point noise but nothing more", () => {
    expect(targetMet(measure(true, ">=", 0.3), 0.1 + 0.2 - 1e-12)).toBe(true);
    expect(targetMet(measure(true, ">=", 0.3), 0.2999)).toBe(false);
  });

  it("says nothing without a target or a value", () => {
    expect(targetMet(measure(true, null), 5)).toBeNull();
    expect(targetMet(measure(true, ">="), null)).toBeNull();
  });
});

describe("goalValue", () => {
  it("moves a value that misses the target to the target, and keeps one that meets it", () => {
    expect(goalValue(measure(false, "<=", 0.5), "target", 2.5)).toBe(0.5);
    expect(goalValue(measure(false, "<=", 0.5), "target", 0.3)).toBe(0.3);
    expect(goalValue(measure(true, "=", 10), "target", 12)).toBe(12);
    expect(goalValue(measure(true, "=", 10), "target", 8)).toBe(10);
    expect(goalValue(measure(true, ">=", 90), "target", null)).toBe(90);
  });

  it("moves to the frontier, keeping a value already past it", () => {
    expect(goalValue(measure(true, null, 0, 100), "frontier", 80)).toBe(100);
    expect(goalValue(measure(true, null, 0, 100), "frontier", 120)).toBe(120);
    expect(goalValue(measure(false, null, 0, 1), "frontier", 3)).toBe(1);
    expect(goalValue(measure(false, null, 0, 1), "frontier", null)).toBe(1);
  });

  it("has no goal where the measure has none", () => {
    expect(goalValue(measure(true, null), "target", 5)).toBeNull();
    expect(goalValue(measure(true, null, 0, null), "frontier", 5)).toBeNull();
  });
});
