/**
 * Fuzzing `cnc-rga evaluer` with arbitrary files: JSON of any shape, truncated JSON, bytes that are
 * not UTF-8. Exit 0 or 2, a message on stderr for 2, never a stack trace.
 */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { FUZZ } from "./parametres";

const dossier = mkdtempSync(join(tmpdir(), "cnc-fuzz-"));
let n = 0;

async function lancer(contenu: string | Uint8Array, json: boolean): Promise<{ code: number; out: string; err: string }> {
  const chemin = join(dossier, `f${n++}.json`);
  writeFileSync(chemin, contenu);
  let out = "";
  let err = "";
  const code = await main(["node", "cnc-rga", "evaluer", chemin, ...(json ? ["--json"] : [])], { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

function verifier(r: { code: number; out: string; err: string }, json: boolean): void {
  expect([0, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/\n\s+at |erreur inattendue/);
  if (r.code === 2) {
    expect(r.err).toMatch(/^cnc-rga : /);
    expect(r.out).toBe("");
  } else if (json) {
    expect(() => JSON.parse(r.out)).not.toThrow();
  }
}

const CHAMPS_PROBABLES = ["genre", "coutDefinitif", "apportInitial", "dureeMinutes", "dateDemande", "aide", "destination", "coproductionInternationale", "participationFrancaise"];

describe("fuzzing de la ligne de commande", () => {
  it("JSON quelconque", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...CHAMPS_PROBABLES), fc.jsonValue())), fc.boolean(), async (valeur, json) => {
      verifier(await lancer(JSON.stringify(valeur), json), json);
    }), { ...FUZZ, numRuns: Math.ceil(FUZZ.numRuns / 3) });
  });

  it("JSON tronqué et octets quelconques (non UTF-8 compris)", async () => {
    const exemple = JSON.stringify({ genre: "fiction", coutDefinitif: "1 000 000 €", apportInitial: 250000, dureeMinutes: 90 });
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.nat({ max: exemple.length }).map((i) => exemple.slice(0, i)),
      fc.uint8Array({ maxLength: 64 }),
      fc.string().map((s) => `{"genre": ${s}}`),
    ), async (contenu) => {
      verifier(await lancer(contenu, true), true);
    }), { ...FUZZ, numRuns: Math.ceil(FUZZ.numRuns / 3) });
  });

  it("un très gros tableau de dossiers (20 000) : évalué, ordre gardé", async () => {
    const gros = Array.from({ length: 20000 }, (_, i) => ({ titre: `n${i}`, genre: "fiction", coutDefinitif: 1000 + i, apportInitial: 250 + i, dureeMinutes: 52 }));
    const r = await lancer(JSON.stringify(gros), true);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toHaveLength(20000);
    expect(j[19999].titre).toBe("n19999");
  });
});
