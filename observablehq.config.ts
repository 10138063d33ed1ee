// Observable Framework configuration. Everything the site needs is served from this machine:
// no CDN imports, no web fonts (globalStylesheets: []), a system CJK font stack in src/style.css.
import {PAGES, SITE_FOOTER, SITE_HEAD, SITE_HEADER, SITE_TITLE} from "./src/site.js";

export default {
  root: "src",
  // npm run build (loaders/build-site.ts) builds into a staging folder and replaces dist/ (or $BIZENV_DIST) only on
  // success.
  output: process.env.BIZENV_BUILD_OUTPUT ?? "dist",
  title: SITE_TITLE,
  pages: PAGES,
  globalStylesheets: [],
  style: "style.css",
  head: SITE_HEAD,
  header: SITE_HEADER,
  footer: SITE_FOOTER,
  pager: false,
  search: false
};
