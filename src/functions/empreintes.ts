/**
 * A memory of answers found by the raw cells they were computed from, bounded in bytes. Excel hands
 * the whole range to a catalogue formula on every recalculation: each row is looked up by a hash of
 * its raw values, then compared value by value, so a row seen before costs about a microsecond and a
 * changed row is never served a stale answer (at worst a miss). A text key built from the values cost
 * ~7 µs a row, mostly writing numbers as text (BENCHMARKS.md).
 *
 * Values are equal when they have the same type and value: numbers as Object.is (-0 is not 0), texts
 * exactly, Dates by their time, and every blank (null, undefined, "", spaces) alike, since every
 * reader of src/dossier takes them all as "not given". A value of any other type gives no hash: the row
 * is then computed every time. The context (which field each value is read into, the `date` argument,
 * today…) is a number the caller gets from `contexte`, part of the hash and compared too.
 */
import type { Cellule } from "../dossier";
import { estVide } from "../dossier/valeurs";
import { ErreurExcel } from "./excel";

/**
 * Where the raw values of row `n` are read: value `i` is `cellules(n)[colonnes[i]]`. The row is
 * fetched once and read in place: a call per value cost a fifth of a recalculation (BENCHMARKS.md).
 */
export interface Source {
  readonly colonnes: readonly number[];
  cellules(n: number): readonly Cellule[];
}

/** The hash of a row none of whose values is given (a catalogue's empty row). */
export const VIDE = -2;
/** The hash of a row holding a value that cannot be compared: not remembered. */
export const SANS_EMPREINTE = -1;

// Everything stays a small integer for V8 (31 bits): Uint32 words or a final `>>> 0` made heap
// numbers, and the hash cost more than the rest of a lookup in the add-in bundle (measured).
// Globals (Math, Object, Date) are read once: in a node `vm` context, as the benchmark loads the
// bundle, each global lookup goes through the context's interceptor and cost ~60 times the hash.
const DOUBLE = new Float64Array(1);
const MOTS = new Int32Array(DOUBLE.buffer);
const DORE = 0x9e3779b1 | 0;
const imul = Math.imul;
const plafond = Math.ceil;
const estTableau = Array.isArray;
const DateJs = Date;

function melanger(h: number, x: number): number {
  h = imul(h ^ x, DORE);
  return (h << 13) | (h >>> 19);
}

/** estVide (src/dossier) without trimming a text that starts with a visible ASCII character. */
function vide(v: Cellule): boolean {
  if (typeof v === "string") {
    const c = v.charCodeAt(0);
    return !(c > 32 && c < 127) && estVide(v);
  }
  return v === null || v === undefined;
}

/** Hash of the raw values of row `n` in a context: SANS_EMPREINTE, VIDE, or a number from 0 to 2^30 - 1. */
export function empreinte(source: Source, n: number, contexte: number): number {
  let h = melanger(0x811c9dc5 | 0, contexte);
  let donnees = false;
  const cellules = source.cellules(n);
  const colonnes = source.colonnes;
  for (let i = 0; i < colonnes.length; i++) {
    const v = cellules[colonnes[i]];
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
      const pas = v.length > 64 ? plafond(v.length / 64) : 1;
      for (let k = 0; k < v.length; k += pas) h = melanger(h, v.charCodeAt(k));
    } else if (typeof v === "boolean") h = melanger(h, v ? 3 : 2);
    else if (v instanceof DateJs) {
      DOUBLE[0] = v.getTime();
      h = melanger(melanger(h, MOTS[0] ^ 5), MOTS[1]);
    } else return SANS_EMPREINTE;
  }
  return donnees ? h & 0x3fffffff : VIDE;
}

/** Object.is for numbers: NaN equals NaN, -0 differs from 0. */
function memeNombre(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

function memeValeur(connue: Cellule, v: Cellule): boolean {
  if (vide(v)) return connue === null;
  if (typeof v === "number") return typeof connue === "number" && memeNombre(connue, v);
  if (typeof v !== "object") return connue === v;
  return v instanceof DateJs && connue instanceof DateJs && memeNombre(connue.getTime(), v.getTime());
}

/** Rough heap size of a remembered value, enough to bound the memory. */
export function taille(c: unknown): number {
  if (typeof c === "string") return 24 + 2 * c.length;
  if (c instanceof ErreurExcel) return 64 + 2 * c.message.length;
  if (estTableau(c)) {
    let octets = 16;
    for (let i = 0; i < c.length; i++) octets += taille(c[i]);
    return octets;
  }
  return 16;
}

/**
 * A row's raw values in two arrays, so that a lookup compares numbers without leaving the entry: a
 * JavaScript array holding only numbers keeps them unboxed side by side, where an array of mixed
 * values points to a separate heap number for each, and following those pointers was most of a
 * recalculation served from memory (profile in BENCHMARKS.md, issue 15).
 */
interface Entree<T> {
  contexte: number;
  /** Value i when it is a number; 0 where it is not. */
  nombres: number[];
  /** Value i when it is not a number (blanks as null); undefined where it is a number. */
  autres: (Cellule | undefined)[];
  valeur: T;
  octets: number;
  /** Another row with the same hash. */
  suivante: Entree<T> | null;
}

/**
 * Bounded by two generations rather than an exact LRU order: moving each row read to the end of one
 * ordered Map cost more than the rest of a hit (measured). New rows go to `recente`; when it holds half
 * the bound, it becomes `ancienne` and the previous `ancienne` is dropped; a row read from `ancienne`
 * moves back to `recente`. So at most `octetsMax` are held, and a catalogue up to half of it is
 * never evicted while it is read again and again.
 */
export class MemoireBornee<T> {
  private recente = new Map<number, Entree<T>>();
  private ancienne = new Map<number, Entree<T>>();
  private octetsRecente = 0;
  private octetsAncienne = 0;
  private lignesRecente = 0;
  private lignesAncienne = 0;
  private readonly contextes = new Map<string, number>();

  constructor(readonly octetsMax: number) {}

  /** The number of a context (never reused: a context met again after a clear is a new number, its rows misses). */
  contexte(texte: string): number {
    let id = this.contextes.get(texte);
    if (id === undefined) {
      if (this.contextes.size >= 1000) this.contextes.clear();
      id = ++dernierContexte;
      this.contextes.set(texte, id);
    }
    return id;
  }

  /** The value remembered for row `n` of hash `h` (empreinte). */
  lire(h: number, source: Source, n: number, contexte: number): T | undefined {
    if (h === SANS_EMPREINTE) return undefined;
    const e = trouver(this.recente.get(h), source, n, contexte);
    if (e !== undefined) return e.valeur;
    const premiere = this.ancienne.get(h);
    const a = trouver(premiere, source, n, contexte);
    if (a === undefined) return undefined;
    // Read again: back to the recent generation.
    const reste = sans(premiere!, a);
    if (reste === null) this.ancienne.delete(h);
    else this.ancienne.set(h, reste);
    this.octetsAncienne -= a.octets;
    this.lignesAncienne--;
    this.ajouter(h, { ...a, suivante: null });
    return a.valeur;
  }

  /** Remembers `valeur` for row `n` (just missed by `lire`). */
  ecrire(h: number, source: Source, n: number, contexte: number, valeur: T): void {
    if (h === SANS_EMPREINTE) return;
    const nombres: number[] = [];
    const autres: (Cellule | undefined)[] = [];
    const cellules = source.cellules(n);
    const colonnes = source.colonnes;
    for (let i = 0; i < colonnes.length; i++) {
      const v = cellules[colonnes[i]];
      if (typeof v === "number") {
        nombres.push(v);
        autres.push(undefined);
      } else {
        nombres.push(0);
        autres.push(vide(v) ? null : v instanceof DateJs ? new DateJs(v.getTime()) : v);
      }
    }
    const octets = 64 + 16 * colonnes.length + taille(autres) + taille(valeur);
    this.ajouter(h, { contexte, nombres, autres, valeur, octets, suivante: null });
  }

  private ajouter(h: number, e: Entree<T>): void {
    e.suivante = this.recente.get(h) ?? null;
    this.recente.set(h, e);
    this.octetsRecente += e.octets;
    this.lignesRecente++;
    if (this.octetsRecente > this.octetsMax / 2) {
      this.ancienne = this.recente;
      this.octetsAncienne = this.octetsRecente;
      this.lignesAncienne = this.lignesRecente;
      this.recente = new Map();
      this.octetsRecente = 0;
      this.lignesRecente = 0;
    }
  }

  /** Rows remembered, and their estimated size in bytes. */
  get taille(): { lignes: number; octets: number } {
    return { lignes: this.lignesRecente + this.lignesAncienne, octets: this.octetsRecente + this.octetsAncienne };
  }

  vider(): void {
    this.recente.clear();
    this.ancienne.clear();
    this.octetsRecente = this.octetsAncienne = this.lignesRecente = this.lignesAncienne = 0;
  }
}

function trouver<T>(premiere: Entree<T> | undefined, source: Source, n: number, contexte: number): Entree<T> | undefined {
  if (premiere === undefined) return undefined;
  const cellules = source.cellules(n);
  const colonnes = source.colonnes;
  const nombre = colonnes.length;
  for (let e: Entree<T> | null = premiere; e !== null; e = e.suivante) {
    const { nombres, autres } = e;
    if (e.contexte !== contexte || autres.length !== nombre) continue;
    let i = 0;
    for (; i < nombre; i++) {
      const v = cellules[colonnes[i]];
      const autre = autres[i];
      if (autre === undefined) {
        // A number was remembered: the same number (Object.is: NaN is NaN, -0 is not 0), or a miss.
        if (typeof v !== "number" || !memeNombre(nombres[i], v)) break;
        continue;
      }
      // The same text or boolean, or null for null: equal without more ado.
      if (v === autre) continue;
      if (!memeValeur(autre, v)) break;
    }
    if (i === nombre) return e;
  }
  return undefined;
}

/** The chain without `retiree` (copied up to it: entries are never shared between chains). */
function sans<T>(premiere: Entree<T>, retiree: Entree<T>): Entree<T> | null {
  if (premiere === retiree) return retiree.suivante;
  return { ...premiere, suivante: sans(premiere.suivante!, retiree) };
}

let dernierContexte = 0;
