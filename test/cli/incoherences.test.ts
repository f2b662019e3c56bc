/** Issue 17 item 8: contradictory inputs through the faces — exit 2 naming both fields, #VALUE! naming both. */
import { lancer } from "./lancer";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { APPORT_CONFORME, APPORT_MIN } from "../../src/functions/cnc";

const dossier = mkdtempSync(join(tmpdir(), "cnc-rga-incoherent-"));

describe("entrées contradictoires", () => {
  it("cnc-rga evaluer : participation française 3 M€ sur une œuvre de 1 M€ → code 2, les deux champs nommés, rien sur stdout", async () => {
    const f = join(dossier, "copro.json");
    writeFileSync(f, JSON.stringify({ genre: "fiction", coutDefinitif: 1000000, coproductionInternationale: true, participationFrancaise: 3000000, apportInitial: 750000 }));
    const r = await lancer("evaluer", f, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("participationFrancaise");
    expect(r.err).toContain("coutDefinitif");
  });

  it("cnc-rga evaluer sur un tableau : l'index du dossier fautif est donné", async () => {
    const f = join(dossier, "catalogue.json");
    writeFileSync(f, JSON.stringify([{ genre: "fiction" }, { genre: "fiction", apportInitial: 100, apportNumeraireTelevision: 200 }]));
    const r = await lancer("evaluer", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/index 1/);
    expect(r.err).toContain("apportNumeraireTelevision");
    expect(r.err).toContain("apportInitial");
  });

  it("fonctions : #VALEUR! qui nomme les deux champs (dossier) ou les deux arguments (APPORT_MIN)", () => {
    const r = APPORT_CONFORME([["genre", "fiction"], ["apportInitial", 100], ["apportNumeraireTelevision", 200]]);
    expect(r).toMatchObject({ code: "valeur" });
    expect((r as { message: string }).message).toMatch(/apportNumeraireTelevision.*apportInitial/);
    const m = APPORT_MIN("fiction", 1000000, 3000000);
    expect(m).toMatchObject({ code: "valeur" });
    expect((m as { message: string }).message).toMatch(/participation_francaise.*cout_definitif/);
  });
});
