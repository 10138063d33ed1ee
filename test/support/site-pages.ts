/**
 * The report pages of the site (what leaders read and print). test/browser/report-layout.test.ts opens each of them in
 * both languages, at three sizes and with both bundled peer groups, failing on any page problem; test/browser/pages.test.ts
 * opens every other page of the built site.
 */
export const REPORT_PAGES = ["/", "/targets", "/peers", "/units", "/indicators", "/method"];
