/**
 * Recalculation of large catalogues. Excel calls every CNC formula of a catalogue with the whole
 * range whenever one cell changes, and a plan holds several CNC formulas per work (APPORT_CONFORME,
 * STATUT, ECART…). Two measured wastes are avoided here (BENCHMARKS.md):
 * - one verdict per work, not one per formula: on a miss, every dossier function's cell for that work
 *   is computed from the same verdict and remembered together (small values, not the verdict itself,
 *   which weighs ~16 KB);
 * - the memory holds at least twice the largest catalogue seen, so a catalogue larger than a fixed
 *   size does not evict each work just before it is needed again.
 *
 * The key is everything the answer depends on: the parsed dossier (Decimal amounts serialise exactly),
 * the `date` argument, and today's date (which picks the version when the dossier has no dateDemande).
 * A changed value is a different key: never a stale answer, at worst a miss.
 */
import type { Dossier, Verdict } from "../rules";
import { ErreurExcel, protege, type CelluleResultat } from "./excel";

/** Works remembered at least; grows with the catalogues met, up to a bound on memory (~1–2 KB a work). */
const MIN_OEUVRES = 5000;
const MAX_OEUVRES = 100_000;
let capacite = MIN_OEUVRES;

const oeuvres = new Map<string, Map<string, CelluleResultat>>();

/** The cells every dossier function derives from a verdict, by function name (with its section). */
const CELLULES = new Map<string, (v: Verdict) => CelluleResultat>();

export function enregistrerCellule(fonction: string, cellule: (v: Verdict) => CelluleResultat): void {
  CELLULES.set(fonction, cellule);
}

export function cleOeuvre(d: Dossier, date: string | undefined, aujourdhui: string): string {
  return JSON.stringify([date ?? null, aujourdhui, d]);
}

/** A call is about to read `nombre` works: keep room for twice that many. */
export function prevoir(nombre: number): void {
  capacite = Math.min(MAX_OEUVRES, Math.max(capacite, 2 * nombre));
}

/**
 * The cell `fonction` gives for this work. On a miss, evaluates the work once and remembers the cells
 * of every registered function, so the other CNC formulas of the same work do not evaluate it again.
 */
export function memoriser(cle: string, fonction: string, cellule: (v: Verdict) => CelluleResultat, verdict: () => Verdict): CelluleResultat {
  let cellules = oeuvres.get(cle);
  if (cellules) {
    // Most recently used last, so that eviction drops the oldest works.
    oeuvres.delete(cle);
    oeuvres.set(cle, cellules);
    const connue = cellules.get(fonction);
    if (connue !== undefined) return connue;
  } else {
    cellules = new Map();
    oeuvres.set(cle, cellules);
    while (oeuvres.size > capacite) oeuvres.delete(oeuvres.keys().next().value!);
  }
  let evalue: Verdict;
  try {
    evalue = verdict();
  } catch (e) {
    return new ErreurExcel("valeur", `CNC : erreur inattendue (${e instanceof Error ? e.message : String(e)}).`);
  }
  for (const [nom, calcul] of CELLULES) if (!cellules.has(nom)) cellules.set(nom, protege(() => calcul(evalue)));
  if (!cellules.has(fonction)) cellules.set(fonction, protege(() => cellule(evalue)));
  return cellules.get(fonction)!;
}

/** For tests: how many works are remembered. */
export function oeuvresMemorisees(): number {
  return oeuvres.size;
}
