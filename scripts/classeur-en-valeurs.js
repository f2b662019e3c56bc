/** Copy of a calculated workbook with each formula replaced by its saved value: LibreOffice recalculates dynamic arrays (and shows #NAME? without the add-in), so the printed preview of docs/ is made from values. Usage: node scripts/classeur-en-valeurs.js entree.xlsx sortie.xlsx */
const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
    const v = c.value;
    if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) { const r = c.result; c.value = r === undefined ? null : (typeof r === "object" && r && "error" in r ? String(r.error) : r); }
  })));
  await wb.xlsx.writeFile(process.argv[3]);
})();
