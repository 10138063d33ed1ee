/** Site-wide settings read by observablehq.config.ts: title, page list, head and footer. */

export const SITE_TITLE = "营商环境评估模拟器 bizenv";

/** The page list in the sidebar (Chinese first; the English switch relabels it in the browser). */
export const PAGES = [
  {name: "总览 Overview", path: "/"},
  {name: "目标进度 Targets", path: "/targets"},
  {name: "对标 Peers", path: "/peers"},
  {name: "牵头单位 Lead units", path: "/units"},
  {name: "指标 Indicators", path: "/indicators"},
  {name: "模拟 What-if", path: "/simulator"},
  {name: "方法与数据 Method and data", path: "/method"}
];

/**
 * Pages about a plan's targets and lead units: left out of the sidebar when the site has no catalogue. (The indicators
 * page stays: without a catalogue it lists the methodology's tier below the categories.)
 */
export const PLAN_PAGES = ["/targets", "/units"];

/** The sidebar for a site with or without a plan catalogue (data/site.json's `catalogue`). */
export function sitePages(withPlan: boolean): typeof PAGES {
  return withPlan ? PAGES : PAGES.filter((p) => !PLAN_PAGES.includes(p.path));
}

/**
 * Runs before the page renders: sets <html lang> from the remembered language (Framework 1.13 has no `lang`
 * option), so screen readers and fonts pick Chinese by default and English when the reader switched.
 */
export const SITE_HEAD = `<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<script>
document.documentElement.lang = localStorage.getItem("bizenv.lang") === "en" ? "en" : "zh-CN";
document.addEventListener("click", (event) => {
  if (!event.target.closest || !event.target.closest("#bizenv-lang")) return;
  localStorage.setItem("bizenv.lang", document.documentElement.lang === "en" ? "zh" : "en");
  location.reload();
});
</script>`;

/** The language switch, on every page; the click handler is in SITE_HEAD so it works before any cell runs. */
export const SITE_HEADER = `<div class="bizenv-header"><span>营商环境评估模拟器 · bizenv</span>
<button id="bizenv-lang" type="button" title="切换语言 / Switch language"><span lang="zh-CN">中文</span> | <span lang="en">English</span></button></div>`;

export const SITE_FOOTER = `bizenv 营商环境评估模拟器 · 本站所有计算在本机完成，不向外部发送任何请求 / everything is computed locally; no request leaves this machine.`;
