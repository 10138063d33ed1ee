/**
 * The focus region and peer group the report pages show, remembered across pages: the URL query
 * (`?focus=620825&group=pingliang`, shareable) wins, then localStorage (`bizenv.focus`, `bizenv.group`), then
 * the defaults (the report's focus 庄浪县 620825 in Pingliang).
 */
import type {Report} from "../../engine/report/report-data.js";

/** What the report pages are about: one region in one peer group. */
export interface Selection {
  focus: string;
  group: string;
}

/** The peer group the pages open on. */
export const DEFAULT_GROUP = "pingliang";

const FOCUS_KEY = "bizenv.focus";
const GROUP_KEY = "bizenv.group";

/** Picks a valid selection from the query string and the stored values, falling back to the defaults. */
export function resolveSelection(
  report: Pick<Report, "peerGroups" | "focus">,
  query: string,
  stored: {focus?: string | null; group?: string | null} = {}
): Selection {
  const params = new URLSearchParams(query);
  const groups = report.peerGroups;
  const wanted = [params.get("group"), stored.group, DEFAULT_GROUP].find((id) => groups.some((g) => g.id === id));
  const group = groups.find((g) => g.id === wanted) ?? groups[0];
  const focusIds = [params.get("focus"), stored.focus, report.focus];
  const focus = focusIds.find((code) => code && group.members.includes(code)) ?? group.members[0];
  return {focus, group: group.id};
}

/** The selection for this page load (browser only). */
export function readSelection(report: Pick<Report, "peerGroups" | "focus">): Selection {
  return resolveSelection(report, location.search, {
    focus: localStorage.getItem(FOCUS_KEY),
    group: localStorage.getItem(GROUP_KEY)
  });
}

/** Remembers a selection for the other pages and puts it in the URL so the page can be shared (browser only). */
export function rememberSelection(selection: Selection): void {
  localStorage.setItem(FOCUS_KEY, selection.focus);
  localStorage.setItem(GROUP_KEY, selection.group);
  const url = new URL(location.href);
  url.searchParams.set("focus", selection.focus);
  url.searchParams.set("group", selection.group);
  history.replaceState(history.state, "", url);
}

/** Puts one value in the URL query without reloading (browser only), e.g. the unit shown on the units page. */
export function setQueryParam(name: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, "", url);
}
