/**
 * The CNC.* functions as plain functions, without any Office global: Excel registers them through
 * functions.ts, the CLI (`cnc-rga calculer`) registers the same ones in HyperFormula. Each takes its
 * arguments in Excel's order, as cell values or 2-D arrays (ranges), and returns a value, a 2-D array
 * that spills, or an ErreurExcel (also inside a spilled array, in its own cell). None ever throws.
 */
import { APPORT_MIN, NUMERAIRE_MIN } from "./minimums";
import { APPORT_CONFORME, ECART, MAJORATION, REFERENCE_ELIGIBLE, STATUT } from "./verdicts";
import { EXPLIQUER } from "./expliquer";
import { VERSION } from "./version";

export { APPORT_MIN, NUMERAIRE_MIN, APPORT_CONFORME, REFERENCE_ELIGIBLE, MAJORATION, STATUT, ECART, EXPLIQUER, VERSION };
export { ErreurExcel, commeMatrice, enMatrice, type ValeurCellule, type CelluleResultat, type Entree, type Resultat } from "./excel";
export { ENTETE_EXPLIQUER, tableauVerdict } from "./expliquer";
export { VERSION_COMPLEMENT } from "./version";
export { lireSection, type NomSection } from "./verdicts";

/** Excel name (without the CNC. namespace) → implementation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FONCTIONS_CNC: Record<string, (...args: any[]) => unknown> = {
  APPORT_MIN, NUMERAIRE_MIN, APPORT_CONFORME, REFERENCE_ELIGIBLE, MAJORATION, STATUT, ECART, EXPLIQUER, VERSION,
};
