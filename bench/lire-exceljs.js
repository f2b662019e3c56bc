// The floor of `cnc-rga calculer`: only reading the workbook with exceljs, in a process of its own.
"use strict";
const ExcelJS = require("exceljs");
new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(() => undefined, (e) => {
  process.stderr.write(String(e));
  process.exit(1);
});
