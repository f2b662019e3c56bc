/** `cnc-rga --version`: the tool's version and the RGA versions it implements, with their dates. */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { VERSIONS, dateLongue } from "../rules";

/** package.json's version, found from src/cli (tests) or build/cli/cli (the built binary). */
function versionOutil(): string {
  for (let d = __dirname; dirname(d) !== d; d = dirname(d)) {
    const f = join(d, "package.json");
    if (!existsSync(f)) continue;
    const p = JSON.parse(readFileSync(f, "utf8")) as { name?: string; version?: string };
    if (p.name === "cnc-conformite" && p.version) return p.version;
  }
  return "inconnue";
}

export function texteVersion(): string {
  const lignes = [`cnc-rga ${versionOutil()}`, "RGA du CNC, versions implémentées :"];
  for (const v of VERSIONS) {
    const periode = v.fin ? `demandes du ${dateLongue(v.debut)} au ${dateLongue(v.fin)}` : `demandes à compter du ${dateLongue(v.debut)}`;
    lignes.push(`  ${v.version} : ${periode} — ${v.source}`);
  }
  return lignes.join("\n");
}
