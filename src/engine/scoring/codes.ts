import {codesIpc} from "../db/arrow-ipc.js";
import type {SqlDatabase} from "../db/database.js";
import {createIdsSql} from "./plan-sql.js";

/**
 * Integer codes for region and period names: inside DuckDB every key is an integer, names only cross at the edges (the
 * load codes the staged names; results are decoded in JavaScript). A code, once given, keeps its name for the engine's
 * life, so that cached rows and sub-units stay valid when new names appear.
 */

/** Names ↔ codes (0, 1, 2, … in the order the names were first seen). */
export interface CodeBook {
  /** Code → name. */
  readonly names: readonly string[];
  /** The code of a known name. */
  get(name: string): number | undefined;
  /** The codes of names, giving the next free codes to the names not seen before. */
  encode(names: readonly string[]): number[];
}

/** An empty code book; `limit` is the first code that no longer fits the SQL column type. */
export function createCodeBook(kind: string, limit: number): CodeBook {
  const names: string[] = [];
  const codes = new Map<string, number>();
  return {
    names,
    get: (name) => codes.get(name),
    encode(list) {
      return list.map((name) => {
        let code = codes.get(name);
        if (code === undefined) {
          code = names.length;
          if (code >= limit) throw new Error(`too many ${kind} (${limit})`);
          codes.set(name, code);
          names.push(name);
        }
        return code;
      });
    }
  };
}

/**
 * Compares names the way DuckDB orders VARCHAR (bytes of UTF-8, i.e. code points), which is how result rows have always
 * been sorted (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF).
 */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Each code's position when the names are sorted with {@link compareNames} (for sorting rows by name). */
export function sortPositions(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((i, j) => compareNames(names[i], names[j]));
  const position = new Int32Array(names.length);
  order.forEach((code, rank) => (position[code] = rank));
  return position;
}

/** Codes every measure and node id in DuckDB's sort order (table `table`, loaded as Arrow); returns code → id. */
export async function loadIdCodes(db: SqlDatabase, table: string, ids: readonly string[]): Promise<string[]> {
  await db.loadArrow(`${table}_given`, codesIpc({id: [...ids]}));
  await db.query(createIdsSql(table, `${table}_given`));
  const idOf: string[] = [];
  for (const {id, k} of await db.query<{id: string; k: number}>(`SELECT id, k FROM "${table}" ORDER BY k`))
    idOf[k] = id;
  if (idOf.length > 32767) throw new Error(`too many measures and nodes (${idOf.length}; at most 32,767)`);
  return idOf;
}

/** The codes of the nodes of a level label or of a node's level (null: no filter); throws on an unknown one. */
export function nodeCodes(
  levels: ReadonlyMap<string, string>,
  code: ReadonlyMap<string, number>,
  level: string | undefined
): number[] | null {
  if (level === undefined) return null;
  const label = levels.get(level) ?? level;
  const ids = [...levels].filter(([, l]) => l === label).map(([id]) => id);
  if (!ids.length) {
    throw new Error(
      `未知层级或节点 ${level} / unknown level or node ${level} (levels: ${[...new Set(levels.values())].join(", ")})`
    );
  }
  return ids.map((id) => code.get(id)!);
}
