/**
 * Excel's file syntax computed by the engine: shared formulas (one formula text for a block of
 * cells), `_xlfn.` functions, TRUE / FALSE literals, defined names, cached values compared with
 * the computed ones.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { dossierTemporaire, lancer, lireClasseurExcelJS, resultat } from "./outils";

const dossier = dossierTemporaire();

async function classeurExcel(chemin: string): Promise<string> {
  const c = new ExcelJS.Workbook();
  const ws = c.addWorksheet("Données de l'œuvre");
  [1, 2, 3].forEach((v, i) => { ws.getCell(i + 1, 1).value = v; });
  // A shared formula, as Excel saves a filled-down column: one master, the others point to it.
  ws.getCell("B1").value = { formula: "A1*2", shareType: "shared", ref: "B1:B3", result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("B3").value = { sharedFormula: "B1", result: 999 } as ExcelJS.CellSharedFormulaValue; // stale cache
  ws.getCell("C1").value = { formula: '_xlfn.IFS(A3>2,"grand",TRUE,"petit")', result: "grand" } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").value = { formula: "SUM(Montants)*1", result: 6 } as ExcelJS.CellFormulaValue;
  ws.getCell("C3").value = { formula: "IF(FALSE,1,0)+'Données de l''œuvre'!A2", result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  c.definedNames.add("'Données de l''œuvre'!$A$1:$A$3", "Montants");
  await c.xlsx.writeFile(chemin);
  return chemin;
}

it("formules partagées, _xlfn., TRUE/FALSE, noms définis : calculées, et les écarts au cache signalés", async () => {
  const entree = await classeurExcel(join(dossier, "natives.xlsx"));
  const sortie = join(dossier, "natives.calcule.xlsx");
  const r = await lancer("calculer", entree, "-o", sortie, "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(j.formules).toBe(7);
  expect(j.differences).toEqual([{ feuille: "Données de l'œuvre", adresse: "B3", cache: 999, valeur: 6 }]);
  expect(j.erreurs).toEqual([expect.objectContaining({ adresse: "D1", erreur: "#DIV/0!" })]);
  const ws = (await lireClasseurExcelJS(sortie)).getWorksheet(1)!;
  expect(["B1", "B2", "B3", "C1", "C2", "C3"].map((a) => resultat(ws, a))).toEqual([2, 4, 6, "grand", 6, 2]);
  // Formula texts are kept as the file had them.
  expect(ws.getCell("C1").formula).toBe('_xlfn.IFS(A3>2,"grand",TRUE,"petit")');
  expect(ws.getCell("B3").formula).toBe("A3*2");
});
