/**
 * CNC.VERSION: which rules produced the figures — the RGA version in force (today, or on `date`) and
 * the add-in's own version, so a printed financing plan says what checked it.
 */
import { ErreurExcel, protege, type Entree, type Resultat } from "./excel";
import { lireDateArgument, versionPourDate } from "./arguments";
import { uneCellule } from "./plage";

/**
 * The add-in's version. Kept here rather than read from package.json so that the functions work the
 * same in the Excel bundle and in the CLI build (whose output folder would move a relative path);
 * test/functions/version.test.ts checks that it matches package.json.
 */
export const VERSION_COMPLEMENT = "0.1.0";

/** CNC.VERSION([date]) → "RGA 2023-02 · CNC Conformité 0.1.0". */
export function VERSION(date?: Entree): Resultat {
  return protege(() => {
    const c = uneCellule("date", date);
    if (c instanceof ErreurExcel) return c;
    const jour = lireDateArgument(c);
    if (jour instanceof ErreurExcel) return jour;
    const p = versionPourDate(jour);
    if (p instanceof ErreurExcel) return p;
    return `RGA ${p.version} · CNC Conformité ${VERSION_COMPLEMENT}`;
  }, "CNC.VERSION");
}
