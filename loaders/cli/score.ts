export async function run(_args: string[]): Promise<number> {
  throw new Error("bizenv score: not implemented yet");
}
