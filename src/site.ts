/** Site-wide settings read by observablehq.config.ts: title, page list, head and footer. */

export const SITE_TITLE = "营商环境评估模拟器 bizenv";

/** The page list in the sidebar (Chinese first; the English switch relabels it in the browser). */
export const PAGES = [{name: "总览 Overview", path: "/"}];

/**
 * Runs before the page renders: sets <html lang> from the remembered language (Framework 1.13 has no `lang`
 * option), so screen readers and fonts pick Chinese by default and English when the reader switched.
 */
export const SITE_HEAD = `<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<script>document.documentElement.lang = (localStorage.getItem("bizenv.lang") === "en") ? "en" : "zh-CN";</script>`;

export const SITE_FOOTER = `bizenv 营商环境评估模拟器 · 本站所有计算在本机完成，不向外部发送任何请求 / everything is computed locally; no request leaves this machine.`;
