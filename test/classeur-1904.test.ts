/**
 * Workbooks in the 1904 date system (older Excel for Mac files): the CLI reads their dates as the
 * same days as in a 1900 workbook. exceljs gives date cells as absolute Dates; the engine and the
 * readers count from 1900 (src/classeur/lire.ts). The pane's side is in test/taskpane/excel.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { calculerFichier, trouverDossiers } from "../src/classeur";

test.each([false, true])("date1904 = %s: dateDemande 16/01/2023 is read 2023-01-16, and DATE() agrees", async (date1904) => {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Feuil1");
  ws.addRow(["Champ", "Valeur"]);
  ws.addRow(["genre", "fiction"]);
  ws.addRow(["dateDemande", new Date(Date.UTC(2023, 0, 16))]);
  ws.getCell("B3").numFmt = "dd/mm/yyyy";
  ws.addRow(["dateFinTournage", { formula: "DATE(2022,12,1)" }]);
  ws.getCell("B4").numFmt = "dd/mm/yyyy";
  ws.addRow(["coutDefinitif", 1000000]);
  wb.definedNames.add("Feuil1!$A$1:$B$5", "Dossier");
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "cnc-1904-"));
  const fichier = path.join(dossier, "d.xlsx");
  await wb.xlsx.writeFile(fichier);
  try {
    const r = await calculerFichier(fichier);
    const t = trouverDossiers(r.lu, r.calcul);
    expect(t.dossiers).toHaveLength(1);
    expect(t.dossiers[0].dossier).toMatchObject({ dateDemande: "2023-01-16", dateFinTournage: "2022-12-01" });
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
});
