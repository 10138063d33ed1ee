/** Plain, printable tables of the report pages (the charts' text alternatives and the lists) and the `<details>` wrapper. */
import {html} from "htl";
import {translate} from "../i18n.js";
import type {Lang} from "../i18n.js";

/** One column of a table: a header and a cell renderer; numeric columns align right. */
export interface Column<T> {
  label: string;
  value: (row: T) => string | number | Node;
  numeric?: boolean;
  /** Extra class of the column's cells (e.g. "status"). */
  className?: string;
}

/** Options of a table: a caption, rows to mark (the focus region), a class, and a test id. */
export interface TableOptions<T> {
  caption?: string;
  highlight?: (row: T) => boolean;
  /** `bizenv-stack`: on a phone, each row becomes a block with the column labels written beside the cells. */
  className?: string;
  testid?: string;
  rowAttributes?: (row: T) => Record<string, string>;
}

/** A plain table; every cell carries its column's label (`data-label`) for the stacked phone layout. */
export function DataTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: TableOptions<T> = {}
): HTMLTableElement {
  const cls = (c: Column<T>) => [c.numeric ? "num" : "", c.className ?? ""].join(" ").trim();
  return html`<table class=${`bizenv-table ${options.className ?? ""}`} data-testid=${options.testid ?? ""}>
    ${
      options.caption
        ? html`<caption>
            ${options.caption}
          </caption>`
        : ""
    }
    <thead>
      <tr>
        ${columns.map((c) => html`<th class=${cls(c)} scope="col">${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr class=${options.highlight?.(row) ? "focus" : ""} ${options.rowAttributes?.(row) ?? {}}>
            ${columns.map((c) => html`<td class=${cls(c)} data-label=${c.label}>${c.value(row)}</td>`)}
          </tr>`
      )}
    </tbody>
  </table>` as HTMLTableElement;
}

/** A `<details>` holding a chart's text alternative. */
export function TextAlternative(lang: Lang, content: Node | string): HTMLDetailsElement {
  return html`<details class="bizenv-alt">
    <summary>${translate(lang, "report.alt")}</summary>
    ${content}
  </details>` as HTMLDetailsElement;
}
