/**
 * Writing the computed values into the workbook and saving it under another name. Formula texts are
 * kept as the file had them, with two exceptions: our functions are written `_xldudf_CNC_…` (the
 * only spelling Excel binds to the add-in when it opens a file), and a broken add-in reference
 * `[1]!_xldudf_CNC_…` is written repaired. Then what exceljs dropped is put back (fidelite.ts).
 * The file is written to a temporary name in the same folder, then renamed: a failure never leaves
 * a half-written output.
 */
import { existsSync, renameSync, unlinkSync, realpathSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import type ExcelJS from "exceljs";
import { plage as plageA1 } from "../modele";
import { ErreurClasseur } from "./erreurs";
import { restaurer } from "./fidelite";
import { enXldudf } from "./formules";
import type { ClasseurLu, FormuleLue } from "./lire";
import { estErreur, type CelluleCalculee, type ValeurCalculee } from "./resume";
import type { Calcul } from "./moteur";

function resultat(v: ValeurCalculee): ExcelJS.CellValue {
  if (estErreur(v)) return { error: v.erreur } as ExcelJS.CellErrorValue;
  return v;
}

/** The text a formula is written with, when it is not the file's: repaired, or our functions respelled. */
export function texteReecrit(f: FormuleLue): string | null {
  const t = f.orthographe === "point" ? enXldudf(f.texte) : f.texte;
  return t !== (f.avantReparation ?? f.texte) ? t : null;
}

/** Puts every computed value in the exceljs workbook (in memory). */
export function poserResultats(lu: ClasseurLu, calcul: Calcul, cellules: readonly CelluleCalculee[]): void {
  const parFormule = new Map<object, CelluleCalculee[]>();
  for (const c of cellules) {
    const l = parFormule.get(c.formule) ?? [];
    l.push(c);
    parFormule.set(c.formule, l);
  }
  for (const liste of parFormule.values()) {
    const formule = liste[0].formule;
    const ws = lu.classeur.getWorksheet(formule.feuille)!;
    const taille = calcul.tailles.get(formule);
    // Clear what an earlier, larger spill range left behind.
    // Only cells that exist are cleared (getCell would create every cell of a range saved over the whole grid).
    if (formule.tableau) {
      const t = formule.tableau;
      for (let l = t.haut; l <= Math.min(t.bas, ws.rowCount); l++) {
        const ligne = ws.findRow(l);
        if (!ligne) continue;
        for (let c = t.gauche; c <= Math.min(t.droite, ligne.cellCount); c++) {
          if (l === t.haut && c === t.gauche) continue;
          const cellule = ligne.findCell(c);
          if (cellule) cellule.value = null;
        }
      }
    }
    const ancre = ws.getCell(formule.ligne, formule.colonne);
    const modele = { ...(ancre.value as ExcelJS.CellFormulaValue & { sharedFormula?: string; shareType?: string; ref?: string }) };
    const premier = liste[0];
    modele.result = resultat(premier.valeur) as ExcelJS.CellFormulaValue["result"];
    const reecrit = texteReecrit(formule);
    if (reecrit !== null) {
      // A shared formula's cells each get their own text: each was read (and is rewritten) on its own.
      modele.formula = reecrit;
      delete modele.sharedFormula;
      if (modele.shareType === "shared") {
        delete modele.shareType;
        delete modele.ref;
      }
    }
    if (taille && (taille.lignes > 1 || taille.colonnes > 1)) {
      modele.shareType = "array";
      modele.ref = plageA1({ haut: formule.ligne, gauche: formule.colonne, bas: formule.ligne + taille.lignes - 1, droite: formule.colonne + taille.colonnes - 1 });
      if (!modele.formula) modele.formula = formule.texte;
      delete modele.sharedFormula;
    } else if (modele.shareType === "array") {
      modele.ref = plageA1({ haut: formule.ligne, gauche: formule.colonne, bas: formule.ligne, droite: formule.colonne });
    }
    ancre.value = modele as ExcelJS.CellValue;
    for (const c of liste.slice(1)) ws.getCell(c.ligne, c.colonne).value = resultat(c.valeur);
  }
}

/**
 * The cells written as dynamic arrays, by sheet: every array formula calling our functions (a spill,
 * or a single cell the template wrote so, see modele-exceljs.ts).
 */
function tableauxDynamiques(lu: ClasseurLu): Map<string, string[]> {
  const parFeuille = new Map<string, string[]>();
  for (const f of lu.formules) {
    if (f.orthographe === null) continue;
    const v = lu.classeur.getWorksheet(f.feuille)?.getCell(f.ligne, f.colonne).value as { shareType?: string } | null;
    if (v?.shareType !== "array") continue;
    const l = parFeuille.get(f.feuille) ?? [];
    l.push(f.adresse);
    parFeuille.set(f.feuille, l);
  }
  return parFeuille;
}

function memeFichier(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return existsSync(b) && realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** What writing needs of a workbook read: `calculer` keeps only this while exceljs builds the archive. */
export interface ClasseurAEcrire {
  chemin: string;
  octets: Buffer;
  classeur: ExcelJS.Workbook;
  dynamiques: Map<string, string[]>;
}

/** Takes from the workbook read what writing needs, so that the rest (cells, formulas) can be freed first. */
export function aEcrire(lu: ClasseurLu): ClasseurAEcrire {
  return { chemin: lu.chemin, octets: lu.octets, classeur: lu.classeur, dynamiques: tableauxDynamiques(lu) };
}

/** Saves to `sortie` through a temporary file and a rename; refuses to overwrite the input. */
export async function enregistrer(classeur: ClasseurLu | ClasseurAEcrire, sortie: string): Promise<void> {
  const lu = "dynamiques" in classeur ? classeur : aEcrire(classeur);
  await ecrireSansRisque(lu.chemin, sortie, async () => {
    // Stored, not compressed: restaurer() reopens this archive and compresses it once, as it writes it.
    const ecrits = Buffer.from((await lu.classeur.xlsx.writeBuffer({ zip: { compression: "STORE" } })) as ArrayBuffer);
    return (await restaurer(lu.octets, ecrits, lu.dynamiques)).octets;
  });
}

/**
 * Writes the octets `produire` gives to `sortie` through a temporary file in the same folder and a
 * rename (a failure never leaves a half-written output); refuses to overwrite `entree`.
 */
export async function ecrireSansRisque(entree: string, sortie: string, produire: () => Promise<Buffer>): Promise<void> {
  if (memeFichier(entree, sortie)) {
    throw new ErreurClasseur(`le fichier de sortie « ${sortie} » est le fichier d'entrée : le classeur d'origine n'est jamais modifié, choisissez un autre nom avec -o.`);
  }
  const dossier = dirname(resolve(sortie));
  if (!existsSync(dossier)) throw new ErreurClasseur(`le dossier de sortie « ${dossier} » n'existe pas.`);
  const temporaire = join(dossier, `.${basename(sortie)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // The whole archive in memory first, then one synchronous write: exceljs's writeFile streams, and
    // when building the archive fails it rejects before its stream has even created the file, which
    // then appears after the clean-up below (found by the fuzzing: a stray .tmp beside the output).
    const octets = await produire();
    writeFileSync(temporaire, octets);
    renameSync(temporaire, sortie);
  } catch (e) {
    try { if (existsSync(temporaire)) unlinkSync(temporaire); } catch { /* already gone */ }
    if (e instanceof ErreurClasseur) throw e;
    throw new ErreurClasseur(`impossible d'écrire « ${sortie} » (${e instanceof Error ? e.message : String(e)}).`);
  }
}
