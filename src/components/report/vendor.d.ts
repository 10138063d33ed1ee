/** Types of the untyped browser library the report pages use: htl 0.3. */
declare module "htl" {
  /** Hypertext literal: a tagged template returning DOM nodes. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  /** SVG literal. */
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
