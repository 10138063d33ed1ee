/**
 * The results export: a block that says what produced the figures (methodology, focus region, peer group, period,
 * the scenario as the JSON the simulator reads back, the time), then the table in the page's language with each
 * value rounded as the page shows it and, in columns named as such, at full precision. The file alone reproduces
 * the result: load its scenario line as a scenario file, or read the settings it names.
 */
import {DIGITS, peerGroupLabel} from "../format.js";
import {periodLabel} from "../../engine/observations/periods.js";
import type {Methodology} from "../../engine/methodology/methodology.js";
import type {PeerGroup} from "../../engine/regions/regions.js";
import type {Lang} from "../i18n.js";
import {scenarioDocument} from "./codec.js";
import {excelCsv, type CsvCell} from "./csv-export.js";
import type {SimSummary} from "./results.js";
import type {SimState} from "./state.js";

/** What the export needs from the page. */
export interface ExportContext {
  lang: Lang;
  state: SimState;
  methodology: Pick<Methodology, "id" | "name">;
  groups: readonly PeerGroup[];
  current: ReadonlyMap<string, number | null>;
  nameOf(region: string): string;
  categoryName(id: string): string;
  unitName(unit: string): string;
  measureName(id: string): string;
  /** The moment of the export (ISO 8601). */
  now: string;
}

const WORDS = {
  zh: {
    title: "营商环境评估模拟器 · 情景结果",
    methodology: "方法",
    focus: "关注地区",
    group: "对标组",
    period: "期间",
    scenario: "情景（可另存为 .json 后在模拟器中“上传情景”）",
    generated: "导出时间",
    columns: ["部分", "代码", "名称", "之前", "之后", "变化", "之前名次", "之后名次"],
    exact: ["之前（完整精度）", "之后（完整精度）", "变化（完整精度）"],
    sections: {ranking: "对标组排名", category: "类别", unit: "牵头单位（得分）", whatIf: "假设值（原值 → 假设）"}
  },
  en: {
    title: "Business Environment Assessment Simulator · scenario results",
    methodology: "Methodology",
    focus: "Focus region",
    group: "Peer group",
    period: "Period",
    scenario: "Scenario (save as .json and upload it as a scenario in the simulator)",
    generated: "Exported",
    columns: ["Section", "Id", "Name", "Before", "After", "Change", "Rank before", "Rank after"],
    exact: ["Before (full precision)", "After (full precision)", "Change (full precision)"],
    sections: {
      ranking: "Peer ranking",
      category: "Category",
      unit: "Lead unit (points)",
      whatIf: "What-if (value → what-if)"
    }
  }
} as const;

const round = (x: number | null, digits: number): number | null =>
  x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
const change = (before: number | null, after: number | null) =>
  before === null || after === null ? null : after - before;

/** The CSV text (BOM, CRLF, neutralised cells) of the shown results and what produced them. */
export function resultsCsv(s: SimSummary, ctx: ExportContext): string {
  const w = WORDS[ctx.lang];
  const {state} = ctx;
  const group = ctx.groups.find((g) => g.id === state.group);
  const names = ctx.methodology.name;
  const method = (ctx.lang === "en" ? names?.en || names?.zh : names?.zh) ?? ctx.methodology.id;
  const about: CsvCell[][] = [
    [w.title],
    [w.methodology, `${method} (${ctx.methodology.id})`],
    [w.focus, `${ctx.nameOf(state.focus)} (${state.focus})`],
    [w.group, group ? `${peerGroupLabel(ctx.lang, group)} (${group.id})` : state.group],
    [w.period, `${periodLabel(state.period, ctx.lang)} (${state.period})`],
    [w.scenario, JSON.stringify(scenarioDocument(state))],
    [w.generated, ctx.now],
    []
  ];
  const row = (
    section: string,
    id: string,
    name: string,
    before: number | null,
    after: number | null,
    digits: number,
    ranks: [number | null, number | null] = [null, null],
    delta = change(before, after)
  ): CsvCell[] => {
    return [
      section,
      id,
      name,
      round(before, digits),
      round(after, digits),
      round(delta, digits),
      ...ranks,
      before,
      after,
      delta
    ];
  };
  const rows: CsvCell[][] = [
    ...s.ranking.map((r) =>
      row(w.sections.ranking, r.region, ctx.nameOf(r.region), r.before, r.after, DIGITS.score, [
        r.rankBefore,
        r.rankAfter
      ])
    ),
    ...s.categories.map((c) => row(w.sections.category, c.id, ctx.categoryName(c.id), c.before, c.after, DIGITS.score)),
    ...s.units.map((u) =>
      row(w.sections.unit, u.unit, ctx.unitName(u.unit), null, null, DIGITS.points, undefined, u.points)
    ),
    ...Object.entries(state.values).map(([id, v]) =>
      row(w.sections.whatIf, id, ctx.measureName(id), ctx.current.get(id) ?? null, v, 4)
    )
  ];
  const table = excelCsv([...w.columns, ...w.exact], rows);
  return excelCsv(about[0] as string[], about.slice(1)) + table.replace(/^\uFEFF/, "");
}
