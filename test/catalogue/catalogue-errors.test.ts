import {describe, expect, it} from "vitest";
import {readCatalogue} from "../../loaders/catalogue.js";
import {CatalogueError, parseCatalogue, type CatalogueFiles} from "../../src/engine/catalogue/catalogue.js";

const BAD = "test/fixtures/catalogue-bad";

/** Each bad catalogue folder and the exact message its one defect must produce (file:line: 中文 / English). */
const cases: [string, string][] = [
  [
    "duplicate-indicator-id",
    "indicators.csv:5: 重复的指标编号 2（第 4 行已有） / duplicate indicator id 2 (first on line 4)"
  ],
  ["unknown-lead-unit", "indicators.csv:5: 未知的责任单位 tax_bureau / unknown lead unit tax_bureau"],
  ["unknown-target-unit", "targets.csv:2: 未知的计量单位 fortnight / unknown unit fortnight"],
  ["unknown-category", "indicators.csv:4: 未知的类别编号 7 / unknown category id 7"],
  ["unknown-indicator-in-target", "targets.csv:2: 未知的指标编号 40 / unknown indicator id 40"],
  [
    "duplicate-unit-id",
    "units.csv:3: 重复的单位编号 big_data_center（第 2 行已有） / duplicate unit id big_data_center"
  ],
  ["empty-name", "indicators.csv:6: name_zh 为空 / name_zh is empty"],
  ["categories-not-tiling", "categories.csv:3: 类别 2 的指标范围 4-4 应从 3 开始且不倒序"],
  ["missing-indicator", "indicators.csv: 缺少指标 4 / missing indicator 4"],
  ["value-not-in-quote", "targets.csv:2: 引文中没有 0.25工作日"]
];

describe("a bad catalogue is rejected with the file and the line", () => {
  for (const [folder, message] of cases) {
    it(folder, async () => {
      const error = await readCatalogue(`${BAD}/${folder}`).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(CatalogueError);
      expect((error as Error).message).toContain(`${BAD}/${folder}/${message}`);
    });
  }

  it("names a file that cannot be read", async () => {
    const message = `${BAD}/no-such-folder/categories.csv: 无法读取文件 / cannot read the file: 找不到文件或文件夹 / no such file or folder`;
    await expect(readCatalogue(`${BAD}/no-such-folder`)).rejects.toThrow(message);
    await expect(readCatalogue(`${BAD}/no-such-folder`)).rejects.not.toThrow(/ENOENT/);
  });
});

/**
 * A small valid catalogue as text, so single defects can be made inline. indicators.csv: header on line 1, the
 * first record on lines 2–5 (one CRLF and two LF inside quotes), the second record on line 6.
 */
function files(edit: Partial<Record<keyof CatalogueFiles, string>> = {}): CatalogueFiles {
  const text = {
    categories: "id,name_zh,name_en,indicator_from,indicator_to\n1,基础保障度,Basic safeguards,1,2\n",
    units: "id,name_zh,name_en,kind\nbig_data_center,大数据中心,County Big Data Center,center\n",
    indicators:
      "id,category_id,name_zh,name_en,group,assessment_zh,measures_zh,lead_units,provenance\n" +
      '1,1,搜索功能,Search,,"评估\r\n搜索","措施一\n\n措施二",big_data_center,stated\n' +
      "2,1,统一互动,Interaction,,,,big_data_center,stated; lead: previous (line after 1)\n",
    targets:
      "id,indicator_id,measure,comparator,value,unit,quote_zh,note\n1,2,reply_days,<=,2,工作日,力争咨询类事项2个工作日办结答复,\n",
    ...edit
  };
  const named = Object.entries(text).map(([key, t]) => [key, {name: `${key}.csv`, text: t}]);
  return Object.fromEntries(named) as unknown as CatalogueFiles;
}

describe("parseCatalogue", () => {
  it("keeps multi-line fields whole and accepts a Chinese unit spelling, storing the unit id", () => {
    const catalogue = parseCatalogue(files());
    expect(catalogue.indicators[0].assessmentZh).toBe("评估\r\n搜索");
    expect(catalogue.indicators[0].measuresZh).toBe("措施一\n\n措施二");
    const second = {leadUnits: ["big_data_center"], nameSource: "stated", leadSource: "previous"};
    expect(catalogue.indicators[1]).toMatchObject(second);
    expect(catalogue.targets[0]).toMatchObject({unit: "working_day", value: 2, comparator: "<=", valueInQuote: true});
  });

  it("reports a record after multi-line fields and a blank line at its physical line", () => {
    const indicators = files().indicators.text.replace("\n2,1,统一互动", "\n\n1,1,统一互动");
    expect(() => parseCatalogue(files({indicators}))).toThrow("indicators.csv:7: 重复的指标编号 1（第 2 行已有）");
  });

  it("rejects lead units that contradict the provenance", () => {
    const indicators = files().indicators.text.replace("big_data_center,stated; lead:", ",stated; lead:");
    expect(() => parseCatalogue(files({indicators}))).toThrow("indicators.csv:6: 责任单位为空当且仅当来源说明为");
  });

  it("rejects provenance outside the documented grammar", () => {
    const indicators = files().indicators.text.replace("stated; lead: previous (line after 1)", "guessed");
    expect(() => parseCatalogue(files({indicators}))).toThrow('indicators.csv:6: 无法识别的来源说明 "guessed"');
  });

  it("rejects a comparator outside <= >= =", () => {
    const targets = files().targets.text.replace("<=,2", "<,2");
    expect(() => parseCatalogue(files({targets}))).toThrow("targets.csv:2: 未知的比较符 <");
  });

  it("accepts a value written in words only when value_in_quote=no is explained in a note", () => {
    const header = "id,indicator_id,measure,comparator,value,unit,value_in_quote,quote_zh,note\n";
    const row = "1,1,startup_cost_yuan,<=,0,yuan,no,推行企业开办“零费用”,";
    const unexplained = files({targets: `${header}${row}\n`});
    expect(() => parseCatalogue(unexplained)).toThrow("targets.csv:2: value_in_quote=no 时须在 note 中说明");
    const catalogue = parseCatalogue(files({targets: `${header}${row}零 = 0\n`}));
    expect(catalogue.targets[0]).toMatchObject({value: 0, unit: "yuan", valueInQuote: false});
  });

  it("reports a missing column at the header line", () => {
    const units = "id,name_zh,name_en\nbig_data_center,大数据中心,County Big Data Center\n";
    expect(() => parseCatalogue(files({units}))).toThrow("units.csv:1: 缺少列 kind / missing column kind");
  });

  it("reports a record with the wrong number of fields", () => {
    const units = "id,name_zh,name_en,kind\nbig_data_center,大数据中心,center\n";
    expect(() => parseCatalogue(files({units}))).toThrow("units.csv:2: 应有 4 个字段，实有 3 个");
  });
});
