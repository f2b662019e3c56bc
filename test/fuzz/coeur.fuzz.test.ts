/**
 * Fuzzing the core through its only door, parse then evaluate: arbitrary values for every field,
 * valid or not. The answer is a verdict or a DossierInvalide naming fields — nothing else.
 */
import fc from "fast-check";
import { CHAMPS, DossierInvalide, parseDossiers } from "../../src/dossier";
import { evaluer, STATUTS } from "../../src/rules";
import { verdictJson } from "../../src/render/json";
import { rapportTexte } from "../../src/render/texte";
import { dossierValide } from "../arbitraires";
import { FUZZ } from "./parametres";

const NOMS = CHAMPS.map((c) => c.champ);

/** Values a cell or a JSON file may hold, hostile ones included. */
export const valeurQuelconque = fc.oneof(
  fc.double(), fc.integer(), fc.constantFrom(0.1 + 0.2, 1e308, -0, 5e-324, 123456789012345.67, 9007199254740993),
  fc.string(), fc.constantFrom("", " ", "#VALUE!", "#N/A", "VRAI", "non", "1 250 000,50 €", "1e400", "NaN", "-0", "2023-02-29", "31/12/2022", "Documentaire de création", "\u0000", "٣"),
  fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);

const dossierQuelconque = fc.oneof(
  dossierValide,
  fc.dictionary(fc.constantFrom(...NOMS, "inconnu", "__proto__", "constructor", "Genre"), valeurQuelconque, { maxKeys: 12 }),
  fc.tuple(dossierValide, fc.constantFrom(...NOMS), valeurQuelconque).map(([d, k, v]) => ({ ...d, [k]: v })),
);

describe("fuzzing du cœur", () => {
  it("un verdict complet ou une erreur de validation qui nomme ses champs, jamais autre chose", () => {
    fc.assert(fc.property(fc.oneof(dossierQuelconque, fc.array(dossierQuelconque, { maxLength: 4 }), valeurQuelconque), (entree) => {
      let dossiers;
      try {
        dossiers = parseDossiers(entree);
      } catch (e) {
        expect(e).toBeInstanceOf(DossierInvalide);
        const erreurs = (e as DossierInvalide).erreurs;
        expect(erreurs.length).toBeGreaterThan(0);
        for (const err of erreurs) expect(err.message.length).toBeGreaterThan(0);
        return;
      }
      for (const d of Array.isArray(dossiers) ? dossiers : [dossiers]) {
        const v = evaluer(d, { aujourdhui: "2026-11-22" });
        for (const s of [v.apportInitial, v.listeReference, v.majoration]) expect(STATUTS).toContain(s.statut);
        const json = JSON.stringify(verdictJson(v));
        expect(json).not.toMatch(/NaN|Infinity|undefined/);
        expect(rapportTexte(v).length).toBeGreaterThan(0);
      }
    }), FUZZ);
  });

  it("montants à 15 chiffres significatifs et plus : comparaisons exactes, pas de notation scientifique dans les messages", () => {
    const grand = fc.bigInt({ min: 10n ** 14n, max: 10n ** 18n }).map((b) => `${b}`);
    fc.assert(fc.property(grand, grand, (cout, apport) => {
      const [d] = parseDossiers([{ genre: "fiction", dateDemande: "2023-01-10", coutDefinitif: cout, apportInitial: apport, apportNumeraireTelevision: apport, dureeMinutes: 60 }]) as never[];
      const v = evaluer(d);
      const a1 = v.apportInitial.conditions.find((c) => c.code === "A1")!;
      const attendu = BigInt(cout) * 25n;
      const conforme = BigInt(apport) * 100n >= attendu;
      expect(a1.statut).toBe(conforme ? "conforme" : "non_conforme");
      expect(a1.message).not.toMatch(/e\+/);
    }), FUZZ);
  });
});
