/** Dispatches `bizenv <command>` to the module that implements it; returns the process exit code. */
import {describeFileError} from "../files.js";

type Command = {run(args: string[]): Promise<number>; USAGE: string};

const commands: Record<string, {summary: string; load: () => Promise<Command>}> = {
  methodology: {
    summary: "check a methodology file: every error with its JSON path, warnings, missing totals",
    load: () => import("./methodology.js")
  },
  generate: {summary: "write illustrative (synthetic) observations as CSV", load: () => import("./generate.js")},
  score: {summary: "score observations with a methodology file → CSV", load: () => import("./score.js")},
  template: {
    summary: "write the fill-in form (CSV for Excel/WPS) of one region and period",
    load: () => import("./template.js")
  },
  validate: {
    summary: "check observation CSV files; exit 1 when any row is rejected",
    load: () => import("./validate.js")
  }
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands).map(([key, c]) => `  bizenv ${key.padEnd(9)} ${c.summary}`);
    const help = name === undefined || ["--help", "-h", "help"].includes(name);
    const usage = `用法 Usage: bizenv <command> [options]  (bizenv <command> --help)\n${list.join("\n")}\n`;
    if (help) process.stdout.write(usage);
    else process.stderr.write(`未知命令 / unknown command ${name}\n${usage}`);
    return help ? 0 : 2;
  }
  try {
    const module = await command.load();
    if (args.includes("--help") || args.includes("-h")) {
      process.stdout.write(module.USAGE);
      return 0;
    }
    return await module.run(args);
  } catch (error) {
    process.stderr.write(`${describeFileError(error).message}\n`);
    return 1;
  }
}
