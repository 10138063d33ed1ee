/**
 * Command-line arguments of the `bizenv` commands, parsed by Node's `util.parseArgs` (strict: unknown options,
 * missing values and, unless allowed, stray words are usage errors) with the messages in Chinese and English.
 */
import {parseArgs, type ParseArgsConfig} from "node:util";

/** A usage error: the command prints it with its usage text and exits with code 2. */
export class UsageError extends Error {}

/** `--help` or `-h` anywhere: the command prints its usage and exits with code 0. */
export class HelpRequested extends UsageError {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `args` against `options`; throws UsageError with a bilingual message on bad usage. */
export function parseCli<const O extends Options, const P extends boolean = false>(
  args: string[],
  options: O,
  allowPositionals?: P
) {
  if (args.some((a) => a === "--help" || a === "-h")) throw new HelpRequested("");
  try {
    return parseArgs({args, options, allowPositionals: allowPositionals ?? false, strict: true});
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & {code?: string}));
  }
}

function usageMessage(error: Error & {code?: string}): string {
  const quoted = /'([^' ]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `未知选项 / unknown option ${quoted}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${quoted} 需要一个值 / ${quoted} needs a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `未知参数 / unknown argument ${quoted}`;
    default:
      return error.message;
  }
}

/** Splits "a, b,c" into ["a", "b", "c"]. */
export const listOption = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Prints the usage on request (exit code 0), or a usage error with the usage text (exit code 2). */
export function usageExit(error: UsageError, usage: string): number {
  if (error instanceof HelpRequested) {
    process.stdout.write(usage);
    return 0;
  }
  process.stderr.write(`${error.message}\n${usage}`);
  return 2;
}
