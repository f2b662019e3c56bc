/**
 * Fuzzing the CNC.* custom functions through the built bundle (dist functions.js run in a fresh realm
 * whose only host global is CustomFunctions, as Excel's runtime does): arbitrary cell values — numbers
 * huge and tiny, NaN-like and error-looking strings, booleans, blanks — in single cells, ragged 2-D
 * ranges, 1×N and N×1 ranges, empty arrays, and ranges shaped like dossiers and catalogues so that
 * the parse → evaluate path is reached, not only its first refusal.
 *
 * Every call returns what Excel can display — a value, a rectangular 2-D array of values for a
 * function declared with a matrix result, or a CustomFunctions.Error with a French message — and
 * never throws, never returns NaN/Infinity/null/undefined, and never a string that reads as an Excel
 * error (which a user could not tell from a real one). A message "erreur inattendue" means an
 * exception reached the functions' safety net (protege): a bug, so it fails too. The realm has no
 * fetch / XMLHttpRequest / WebSocket: a network call would surface here as such an error.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { CHAMPS } from "../../src/dossier";
import { dossierComplet } from "../arbitraires";
import { chargerFonctions, CODES_ERREUR, construireBundle, ErreurCustomFunctions, type FonctionsChargees } from "../helpers/bundle";
import { FUZZ } from "./parametres";

interface Metadonnee {
  id: string;
  parameters: { name: string; dimensionality?: "matrix" | "scalar"; optional?: boolean }[];
  result: { dimensionality?: "matrix" | "scalar" };
}

let fonctions: FonctionsChargees;
let metadonnees: Metadonnee[];
beforeAll(async () => {
  const dossier = await construireBundle("cdn");
  fonctions = chargerFonctions(dossier);
  metadonnees = JSON.parse(fs.readFileSync(path.join(dossier, "functions.json"), "utf8")).functions;
}, 300_000);

/** Every code Excel shows for an error, and then some: a result string must never read as one of them. */
export const RESSEMBLE_ERREUR_EXCEL = /^\s*#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|[A-Z][A-Z0-9_/]*[!?])/i;
const CODES = new Set<string>(Object.values(CODES_ERREUR));

const NOMS_CHAMPS = CHAMPS.map((c) => c.champ);
const LIBELLES = CHAMPS.map((c) => c.libelle);

/** A cell as Excel may hand it over, hostile values included. */
const cellule: fc.Arbitrary<unknown> = fc.oneof(
  // Excel never hands over NaN or ±Infinity as numbers (a cell holds #NUM! instead): they come as text.
  fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.integer({ min: 0, max: 80_000 }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e308, -1e308, 5e-324, 1e-300, 123456789012345.67, 9007199254740993, 44942, 2958466, -1),
  fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(
    "", " ", "\t", "NaN", "nan", "Infinity", "-Infinity", "1e400", "-0", "0x10", "1,5", "1.5", "1 250 000,50 €", "€", "12 %",
    "#VALUE!", "#N/A", "#DIV/0!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#BUSY!",
    "VRAI", "FAUX", "oui", "non", "true", "2023-02-29", "2023-01-15", "31/12/2022", "01/02/2023", "9999-12-31",
    "fiction", "animation", "documentaire", "Documentaire de création", "spectacle_vivant", "autre", "martien",
    "television", "smad", "automatique", "selective", "preparation", "apport", "reference", "majoration", "Champ", "Valeur",
    "__proto__", "constructor", "toString", "\u0000", "٣", "=1+1", "'12",
  ),
  fc.constantFrom(...NOMS_CHAMPS), fc.constantFrom(...LIBELLES),
  fc.boolean(), fc.constant(null),
);

/** Ragged 2-D ranges, empty arrays, one row, one column. */
const plageQuelconque: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(fc.array(cellule, { maxLength: 6 }), { maxLength: 6 }),
  fc.array(cellule, { minLength: 1, maxLength: 12 }).map((l) => [l]),
  fc.array(cellule, { minLength: 1, maxLength: 12 }).map((l) => l.map((v) => [v])),
  fc.constantFrom<unknown[][]>([], [[]], [[], []], [[null]], [[""]]),
);

/** A `Champ | Valeur` range: field names or French labels (some unknown, some twice) and hostile values. */
const plageChampValeur: fc.Arbitrary<unknown[][]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...NOMS_CHAMPS), fc.constantFrom(...LIBELLES), cellule), cellule, fc.array(cellule, { maxLength: 2 }))
    .map(([champ, valeur, reste]) => [champ, valeur, ...reste]),
  { maxLength: 20 },
);

/** A catalogue: a header of field names, then rows of any length. */
const plageCatalogue: fc.Arbitrary<unknown[][]> = fc.tuple(
  fc.array(fc.oneof(fc.constantFrom(...NOMS_CHAMPS), cellule), { minLength: 1, maxLength: 10 }),
  fc.array(fc.array(cellule, { maxLength: 11 }), { maxLength: 6 }),
).map(([entete, lignes]) => [entete, ...lignes]);

/**
 * A real dossier (every core field of the right kind) as a `Champ | Valeur` range — field names or
 * French labels — with a few of its values replaced by hostile cells and junk rows mixed in: most of
 * these reach the core, which a wholly random range rarely does.
 */
const plageDossier: fc.Arbitrary<unknown[][]> = fc.tuple(
  dossierComplet, fc.boolean(), fc.array(fc.tuple(fc.nat(), cellule), { maxLength: 2 }), fc.array(fc.tuple(cellule, cellule), { maxLength: 2 }),
).map(([d, libelles, abimes, bruit]) => {
  const lignes: unknown[][] = Object.entries(d).map(([k, v]) => [libelles ? CHAMPS.find((c) => c.champ === k)!.libelle : k, v]);
  for (const [i, v] of abimes) lignes[i % lignes.length][1] = v;
  return [...lignes, ...bruit.map(([a, b]) => [a, b])];
});

/** Several real dossiers as a catalogue (header of field names, one work per row, blanks where absent). */
const catalogueDossiers: fc.Arbitrary<unknown[][]> = fc.array(dossierComplet, { minLength: 1, maxLength: 5 }).map((ds) => {
  const champs = [...new Set(ds.flatMap((d) => Object.keys(d)))];
  return [champs, ...ds.map((d) => champs.map((k) => (k in d ? (d as Record<string, unknown>)[k] : null)))];
});

/** Plausible values for some parameters, so that the fuzz gets past the first check of each function. */
const PLAUSIBLES: Record<string, fc.Arbitrary<unknown>> = {
  dossier: fc.oneof(plageDossier, catalogueDossiers),
  genre: fc.constantFrom("fiction", "animation", "documentaire", "spectacle_vivant", "autre", "Documentaire de création"),
  section: fc.constantFrom("apport", "reference", "majoration", "Apport initial", "Liste des œuvres de référence"),
  date: fc.constantFrom(null, "2023-01-15", "2023-02-01", "15/06/2024", 45000, "2026-11-22"),
  destination: fc.constantFrom(null, "television", "smad", "SMAD"),
  aide: fc.constantFrom(null, "automatique", "selective", "preparation"),
  valeurs: fc.constant(null),
};
const NOMBRE_PLAUSIBLE = fc.oneof(fc.integer({ min: 0, max: 20_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom("1 250 000,50 €", 0.1 + 0.2, 1e15));

/** One argument: a cell as a 1×1 range, a range, a bare scalar, or omitted (null, or undefined). */
const hostile = (dimension: "matrix" | "scalar"): fc.Arbitrary<unknown> => fc.oneof(
  { weight: 4, arbitrary: dimension === "matrix" ? cellule.map((v) => [[v]]) : cellule },
  { weight: 3, arbitrary: fc.oneof(plageQuelconque, plageChampValeur, plageCatalogue) },
  { weight: 1, arbitrary: dimension === "matrix" ? cellule : cellule.map((v) => [[v]]) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
);

function argument(nom: string, dimension: "matrix" | "scalar"): fc.Arbitrary<unknown> {
  const plausible = PLAUSIBLES[nom] ?? (nom === "dossier" ? PLAUSIBLES.dossier : NOMBRE_PLAUSIBLE);
  const enCellule = nom === "dossier" || dimension === "scalar" ? plausible : plausible.map((v) => [[v]]);
  return fc.oneof({ weight: 1, arbitrary: hostile(dimension) }, { weight: 2, arbitrary: enCellule });
}

/** What is wrong with a result, or null when Excel can take it. */
function defaut(r: unknown, matrice: boolean): string | null {
  if (matrice) {
    if (!Array.isArray(r) || r.length === 0) return "résultat matriciel attendu (tableau 2-D non vide)";
    const largeur = Array.isArray(r[0]) ? r[0].length : -1;
    if (largeur < 1) return "première ligne vide ou absente";
    for (const ligne of r) {
      if (!Array.isArray(ligne) || ligne.length !== largeur) return "tableau non rectangulaire";
      for (const c of ligne) {
        const d = defaut(c, false);
        if (d) return d;
      }
    }
    return null;
  }
  if (r instanceof ErreurCustomFunctions) {
    if (!CODES.has(r.code)) return `code d'erreur inconnu ${r.code}`;
    if (typeof r.message !== "string" || r.message.trim() === "") return "erreur sans message";
    if (/erreur inattendue/.test(r.message)) return `exception rattrapée : ${r.message}`;
    // What the user typed is quoted « … »; outside the quotes, these words betray a formatting bug.
    if (/\bundefined\b|\bNaN\b|\[object /.test(r.message.replace(/«[^»]*»/g, "« »"))) return `message mal formé : ${r.message}`;
    return null;
  }
  if (typeof r === "number") return Number.isFinite(r) ? null : `nombre non fini ${r}`;
  if (typeof r === "boolean") return null;
  if (typeof r === "string") return RESSEMBLE_ERREUR_EXCEL.test(r) ? `texte qui ressemble à une erreur Excel : ${r}` : null;
  return `valeur que Excel ne prend pas : ${String(r)} (${typeof r})`;
}

function appeler(id: string, args: unknown[]): unknown {
  try {
    return fonctions.appeler(id, ...args);
  } catch (e) {
    throw new Error(`CNC.${id} a levé une exception : ${e instanceof Error ? e.stack : String(e)}`);
  }
}

const IDS = ["APPORT_MIN", "NUMERAIRE_MIN", "APPORT_CONFORME", "REFERENCE_ELIGIBLE", "MAJORATION", "STATUT", "ECART", "EXPLIQUER", "VERSION"];

describe("fuzzing des fonctions CNC.* à travers le bundle construit", () => {
  test("le bundle associe exactement les fonctions fuzzées", () => {
    expect([...fonctions.ids].sort()).toEqual([...IDS].sort());
    expect(metadonnees.map((m) => m.id).sort()).toEqual([...IDS].sort());
  });

  test("l'oracle refuse ce qu'Excel ne peut pas afficher", () => {
    expect(defaut([[1, "a"], [true, new ErreurCustomFunctions("#N/A", "Champs manquants : genre.")]], true)).toBeNull();
    expect(defaut("#N/A", false)).toMatch(/ressemble à une erreur/);
    expect(defaut(" #value!", false)).toMatch(/ressemble à une erreur/);
    expect(defaut([[1], [2, 3]], true)).toMatch(/rectangulaire/);
    expect(defaut([], true)).toMatch(/matriciel/);
    expect(defaut(5, true)).toMatch(/matriciel/);
    expect(defaut([[NaN]], true)).toMatch(/non fini/);
    expect(defaut([[null]], true)).toMatch(/ne prend pas/);
    expect(defaut(new ErreurCustomFunctions("#VALUE!", "CNC : erreur inattendue (x is not a function)."), false)).toMatch(/rattrapée/);
    expect(defaut(new ErreurCustomFunctions("#VALUE!", ""), false)).toMatch(/sans message/);
    expect(defaut(new ErreurCustomFunctions("#FOO!", "x"), false)).toMatch(/inconnu/);
  });

  test.each(IDS)("CNC.%s : une valeur ou une CustomFunctions.Error, jamais d'exception", (id) => {
    const meta = metadonnees.find((m) => m.id === id)!;
    const matrice = meta.result.dimensionality === "matrix";
    // Excel passes every declared argument (null when left out); a host may also pass fewer, leaving
    // trailing optional ones undefined.
    const optionnels = meta.parameters.filter((p) => p.optional).length;
    const args = fc.tuple(fc.tuple(...meta.parameters.map((p) => argument(p.name, p.dimensionality ?? "scalar"))), fc.nat({ max: optionnels }))
      .map(([valeurs, omis]) => valeurs.slice(0, valeurs.length - omis));
    const vus = { valeurs: 0, erreurs: 0 };
    fc.assert(fc.property(args, (a) => {
      const r = appeler(id, a);
      const d = defaut(r, matrice);
      if (d) throw new Error(`CNC.${id}(${JSON.stringify(a)}) : ${d}`);
      for (const c of [r].flat(2)) vus[c instanceof ErreurCustomFunctions ? "erreurs" : "valeurs"]++;
    }), FUZZ);
    // The fuzz reaches both sides: computed values (the core ran) and errors (the checks refused).
    // CNC.ECART answers #N/A for a random dossier that fails on something no amount buys (a late
    // contract, points: DOMAIN.md "The figures…"), so its values are rarer.
    expect(vus.valeurs).toBeGreaterThan(FUZZ.numRuns / (id === "ECART" ? 100 : 10));
    expect(vus.erreurs).toBeGreaterThan(FUZZ.numRuns / 10);
  });
});

/** What the fuzzing found, fixed in src/functions, kept as plain cases. */
describe("régressions trouvées par le fuzzing", () => {
  const seul = (r: unknown): unknown => (Array.isArray(r) && Array.isArray(r[0]) ? r[0][0] : r);

  test("un montant saisi « 1e400 » : #VALUE! qui nomme l'argument, pas Infinity", () => {
    for (const [r, argument] of [
      [seul(fonctions.appeler("APPORT_MIN", [["fiction"]], [["1e400"]], null, null, null, null, null, null, null)), "cout_definitif"],
      [seul(fonctions.appeler("NUMERAIRE_MIN", [["fiction"]], [["1e400"]], null, null, null)), "duree_minutes"],
    ] as const) {
      expect(r).toBeInstanceOf(ErreurCustomFunctions);
      expect(r).toMatchObject({ code: "#VALUE!", message: `Argument ${argument} : « 1e400 » est hors de l'échelle des nombres.` });
    }
    const ecart = seul(fonctions.appeler("ECART", [["genre", "fiction"], ["dateDemande", "2023-03-01"], ["coutDefinitif", "1e400"], ["apportInitial", 0], ["apportNumeraireTelevision", 0], ["dureeMinutes", 90]], "apport", null, null));
    expect(ecart).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("coutDefinitif") });
  });

  test("une durée de 1e308 minutes (un nombre qu'Excel accepte) : #VALUE! qui nomme l'argument, au lieu d'un numéraire infini ; la colonne garde ses autres cellules", () => {
    const r = seul(fonctions.appeler("NUMERAIRE_MIN", [["fiction"]], [[1e308]], null, null, null));
    expect(r).toMatchObject({ code: "#VALUE!", message: "Argument duree_minutes : 1e+308 est hors de l'échelle des nombres." });
    const colonne = fonctions.appeler("NUMERAIRE_MIN", [["fiction"]], [[60], [1e308]], null, null, null) as unknown[][];
    expect(colonne[0][0]).toBe(12_000);
    expect(colonne[1][0]).toMatchObject({ code: "#VALUE!" });
  });

  test("des libellés reconnus dont les valeurs manquent ne sont pas « aucun champ reconnu » ; les libellés lus sont cités", () => {
    const labels = [["genre"], ["coutDefinitif"], ["NaN"]];
    const r = seul(fonctions.appeler("STATUT", labels, "apport", [[null]], null));
    expect(r).toMatchObject({ code: "#VALUE!", message: "Argument valeurs : 1 ligne pour 3 libellés dans dossier ; les deux plages doivent avoir la même hauteur." });
    const vide = seul(fonctions.appeler("STATUT", labels, "apport", [[null], [null], [null]], null));
    expect(vide).toBe("incomplet");
    const inconnu = seul(fonctions.appeler("STATUT", [["NaN", 1], ["#N/A", 2]], "apport", null, null));
    expect(inconnu).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("libellés lus : « NaN », « #N/A »") });
  });
});
