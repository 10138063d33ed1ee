/**
 * Runs a Framework data loader's body: what it returns goes to stdout; a failure prints its message (bilingual,
 * located, from the checks) to stderr without a stack trace and exits 1, which stops the build.
 */
export async function runLoader(body: () => Promise<string | Uint8Array>): Promise<void> {
  try {
    process.stdout.write(await body());
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
