/** The benchmark's printed table (plain text, also valid Markdown) from the measured figures. */
import {IMPLEMENTATIONS, type ScaleFigures} from "./node-bench.js";
import {mb, median, ms} from "./stats.js";

/** Peak resident memory of one implementation at one scale (from a child process). */
export interface MemoryFigure {
  scale: string;
  impl: string;
  baselineRss: number;
  peakRss: number;
}

/** Browser figures (null when not measured, with the reason). */
export interface BrowserFigures {
  buildMs: number | null;
  pending: string | null;
  coldFirstScoreMs: number[];
  warmFirstScoreMs: number[];
  /** The simulator's own start-up measures (`sim:<phase>`) of each cold load: start (ms after navigation) and duration. */
  coldPhases: {phase: string; label: string; startMs: number[]; ms: number[]}[];
  changeLatencyMs: number[];
  computedInMs: number[];
  /** A weight edited → the scored update (ms). */
  weightLatencyMs: number[];
  /** Reform priority against the frontier, click → table (ms). */
  priorityMs: number[];
  /** Sensitivity with 1,000 draws, click → done (ms). */
  sensitivityMs: number[];
  pageBytes: {page: string; js: number; wasm: number}[];
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const ratio = (x: number, base: number) => (base > 0 ? `${(x / base).toFixed(1)}×` : "—");

/** Markdown tables: full scoring, what-if, memory, browser. */
export function formatReport(scales: ScaleFigures[], memory: MemoryFigure[], browser: BrowserFigures | null): string {
  const out: string[] = [];
  out.push("### Full scoring (normalise → aggregate → rank, all periods, every node)", "");
  out.push(
    row([
      "scale",
      "regions × periods",
      "observations",
      "implementation",
      "load",
      "median",
      "p95",
      "n",
      "median ÷ typed",
      "peak RSS (added)"
    ])
  );
  out.push(row(Array(10).fill("---")));
  for (const s of scales) {
    const typed = s.impls.find((f) => f.impl === "typed")!;
    for (const impl of IMPLEMENTATIONS) {
      const f = s.impls.find((x) => x.impl === impl)!;
      const mem = memory.find((x) => x.scale === s.scale && x.impl === impl);
      out.push(
        row([
          s.scale,
          `${s.regions} × ${s.periods}`,
          s.observations.toLocaleString("en-US"),
          impl,
          ms(f.loadMs),
          ms(f.median),
          ms(f.p95),
          f.samples.length,
          ratio(f.median, typed.median),
          mem ? `${mb(mem.peakRss)} (${mb(mem.peakRss - mem.baselineRss)})` : "—"
        ])
      );
    }
  }
  out.push(
    "",
    "### What-if: one raw value of one region changed → totals and ranks of the whole peer group (one period)",
    ""
  );
  out.push(row(["scale", "path", "first", "p50", "p95", "n"]));
  out.push(row(Array(6).fill("---")));
  for (const s of scales)
    for (const w of s.whatIf) out.push(row([s.scale, w.path, ms(w.firstMs), ms(w.p50), ms(w.p95), w.samples.length]));
  if (browser) {
    out.push("", "### Browser (Chromium, localhost) and build", "");
    if (browser.pending) out.push(`Pending: ${browser.pending}`, "");
    const p = (xs: number[], q: number) =>
      xs.length
        ? ms([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((q / 100) * xs.length) - 1)])
        : "—";
    out.push(row(["figure", "p50", "p95", "n"]));
    out.push(row(Array(4).fill("---")));
    out.push(
      row(["`npm run build` (clean copy, no cache)", ms(browser.buildMs), "", browser.buildMs === null ? 0 : 1])
    );
    out.push(
      row([
        "simulator first score, cold (new context), Gansu",
        p(browser.coldFirstScoreMs, 50),
        p(browser.coldFirstScoreMs, 95),
        browser.coldFirstScoreMs.length
      ])
    );
    for (const ph of browser.coldPhases) {
      out.push(
        row([
          `↳ cold phase \`${ph.phase}\` (${ph.label}; starts at ${p(ph.startMs, 50)})`,
          p(ph.ms, 50),
          p(ph.ms, 95),
          ph.ms.length
        ])
      );
    }
    out.push(
      row([
        "simulator first score, warm (reload, HTTP cache), Gansu",
        p(browser.warmFirstScoreMs, 50),
        p(browser.warmFirstScoreMs, 95),
        browser.warmFirstScoreMs.length
      ])
    );
    out.push(
      row([
        "per change: input event → DOM updated",
        p(browser.changeLatencyMs, 50),
        p(browser.changeLatencyMs, 95),
        browser.changeLatencyMs.length
      ])
    );
    out.push(
      row([
        'per change: page\'s "computed in"',
        p(browser.computedInMs, 50),
        p(browser.computedInMs, 95),
        browser.computedInMs.length
      ])
    );
    for (const [label, xs] of [
      ["weight change: input event → DOM updated", browser.weightLatencyMs],
      ["reform priority, every measure to the frontier: click → table", browser.priorityMs],
      ["sensitivity, 1,000 draws: click → bands and verdict", browser.sensitivityMs]
    ] as const)
      out.push(row([label, p(xs, 50), p(xs, 95), xs.length]));
    if (browser.pageBytes.length) {
      out.push("", row(["page", "JavaScript bytes", "WebAssembly bytes"]), row(["---", "---", "---"]));
      for (const b of browser.pageBytes)
        out.push(row([b.page, b.js.toLocaleString("en-US"), b.wasm.toLocaleString("en-US")]));
    }
  }
  out.push(...targetsTable(scales, browser));
  return `${out.join("\n")}\n`;
}

/** The simulator's targets (issue 12) beside the figures measured: p50 (or the one run), target, ratio, met. */
function targetsTable(scales: ScaleFigures[], browser: BrowserFigures | null): string[] {
  const p50 = (xs: readonly number[] | undefined) => (xs?.length ? median(xs) : null);
  const gansu = scales.find((s) => s.scale === "gansu")?.whatIf.find((w) => w.path.startsWith("engine"));
  const rows: [string, number | null, number][] = [
    ["input → DOM, p50 (Chromium, Gansu)", p50(browser?.changeLatencyMs), 100],
    ["weight change, p50", p50(browser?.weightLatencyMs), 150],
    ["first score, cold", p50(browser?.coldFirstScoreMs), 2500],
    ["reform priority (every measure to the frontier)", p50(browser?.priorityMs), 1000],
    ["sensitivity, 1,000 draws", p50(browser?.sensitivityMs), 5000],
    ["Node what-if at Gansu, p50", gansu?.p50 ?? null, 16]
  ];
  const out = ["", "### Simulator targets", "", row(["figure", "measured", "target", "measured ÷ target", "met"])];
  out.push(row(Array(5).fill("---")));
  for (const [label, x, target] of rows)
    out.push(
      row([
        label,
        ms(x),
        ms(target),
        x === null ? "—" : ratio(x, target),
        x === null ? "—" : x <= target ? "yes" : "no"
      ])
    );
  return out;
}
