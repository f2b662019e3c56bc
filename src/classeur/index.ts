/**
 * Workbooks without Excel (CLI only): read with exceljs, compute with HyperFormula and the add-in's
 * CNC.* functions, write the values back, find the dossiers. Never imported by the add-in bundle.
 */
import { lireClasseur, type ClasseurLu } from "./lire";
import { calculerClasseur, type Calcul, type OptionsCalcul } from "./moteur";
import { cellulesCalculees, resumer, verifierCalcul, type CelluleCalculee, type Resume } from "./resume";

export { ErreurClasseur, nomCellule } from "./erreurs";
export { orthographeDe, versFichier, versMoteur, type Orthographe } from "./formules";
export { aEcrire, enregistrer, poserResultats, type ClasseurAEcrire } from "./ecrire";
export { enregistrerEcriture, preparerEcriture, preparerRetouche, Repli, VARIABLE_ECRITURE, type Ecriture } from "./retouche";
export { trouverDossiers, type DossierTrouve, type DossiersTrouves } from "./dossiers";
export { controlerPlans, texteControles, type ControlePlan } from "./controles";
export { ajouterFeuille, nouveauClasseur } from "./modele-exceljs";
export { estErreur, type Resume, type CelluleCalculee, type ValeurCalculee, type ErreurCellule } from "./resume";
export type { ClasseurLu } from "./lire";
export type { Calcul, OptionsCalcul } from "./moteur";

export interface ClasseurCalcule {
  lu: ClasseurLu;
  calcul: Calcul;
  cellules: CelluleCalculee[];
  resume: Resume;
}

/** Reads and computes a workbook; throws ErreurClasseur (French, naming sheet and cell) when it cannot. */
export async function calculerFichier(chemin: string, options: OptionsCalcul = {}): Promise<ClasseurCalcule> {
  const lu = await lireClasseur(chemin);
  const calcul = calculerClasseur(lu, options);
  const cellules = cellulesCalculees(lu, calcul);
  verifierCalcul(cellules, calcul);
  return { lu, calcul, cellules, resume: resumer(lu, cellules) };
}
