/**
 * What Excel really hands the functions, through the built bundle: data-type values (objects with
 * basicValue, since the metadata allows custom data), error cells (allowErrorForDataTypeAny), and
 * long catalogues answered asynchronously, slice by slice, with the same result as one go.
 */
import { parseDossier } from "../../src/dossier";
import { evaluer } from "../../src/rules";
import { TAILLE_TRANCHE, tranches } from "../../src/functions/entrees";
import { chargerFonctions, construireBundle, ErreurCustomFunctions, simplifier, type FonctionsChargees } from "../helpers/bundle";

let f: FonctionsChargees;
beforeAll(async () => {
  f = chargerFonctions(await construireBundle("cdn"));
}, 300_000);

const ENTETE = ["titre", "genre", "dateDemande", "coutDefinitif", "apportInitial", "apportNumeraireTelevision", "dureeMinutes"];
const oeuvre = (i: number, apport: number) => [`Œuvre ${i}`, "fiction", "2023-03-01", 1_000_000, apport, apport, 52];

test("a formatted number, a string and a boolean data type are read as their value", () => {
  const nombre = (v: number) => ({ type: "FormattedNumber", basicValue: v, basicType: "Double", numberFormat: "# ##0 €" });
  expect(simplifier(f.appeler("APPORT_MIN", [[{ type: "String", basicValue: "fiction" }]], [[nombre(1_000_000)]], null, null, null, null, null, null, null))).toEqual([[250_000]]);
  const d = [["genre", "fiction"], ["dateDemande", "2023-03-01"], ["coutDefinitif", nombre(1_000_000)], ["apportInitial", { type: "Double", basicValue: 250_000 }], ["apportNumeraireTelevision", 250_000], ["dureeMinutes", 52], ["coproductionInternationale", { type: "Boolean", basicValue: false }]];
  expect(simplifier(f.appeler("STATUT", d, "apport", null, null))).toEqual([["conforme"]]);
  // An entity's basicValue is #VALUE!: its displayed text is what the person typed.
  expect(simplifier(f.appeler("APPORT_MIN", [[{ type: "Entity", text: "Animation", basicValue: "#VALUE!", basicType: "Error", properties: {} }]], [[1_000_000]], null, null, null, null, null, null, null))).toEqual([[250_000]]);
});

test("an error in one input cell of a catalogue stays in its row, named; the other rows compute", () => {
  const catalogue = [ENTETE, oeuvre(1, 250_000), [...oeuvre(2, 250_000).slice(0, 3), new ErreurCustomFunctions("#DIV/0!"), 250_000, 250_000, 52], oeuvre(3, 200_000)];
  const r = simplifier(f.appeler("STATUT", catalogue, "apport", null, null)) as unknown[][];
  expect(r[0]).toEqual(["conforme"]);
  expect(r[1][0]).toEqual({ erreur: "#VALUE!", message: expect.stringMatching(/œuvre n° 2, champ « coutDefinitif ».*la cellule contient l'erreur #DIV\/0!/) });
  expect(r[2]).toEqual(["non conforme"]);
  // The data-type form of an error (valuesAsJson) is an error too.
  const r2 = simplifier(f.appeler("NUMERAIRE_MIN", [["fiction"]], [[90], [{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }]], null, null, null)) as unknown[][];
  expect(r2[0]).toEqual([18_000]);
  expect(r2[1][0]).toEqual({ erreur: "#VALUE!", message: expect.stringContaining("l'erreur #N/A") });
});

describe("a long catalogue: asynchronous, in slices, the same answer", () => {
  const n = TAILLE_TRANCHE * 2 + 17;
  const lignes = Array.from({ length: n }, (_, i) => oeuvre(i + 1, i % 3 === 0 ? 200_000 : 250_000));
  lignes[TAILLE_TRANCHE + 4][1] = "western";

  test("the slices are whole catalogues with the header; a short catalogue or a Champ | Valeur range is not cut", () => {
    const t = tranches([ENTETE, ...lignes], null)!;
    expect(t.map((x) => x.debut)).toEqual([0, TAILLE_TRANCHE, 2 * TAILLE_TRANCHE]);
    expect(t.every((x) => (x.dossier as unknown[][])[0] === ENTETE)).toBe(true);
    expect(t.reduce((s, x) => s + (x.dossier as unknown[][]).length - 1, 0)).toBe(n);
    expect(tranches([ENTETE, ...lignes.slice(0, 10)], null)).toBeNull();
    expect(tranches(Array.from({ length: 900 }, (_, i) => [i === 0 ? "genre" : `Notes ${i}`, "x"]), null)).toBeNull();
    expect(tranches([ENTETE], lignes)!.map((x) => (x.valeurs as unknown[][]).length)).toEqual([TAILLE_TRANCHE, TAILLE_TRANCHE, 17]);
  });

  test("STATUT over the whole catalogue: a Promise, one row per work, the bad work named by its number in the whole catalogue", async () => {
    const appel = f.appeler("STATUT", [ENTETE, ...lignes], "apport", null, null);
    expect(typeof (appel as Promise<unknown>).then).toBe("function");
    const r = simplifier(await appel) as unknown[][];
    expect(r).toHaveLength(n);
    const attendu = lignes.map((l, i) => {
      if (i === TAILLE_TRANCHE + 4) return { erreur: "#VALUE!", message: expect.stringContaining(`œuvre n° ${TAILLE_TRANCHE + 5}, champ « genre »`) };
      const v = evaluer(parseDossier(Object.fromEntries(ENTETE.map((k, j) => [k, l[j]]))));
      return { conforme: "conforme", non_conforme: "non conforme" }[v.apportInitial.statut as "conforme" | "non_conforme"];
    });
    expect(r.map((x) => x[0])).toEqual(attendu);
    // The header-and-values form, too.
    const r2 = simplifier(await (f.appeler("APPORT_CONFORME", [ENTETE], lignes, null) as Promise<unknown>)) as unknown[][];
    expect(r2.map((x) => (typeof x[0] === "object" ? "erreur" : x[0]))).toEqual(attendu.map((a) => (typeof a === "object" ? "erreur" : a === "conforme")));
  });
});
