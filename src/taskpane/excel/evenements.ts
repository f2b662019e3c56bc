/// <reference types="office-js" />
/**
 * Excel-API layer, events: tells the pane when it should read the dossier again. Any change of a
 * cell may feed the dossier (its fields are often formulas over the financing lines), moving the
 * selection picks another catalogue row, and another sheet may hold another template's dossier, so
 * all three events ask for a new reading; the reading itself is cheap and coalesced
 * (../actualisation.ts). ExcelApi 1.9 (worksheet collection events).
 */
export async function suivreModifications(rappel: () => void): Promise<void> {
  await Excel.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    feuilles.onChanged.add(async () => rappel());
    feuilles.onSelectionChanged.add(async () => rappel());
    feuilles.onActivated.add(async () => rappel());
    await ctx.sync();
  });
}
