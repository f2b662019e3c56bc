/** Runs `cnc-rga` in the test's own process, with its output captured: the CLI tests' one helper. */
import { main } from "../../src/cli/main";
import type { Sortie } from "../../src/cli/sortie";

export async function lancer(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const sortie: Sortie = { out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(["node", "cnc-rga", ...args], sortie);
  return { code, out, err };
}
