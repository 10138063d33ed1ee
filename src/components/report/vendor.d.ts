/** Types of the untyped browser libraries the report pages use: @observablehq/inputs 0.12 and htl 0.3. */
declare module "@observablehq/inputs" {
  /** A drop-down whose value is one of `data`. */
  export function select<T>(
    data: readonly T[],
    options?: {label?: string; value?: T; format?: (x: T) => string}
  ): HTMLElement;
  /** A one-line text input. */
  export function text(options?: {
    label?: string;
    placeholder?: string;
    value?: string;
    width?: number | string;
  }): HTMLElement;
  /** A sortable table. */
  export function table(data: readonly object[], options?: Record<string, unknown>): HTMLElement;
}

declare module "htl" {
  /** Hypertext literal: a tagged template returning DOM nodes. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  /** SVG literal. */
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
