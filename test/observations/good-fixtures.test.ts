import {describe, expect, it} from "vitest";
import {checkObservations} from "../../src/engine/observations/check.js";
import {fixtureBytes, fixtureContext} from "./fixture-context.js";

const check = (file: string) => checkObservations(fixtureBytes(`good/${file}`), file, fixtureContext());

describe("good fixtures", () => {
  it("loads a GB18030 export from WPS/Excel exactly like its UTF-8 twin", () => {
    const gb = check("wps-export.gb18030.csv");
    const utf8 = check("wps-export.utf8.csv");
    expect(gb.encoding).toBe("gb18030");
    expect(utf8.encoding).toBe("utf-8");
    expect(gb.rejected).toEqual([]);
    expect(gb.accepted).toEqual(utf8.accepted);
    expect({read: gb.read, acceptedRows: gb.acceptedRows, blankLines: gb.blankLines}).toEqual({
      read: utf8.read,
      acceptedRows: utf8.acceptedRows,
      blankLines: utf8.blankLines
    });
    // The two files really differ in bytes: the twin is not UTF-8.
    expect(() => new TextDecoder("utf-8", {fatal: true}).decode(fixtureBytes("good/wps-export.gb18030.csv"))).toThrow();
  });

  it("normalises what Excel/WPS users type: spaces, thousands separators, full-width digits, %, 2023年", () => {
    const {accepted, read, acceptedRows, blankLines} = check("wps-export.gb18030.csv");
    expect({read, acceptedRows, blankLines}).toEqual({read: 6, acceptedRows: 6, blankLines: 1});
    expect(accepted.map((o) => [o.region, o.period, o.measure, o.value])).toEqual([
      ["620825", "2022", "start_days", 5],
      ["620825", "2023H1", "online_rate", 85],
      ["620825", "2023", "start_cost", 1200.5],
      ["620802", "2023", "service_items", 1432],
      ["620826", "2023", "online_rate", 91.5],
      ["620881", "2023", "start_days", 3]
    ]);
    expect(accepted[5].note).toBe("说明：含\n两个环节");
    expect(accepted[0].source).toBe("县营商办");
  });

  it("detects a UTF-8 BOM and reads a Chinese header", () => {
    const result = check("long-utf8-bom.csv");
    expect(result.encoding).toBe("utf-8-bom");
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((o) => [o.region, o.period, o.measure, o.value, o.source])).toEqual([
      ["620825", "2022", "start_days", 5, "县政务服务中心"],
      ["620826", "2023H1", "online_rate", 92, "市考评"],
      ["620881", "2023", "service_items", 987, null]
    ]);
  });

  it("reads plain UTF-8 with English headers", () => {
    const result = check("long-utf8.csv");
    expect(result).toMatchObject({encoding: "utf-8", format: "long", read: 4, acceptedRows: 4, rejectedRows: 0});
    expect(result.accepted[1]).toEqual({
      region: "620825",
      period: "2022",
      measure: "online_rate",
      value: 85.5,
      flag: null,
      source: "county report",
      note: null
    });
  });

  it("reads a wide file: one observation per filled measure cell, no_practice flags, blank cells counted", () => {
    const result = check("wide.csv");
    expect(result).toMatchObject({format: "wide", read: 3, acceptedRows: 3, rejectedRows: 0, missingCells: 2});
    const cells = result.accepted.map((o) => [o.region, o.measure, o.value, o.flag ?? null]);
    expect(cells).toEqual([
      ["620825", "start_days", 5, null],
      ["620825", "start_cost", 1200, null],
      ["620825", "online_rate", 85, null],
      ["620826", "start_days", null, "no_practice"],
      ["620826", "start_cost", null, "no_practice"],
      ["620826", "online_rate", 90, null],
      ["620802", "start_days", 4, null]
    ]);
    expect(result.ignoredColumns).toEqual([]);
  });
});
