/**
 * What a computation gives: each formula's value next to the value cached in the file, the errors
 * with their addresses, and the faults that stop everything (a formula the engine cannot read, a
 * function or name it does not know, a circular reference), each named by sheet and cell.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { adresse as adresseA1 } from "../modele";
import { ErreurClasseur, nomCellule } from "./erreurs";
import type { Orthographe } from "./formules";
import type { ClasseurLu, FormuleLue, ValeurBrute } from "./lire";
import type { Calcul } from "./moteur";

export interface ErreurCellule {
  /** Excel's code: "#N/A", "#VALUE!", "#DIV/0!"… */
  erreur: string;
  message: string;
}

export type ValeurCalculee = ValeurBrute | ErreurCellule;

export interface CelluleCalculee {
  feuille: string;
  indexFeuille: number;
  ligne: number;
  colonne: number;
  adresse: string;
  valeur: ValeurCalculee;
  /** The formula's cell, or the cell of an array formula's spill range it belongs to. */
  formule: FormuleLue;
  cache: ValeurBrute | undefined;
}

export interface Resume {
  fichier: string;
  feuilles: number;
  formules: number;
  formulesCnc: number;
  orthographes: Orthographe[];
  cellulesCalculees: number;
  differences: { feuille: string; adresse: string; cache: ValeurBrute; valeur: ValeurCalculee }[];
  sansCache: number;
  erreurs: { feuille: string; adresse: string; erreur: string; message: string }[];
  /** Broken add-in references (`[1]!_xldudf_CNC_…`) repaired: computed, and written back without `[1]!`. */
  referencesReparees: { feuille: string; adresse: string; avant: string; apres: string }[];
  /** Formulas written `CNC.…` in the input, written `_xldudf_CNC_…` in the output (the spelling Excel binds). */
  orthographeConvertie: number;
  /** Each CNC.* formula's value, with the text to its left when there is one (the label of the result). */
  resultatsCnc: { feuille: string; adresse: string; libelle: string | null; valeur: ValeurCalculee }[];
}

const CODES_EXCEL: Record<string, string> = { "#CYCLE!": "#REF!", "#ERROR!": "#NAME?", "#LIC!": "#NAME?" };

/** The engine's messages a user meets most in a damaged or edited workbook, in French. */
const MESSAGES_MOTEUR: Record<string, string> = {
  "Sheet does not exist.": "La formule fait référence à une feuille qui n'existe pas dans le classeur.",
  "Address is not correct.": "Référence de cellule incorrecte.",
  "Resulting reference is out of the sheet.": "La référence obtenue sort de la feuille.",
};

export function valeurCalculee(v: CellValue): ValeurCalculee {
  if (v instanceof DetailedCellError) {
    const message = v.message === "No space for array result." || /array result/i.test(v.message ?? "") ? "Plage de débordement occupée : libérez les cellules où le résultat doit s'afficher." : MESSAGES_MOTEUR[v.message ?? ""] ?? v.message ?? "";
    const code = /array result/i.test(v.message ?? "") ? "#SPILL!" : CODES_EXCEL[v.value] ?? v.value;
    return { erreur: code, message };
  }
  // HyperFormula rounds a number to 10 significant digits on export with a factor 10^(10 − exponent):
  // for |v| under ~1e-299 the factor is infinite and the value comes out NaN. Never a NaN in a cell.
  if (typeof v === "number" && !Number.isFinite(v)) {
    return { erreur: "#NUM!", message: "Valeur trop petite ou trop grande pour être écrite (nombre hors de l'échelle du moteur de calcul)." };
  }
  return v;
}

export function estErreur(v: ValeurCalculee | undefined): v is ErreurCellule {
  return typeof v === "object" && v !== null && "erreur" in v;
}

/** Every computed cell: each formula, and each cell its array result spills into. */
export function cellulesCalculees(lu: ClasseurLu, calcul: Calcul): CelluleCalculee[] {
  const cellules: CelluleCalculee[] = [];
  for (const f of lu.formules) {
    const t = calcul.tailles.get(f) ?? { lignes: 1, colonnes: 1 };
    const ws = lu.classeur.getWorksheet(f.feuille);
    for (let i = 0; i < t.lignes; i++) {
      for (let j = 0; j < t.colonnes; j++) {
        const ligne = f.ligne + i;
        const colonne = f.colonne + j;
        const premiere = i === 0 && j === 0;
        let cache: ValeurBrute | undefined = f.cache;
        if (!premiere) {
          const v = ws?.getCell(ligne, colonne).value;
          cache = v === null || v === undefined ? undefined : typeof v === "object" && !(v instanceof Date) && "error" in v ? String((v as { error: string }).error) : v instanceof Date ? v.getTime() / 86_400_000 + 25569 : typeof v === "object" ? undefined : v;
        }
        cellules.push({
          feuille: f.feuille, indexFeuille: f.indexFeuille, ligne, colonne, adresse: premiere ? f.adresse : adresseA1(colonne, ligne),
          valeur: valeurCalculee(calcul.valeur(f.indexFeuille, ligne, colonne)), formule: f, cache,
        });
      }
    }
  }
  return cellules;
}

/** Same value, as Excel would show it: numbers to 1e-9 relative, error codes as text. */
export function memeValeur(cache: ValeurBrute, v: ValeurCalculee): boolean {
  if (estErreur(v)) return cache === v.erreur;
  if (typeof cache === "number" && typeof v === "number") {
    return Math.abs(cache - v) <= 1e-9 * Math.max(1, Math.abs(cache), Math.abs(v));
  }
  if ((cache === "" || cache === null) && (v === null || v === "")) return true;
  return cache === v;
}

function extraitNom(message: string): string | null {
  return /(?:Function name|Named expression) (.+?) not recognized/i.exec(message)?.[1] ?? null;
}

/** Throws ErreurClasseur for the faults that make the computation meaningless. */
export function verifierCalcul(cellules: readonly CelluleCalculee[], calcul: Calcul): void {
  const inconnues: { c: CelluleCalculee; nom: string; fonction: boolean }[] = [];
  const illisibles: { c: CelluleCalculee; message: string }[] = [];
  const cycles: CelluleCalculee[] = [];
  for (const c of cellules) {
    const brute = calcul.valeur(c.indexFeuille, c.ligne, c.colonne);
    if (!(brute instanceof DetailedCellError)) continue;
    if (brute.type === "CYCLE") cycles.push(c);
    else if (brute.type === "ERROR") illisibles.push({ c, message: brute.message });
    else if (brute.type === "LIC") illisibles.push({ c, message: "fonction réservée à une licence commerciale du moteur de calcul" });
    else if (brute.type === "NAME") {
      const nom = extraitNom(brute.message);
      if (nom) inconnues.push({ c, nom, fonction: /^Function/i.test(brute.message) });
    }
  }
  const autres = (n: number) => (n > 1 ? ` (et ${n - 1} autre${n > 2 ? "s" : ""} cellule${n > 2 ? "s" : ""})` : "");
  const formule = (c: CelluleCalculee) => `« =${c.formule.texte} »`;
  if (illisibles.length) {
    const { c, message } = illisibles[0];
    throw new ErreurClasseur(`${nomCellule(c.feuille, c.adresse)} : formule que le moteur de calcul ne sait pas lire ${formule(c)}${message ? ` (${message})` : ""}${autres(illisibles.length)}.`);
  }
  if (inconnues.length) {
    // Report where the unknown name is written, not the cells that merely depend on it.
    const origine = inconnues.find((x) => x.c.formule.texte.toUpperCase().includes(x.nom.toUpperCase().replace(/^CNC\./, ""))) ?? inconnues[0];
    const quoi = origine.fonction ? `fonction inconnue « ${origine.nom} »` : `nom inconnu « ${origine.nom} » (ni nom défini, ni table)`;
    throw new ErreurClasseur(`${nomCellule(origine.c.feuille, origine.c.adresse)} : ${quoi} dans la formule ${formule(origine.c)}${autres(inconnues.length)}. ${origine.fonction ? "Le moteur de calcul ne connaît que les fonctions d'Excel qu'il implémente et les fonctions CNC.*." : ""}`.trim());
  }
  if (cycles.length) {
    const liste = cycles.slice(0, 6).map((c) => nomCellule(c.feuille, c.adresse)).join(", ");
    throw new ErreurClasseur(`référence circulaire : ${liste}${cycles.length > 6 ? `… (${cycles.length} cellules)` : ""} dépendent d'elles-mêmes. Corrigez la formule ${formule(cycles[0])} en ${nomCellule(cycles[0].feuille, cycles[0].adresse)}.`);
  }
}

export function resumer(lu: ClasseurLu, cellules: readonly CelluleCalculee[]): Resume {
  const differences: Resume["differences"] = [];
  const erreurs: Resume["erreurs"] = [];
  let sansCache = 0;
  for (const c of cellules) {
    if (c.cache === undefined) sansCache++;
    else if (!memeValeur(c.cache, c.valeur)) differences.push({ feuille: c.feuille, adresse: c.adresse, cache: c.cache, valeur: c.valeur });
    if (estErreur(c.valeur)) erreurs.push({ feuille: c.feuille, adresse: c.adresse, erreur: c.valeur.erreur, message: c.valeur.message });
  }
  const resultatsCnc: Resume["resultatsCnc"] = [];
  for (const c of cellules) {
    if (c.formule.orthographe === null || c.ligne !== c.formule.ligne || c.colonne !== c.formule.colonne) continue;
    const gauche = c.colonne > 1 ? lu.feuilles[c.indexFeuille].donnees[c.ligne - 1]?.[c.colonne - 2] : null;
    const libelle = typeof gauche === "string" && !gauche.startsWith("=") ? gauche.replace(/^'/, "") : null;
    resultatsCnc.push({ feuille: c.feuille, adresse: c.adresse, libelle, valeur: c.valeur });
  }
  const orthographes = [...new Set(lu.formules.map((f) => f.orthographe).filter((o): o is Orthographe => o !== null))];
  return {
    fichier: lu.chemin,
    feuilles: lu.feuilles.length,
    formules: lu.formules.length,
    formulesCnc: lu.formules.filter((f) => f.orthographe !== null).length,
    orthographes,
    cellulesCalculees: cellules.length,
    differences,
    sansCache,
    erreurs,
    referencesReparees: lu.formules.filter((f) => f.avantReparation !== undefined).map((f) => ({ feuille: f.feuille, adresse: f.adresse, avant: `=${f.avantReparation}`, apres: `=${f.texte}` })),
    orthographeConvertie: lu.formules.filter((f) => f.orthographe === "point").length,
    resultatsCnc,
  };
}
