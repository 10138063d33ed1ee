// Text decoding and cell classes of hostile observation files (issue 15): each fixture in test/fixtures/hostile/ holds
// one class; the user sees a located, bilingual answer and rows read = accepted + rejected.
import {describe, expect, it} from "vitest";
import {checkObservations} from "../../src/engine/observations/check.js";
import {fixtureBytes, fixtureContext} from "../observations/fixture-context.js";

const check = (name: string) => checkObservations(fixtureBytes(`hostile/${name}`), name, fixtureContext());

describe("hostile files", () => {
  it("reads CRLF, LF and lone CR line ends in one file as four rows, none merged", () => {
    const r = check("mixed-line-endings.csv");
    expect(r.read).toBe(4);
    expect(r.acceptedRows).toBe(4);
    expect(r.accepted.map((o) => o.region)).toEqual(["620825", "620826", "620802", "620821"]);
  });

  it("reads Excel's Unicode text (UTF-16 LE, tab-separated) and UTF-16 BE", () => {
    const le = check("excel-unicode-text.utf16le.txt");
    expect(le.encoding).toBe("utf-16le");
    expect(le.rejected).toEqual([]);
    expect(le.accepted.map((o) => [o.region, o.measure, o.value])).toEqual([
      ["620825", "start_days", 3],
      ["620826", "online_rate", 85]
    ]);
    const be = check("utf16be.csv");
    expect(be.encoding).toBe("utf-16be");
    expect(be.acceptedRows).toBe(1);
  });

  it("locates a stray Latin-1 byte in a UTF-8 file at its line and column, naming the encodings tried", () => {
    const r = check("utf8-stray-latin1-byte.csv");
    expect(r.read).toBe(3);
    expect(r.rejectedRows).toBe(3);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({line: 3, column: 5, code: "bad_encoding"});
    expect(r.rejected[0].reasonZh).toContain("0xE9");
    expect(r.rejected[0].reasonEn).toMatch(/byte 0xE9 cannot be read as UTF-8 or GB18030/);
  });

  it("rejects a NUL byte in a cell at its line and column and keeps the other rows", () => {
    const r = check("nul-in-region.csv");
    expect(r.read).toBe(2);
    expect(r.acceptedRows).toBe(1);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({line: 3, column: 1, code: "control_character"});
    expect(r.rejected[0].reasonEn).toContain("U+0000");
  });

  it("treats a cell that starts with a number and goes on as Excel would, a formula; a signed number is data", () => {
    const r = check("formula-after-minus.csv");
    expect(r.rejected.map((x) => [x.line, x.column, x.code])).toEqual([[2, 5, "formula"]]);
    expect(r.acceptedRows).toBe(1);
    expect(r.read).toBe(r.acceptedRows + r.rejectedRows);
  });
});
