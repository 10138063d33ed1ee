/** The page language (zh by default, en after the header switch) and the UI string lookup. */
import {en} from "./strings/en.js";
import {zh} from "./strings/zh.js";
import type {StringKey} from "./strings/zh.js";

export type Lang = "zh" | "en";

/** The language chosen with the header switch (kept in localStorage, applied to <html lang> before render). */
export function currentLang(doc: {documentElement: {lang: string}} = document): Lang {
  return doc.documentElement.lang === "en" ? "en" : "zh";
}

/** A UI string in `lang`, with `{name}` parameters filled in. */
export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  const text: string = (lang === "en" ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the Chinese or English form of a catalogue text (falls back to Chinese when English is empty). */
export function pick(lang: Lang, zhText: string, enText: string | null | undefined): string {
  return lang === "en" && enText ? enText : zhText;
}

export type {StringKey};
