#!/usr/bin/env node
// Command-line entry: `npx bizenv <command> …`. The commands are TypeScript modules under loaders/cli/,
// run through tsx so that the CLI, the data loaders and the tests share one source.
import {register} from "tsx/esm/api";

register();
// `bizenv methodology FILE | head`: the reader has gone, so stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});
const {main} = await import("../loaders/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
