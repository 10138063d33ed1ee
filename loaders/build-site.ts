/**
 * `npm run build`: builds the site into a staging folder and only then replaces `dist/`, so that a failed build (a
 * rejected observation row, a broken methodology) leaves the previous `dist/` untouched and says why, with no stack
 * trace. Every build re-reads data/. `BIZENV_DIST` names another output folder (tests use a temporary one).
 */
import {spawn} from "node:child_process";
import {existsSync, rmSync, renameSync} from "node:fs";
import {createRequire} from "node:module";
import {createInterface} from "node:readline";

const target = process.env.BIZENV_DIST ?? "dist";
const staging = `${target}.next`;
const observable = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");

/** Framework's closing advice after any loader failure, which would only send users to its issue tracker. */
const NOISE = [
  /^Tip: To see the full stack trace/,
  /^If you think this is a bug/,
  /^↳ https:\/\/github\.com\/observablehq/
];

// Framework reuses any cached loader output and does not know our loaders read data/: clear it, so that every build
// re-reads the data (an edited row is published, a new bad row stops the build).
rmSync("src/.observablehq/cache/data", {recursive: true, force: true});
rmSync(staging, {recursive: true, force: true});
const child = spawn(process.execPath, [observable, "build"], {
  env: {...process.env, BIZENV_BUILD_OUTPUT: staging},
  stdio: ["ignore", "inherit", "pipe"]
});
createInterface({input: child.stderr!}).on("line", (line) => {
  if (!NOISE.some((n) => n.test(line))) process.stderr.write(`${line}\n`);
});
const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
if (code === 0 && existsSync(staging)) {
  rmSync(target, {recursive: true, force: true});
  renameSync(staging, target);
} else {
  rmSync(staging, {recursive: true, force: true});
  const kept = existsSync(target) ? `${target}/ 保持上一次构建的结果 / ${target}/ keeps the previous build` : "";
  process.stderr.write(`构建失败，原因见上 / the build failed for the reason above. ${kept}\n`);
  process.exitCode = 1;
}
