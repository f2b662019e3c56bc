/**
 * Recalculation of large catalogues. Excel calls every CNC formula of a catalogue with the whole
 * range whenever one cell changes, and a plan or a catalogue holds several CNC formulas per work
 * (APPORT_CONFORME, STATUT, ECART…). So (BENCHMARKS.md):
 * - a work is remembered by its raw cells, before any parsing: a row seen before is neither parsed
 *   nor evaluated again, whichever CNC formula reads it;
 * - one verdict per work, not one per formula: on a miss, every dossier function's cell for that work
 *   is computed from the same verdict and remembered together (small values, not the verdict itself,
 *   which weighs ~16 KB);
 * - the memory is bounded by an estimate of its size in bytes, the least recently used works leaving
 *   first.
 *
 * A work is found by its raw cells (empreintes.ts): the answer depends only on the context (the
 * field each raw value is read into, the `date` argument, and today's date, which picks the version
 * when the dossier has no dateDemande) and on each raw value with its type, and all of these must be
 * equal. A changed value is another work: never a stale answer, at worst a miss.
 */
import type { PlageOuverte } from "../dossier";
import type { Verdict } from "../rules";
import { MemoireBornee } from "./empreintes";
import { ErreurExcel, protegeCellule, type CelluleResultat } from "./excel";

export { empreinte, VIDE } from "./empreintes";

/** Estimated bytes remembered at most: ~60 000 works of a 37-field catalogue. */
export const OCTETS_MAX = 64 * 2 ** 20;

/** The cells every dossier function derives from a verdict, by function name (with its section). */
const INDEX = new Map<string, number>();
const CALCULS: ((v: Verdict) => CelluleResultat)[] = [];

export function enregistrerCellule(fonction: string, cellule: (v: Verdict) => CelluleResultat): void {
  const i = INDEX.get(fonction);
  dernierNom = undefined;
  if (i === undefined) {
    INDEX.set(fonction, CALCULS.length);
    CALCULS.push(cellule);
  } else CALCULS[i] = cellule;
}

/** One cell per registered function, at its index, by work. */
const oeuvres = new MemoireBornee<CelluleResultat[]>(OCTETS_MAX);

/** Counted, never timed: tests check that an unchanged row is served without parsing nor evaluation. */
export const compteurs = { servies: 0, evaluees: 0 };

/** The context of every work of this range: call once per formula call, then memorisee / memoriser. */
export function contexteOeuvres(plage: PlageOuverte, date: string | undefined, aujourdhui: string): number {
  // Formulas one per cell call this with the same header, date and day one after another.
  const d = dernier;
  if (d !== null && d.champs === plage.champs && d.forme === plage.forme && d.date === date && d.aujourdhui === aujourdhui) return d.id;
  const id = chercherContexte(plage, date, aujourdhui);
  dernier = { champs: plage.champs, forme: plage.forme, date, aujourdhui, id };
  return id;
}

let dernier: { champs: readonly string[]; forme: string; date: string | undefined; aujourdhui: string; id: number } | null = null;

function chercherContexte(plage: PlageOuverte, date: string | undefined, aujourdhui: string): number {
  // A catalogue header read before gives the same `champs` array (src/dossier/plage.ts): its contexts are kept beside it.
  let parDate = CONTEXTES.get(plage.champs);
  if (parDate === undefined) {
    parDate = new Map();
    CONTEXTES.set(plage.champs, parDate);
  }
  const cle = `${plage.forme}|${date ?? ""}|${aujourdhui}`;
  let id = parDate.get(cle);
  if (id === undefined) {
    if (parDate.size >= 100) parDate.clear();
    id = oeuvres.contexte(`${cle}|${plage.champs.join(",")}`);
    parDate.set(cle, id);
  }
  return id;
}

const CONTEXTES = new WeakMap<readonly string[], Map<string, number>>();

let dernierNom: string | undefined;
let dernierIndex: number | undefined;

/**
 * The cell `fonction` gives for work `n` of hash `h` (empreinte), when remembered (the work becomes
 * the most recent).
 */
export function memorisee(h: number, plage: PlageOuverte, n: number, contexte: number, fonction: string): CelluleResultat | undefined {
  // Same name for every row of a call: looked up once.
  if (fonction !== dernierNom) {
    dernierNom = fonction;
    dernierIndex = INDEX.get(fonction);
  }
  const i = dernierIndex;
  if (i === undefined) return undefined;
  const cellules = oeuvres.lire(h, plage, n, contexte);
  if (cellules === undefined) return undefined;
  compteurs.servies++;
  return cellules[i];
}

/**
 * The cell `fonction` gives for work `n` (just missed by memorisee): evaluates it once and remembers
 * the cells of every registered function, so the other CNC formulas of the same work do not evaluate
 * it again.
 */
export function memoriser(h: number, plage: PlageOuverte, n: number, contexte: number, fonction: string, cellule: (v: Verdict) => CelluleResultat, verdict: () => Verdict): CelluleResultat {
  let evalue: Verdict;
  try {
    evalue = verdict();
  } catch (e) {
    return new ErreurExcel("valeur", `CNC : erreur inattendue (${e instanceof Error ? e.message : String(e)}).`);
  }
  compteurs.evaluees++;
  const i = INDEX.get(fonction);
  if (i === undefined) return protegeCellule(cellule, evalue);
  const cellules: CelluleResultat[] = [];
  for (let k = 0; k < CALCULS.length; k++) cellules.push(protegeCellule(CALCULS[k], evalue));
  oeuvres.ecrire(h, plage, n, contexte, cellules);
  return cellules[i];
}

/**
 * A call is about to read `nombre` works (functions.ts, before the slices of a long catalogue). The
 * memory is bounded in bytes and keeps any catalogue up to half of OCTETS_MAX without eviction, so
 * there is nothing to size: kept so that callers need not know how the memory is bounded.
 */
export function prevoir(nombre: number): void {
  void nombre;
}

/** For tests and benchmarks: how many works are remembered, and their estimated size. */
export function oeuvresMemorisees(): number {
  return oeuvres.taille.lignes;
}

export function octetsMemorises(): number {
  return oeuvres.taille.octets;
}

/** For tests: forget every work. */
export function oublier(): void {
  oeuvres.vider();
}
