/**
 * What a custom function exchanges with a spreadsheet, without any Office global: cell values,
 * ranges as 2-D arrays, and errors as values. The same plain functions run in Excel (through
 * functions.ts) and in HyperFormula (the CLI), so nothing here may depend on the host.
 */
import type { Cellule } from "../dossier";

/** A value a function returns into a cell. */
export type ValeurCellule = number | string | boolean | null;

/**
 * #VALUE! ("valeur": an argument is wrong) or #N/A ("na": something is missing), with a French
 * message naming the argument or listing the missing fields. Returned, never thrown.
 */
export class ErreurExcel {
  constructor(readonly code: "valeur" | "na", readonly message: string) {}
}

/**
 * One argument as a host hands it over: a cell value (number, string, boolean, null), a range (2-D
 * array of cell values), or nothing (omitted: null or undefined). Typed `unknown` because a host may
 * hand anything and the functions must answer with a value or an error, never throw.
 */
export type Entree = unknown;

/** A cell of a result: a value, or an error that stays in its own cell of a spilled array. */
export type CelluleResultat = ValeurCellule | ErreurExcel;

/** A single value, or a 2-D array that spills. */
export type Resultat = CelluleResultat | CelluleResultat[][];

export type Matrice<T> = T[][];

// Globals read once, per module rather than per cell: where the global object is intercepted (the
// benchmark's `vm` context, BENCHMARKS.md issue 15) each read costs far more than the work per cell;
// in a browser it costs little, and reading a constant costs nothing either way.
const estTableau = Array.isArray;
const estFini = Number.isFinite;

export function estMatrice(e: unknown): e is readonly (readonly Cellule[])[] {
  return estTableau(e);
}

const LIGNE_VIDE: readonly Cellule[] = [null];

/**
 * Any argument as a 2-D array: a scalar is a 1×1 range; a flat array (some hosts) is a row.
 * An omitted argument is one blank cell. The rows are the argument's own (nothing here writes
 * into a range): copying them cost 8 % of a recalculation served from memory.
 */
export function enMatrice(e: unknown): readonly (readonly Cellule[])[] {
  if (!estTableau(e)) return [[e as Cellule]];
  if (e.length === 0) return [LIGNE_VIDE];
  let lignesVides = false;
  for (let i = 0; i < e.length; i++) {
    const ligne: unknown = e[i];
    if (!estTableau(ligne)) return [e as Cellule[]];
    if (ligne.length === 0) lignesVides = true;
  }
  const m = e as readonly (readonly Cellule[])[];
  return lignesVides ? m.map((ligne) => (ligne.length === 0 ? LIGNE_VIDE : ligne)) : m;
}

/** null, undefined, "" and whitespace-only strings: Excel's blank cell, a missing value, never zero. */
export function estVideCellule(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Excel-style element-wise evaluation ("lifting"): every argument is a range; a dimension of size 1
 * is repeated along the other arguments' size; a cell outside a smaller range is #N/A, as Excel does
 * for arrays of unequal sizes. When every argument is a single cell, the result is a single value.
 */
export function diffuser(args: readonly unknown[], noms: readonly string[], f: (valeurs: Cellule[]) => CelluleResultat): Resultat {
  const matrices = args.map(enMatrice);
  const tailles = matrices.map((m) => ({ lignes: m.length, colonnes: m.reduce((max, l) => (l.length > max ? l.length : max), 0) }));
  const lignes = Math.max(...tailles.map((t) => t.lignes));
  const colonnes = Math.max(...tailles.map((t) => t.colonnes));
  const cellule = (i: number, j: number): CelluleResultat => {
    const valeurs: Cellule[] = [];
    for (let k = 0; k < matrices.length; k++) {
      const { lignes: l, colonnes: c } = tailles[k];
      const ii = l === 1 ? 0 : i;
      const jj = c === 1 ? 0 : j;
      if (ii >= l || jj >= c) {
        return new ErreurExcel("na", `Argument ${noms[k] ?? k + 1} : plage plus petite que les autres arguments (ligne ${i + 1}, colonne ${j + 1}).`);
      }
      valeurs.push(matrices[k][ii][jj]);
    }
    return protegeCellule(f, valeurs);
  };
  if (lignes === 1 && colonnes === 1) return cellule(0, 0);
  const resultat: CelluleResultat[][] = [];
  for (let i = 0; i < lignes; i++) {
    const ligne: CelluleResultat[] = [];
    for (let j = 0; j < colonnes; j++) ligne.push(cellule(i, j));
    resultat.push(ligne);
  }
  return resultat;
}

/**
 * A number Excel cannot hold: beyond ±1.8 × 10^308 (an amount such as "1e400" typed as text reads as
 * a valid Decimal, but its result does not fit a double). Shown as #VALUE! saying so, never as a
 * figure Excel would turn into #NUM! or a host would turn into null.
 */
function horsDePortee(): ErreurExcel {
  return new ErreurExcel("valeur", "Résultat hors de portée d'Excel : un montant dépasse le plus grand nombre qu'Excel sait représenter (environ 1,8 × 10^308). Vérifiez les montants du dossier.");
}

const representable = (c: CelluleResultat): CelluleResultat => (typeof c === "number" && !estFini(c) ? horsDePortee() : c);

/**
 * Runs `f`; any exception becomes #VALUE! with its message, so a function never throws into the host,
 * and a number Excel cannot hold becomes #VALUE! too.
 */
export function protege<T extends Resultat>(f: () => T, contexte = "CNC"): T | ErreurExcel {
  let r: T;
  try {
    r = f();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return new ErreurExcel("valeur", `${contexte} : erreur inattendue (${message}).`);
  }
  if (estTableau(r)) {
    return r.some((ligne) => ligne.some((c) => typeof c === "number" && !estFini(c))) ? (r.map((ligne) => ligne.map(representable)) as T) : r;
  }
  return representable(r) as T | ErreurExcel;
}

/**
 * protege for one cell computed from `x`, without a closure per cell: the cells of every CNC formula
 * of a work are computed together (memoire.ts), nine per work.
 */
export function protegeCellule<X>(f: (x: X) => CelluleResultat, x: X, contexte = "CNC"): CelluleResultat {
  let r: CelluleResultat;
  try {
    r = f(x);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return new ErreurExcel("valeur", `${contexte} : erreur inattendue (${message}).`);
  }
  return representable(r);
}

/** A single value where a host needs a 2-D array (functions declared with a matrix result). */
export function commeMatrice(r: Resultat): CelluleResultat[][] {
  return estTableau(r) ? r : [[r]];
}
