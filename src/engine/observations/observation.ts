/** One raw value of one measure for one region in one period: the unit of data everything is scored from. */
export interface Observation {
  /** GB/T 2260 six-digit region code (e.g. "620825" 庄浪县), or any region id the methodology's regions name. */
  region: string;
  /** "2022", "2023H1", "2023" … */
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

/** The periods of the bundled data, oldest first. */
export const PERIODS = ["2022", "2023H1", "2023"] as const;
