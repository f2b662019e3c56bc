/// <reference types="office-js" />
/**
 * Excel-API layer, events: tells the pane when it should read the dossier again. Any change of a
 * cell may feed the dossier (its fields are often formulas over the financing lines), and moving
 * the selection picks another catalogue row, so both events ask for a new reading; the reading
 * itself is cheap and coalesced (../actualisation.ts).
 */
export async function suivreModifications(rappel: () => void): Promise<void> {
  await Excel.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    feuilles.onChanged.add(async () => rappel());
    feuilles.onSelectionChanged.add(async () => rappel());
    await ctx.sync();
  });
}
