export async function run(_args: string[]): Promise<number> {
  throw new Error("bizenv validate: not implemented yet");
}
