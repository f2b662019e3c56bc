/**
 * Recalculation of large catalogues: when one cell of a 3 000-row catalogue changes, Excel calls every
 * dependent formula again with the whole range. Evaluating a work takes a fraction of a millisecond,
 * so without memory each formula would re-evaluate every row. This remembers, per work, the cell each
 * function gave — small values, not verdicts (a verdict weighs ~16 KB) — for the most recent works.
 *
 * The key is everything the answer depends on: the parsed dossier (Decimal amounts serialise exactly),
 * the `date` argument, and today's date (which picks the version when the dossier has no dateDemande).
 * A changed value is a different key: never a stale answer, at worst a miss.
 */
import type { Dossier } from "../rules";
import type { CelluleResultat } from "./excel";

/** Works remembered: a few thousand, ~1–2 KB each (the key and a few cells). */
const MAX_OEUVRES = 5000;

const oeuvres = new Map<string, Map<string, CelluleResultat>>();

export function cleOeuvre(d: Dossier, date: string | undefined, aujourdhui: string): string {
  return JSON.stringify([date ?? null, aujourdhui, d]);
}

/** The cell `fonction` gave for this work, or computes it with `calcul` and remembers it. */
export function memoriser(cle: string, fonction: string, calcul: () => CelluleResultat): CelluleResultat {
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
    if (oeuvres.size > MAX_OEUVRES) oeuvres.delete(oeuvres.keys().next().value!);
  }
  const valeur = calcul();
  cellules.set(fonction, valeur);
  return valeur;
}

/** For tests: how many works are remembered. */
export function oeuvresMemorisees(): number {
  return oeuvres.size;
}
