/**
 * functions.json as the build generates it from the JSDoc of src/functions/functions.ts: every
 * function of issue 3, its parameters in Excel's order with their French names and descriptions,
 * optional where the issue says so, ranges where a range is allowed.
 */
import * as fs from "fs";
import * as path from "path";
import { FONCTIONS_CNC } from "../../src/functions/cnc";
import { construireBundle } from "../helpers/bundle";

interface Parametre { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }
interface Fonction { id: string; name: string; description?: string; parameters: Parametre[]; result: { dimensionality?: string; type?: string } }

let fonctions: Fonction[];
beforeAll(async () => {
  const dossier = await construireBundle("cdn");
  fonctions = JSON.parse(fs.readFileSync(path.join(dossier, "functions.json"), "utf8")).functions;
}, 300_000);

/** Name → [parameter, optional?] in Excel's order (issue 3, plus the date of the side-by-side comparison). */
const ATTENDU: Record<string, [string, boolean][]> = {
  APPORT_MIN: [["genre", false], ["cout_definitif", false], ["participation_francaise", true], ["preventes_internationales", true], ["points_creation", true], ["points_fabrication", true], ["destination", true], ["aide", true], ["date", true], ["duree_minutes", true]],
  NUMERAIRE_MIN: [["genre", false], ["duree_minutes", false], ["destination", true], ["aide", true], ["date", true]],
  APPORT_CONFORME: [["dossier", false], ["valeurs", true], ["date", true]],
  REFERENCE_ELIGIBLE: [["dossier", false], ["valeurs", true], ["date", true]],
  MAJORATION: [["dossier", false], ["valeurs", true], ["date", true]],
  STATUT: [["dossier", false], ["section", false], ["valeurs", true], ["date", true]],
  ECART: [["dossier", false], ["section", false], ["valeurs", true], ["date", true]],
  EXPLIQUER: [["dossier", false], ["section", true], ["valeurs", true], ["date", true]],
  VERSION: [["date", true]],
};

/** French text: a French function word, and none of the English ones a forgotten template would leave. */
function francais(texte: string | undefined): boolean {
  if (!texte) return false;
  const mots = texte.toLowerCase().split(/[^a-zàâçéèêëîïôûùüÿœ_]+/);
  return mots.some((m) => ["de", "du", "la", "le", "les", "des", "ou", "et", "en", "par", "si", "à", "quand"].includes(m))
    && !mots.some((m) => ["the", "of", "and", "returns", "number", "value"].includes(m));
}

test("every function of the issue, and only those, with the ids and names Excel shows after CNC.", () => {
  expect(fonctions.map((f) => f.id).sort()).toEqual(Object.keys(ATTENDU).sort());
  for (const f of fonctions) expect(f.name).toBe(f.id);
  // The CLI registers the same functions by the same names.
  expect(Object.keys(FONCTIONS_CNC).sort()).toEqual(Object.keys(ATTENDU).sort());
});

test.each(Object.entries(ATTENDU))("%s: parameters, order, optionality, French descriptions", (id, parametres) => {
  const f = fonctions.find((x) => x.id === id)!;
  expect(francais(f.description)).toBe(true);
  expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(parametres);
  for (const p of f.parameters) {
    expect({ nom: p.name, francais: francais(p.description) }).toEqual({ nom: p.name, francais: true });
  }
  // The plain function takes the same arguments in the same order.
  expect(FONCTIONS_CNC[id].length).toBeLessThanOrEqual(parametres.length);
});

test("arguments that may be ranges are matrices; results that may spill are matrices", () => {
  const plages = new Set(["genre", "cout_definitif", "participation_francaise", "preventes_internationales", "points_creation", "points_fabrication", "destination", "aide", "duree_minutes", "dossier", "valeurs"]);
  for (const f of fonctions) {
    for (const p of f.parameters) {
      const date = p.name === "date" && (f.id === "APPORT_MIN" || f.id === "NUMERAIRE_MIN");
      expect({ f: f.id, p: p.name, matrice: p.dimensionality === "matrix" }).toEqual({ f: f.id, p: p.name, matrice: plages.has(p.name) || date });
    }
    expect({ f: f.id, matrice: f.result.dimensionality === "matrix" }).toEqual({ f: f.id, matrice: f.id !== "VERSION" });
  }
});
