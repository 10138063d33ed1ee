/** Reads data/catalogue/checklists.csv (the plan's assessment points as checklists) for the methodology builder. */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {CatalogueError, type Catalogue} from "../src/engine/catalogue/catalogue.js";
import {parseChecklists, type ChecklistItem} from "../src/engine/catalogue/checklists.js";
import {CATALOGUE_DIR} from "./catalogue.js";

/** Reads and checks the checklists against the catalogue's indicators (throws a located `CatalogueError`). */
export async function readChecklists(catalogue: Catalogue, dir = CATALOGUE_DIR): Promise<ChecklistItem[]> {
  const name = path.join(dir, "checklists.csv");
  let text: string;
  try {
    text = await readFile(name, "utf8");
  } catch (error) {
    throw new CatalogueError(name, null, "无法读取文件", `cannot read the file (${(error as Error).message})`);
  }
  return parseChecklists({name, text}, catalogue.indicators);
}
