/** One raw value of one measure for one region in one period: the unit of data everything is scored from. */
export interface Observation {
  /** GB/T 2260 six-digit region code (e.g. "620825" 庄浪县), or any region id the methodology's regions name. */
  region: string;
  /** A period in normal form (src/engine/observations/periods.ts): "2023", "2023H1", "2024Q3" … */
  period: string;
  /** A measure id of the methodology. */
  measure: string;
  /** The raw value in the measure's unit; null when missing. */
  value: number | null;
  /** Optional flag, e.g. "no_practice". */
  flag?: string | null;
  source?: string | null;
  note?: string | null;
}
