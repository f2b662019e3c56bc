/// <reference types="office-js" />
/**
 * Excel-API layer, events: tells the pane when it should read the dossier again. Any change of a
 * cell may feed the dossier (its fields are often formulas over the financing lines), moving the
 * selection picks another catalogue row, and another sheet may hold another template's dossier, so
 * all three events ask for a new reading; the reading itself is coalesced (../actualisation.ts) and
 * costs two syncs (./lecture.ts). ExcelApi 1.9 (worksheet collection events).
 *
 * The handlers are registered only while the pane is visible and removed when it is hidden
 * (../visibilite.ts): with `lifetime="long"` the page also lives, hidden, whenever a CNC formula
 * calculates, and must then cost Excel nothing on each edit.
 */

/** Registers the three handlers (one sync); returns what removes them (one sync). */
export async function suivreModifications(rappel: () => void): Promise<() => Promise<void>> {
  const resultats = await Excel.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    const r = [
      feuilles.onChanged.add(async () => rappel()),
      feuilles.onSelectionChanged.add(async () => rappel()),
      feuilles.onActivated.add(async () => rappel()),
    ];
    await ctx.sync();
    return r;
  });
  return async () => {
    // A handler is removed in the context it was added in (EventHandlerResult.remove, then sync).
    await Excel.run(resultats[0].context, async (ctx) => {
      for (const r of resultats) r.remove();
      await ctx.sync();
    });
  };
}
