/** Reads the catalogue's CSV files from disk and hands them to the pure parser in src/engine/catalogue/catalogue.ts. */
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {describeFileError} from "./files.js";
import {CatalogueError, measureIndicators, parseCatalogue} from "../src/engine/catalogue/catalogue.js";
import type {Catalogue, CatalogueFile} from "../src/engine/catalogue/catalogue.js";
import {parseChecklists} from "../src/engine/catalogue/checklists.js";

/** Where the catalogue lives, relative to the repository root. */
export const CATALOGUE_DIR = "data/catalogue";

async function readCatalogueFile(dir: string, base: string): Promise<CatalogueFile> {
  const name = path.join(dir, `${base}.csv`);
  try {
    return {name, text: await readFile(name, "utf8")};
  } catch (error) {
    // Said for people ("找不到文件或文件夹 / no such file or folder"), never a bare ENOENT.
    const reason = describeFileError(error, name).message.slice(name.length + 2);
    throw new CatalogueError(name, null, "无法读取文件", `cannot read the file: ${reason}`);
  }
}

/**
 * Reads categories.csv, indicators.csv, units.csv and targets.csv from `dir` into a checked `Catalogue`, with the
 * indicator of each measure that checklists.csv (when the folder has one) or targets.csv names.
 */
export async function readCatalogue(dir = CATALOGUE_DIR): Promise<Catalogue> {
  // Settle all reads, then report the first failure in file order, so the error does not depend on timing.
  const settled = await Promise.allSettled(
    ["categories", "indicators", "units", "targets"].map((base) => readCatalogueFile(dir, base))
  );
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  const [categories, indicators, units, targets] = settled.map(
    (r) => (r as PromiseFulfilledResult<CatalogueFile>).value
  );
  const catalogue = parseCatalogue({categories, indicators, units, targets});
  const checklists = existsSync(path.join(dir, "checklists.csv"))
    ? parseChecklists(await readCatalogueFile(dir, "checklists"), catalogue.indicators)
    : [];
  return {...catalogue, measureIndicators: measureIndicators(catalogue, checklists)};
}
