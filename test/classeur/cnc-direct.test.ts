/**
 * CNC formulas computed without the formula engine (src/classeur/cnc-direct.ts) give exactly what the
 * engine gives — value, error code and French message — on the shipped workbooks and on cases built
 * to fall back to the engine (a reference to a formula, a name, a nested call, a spill over a cell
 * read, an error in a cell read).
 */
import { join } from "path";
import { DetailedCellError } from "hyperformula";
import { lireClasseur } from "../../src/classeur/lire";
import { calculerClasseur } from "../../src/classeur/moteur";
import { calculerDirect } from "../../src/classeur/cnc-direct";
import { cellulesCalculees, estErreur } from "../../src/classeur/resume";
import { dossierTemporaire, ecrireCellules, EXEMPLES } from "./outils";

const dossier = dossierTemporaire();

async function comparer(chemin: string) {
  const lu = await lireClasseur(chemin);
  const moteur = calculerClasseur(lu, { direct: false });
  const direct = calculerClasseur(lu);
  const attendu = cellulesCalculees(lu, moteur);
  const obtenu = cellulesCalculees(lu, direct);
  moteur.detruire();
  direct.detruire();
  return { lu, attendu, obtenu, directes: calculerDirect(lu).contenus.size };
}

describe("formules CNC calculées sans le moteur", () => {
  it("le catalogue d'exemple : chaque cellule comme le moteur, erreurs et messages compris", async () => {
    const { lu, attendu, obtenu, directes } = await comparer(join(EXEMPLES, "catalogue.xlsx"));
    // Every CNC formula of the catalogue reads only plain cells.
    expect(directes).toBe(lu.formules.filter((f) => f.cncSeul).length);
    expect(directes).toBeGreaterThan(1000);
    expect(obtenu).toEqual(attendu);
    // The comparison covers errors (incomplete works) and every kind of value.
    expect(attendu.some((c) => estErreur(c.valeur) && c.valeur.message.length > 0)).toBe(true);
    expect(new Set(attendu.map((c) => (estErreur(c.valeur) ? "erreur" : typeof c.valeur)))).toEqual(new Set(["erreur", "number", "string"]));
  });

  it("le plan de financement : ses formules CNC lisent des formules, le moteur les calcule", async () => {
    const { attendu, obtenu } = await comparer(join(EXEMPLES, "plan-financement.xlsx"));
    expect(obtenu).toEqual(attendu);
  });

  it("ce qui dépend du moteur lui reste, et une formule native lit le résultat calculé sans lui", async () => {
    const chemin = await ecrireCellules(join(dossier, "mixte.xlsx"), {
      Feuille: [
        ["genre", "coutDefinitif", "minimum", "double", "via formule", "via nom", "imbriquée", "erreur lue"],
        ["fiction", 1_000_000, "=_xldudf_CNC_APPORT_MIN(A2,B2)", "=C2*2", "=_xldudf_CNC_APPORT_MIN(A2,D2)", "=_xldudf_CNC_APPORT_MIN(A2,Cout)", "=_xldudf_CNC_APPORT_MIN(A2,B2+1)", "=_xldudf_CNC_APPORT_MIN(A2,H3)"],
        ["jeu", null, "=_xldudf_CNC_APPORT_MIN(A3,B3)", null, null, null, null, "=NA()"],
      ],
    });
    const lu = await lireClasseur(chemin);
    lu.noms.push({ nom: "Cout", feuille: "Feuille", rectangle: { haut: 2, bas: 2, gauche: 2, droite: 2 }, reference: "'Feuille'!$B$2" });
    const directes = calculerDirect(lu).contenus;
    expect([...directes.keys()].map((f) => f.adresse).sort()).toEqual(["C2", "C3"]);
    const calcul = calculerClasseur(lu);
    const moteur = calculerClasseur(lu, { direct: false });
    const valeurs = (c: ReturnType<typeof calculerClasseur>) => [3, 4, 5, 6, 7, 8].map((col) => c.valeur(0, 2, col));
    expect(valeurs(calcul)).toEqual(valeurs(moteur));
    expect(calcul.valeur(0, 2, 3)).toBe(250_000);
    expect(calcul.valeur(0, 2, 4)).toBe(500_000);
    expect(calcul.valeur(0, 3, 3)).toEqual(moteur.valeur(0, 3, 3));
    expect(String(calcul.valeur(0, 3, 3))).toBe("#VALUE!");
    calcul.detruire();
    moteur.detruire();
  });

  it("une plage lue que recouvre un débordement calculé par le moteur : tout revient au moteur", async () => {
    // B1 spills a 3-row column over B2:B3, which D2 reads: only the engine knows B2 (500 000).
    const chemin = await ecrireCellules(join(dossier, "debordement.xlsx"), {
      Feuille: [
        ["genre", "=_xldudf_CNC_APPORT_MIN(A2:A4,C2:C4)", "cout", null],
        ["fiction", null, 1_000_000, "=_xldudf_CNC_APPORT_MIN(A2,B2)"],
        ["fiction", null, 2_000_000, null],
        ["fiction", null, 3_000_000, null],
      ],
    });
    const lu = await lireClasseur(chemin);
    expect([...calculerDirect(lu).contenus.keys()].map((f) => f.adresse)).toEqual(["D2"]);
    const calcul = calculerClasseur(lu);
    const moteur = calculerClasseur(lu, { direct: false });
    expect(calcul.valeur(0, 2, 4)).toEqual(moteur.valeur(0, 2, 4));
    expect(calcul.valeur(0, 2, 4)).toBe(125_000);
    calcul.detruire();
    moteur.detruire();
  });

  it("toutes les formules calculées sans le moteur : il n'est pas construit, et chaque valeur se lit comme il l'exporte", async () => {
    // A sheet name the engine quotes, an amount it rounds on export (11 digits before the decimal
    // point: the cents go), an error with its message, a plain result.
    const chemin = await ecrireCellules(join(dossier, "sans-moteur.xlsx"), {
      "Œuvres 2026": [
        ["genre", "coutDefinitif", "minimum", "numéraire"],
        ["fiction", 98_765_432_109.13, "=_xldudf_CNC_APPORT_MIN(A2,B2)", "=_xldudf_CNC_NUMERAIRE_MIN(A2,B2)"],
        ["jeu", null, "=_xldudf_CNC_APPORT_MIN(A3,B3)", "=_xldudf_CNC_NUMERAIRE_MIN(A3,B3)"],
        ["fiction", 1_000_000, "=_xldudf_CNC_APPORT_MIN(A4,B4)", null],
      ],
    });
    const lu = await lireClasseur(chemin);
    expect(calculerDirect(lu).contenus.size).toBe(lu.formules.length);
    const calcul = calculerClasseur(lu);
    const moteur = calculerClasseur(lu, { direct: false });
    expect(calcul.passes).toBe(0);
    for (const f of lu.formules) expect([f.adresse, calcul.valeur(0, f.ligne, f.colonne)]).toEqual([f.adresse, moteur.valeur(0, f.ligne, f.colonne)]);
    expect(calcul.valeur(0, 2, 3)).toBe(24_691_358_027);
    expect(calcul.valeur(0, 4, 3)).toBe(250_000);
    const erreur = calcul.valeur(0, 3, 3);
    expect(erreur).toBeInstanceOf(DetailedCellError);
    expect((erreur as DetailedCellError).address).toBe("'Œuvres 2026'!C3");
    // A cell that is not a formula: the engine is built then, and reads it.
    expect(calcul.valeur(0, 2, 2)).toBe(moteur.valeur(0, 2, 2));
    expect(calcul.dimensions(0)).toEqual(moteur.dimensions(0));
    calcul.detruire();
    moteur.detruire();
  });
});
