/** Helpers for the workbook tests: real .xlsx files written with exceljs in a temporary folder, and `main` run in-process. */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { ajouterFeuille, nouveauClasseur, type Orthographe } from "../../src/classeur";
import type { FeuilleModele } from "../../src/modele";

export const RACINE = join(__dirname, "../..");
export const EXEMPLES = join(RACINE, "examples");

export function dossierTemporaire(): string {
  return mkdtempSync(join(tmpdir(), "cnc-classeur-"));
}

export { lancer } from "../cli/lancer";

export async function ecrireModele(chemin: string, feuilles: FeuilleModele[], orthographe: Orthographe = "xldudf"): Promise<string> {
  const classeur = nouveauClasseur();
  for (const f of feuilles) ajouterFeuille(classeur, f, orthographe);
  await classeur.xlsx.writeFile(chemin);
  return chemin;
}

/** A workbook from rows of raw cells (strings starting with "=" are formulas). */
export async function ecrireCellules(chemin: string, feuilles: Record<string, (string | number | boolean | null)[][]>): Promise<string> {
  const classeur = new ExcelJS.Workbook();
  for (const [nom, lignes] of Object.entries(feuilles)) {
    const ws = classeur.addWorksheet(nom);
    lignes.forEach((ligne, i) => ligne.forEach((v, j) => {
      if (v === null) return;
      ws.getCell(i + 1, j + 1).value = typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } as ExcelJS.CellFormulaValue : v;
    }));
  }
  await classeur.xlsx.writeFile(chemin);
  return chemin;
}

export async function lireClasseurExcelJS(chemin: string): Promise<ExcelJS.Workbook> {
  const c = new ExcelJS.Workbook();
  await c.xlsx.readFile(chemin);
  return c;
}

/** The cached result of a formula cell (cell.result keeps 0 and false, cell.value.result does not). */
export function resultat(ws: ExcelJS.Worksheet, adresse: string): unknown {
  return (ws.getCell(adresse) as unknown as { result: unknown }).result;
}
