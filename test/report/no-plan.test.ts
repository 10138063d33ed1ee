/**
 * The pages' words on a site without a plan catalogue and with one period of data (the World Bank preset): no promise of
 * lead units or plan targets, no "previous period" that does not exist, the categories called by the methodology's level
 * name, and next period's steps naming the site's own folder and commands (run here to show they work).
 */
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {describe, expect, it} from "vitest";
import {indicatorEntries, indicatorsLead} from "../../src/components/report/indicators.js";
import {periodsSentence} from "../../src/components/report/method.js";
import {categoryWords} from "../../src/components/report/tiers.js";
import {overviewModel} from "../../src/components/report/overview.js";
import type {Report} from "../../src/engine/report/report-data.js";
import {nextSteps} from "../../src/data/report-inputs.js";
import {readSiteConfig} from "../../loaders/site-config.js";
import {tinyCatalogue, tinyReport} from "./fixture.js";

const NO_PLAN = {categories: [], indicators: [], units: [], targets: []};
const selection = {focus: "620825", group: "pingliang"};

/** The tiny report cut to its latest period, its categories named 专题 / Topic as DB2020's methodology names them. */
function onePeriod(): Report {
  const report = tinyReport();
  return {
    ...report,
    periods: ["2023"],
    baseline: null,
    previous: {"2023": null},
    levels: {category: {nameZh: "专题", nameEn: "Topic"}}
  };
}

describe("a site without a plan, with one period", () => {
  it("writes the overview's summary without a previous period and calls the categories by the methodology's name", () => {
    const en = overviewModel(onePeriod(), NO_PLAN, selection, "en");
    expect(en.summary).toContain("with a total of 75.0 points (the only period of data).");
    expect(en.summary).not.toMatch(/previous period|no comparable rank|plan/);
    expect(en.tier).toEqual({tier: "Topic", tierLower: "topic"});
    const zh = overviewModel(onePeriod(), NO_PLAN, selection, "zh");
    expect(zh.summary).toContain("总分75.0分（仅有一期数据）。");
    expect(zh.tier.tier).toBe("专题");
    // With a previous period the summary still compares (the default site).
    expect(overviewModel(tinyReport(), tinyCatalogue(), selection, "en").summary).toContain("rank 3 in 2022");
  });

  it("leads the indicators page with the methodology's tiers, promising no lead units or plan targets", () => {
    const report = onePeriod();
    const entries = indicatorEntries(report, NO_PLAN, "en");
    const lead = indicatorsLead(report, NO_PLAN, entries, "en");
    expect(lead).toMatch(/^Each topic of .* \(2 in all\): the score, the measures and the peer values in 2023\.$/);
    expect(lead).not.toMatch(/plan|lead unit/i);
    expect(indicatorsLead(report, NO_PLAN, entries, "zh")).toMatch(/各专题及其下一层级（共2项）/);
    // With the plan's catalogue the lead stays the plan's.
    expect(
      indicatorsLead(tinyReport(), tinyCatalogue(), indicatorEntries(tinyReport(), tinyCatalogue(), "en"), "en")
    ).toMatch(/assessment indicators of the plan/);
  });

  it("says there is only one period on the method page", () => {
    expect(periodsSentence(onePeriod(), "en")).toBe(
      "Period: 2023; the only period of data, so there is no previous one to compare with."
    );
    expect(periodsSentence(onePeriod(), "zh")).not.toContain("无同类上一期");
    expect(categoryWords(tinyReport(), "en")).toEqual({tier: "Category", tierLower: "category"});
  });

  it("names the World Bank preset's own folder, check and build for next period's data, and the check works", async () => {
    const next = nextSteps(await readSiteConfig("data/site-world.json", {}));
    expect(next).toEqual({
      folder: "data/observations-world/",
      validate: "npx bizenv validate --methodology data/methodologies/db2020-all.json --any-region",
      build: "BIZENV_SITE=data/site-world.json npm run build"
    });
    // The check as the page prints it, on the preset's own file: every row accepted.
    const [, ...args] = next.validate.split(" ");
    const {stdout, stderr} = await promisify(execFile)("node", [
      "bin/bizenv.js",
      ...args.slice(1),
      "data/observations-world/db2020.csv"
    ]);
    expect(stdout + stderr).toContain("read 202 = accepted 202 + rejected 0");
  });
});
