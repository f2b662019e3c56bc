/**
 * The plain functions of src/functions/cnc.ts, without Excel: what the CLI registers in HyperFormula.
 * Properties over random dossiers: the functions agree with the core row by row, never throw, and a
 * catalogue gives the same answers as each work on its own.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { ErreurExcel, FONCTIONS_CNC, VERSION_COMPLEMENT, APPORT_CONFORME, APPORT_MIN, STATUT, ECART, MAJORATION, REFERENCE_ELIGIBLE, enMatrice } from "../../src/functions/cnc";
import { oeuvresMemorisees } from "../../src/functions/memoire";
import { parseDossier } from "../../src/dossier";
import { ecartAuCentime, evaluer } from "../../src/rules";
import { dossierComplet, dossierValide } from "../arbitraires";

const plage = (d: Record<string, unknown>): unknown[][] => Object.entries(d).map(([k, v]) => [k, v]);
const LIBELLES = { conforme: "conforme", non_conforme: "non conforme", incomplet: "incomplet", non_applicable: "non applicable" };

test("the add-in version stamped by CNC.VERSION is package.json's", () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  expect(VERSION_COMPLEMENT).toBe(pkg.version);
});

test("FONCTIONS_CNC maps each Excel name to its implementation", () => {
  expect(FONCTIONS_CNC.APPORT_MIN).toBe(APPORT_MIN);
  expect(FONCTIONS_CNC.STATUT).toBe(STATUT);
  expect(Object.values(FONCTIONS_CNC).every((f) => typeof f === "function")).toBe(true);
});

test("a scalar argument is a 1×1 range; a flat array is a row; an empty array a blank cell", () => {
  expect(enMatrice(5)).toEqual([[5]]);
  expect(enMatrice([1, 2])).toEqual([[1, 2]]);
  expect(enMatrice([])).toEqual([[null]]);
  expect(APPORT_MIN("fiction", 1000)).toBe(250);
  expect(APPORT_MIN([["fiction"]], [[1000]])).toBe(250);
});

test("on random dossiers, each dossier function says what the core says", () => {
  fc.assert(fc.property(fc.oneof(dossierValide, dossierComplet), (d) => {
    const v = evaluer(parseDossier(d));
    const r = plage(d);
    for (const [nom, cle] of [["apport", "apportInitial"], ["reference", "listeReference"], ["majoration", "majoration"]] as const) {
      const s = v[cle];
      expect(STATUT(r, nom)).toBe(LIBELLES[s.statut]);
      const ecart = ECART(r, nom);
      // Incomplete, or failing on something no amount buys (ecart null): #N/A, never 0 ("complies").
      if (s.statut === "incomplet" || v.version === null || (s.statut === "non_conforme" && s.ecart === null)) expect(ecart).toBeInstanceOf(ErreurExcel);
      else expect(ecart).toBe(s.ecart === null ? 0 : ecartAuCentime(s.ecart).toNumber());
    }
    const conforme = APPORT_CONFORME(r);
    if (v.apportInitial.statut === "conforme" || v.apportInitial.statut === "non_conforme") expect(conforme).toBe(v.apportInitial.statut === "conforme");
    else if (v.apportInitial.statut === "incomplet") expect(conforme).toEqual(new ErreurExcel("na", expect.stringMatching(/^Champs manquants : /) as unknown as string));
    const maj = MAJORATION(r);
    if (v.majoration.statut === "conforme") expect(maj).toBe(0.25);
    if (v.majoration.statut === "non_conforme") expect(maj).toBe(0);
  }), { seed: 20230201, numRuns: 300 });
});

test("a catalogue gives, row by row, what each work gives alone", () => {
  fc.assert(fc.property(fc.array(fc.oneof(dossierValide, dossierComplet), { minLength: 1, maxLength: 8 }), (ds) => {
    const champs = [...new Set(ds.flatMap((d) => Object.keys(d)))];
    if (champs.length < 2) return;
    const catalogue = [champs, ...ds.map((d) => champs.map((k) => (d as Record<string, unknown>)[k] ?? null))];
    const r = REFERENCE_ELIGIBLE(catalogue) as unknown[][];
    expect(r).toHaveLength(ds.length);
    ds.forEach((d, i) => {
      const seul = Object.keys(d).length === 0 ? "" : REFERENCE_ELIGIBLE(plage(d));
      expect(r[i][0]).toEqual(seul);
    });
  }), { seed: 20230201, numRuns: 100 });
});

test("no input makes a function throw", () => {
  const cellule = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 12 }), fc.double(), fc.boolean(), fc.integer(), fc.constant("#N/A"));
  const argument = fc.oneof(cellule, fc.array(fc.array(cellule, { maxLength: 4 }), { maxLength: 4 }));
  fc.assert(fc.property(fc.constantFrom(...Object.keys(FONCTIONS_CNC)), fc.array(argument, { maxLength: 10 }), (nom, args) => {
    expect(() => FONCTIONS_CNC[nom](...args)).not.toThrow();
  }), { seed: 20230201, numRuns: 500 });
});

test("recalculating a catalogue after one change gives the new answer for that row and the same for the others", () => {
  const base = { dateDemande: "2023-01-16", genre: "fiction", dureeMinutes: 90, coutDefinitif: 1_000_000, apportInitial: 250_000, apportNumeraireTelevision: 18_000 };
  const champs = Object.keys(base);
  const lignes = Array.from({ length: 50 }, (_, i) => champs.map((k) => (k === "coutDefinitif" ? 1_000_000 - i : (base as Record<string, unknown>)[k])));
  const avant = APPORT_CONFORME([champs, ...lignes]) as unknown[][];
  expect(avant.every((l) => l[0] === true)).toBe(true);
  expect(oeuvresMemorisees()).toBeGreaterThanOrEqual(50);
  // Row 7: coût 999 993 €, 25 % = 249 998,25 €; one cent under it now.
  lignes[7][champs.indexOf("apportInitial")] = "249 998,24";
  const apres = APPORT_CONFORME([champs, ...lignes]) as unknown[][];
  expect(apres.map((l) => l[0])).toEqual(avant.map((l, i) => (i === 7 ? false : l[0])));
  // Each function and section remembers its own answer for the same work.
  const r = [champs, lignes[0]];
  expect(STATUT(r, "apport")).toEqual([["conforme"]]);
  expect(STATUT(r, "reference")).toEqual([["incomplet"]]);
  expect(ECART(r, "apport")).toEqual([[0]]);
  // The date argument is part of what is remembered.
  expect(STATUT(r, "apport", null, "2022-12-01")).toEqual([["non applicable"]]);
});
