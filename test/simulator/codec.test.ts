import {describe, expect, it} from "vitest";
import {
  decodeFragment,
  decodeJson,
  encodeFragment,
  fromBase64Url,
  scenarioFileText,
  toBase64Url,
  type ScenarioContext
} from "../../src/components/simulator/codec.js";
import type {SimState} from "../../src/components/simulator/state.js";
import {readMethodology} from "../../loaders/methodology.js";

const ctx: ScenarioContext = {
  regions: new Set(["620825", "620802"]),
  groups: new Set(["pingliang", "gansu"]),
  periods: new Set(["2022", "2023"]),
  measures: new Set(["startup_days", "startup_steps"]),
  targetable: new Set(["startup_days"]),
  weighted: new Set(["c10", "startup_days"])
};
const state: SimState = {
  focus: "620825",
  group: "pingliang",
  period: "2023",
  values: {startup_days: 0.5},
  weights: {c10: 2},
  targets: {startup_days: 1}
};
const message = (d: ReturnType<typeof decodeJson> | null) => (d && !d.ok ? d.message : "");

describe("scenario link and file codec", () => {
  it("round-trips a state through the URL fragment and through the JSON file", () => {
    const fragment = encodeFragment(state);
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(decodeFragment(`#${fragment}`, ctx)).toEqual({ok: true, state});
    expect(decodeJson(scenarioFileText(state), ctx)).toEqual({ok: true, state});
  });

  it("round-trips Chinese text through base64url", () => {
    expect(fromBase64Url(toBase64Url("庄浪县 0.5 个工作日"))).toBe("庄浪县 0.5 个工作日");
  });

  it("treats an empty fragment as no scenario", () => {
    expect(decodeFragment("", ctx)).toBeNull();
    expect(decodeFragment("#", ctx)).toBeNull();
  });

  it("explains garbage links instead of throwing", () => {
    expect(message(decodeFragment("#garbage", ctx))).toContain("s=");
    expect(message(decodeFragment("#s=%%%", ctx))).toContain("base64url");
    expect(message(decodeFragment(`#s=${toBase64Url("{not json")}`, ctx))).toContain("JSON");
    expect(message(decodeFragment(`#s=${"A".repeat(300_000)}`, ctx))).toContain("too long");
  });

  it("lists unknown measure ids", () => {
    const doc = {
      v: 1,
      focus: "620825",
      group: "pingliang",
      period: "2023",
      values: {startup_days: 1, no_such_measure: 2, other_bad: 3}
    };
    const text = message(decodeJson(JSON.stringify(doc), ctx));
    expect(text).toContain("no_such_measure");
    expect(text).toContain("other_bad");
    expect(text).not.toContain('"startup_days"');
  });

  it("rejects wrong versions, unknown regions, non-numbers, negative weights and prototype keys", () => {
    const base = {v: 1, focus: "620825", group: "pingliang", period: "2023"};
    expect(message(decodeJson(JSON.stringify({...base, v: 2}), ctx))).toContain("version");
    expect(message(decodeJson(JSON.stringify({...base, focus: "<img src=x>"}), ctx))).toContain("unknown focus");
    expect(message(decodeJson(JSON.stringify({...base, values: {startup_days: "1"}}), ctx))).toContain("finite number");
    expect(message(decodeJson(JSON.stringify({...base, weights: {c10: -1}}), ctx))).toContain("finite number");
    expect(message(decodeJson(JSON.stringify({...base, targets: {startup_steps: 1}}), ctx))).toContain("startup_steps");
    expect(
      message(decodeJson('{"v":1,"focus":"620825","group":"pingliang","period":"2023","values":{"__proto__":1}}', ctx))
    ).toContain("__proto__");
    expect(message(decodeJson(JSON.stringify([1, 2]), ctx))).toContain("object");
    expect(message(decodeJson(JSON.stringify({...base, extra: 1}), ctx))).toContain("extra");
  });

  it("accepts a missing value (null) but not a missing weight", () => {
    const base = {v: 1, focus: "620825", group: "pingliang", period: "2023"};
    const ok = decodeJson(JSON.stringify({...base, values: {startup_days: null}}), ctx);
    expect(ok.ok && ok.state.values).toEqual({startup_days: null});
    expect(decodeJson(JSON.stringify({...base, weights: {c10: null}}), ctx).ok).toBe(false);
  });

  it("checks link and file values with the methodology's units, as bizenv score does (issue 15)", async () => {
    const methodology = await readMethodology();
    const checked = {...ctx, methodology};
    const base = {v: 1, focus: "620825", group: "pingliang", period: "2023"};
    expect(decodeJson(scenarioFileText(state), checked)).toEqual({ok: true, state});
    const negative = message(decodeJson(JSON.stringify({...base, values: {startup_days: -3}}), checked));
    expect(negative).toContain("values.startup_days: startup_days = -3 超出单位「工作日」允许的范围");
    expect(negative).toContain("is out of range for working days");
    const ok = decodeJson(JSON.stringify({...base, values: {startup_days: null}}), checked);
    expect(ok.ok).toBe(true);
  });
});
