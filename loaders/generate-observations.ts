/**
 * The seeded generator of ILLUSTRATIVE observations (not real data): plausible values between each measure's worst
 * and best, better on average in later periods, a few missing values, and one county (庄浪县 by default) that starts
 * near the bottom of its peer group and catches up, as the plan describes. Pure and deterministic: every value
 * depends only on (seed, region, period, measure), so a region gets the same values whatever else is generated.
 * The model is documented in data/observations/README.md.
 */
import type {Measure, Methodology} from "../src/engine/methodology/methodology.js";
import type {Observation} from "../src/engine/observations/observation.js";
import {DEFAULT_FOCUS} from "../src/engine/regions/regions.js";
import {UNITS} from "../src/engine/methodology/units.js";
import {yearsBetween} from "../src/engine/observations/periods.js";
import {applyDerivedQuantities} from "./derived-quantities.js";

/** What to generate. */
export interface GenerateOptions {
  /** Region codes; the output follows their sorted order. */
  regions: readonly string[];
  /** Periods, oldest first (default 2022, 2023H1, 2023). */
  periods?: readonly string[];
  /** Values are made for every observed (not derived) measure of this methodology. */
  methodology: Methodology;
  seed: number;
  /** Share of (region, period, measure) cells left out (default 0.02); a missing value is an absent row. */
  missingRate?: number;
  /** The county that lags in the first period and improves fastest (default 庄浪县 620825; null for none). */
  laggard?: string | null;
}

/** Default seed, missing rate and periods (baseline, mid-year, year end; oldest first) of the committed file. */
export const GENERATOR_DEFAULTS = {seed: 2023, missingRate: 0.02, periods: ["2022", "2023H1", "2023"]} as const;

/** The `source` cell that marks every generated row as illustrative, e.g. `illustrative:seed=2023`. */
export const illustrativeSource = (seed: number): string => `illustrative:seed=${seed}`;

/** Latent model constants (README § How the values are made). */
const MODEL = {
  abilitySd: 0.6,
  measureSd: 0.4,
  persistentSd: 0.6,
  periodSd: 0.2,
  progress: 0.5,
  laggardAbility: -1.6,
  laggardProgress: 1.8
};

/** 32-bit FNV-1a hash of a text, finished with a murmur-style mix. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small seeded PRNG returning uniforms in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform in [0, 1) determined by the seed and a key. */
function uniform(seed: number, ...key: string[]): number {
  return mulberry32(hash32(`${seed}|${key.join("|")}`))();
}

/** A standard normal determined by the seed and a key (Box–Muller). */
function normal(seed: number, ...key: string[]): number {
  const next = mulberry32(hash32(`${seed}|${key.join("|")}`));
  const u = 1 - next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Rounds a raw value the way it is reported: days to 0.5, steps and counts whole, rates and scores to 0.1. */
export function roundForMeasure(value: number, measure: Measure): number {
  const n = measure.normalise;
  const span = n?.method === "frontier" ? Math.abs(n.best - n.worst) : Infinity;
  const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  let out: number;
  switch (measure.unit) {
    case "working_day":
    case "day":
      out = Math.round(value * 2) / 2;
      break;
    case "step":
      out = Math.max(Math.round(value), n?.method === "frontier" ? Math.min(1, n.best) : 1);
      break;
    case "count":
      out = measure.id.includes("_per_") ? round(value, 1) : Math.round(value);
      break;
    case "yuan":
      out = span < 20 ? round(value, 2) : Math.round(value);
      break;
    case "yes_no":
      out = value >= 0.5 ? 1 : 0;
      break;
    default:
      out = round(value, 1);
  }
  const {min, max} = UNITS[measure.unit];
  return Math.min(max, Math.max(min, out)) + 0;
}

/** The raw value at quality `t` (0 = poor … 1 = excellent) for a measure's normalisation. */
function valueAt(t: number, measure: Measure): number {
  const n = measure.normalise!;
  const higher = measure.direction === "higher_is_better";
  switch (n.method) {
    case "frontier": {
      // Position between worst (0) and best (1); a good region may pass the frontier by up to 10 % of the span,
      // but never below half a lower-is-better frontier (no 0-hour tax filing) nor above 1.5 × a higher one.
      const position = Math.min(1.1, Math.max(-0.05, 1.2 * t - 0.05));
      const value = n.worst + position * (n.best - n.worst);
      return n.best < n.worst ? Math.max(value, n.best / 2) : Math.min(value, n.best > 0 ? n.best * 1.5 : value);
    }
    case "expert":
      return n.max * (0.4 + 0.58 * t);
    case "target":
      return higher ? n.target * (0.3 + 0.9 * t) : n.target * (2.5 - 1.7 * t);
    case "yes_no":
      return higher ? t : 1 - t;
  }
}

/** Yields the illustrative observations in order: region (sorted), period (as given), measure (methodology order). */
export function* observationRows(options: GenerateOptions): Generator<Observation> {
  const {methodology, seed} = options;
  const periods = options.periods ?? GENERATOR_DEFAULTS.periods;
  const missingRate = options.missingRate ?? GENERATOR_DEFAULTS.missingRate;
  const laggard = options.laggard === undefined ? DEFAULT_FOCUS : options.laggard;
  const measures = methodology.measures.filter((m) => !m.derive && m.normalise);
  const level = new Map(measures.map((m) => [m.id, MODEL.measureSd * normal(seed, "measure", m.id)]));
  const source = illustrativeSource(seed);
  const known = new Set(measures.map((m) => m.id));
  for (const region of [...options.regions].sort()) {
    const lagging = region === laggard;
    const ability = lagging ? MODEL.laggardAbility : MODEL.abilitySd * normal(seed, "region", region);
    const progress = lagging ? MODEL.laggardProgress : MODEL.progress;
    for (const period of periods) {
      const time = yearsBetween(periods[0], period);
      const drawn = new Map<string, number>();
      for (const m of measures) {
        if (uniform(seed, "missing", region, period, m.id) < missingRate) continue;
        const z =
          ability +
          progress * time +
          level.get(m.id)! +
          MODEL.persistentSd * normal(seed, "persistent", region, m.id) +
          MODEL.periodSd * normal(seed, "noise", region, period, m.id);
        drawn.set(m.id, roundForMeasure(valueAt(sigmoid(z + 0.6), m), m));
      }
      applyDerivedQuantities(drawn, known);
      for (const m of measures) {
        const value = drawn.get(m.id);
        if (value !== undefined) yield {region, period, measure: m.id, value, source, note: null};
      }
    }
  }
}

/** All illustrative observations as an array (see {@link observationRows}). */
export function generateObservations(options: GenerateOptions): Observation[] {
  return [...observationRows(options)];
}

/** The CSV header of generated files: `region,period,measure,value,source,note`. */
export const OBSERVATION_CSV_HEADER = "region,period,measure,value,source,note";

/** One CSV line (no newline) for a generated observation; values print in their shortest exact form. */
export function observationCsvLine(o: Observation): string {
  const cell = (text: string | null | undefined) =>
    text == null ? "" : /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  return [o.region, o.period, o.measure, o.value === null ? "" : String(o.value), cell(o.source), cell(o.note)].join(
    ","
  );
}

/** The whole CSV text (header, rows, final newline) of a list of observations. */
export function observationsCsvText(rows: Iterable<Observation>): string {
  const lines = [OBSERVATION_CSV_HEADER];
  for (const o of rows) lines.push(observationCsvLine(o));
  return `${lines.join("\n")}\n`;
}
