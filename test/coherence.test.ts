/**
 * One verdict, three doors: for generated dossiers, the CNC.* functions of the built bundle (a
 * `Champ | Valeur` range, and the same dossiers as one catalogue), `cnc-rga evaluer --json` run
 * in-process, and the core's `evaluer` say the same thing — each section's status, its euro gap, the
 * apport's compliance and the majoration's rate. A dossier the core refuses is refused by all three.
 * ("More apport never breaks compliance" and the other invariants of the core are in test/rules/proprietes.test.ts.)
 */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../src/cli/main";
import { DossierInvalide, parseDossier } from "../src/dossier";
import { ecartAuCentime, evaluer, type Section, type Verdict } from "../src/rules";
import { dossierComplet, dossierValide } from "./arbitraires";
import { FUZZ } from "./fuzz/parametres";
import { chargerFonctions, construireBundle, simplifier, type FonctionsChargees, type Simple } from "./helpers/bundle";

let f: FonctionsChargees;
beforeAll(async () => {
  f = chargerFonctions(await construireBundle("cdn"));
}, 300_000);

const dossierTemp = mkdtempSync(join(tmpdir(), "cnc-coherence-"));
let n = 0;

async function cli(contenu: unknown): Promise<{ code: number; json: unknown; err: string }> {
  const fichier = join(dossierTemp, `d${n++}.json`);
  writeFileSync(fichier, JSON.stringify(contenu));
  let out = "";
  let err = "";
  const code = await main(["node", "cnc-rga", "evaluer", fichier, "--json"], { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, json: code === 0 ? JSON.parse(out) : null, err };
}

const SECTIONS = [["apport", "apportInitial"], ["reference", "listeReference"], ["majoration", "majoration"]] as const;
const LIBELLES = { conforme: "conforme", non_conforme: "non conforme", incomplet: "incomplet", non_applicable: "non applicable" } as const;
const euros = (s: Section) => (s.ecart === null ? 0 : ecartAuCentime(s.ecart).toNumber());
const seul = (r: Simple): Simple => (Array.isArray(r) && r.length === 1 && Array.isArray(r[0]) && r[0].length === 1 ? r[0][0] : r);
const erreur = (r: Simple): string | null => (typeof r === "object" && r !== null && !Array.isArray(r) ? r.erreur : null);
/** A dossier as an Excel `Champ | Valeur` range. */
const plage = (d: Record<string, unknown>): unknown[][] => Object.entries(d).map(([k, v]) => [k, v]);

/** What the four functions must show in a cell for this verdict (the functions' contract, docs/fonctions.md). */
function cellulesAttendues(v: Verdict): Record<string, Simple> {
  const horsVersion = v.version === null;
  const cellules: Record<string, Simple> = {};
  for (const [section, cle] of SECTIONS) {
    const s = v[cle];
    cellules[`STATUT ${section}`] = LIBELLES[s.statut];
    // A section that fails on something money does not buy has no ecart (null): #N/A, never 0.
    cellules[`ECART ${section}`] = s.statut === "incomplet" || horsVersion || (s.statut === "non_conforme" && s.ecart === null) ? "#N/A" : euros(s);
  }
  const a = v.apportInitial;
  cellules.APPORT_CONFORME = a.statut === "incomplet" || (a.statut === "non_applicable" && horsVersion) ? "#N/A" : a.statut === "non_applicable" || a.statut === "conforme";
  const m = v.majoration;
  cellules.MAJORATION = m.statut === "incomplet" || (m.statut === "non_applicable" && horsVersion) ? "#N/A" : m.statut === "non_applicable" ? 0 : m.taux.toNumber();
  return cellules;
}

/** The same cells, read from the bundle for one dossier argument (errors as their code). */
function cellulesBundle(dossier: unknown[][], ligne: number | null): Record<string, Simple> {
  const lire = (r: unknown): Simple => {
    const s = simplifier(r);
    const c = ligne === null ? seul(s) : (s as Simple[][])[ligne][0];
    return erreur(c) ?? c;
  };
  const cellules: Record<string, Simple> = {};
  for (const [section] of SECTIONS) {
    cellules[`STATUT ${section}`] = lire(f.appeler("STATUT", dossier, section, null, null));
    cellules[`ECART ${section}`] = lire(f.appeler("ECART", dossier, section, null, null));
  }
  cellules.APPORT_CONFORME = lire(f.appeler("APPORT_CONFORME", dossier, null, null));
  cellules.MAJORATION = lire(f.appeler("MAJORATION", dossier, null, null));
  return cellules;
}

/** The same figures, read from the CLI's JSON. */
function figuresCli(j: Record<string, { statut: string; ecart: number | null; taux?: number | null }>): Record<string, unknown> {
  const figures: Record<string, unknown> = { "majoration.taux": j.majoration.taux };
  for (const [, cle] of SECTIONS) Object.assign(figures, { [`${cle}.statut`]: j[cle].statut, [`${cle}.ecart`]: j[cle].ecart });
  return figures;
}
function figuresCoeur(v: Verdict): Record<string, unknown> {
  const figures: Record<string, unknown> = { "majoration.taux": v.majoration.taux.toNumber() };
  for (const [, cle] of SECTIONS) {
    const e = v[cle].ecart;
    Object.assign(figures, { [`${cle}.statut`]: v[cle].statut, [`${cle}.ecart`]: e === null ? null : ecartAuCentime(e).toNumber() });
  }
  return figures;
}

describe("les fonctions CNC.*, la ligne de commande et le cœur donnent le même verdict", () => {
  it("dossier par dossier (plage Champ | Valeur, evaluer --json, evaluer)", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(dossierComplet, dossierValide), async (brut) => {
      const v = evaluer(parseDossier(brut));
      expect(cellulesBundle(plage(brut), null)).toEqual(cellulesAttendues(v));
      const r = await cli(brut);
      expect(r.code).toBe(0);
      expect(figuresCli(r.json as never)).toEqual(figuresCoeur(v));
    }), FUZZ);
  }, 600_000);

  it("un catalogue : une ligne par œuvre dans les fonctions, un tableau dans la ligne de commande, dans le même ordre", async () => {
    await fc.assert(fc.asyncProperty(fc.array(dossierComplet, { minLength: 2, maxLength: 6 }), async (bruts) => {
      const champs = [...new Set(bruts.flatMap((d) => Object.keys(d)))];
      const catalogue = [champs, ...bruts.map((d) => champs.map((k) => (k in d ? (d as Record<string, unknown>)[k] : null)))];
      const verdicts = bruts.map((d) => evaluer(parseDossier(d)));
      const r = await cli(bruts);
      expect(r.code).toBe(0);
      const json = r.json as never[];
      expect(json).toHaveLength(bruts.length);
      verdicts.forEach((v, i) => {
        expect(cellulesBundle(catalogue, i)).toEqual(cellulesAttendues(v));
        expect(figuresCli(json[i])).toEqual(figuresCoeur(v));
      });
    }), { ...FUZZ, numRuns: Math.ceil(FUZZ.numRuns / 3) });
  }, 600_000);

  it("un dossier que le cœur refuse est refusé partout : #VALUE! dans chaque fonction, code 2 en ligne de commande", async () => {
    // One field given a value of the wrong kind (a cell holds scalars only; a blank cell is "absent", not bad).
    const mauvais = fc.oneof(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constantFrom("#VALUE!", "NaN", "1e400", "-5", "31/02/2023", "martien"));
    await fc.assert(fc.asyncProperty(dossierComplet, fc.constantFrom(...Object.keys({ genre: 0, coutDefinitif: 0, apportInitial: 0, dureeMinutes: 0, dateDemande: 0, destination: 0, aide: 0, coproductionInternationale: 0, pointsCreation: 0 })), mauvais, async (brut, champ, valeur) => {
      const d = { ...brut, [champ]: valeur };
      let refuse = false;
      try {
        parseDossier(d);
      } catch (e) {
        expect(e).toBeInstanceOf(DossierInvalide);
        refuse = true;
      }
      const cellules = cellulesBundle(plage(d), null);
      const r = await cli(d);
      if (refuse) {
        expect(Object.values(cellules)).toEqual(Object.values(cellules).map(() => "#VALUE!"));
        expect(r.code).toBe(2);
        expect(r.err).toContain(champ);
      } else {
        const v = evaluer(parseDossier(d));
        expect(cellules).toEqual(cellulesAttendues(v));
        expect(r.code).toBe(0);
        expect(figuresCli(r.json as never)).toEqual(figuresCoeur(v));
      }
    }), FUZZ);
  }, 600_000);

  it.each([
    ["coutDefinitif", "1e400", "« 1e400 » est hors de l'échelle des nombres"],
    // A finite double, but hours × the hourly amount would not be: the numéraire came out Infinity / null.
    ["dureeMinutes", 8.98846567431158e305, "8.98846567431158e+305 est hors de l'échelle des nombres"],
  ])("régression : %s = %s est refusé par les trois, au lieu d'Infinity dans une cellule et de null dans le JSON", async (champ, valeur, message) => {
    const d = { genre: "fiction", dateDemande: "2023-03-01", coutDefinitif: 1_000_000, apportInitial: 0, apportNumeraireTelevision: 0, dureeMinutes: 90, [champ]: valeur };
    expect(() => parseDossier(d)).toThrow(DossierInvalide);
    expect(Object.values(cellulesBundle(plage(d), null))).toEqual(Array(8).fill("#VALUE!"));
    const r = await cli(d);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`champ « ${champ} » : ${message}`);
  });
});
