/**
 * Regenerates the World Bank preset's shipped data from the DB2020 reference (World Bank Doing Business 2020, CC BY
 * 4.0; ../shared/reference/db2020-all, README there):
 *
 * - `data/observations-world/db2020.csv`: the wide observation file the site reads (docs/data-format.md § 2): one row
 *   per measured unit (the 180 economies measured in one city and the 22 cities of the 11 two-city economies), period
 *   2020, every raw component and flag column exactly as the reference writes it;
 * - `data/regions/world-units.csv`: every economy (by its DB row code) with its ISO 3166 alpha-3 code (names come from
 *   the `i18n-iso-countries` package at build time) and its World Bank code (for the classification), and the 22
 *   cities with their parent economy, population weight and names (the one hand-written table, below).
 *
 *     npx tsx loaders/convert-db2020.ts [reference folder]
 */
import {readFileSync, writeFileSync} from "node:fs";
import {resolve} from "node:path";
import Papa from "papaparse";
import {projectPath} from "./methodology.js";

type Row = Record<string, string>;

/** DB2020 used a few World Bank codes that are not ISO 3166 alpha-3 (the package's key): DB code → ISO code. */
const ISO_OF_DB: Record<string, string> = {KSV: "XKK", ROM: "ROU", TMP: "TLS", WBG: "PSE", ZAR: "COD"};
/** … and the World Bank's current code of the same economies, as its classification lists them. */
const WB_OF_DB: Record<string, string> = {KSV: "XKX", ROM: "ROU", TMP: "TLS", WBG: "PSE", ZAR: "COD"};

/** The 22 cities' names (the reference names them in English only). */
const CITY_NAMES: Record<string, [zh: string, en: string]> = {
  BGD: ["达卡", "Dhaka"],
  BGD_Chit: ["吉大港", "Chittagong"],
  BRA: ["圣保罗", "São Paulo"],
  BRA_Rio: ["里约热内卢", "Rio de Janeiro"],
  CHN: ["上海", "Shanghai"],
  CHN_Beij: ["北京", "Beijing"],
  IDN: ["雅加达", "Jakarta"],
  IDN_Sura: ["泗水", "Surabaya"],
  IND: ["孟买", "Mumbai"],
  IND_Delh: ["德里", "Delhi"],
  JPN: ["东京", "Tokyo"],
  JPN_Osak: ["大阪", "Osaka"],
  MEX: ["墨西哥城", "Mexico City"],
  MEX_Mont: ["蒙特雷", "Monterrey"],
  NGA: ["拉各斯", "Lagos"],
  NGA_Kano: ["卡诺", "Kano"],
  PAK: ["卡拉奇", "Karachi"],
  PAK_Laho: ["拉合尔", "Lahore"],
  RUS: ["莫斯科", "Moscow"],
  RUS_Sai: ["圣彼得堡", "Saint Petersburg"],
  USA: ["纽约", "New York City"],
  USA_Losa: ["洛杉矶", "Los Angeles"]
};

const SOURCE = "World Bank Doing Business 2020 (CC BY 4.0)";
const PERIOD = "2020";

const readCsv = (file: string): {fields: string[]; rows: Row[]} => {
  const parsed = Papa.parse<Row>(readFileSync(file, "utf8"), {header: true, skipEmptyLines: true});
  return {fields: parsed.meta.fields ?? [], rows: parsed.data};
};
const csv = (fields: string[], rows: string[][]) => Papa.unparse({fields, data: rows}, {newline: "\n"}) + "\n";
const byRegion = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Both files' text from the reference folder (the script writes them; a test compares them with the committed ones). */
export function convertDb2020(folder: string): {observations: string; units: string} {
  const economies = readCsv(resolve(folder, "db2020_all_economies.csv"));
  const cities = readCsv(resolve(folder, "db2020_all_cities.csv"));
  // Raw components and flags: the columns between the identifiers and the official scores, in the reference's order.
  const measured = economies.fields.filter(
    (f) => !/^(iso3|db_code|economy|ranked|multi_city|score_.*|rank.*)$/.test(f)
  );
  const observationRows = [...economies.rows.filter((e) => e.multi_city !== "1"), ...cities.rows].map((r) => [
    r.db_code,
    PERIOD,
    ...measured.map((f) => r[f] ?? ""),
    SOURCE
  ]);
  observationRows.sort(byRegion);

  const unitRows = [
    ...economies.rows.map((e) => [e.db_code, ISO_OF_DB[e.iso3] ?? e.iso3, WB_OF_DB[e.iso3] ?? e.iso3, "", "", "", ""]),
    ...cities.rows.map((c) => {
      const names = CITY_NAMES[c.db_code];
      if (!names) throw new Error(`${c.db_code}: no name in CITY_NAMES / 城市名称表中没有此城市`);
      const parent = economies.rows.find((e) => e.iso3 === c.iso3 && e.multi_city === "1")!.db_code;
      return [c.db_code, "", "", parent, c.weight, ...names];
    })
  ];
  unitRows.sort(byRegion);
  return {
    observations: csv(["region", "period", ...measured, "source"], observationRows),
    units: csv(["region", "iso3", "wb_code", "parent", "weight", "name_zh", "name_en"], unitRows)
  };
}

/** Where the script writes each file, relative to the project. */
export const WORLD_FILES = {observations: "data/observations-world/db2020.csv", units: "data/regions/world-units.csv"};

if (process.argv[1] && resolve(process.argv[1]) === resolve(projectPath("loaders/convert-db2020.ts"))) {
  const written = convertDb2020(process.argv[2] ?? projectPath("../shared/reference/db2020-all"));
  for (const key of ["observations", "units"] as const) {
    writeFileSync(projectPath(WORLD_FILES[key]), written[key]);
    process.stderr.write(`${WORLD_FILES[key]}: ${written[key].trimEnd().split("\n").length - 1} rows\n`);
  }
}
