/** Usage errors of the bizenv commands: what a user typing a wrong option reads, in Chinese and English. */
import {describe, expect, it} from "vitest";
import {listOption, parseCli, UsageError} from "../../loaders/cli/args.js";

const OPTIONS = {
  methodology: {type: "string"},
  "any-region": {type: "boolean"},
  observations: {type: "string", multiple: true}
} as const;
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no usage error");
};

describe("bizenv command-line arguments", () => {
  it("reads values, repeated options, flags and (when allowed) files", () => {
    const {values, positionals} = parseCli(
      ["--methodology", "m.json", "--observations", "a.csv", "--observations=b.csv", "--any-region", "x.csv"],
      OPTIONS,
      true
    );
    expect(values).toEqual({methodology: "m.json", observations: ["a.csv", "b.csv"], "any-region": true});
    expect(positionals).toEqual(["x.csv"]);
    expect(listOption(" 2022, 2023H1,,2023 ")).toEqual(["2022", "2023H1", "2023"]);
  });

  it("names the option in both languages when it is unknown, lacks its value or is followed by another option", () => {
    expect(message(() => parseCli(["--methodolgy", "m.json"], OPTIONS))).toBe("未知选项 / unknown option --methodolgy");
    expect(message(() => parseCli(["--methodology"], OPTIONS))).toBe(
      "--methodology 需要一个值 / --methodology needs a value"
    );
    expect(message(() => parseCli(["--methodology", "--any-region"], OPTIONS))).toBe(
      "--methodology 需要一个值 / --methodology needs a value"
    );
    expect(message(() => parseCli(["stray.csv"], OPTIONS))).toBe("未知参数 / unknown argument stray.csv");
  });
});
