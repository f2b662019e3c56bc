/**
 * Recalculation of catalogues (src/functions/memoire.ts, empreintes.ts): one evaluation per work
 * whatever the number of CNC formulas that read it; a row whose raw cells did not change is served
 * without being parsed nor evaluated, a changed row gets its new verdict. Counted, never timed.
 */
import * as regles from "../../src/rules";
import * as schema from "../../src/dossier/schema";
import { APPORT_CONFORME, APPORT_MIN, ECART, MAJORATION, REFERENCE_ELIGIBLE, STATUT } from "../../src/functions/cnc";
import { compteurs, oeuvresMemorisees, oublier } from "../../src/functions/memoire";
import { ErreurExcel } from "../../src/functions/excel";

const ENTETE = ["titre", "genre", "dateDemande", "coutDefinitif", "apportInitial", "apportNumeraireTelevision", "dureeMinutes"];
const lignes = (n: number, decalage: number) => Array.from({ length: n }, (_, i) => [`Œuvre ${i}`, "fiction", "2023-03-01", 1_000_000 + decalage + i, 250_000 + i, 100_000, 52]);
/** Row `i` with column `j` set to `v`. */
const avec = (l: unknown[][], i: number, j: number, v: unknown) => l.map((r, k) => (k === i ? r.map((x, c) => (c === j ? v : x)) : r));
const APPORT = ENTETE.indexOf("apportInitial");

describe("mémoire des œuvres", () => {
  beforeEach(() => oublier());
  afterEach(() => jest.restoreAllMocks());

  it("les formules d'une même œuvre partagent un seul verdict", () => {
    const espion = jest.spyOn(regles, "evaluer");
    const l = lignes(50, 0);
    APPORT_CONFORME([ENTETE], l);
    expect(espion).toHaveBeenCalledTimes(50);
    REFERENCE_ELIGIBLE([ENTETE], l);
    MAJORATION([ENTETE], l);
    STATUT([ENTETE], "reference", l);
    ECART([ENTETE], [["majoration"]], l);
    expect(espion).toHaveBeenCalledTimes(50);
  });

  it("une ligne changée reçoit son nouveau verdict ; les autres sont servies sans lecture ni évaluation", () => {
    const l = lignes(40, 0);
    const avant = APPORT_CONFORME([ENTETE], l) as unknown[][];
    expect(avant[7][0]).toBe(true);
    const evaluer = jest.spyOn(regles, "evaluer");
    // A row is read from its cells (lireLigneDirecte), or by parseDossier when a value does not read.
    const direct = jest.spyOn(schema, "lireLigneDirecte");
    const parse = jest.spyOn(schema, "parseDossier");
    const lectures = () => direct.mock.calls.length + parse.mock.calls.length;
    const servies = compteurs.servies;
    // The apport falls to 100 000 €: no longer 25 % of the cost (and still the numéraire it holds).
    const modifiees = avec(l, 7, APPORT, 100_000);
    const apres = APPORT_CONFORME([ENTETE], modifiees) as unknown[][];
    expect(apres[7][0]).toBe(false);
    expect(lectures()).toBe(1);
    expect(evaluer).toHaveBeenCalledTimes(1);
    expect((evaluer.mock.calls[0][0] as regles.Dossier).apportInitial!.toNumber()).toBe(100_000);
    expect(compteurs.servies - servies).toBe(39);
    expect(apres.map((r) => r[0])).toEqual(avant.map((r, i) => (i === 7 ? false : r[0])));
    // The other formulas of the changed row read the verdict just made; back to the old value, the old verdict.
    expect((STATUT([ENTETE], "apport", modifiees) as unknown[][])[7][0]).toBe("non conforme");
    expect((APPORT_CONFORME([ENTETE], l) as unknown[][])[7][0]).toBe(true);
    expect(evaluer).toHaveBeenCalledTimes(1);
    expect(lectures()).toBe(1);
  });

  it("deux valeurs qu'un lecteur distingue ne sont jamais confondues", () => {
    const evaluer = jest.spyOn(regles, "evaluer");
    const l = lignes(1, 0);
    const ecart = (ligne: unknown[][]) => (ECART([ENTETE], "apport", ligne) as unknown[][])[0][0];
    expect(ecart(l)).toBe(0);
    // The same amount as text reads the same (the verdict is the same) but is another key: evaluated once more.
    expect(ecart(avec(l, 0, APPORT, "250 000"))).toBe(0);
    expect(evaluer).toHaveBeenCalledTimes(2);
    // One cent less, as text: another verdict.
    expect(ecart(avec(l, 0, APPORT, "249 999,99"))).toBe(0.01);
    // Blanks are all "not given": "", spaces and null share one entry.
    const sansApport = ecart(avec(l, 0, APPORT, null));
    expect(sansApport).toBeInstanceOf(ErreurExcel);
    expect(ecart(avec(l, 0, APPORT, "  "))).toEqual(sansApport);
    expect(ecart(avec(l, 0, APPORT, ""))).toEqual(sansApport);
    expect(evaluer).toHaveBeenCalledTimes(4);
    // A value the key cannot compare (an object from a host) is never remembered: read every time.
    const objet = avec(l, 0, ENTETE.indexOf("titre"), { texte: "Œuvre 0" });
    expect(ecart(objet)).toBeInstanceOf(ErreurExcel);
    const lire = jest.spyOn(schema, "parseDossier");
    ecart(objet);
    expect(lire).toHaveBeenCalledTimes(1);
  });

  it("la date de la formule et l'en-tête font partie de la clé", () => {
    const evaluer = jest.spyOn(regles, "evaluer");
    const l = lignes(3, 0);
    APPORT_CONFORME([ENTETE], l);
    APPORT_CONFORME([ENTETE], l, [["2024-06-01"]]);
    expect(evaluer).toHaveBeenCalledTimes(6);
    // The same values under another header are another dossier: the apport read as the cost, and so on.
    const permute = [ENTETE[0], ENTETE[1], ENTETE[2], "apportInitial", "coutDefinitif", ...ENTETE.slice(5)];
    const r = APPORT_CONFORME([permute], l) as unknown[][];
    expect(evaluer).toHaveBeenCalledTimes(9);
    expect((evaluer.mock.calls[6][0] as regles.Dossier).coutDefinitif!.toNumber()).toBe(250_000);
    expect(r[0][0]).toBe(true);
  });

  it("un catalogue plus grand que l'ancienne mémoire minimale n'est pas évincé avant d'être relu", () => {
    const l = lignes(6000, 10_000_000);
    APPORT_CONFORME([ENTETE], l);
    expect(oeuvresMemorisees()).toBeGreaterThanOrEqual(6000);
    const espion = jest.spyOn(regles, "evaluer");
    STATUT([ENTETE], "apport", l);
    expect(espion).not.toHaveBeenCalled();
  });

  it("une colonne de CNC.APPORT_MIN recalculée ne recalcule que la ligne changée", () => {
    const calcul = jest.spyOn(regles, "calculerApportMinimum");
    const genres = [["fiction"], ["animation"], ["documentaire"]];
    const couts = [[1_000_000], [2_000_000], [3_000_000]];
    expect(APPORT_MIN(genres, couts)).toEqual([[250_000], [500_000], [750_000]]);
    expect(calcul).toHaveBeenCalledTimes(3);
    expect(APPORT_MIN(genres, [[1_000_000], [2_000_004], [3_000_000]])).toEqual([[250_000], [500_001], [750_000]]);
    expect(calcul).toHaveBeenCalledTimes(4);
  });
});
