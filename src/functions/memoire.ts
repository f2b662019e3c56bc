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
 * A work is found by a hash of its raw cells, then compared value by value: the answer depends only
 * on the context (the field each raw value is read into, the `date` argument, and today's date, which
 * picks the version when the dossier has no dateDemande) and on each raw value with its type, and all
 * of these must be equal. A changed value is another work: never a stale answer, at worst a miss.
 * A value whose type cannot be compared (anything but a number, text, boolean, blank or Date) makes
 * the work unremembered: it is then read and evaluated every time. (A text key built from the values
 * cost ~7 µs a row, mostly writing numbers as text; the hash ~1 µs.)
 */
import type { Cellule, PlageOuverte } from "../dossier";
import { estVide as vide } from "../dossier/valeurs";
import type { Verdict } from "../rules";
import { ErreurExcel, protege, type CelluleResultat } from "./excel";

/** Estimated bytes remembered at most: ~60 000 works of a 37-field catalogue. */
export const OCTETS_MAX = 64 * 2 ** 20;

/** The cells every dossier function derives from a verdict, by function name (with its section). */
const INDEX = new Map<string, number>();
const CALCULS: ((v: Verdict) => CelluleResultat)[] = [];

export function enregistrerCellule(fonction: string, cellule: (v: Verdict) => CelluleResultat): void {
  const i = INDEX.get(fonction);
  if (i === undefined) {
    INDEX.set(fonction, CALCULS.length);
    CALCULS.push(cellule);
  } else CALCULS[i] = cellule;
}

interface Oeuvre {
  contexte: number;
  /** The raw values, blanks as null. */
  brutes: Cellule[];
  /** One cell per registered function, at its index. */
  cellules: CelluleResultat[];
  octets: number;
  /** Another work with the same hash. */
  suivante: Oeuvre | null;
}

/** By hash; insertion order is recency: a work read is moved to the end, eviction takes from the start. */
const oeuvres = new Map<number, Oeuvre>();
let nombre = 0;
let octets = 0;

/** Counted, never timed: tests check that an unchanged row is served without parsing nor evaluation. */
export const compteurs = { servies: 0, evaluees: 0 };

/** Contexts met (fields in order, date argument, today), each with a number that is never reused. */
const CONTEXTES = new Map<string, number>();
let contextes = 0;

/** The context of every work of this range: call once per formula call, then memorisee / memoriser. */
export function contexteOeuvres(plage: PlageOuverte, date: string | undefined, aujourdhui: string): number {
  const texte = `${plage.forme}|${date ?? ""}|${aujourdhui}|${plage.champs.join(",")}`;
  let id = CONTEXTES.get(texte);
  if (id === undefined) {
    // A context seen again after the clear gets a new number: its works merely become misses.
    if (CONTEXTES.size >= 1000) CONTEXTES.clear();
    id = ++contextes;
    CONTEXTES.set(texte, id);
  }
  return id;
}

const DOUBLE = new Float64Array(1);
const MOTS = new Uint32Array(DOUBLE.buffer);

function melanger(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h << 13) | (h >>> 19);
}

/** The hash of a work none of whose raw values is given (a catalogue's empty row). */
export const VIDE = -2;

/**
 * Hash of the raw values of work `n` in its context: -1 when a value cannot be compared (the work is
 * not remembered), VIDE when every value is blank.
 */
export function empreinte(plage: PlageOuverte, n: number, contexte: number): number {
  let h = melanger(0x811c9dc5, contexte);
  let donnees = false;
  for (let i = 0; i < plage.champs.length; i++) {
    const v = plage.brute(n, i);
    if (vide(v)) {
      h = melanger(h, 1);
      continue;
    }
    donnees = true;
    if (typeof v === "number") {
      DOUBLE[0] = v;
      h = melanger(melanger(h, MOTS[0]), MOTS[1]);
    } else if (typeof v === "string") {
      h = melanger(h, v.length);
      // Texts are compared whole; the hash reads at most 64 characters of each.
      const pas = v.length > 64 ? Math.ceil(v.length / 64) : 1;
      for (let k = 0; k < v.length; k += pas) h = melanger(h, v.charCodeAt(k));
    } else if (typeof v === "boolean") h = melanger(h, v ? 3 : 2);
    else if (v instanceof Date) {
      DOUBLE[0] = v.getTime();
      h = melanger(melanger(h, MOTS[0] ^ 5), MOTS[1]);
    } else return -1;
  }
  return donnees ? h >>> 0 : VIDE;
}

function memeValeur(connue: Cellule, v: Cellule): boolean {
  if (vide(v)) return connue === null;
  if (typeof v === "number") return typeof connue === "number" && Object.is(connue, v);
  if (v instanceof Date) return connue instanceof Date && Object.is(connue.getTime(), v.getTime());
  return connue === v;
}

function trouver(premiere: Oeuvre | undefined, plage: PlageOuverte, n: number, contexte: number): Oeuvre | undefined {
  for (let o = premiere ?? null; o !== null; o = o.suivante) {
    if (o.contexte !== contexte || o.brutes.length !== plage.champs.length) continue;
    let i = 0;
    while (i < o.brutes.length && memeValeur(o.brutes[i], plage.brute(n, i))) i++;
    if (i === o.brutes.length) return o;
  }
  return undefined;
}

/**
 * The cell `fonction` gives for work `n` of hash `h` (empreinte), when remembered (the work becomes
 * the most recent).
 */
export function memorisee(h: number, plage: PlageOuverte, n: number, contexte: number, fonction: string): CelluleResultat | undefined {
  const i = INDEX.get(fonction);
  if (i === undefined || h === -1) return undefined;
  const premiere = oeuvres.get(h);
  const oeuvre = trouver(premiere, plage, n, contexte);
  if (oeuvre === undefined) return undefined;
  oeuvres.delete(h);
  oeuvres.set(h, premiere!);
  compteurs.servies++;
  return oeuvre.cellules[i];
}

/** Rough heap size of a remembered value, enough to bound the memory. */
function taille(c: unknown): number {
  if (typeof c === "string") return 24 + 2 * c.length;
  if (c instanceof ErreurExcel) return 64 + 2 * c.message.length;
  return 16;
}

function oublierChaine(premiere: Oeuvre): void {
  for (let o: Oeuvre | null = premiere; o !== null; o = o.suivante) {
    octets -= o.octets;
    nombre--;
  }
}

/**
 * The cell `fonction` gives for work `n` (already parsed into `verdict`), not remembered: evaluates it
 * once and remembers the cells of every registered function, so the other CNC formulas of the same
 * work do not evaluate it again.
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
  if (i === undefined || h === -1) return protege(() => cellule(evalue));
  const cellules = CALCULS.map((calcul) => protege(() => calcul(evalue)));
  const brutes = plage.champs.map((_c, k): Cellule => {
    const v = plage.brute(n, k);
    return vide(v) ? null : v instanceof Date ? new Date(v.getTime()) : v;
  });
  const oeuvre: Oeuvre = {
    contexte, brutes, cellules, suivante: null,
    octets: 64 + 8 * brutes.length + [...brutes, ...cellules].reduce((s: number, c) => s + taille(c), 0),
  };
  // memorisee has just missed this work: it is not in the chain of its hash.
  const premiere = oeuvres.get(h);
  if (premiere) oeuvres.delete(h);
  oeuvre.suivante = premiere ?? null;
  oeuvres.set(h, oeuvre);
  octets += oeuvre.octets;
  nombre++;
  for (const [k, o] of oeuvres) {
    if (octets <= OCTETS_MAX) break;
    oeuvres.delete(k);
    oublierChaine(o);
  }
  return cellules[i!];
}

/** For tests and benchmarks: how many works are remembered, and their estimated size. */
export function oeuvresMemorisees(): number {
  return nombre;
}

export function octetsMemorises(): number {
  return octets;
}

/** For tests: forget every work. */
export function oublier(): void {
  oeuvres.clear();
  octets = 0;
  nombre = 0;
}
