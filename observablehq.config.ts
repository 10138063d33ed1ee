// Observable Framework configuration. Everything the site needs is served from this machine:
// no CDN imports, no web fonts (globalStylesheets: []), a system CJK font stack in src/style.css.
import {readFileSync} from "node:fs";
import {SITE_FOOTER, SITE_HEAD, SITE_HEADER, SITE_TITLE, sitePages} from "./src/site.js";

// The site configuration (data/site.json or $BIZENV_SITE, checked by the loaders): without a catalogue there is no plan,
// so the sidebar leaves out the targets and lead-unit pages.
const siteFile = new URL(`./${process.env.BIZENV_SITE || "data/site.json"}`, import.meta.url);
const site = JSON.parse(
  readFileSync(process.env.BIZENV_SITE?.startsWith("/") ? process.env.BIZENV_SITE : siteFile, "utf8")
);

export default {
  root: "src",
  // npm run build (loaders/build-site.ts) builds into a staging folder and replaces dist/ (or $BIZENV_DIST) only on
  // success.
  output: process.env.BIZENV_BUILD_OUTPUT ?? "dist",
  title: SITE_TITLE,
  pages: sitePages(Boolean(site.catalogue)),
  globalStylesheets: [],
  style: "style.css",
  head: SITE_HEAD,
  header: SITE_HEADER,
  footer: SITE_FOOTER,
  pager: false,
  search: false
};
