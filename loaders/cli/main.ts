/** Dispatches `bizenv <command>` to the module that implements it; returns the process exit code. */
type Command = {run(args: string[]): Promise<number>; USAGE: string};

const commands: Record<string, {summary: string; load: () => Promise<Command>}> = {
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
    process.stderr.write(`用法 Usage: bizenv <command> [options]   (bizenv <command> --help)\n${list.join("\n")}\n`);
    return name ? 2 : 0;
  }
  try {
    const module = await command.load();
    if (args.includes("--help") || args.includes("-h")) {
      process.stdout.write(module.USAGE);
      return 0;
    }
    return await module.run(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
