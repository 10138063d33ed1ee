/** Walks a methodology's JSON collecting every problem with its path (`nodes[3].children[0].weight: …`). */
import type {Names} from "./types.js";

/** One problem found in a methodology: where and what. */
export interface MethodologyIssue {
  path: string;
  message: string;
}

/** Thrown by {@link parseMethodology}; `message` lists every issue as `path: 中文 / English`, one per line. */
export class MethodologyError extends Error {
  readonly issues: MethodologyIssue[];
  constructor(issues: MethodologyIssue[], file?: string) {
    const head = `${file ? `${file}: ` : ""}方法文件有 ${issues.length} 处错误 / methodology has ${issues.length} error(s)`;
    super([head, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join("\n"));
    this.name = "MethodologyError";
    this.issues = issues;
  }
}

const ID = /^[A-Za-z0-9_.:-]+$/;

type Json = Record<string, unknown>;

/** Collects issues while walking the JSON. */
export class Checker {
  issues: MethodologyIssue[] = [];
  add(path: string, zh: string, en: string): void {
    this.issues.push({path, message: `${zh} / ${en}`});
  }
  object(value: unknown, path: string, allowed: readonly string[]): Json | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.add(path, "必须是对象", "must be an object");
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.add(`${path}.${key}`, "未知字段", `unknown field (allowed: ${allowed.join(", ")})`);
    }
    return value as Json;
  }
  array(value: unknown, path: string, nonEmpty = true): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.add(path, "必须是数组", "must be an array");
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.add(path, "不能为空", "must not be empty");
    return value;
  }
  id(value: unknown, path: string): string | undefined {
    if (typeof value !== "string" || !ID.test(value)) {
      this.add(path, "必须是由字母、数字、_ . : - 组成的标识", "must be an id of letters, digits, _ . : -");
      return undefined;
    }
    return value;
  }
  string(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "string") this.add(path, "必须是字符串", "must be a string");
    return typeof value === "string" ? value : undefined;
  }
  number(value: unknown, path: string, rule?: {min?: number; max?: number; positive?: boolean}): number | undefined {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.add(path, "必须是有限数值", "must be a finite number");
      return undefined;
    }
    if (rule?.positive && !(value > 0)) this.add(path, "必须 > 0", "must be > 0");
    if (rule?.min !== undefined && value < rule.min) this.add(path, `必须 ≥ ${rule.min}`, `must be ≥ ${rule.min}`);
    if (rule?.max !== undefined && value > rule.max) this.add(path, `必须 ≤ ${rule.max}`, `must be ≤ ${rule.max}`);
    return value;
  }
  oneOf<T extends string>(value: unknown, path: string, options: readonly T[], fallback?: T): T | undefined {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
      this.add(path, `必须是 ${options.join(" | ")} 之一`, `must be one of ${options.join(" | ")}`);
      return undefined;
    }
    return value as T;
  }
  names(value: unknown, path: string): Names | undefined {
    if (value === undefined) return undefined;
    const o = this.object(value, path, ["zh", "en"]);
    if (!o) return undefined;
    return {zh: this.string(o.zh, `${path}.zh`), en: this.string(o.en, `${path}.en`)};
  }
}
