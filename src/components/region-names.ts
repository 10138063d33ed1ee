/**
 * Region names in the page's language. GB/T 2260 names are Chinese only; a regions file (the World Bank preset) also
 * gives English ones (`nameEn`, from the i18n-iso-countries package), which English pages show instead.
 */
import type {Report} from "../engine/report/report-data.js";
import type {Lang} from "./i18n.js";

type Named = {name: string; nameEn?: string};

/** The regions with `name` in `lang`: `inLanguage([{code: "CHIN", name: "中国", nameEn: "China"}], "en")[0].name` → "China". */
export function inLanguage<T extends Named>(regions: readonly T[], lang: Lang): T[] {
  return regions.map((r) => (lang === "en" && r.nameEn ? {...r, name: r.nameEn} : r));
}

/** The report with its region names (scored and outside regions) in `lang`; read right after loading report.json. */
export function reportInLanguage<R extends Pick<Report, "regions" | "outside">>(report: R, lang: Lang): R {
  return {...report, regions: inLanguage(report.regions, lang), outside: inLanguage(report.outside, lang)};
}
