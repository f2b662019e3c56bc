/**
 * A1 addresses of the template, as plain strings: the template is pure data, so the exceljs
 * generator (CLI) and Office.js (task pane) place the same cells without sharing any Office type.
 */

/** 1 → "A", 27 → "AA". */
export function lettreColonne(numero: number): string {
  if (!Number.isInteger(numero) || numero < 1) throw new RangeError(`numéro de colonne invalide : ${numero}`);
  let n = numero;
  let lettres = "";
  while (n > 0) {
    const reste = (n - 1) % 26;
    lettres = String.fromCharCode(65 + reste) + lettres;
    n = Math.floor((n - 1) / 26);
  }
  return lettres;
}

/** "AA" → 27. */
export function numeroColonne(lettres: string): number {
  let n = 0;
  for (const c of lettres.toUpperCase()) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`colonne invalide : « ${lettres} »`);
    n = n * 26 + (code - 64);
  }
  return n;
}

/** Column number and row number (both from 1) → "B7". */
export function adresse(colonne: number, ligne: number): string {
  return `${lettreColonne(colonne)}${ligne}`;
}

/** Absolute form of an address: "B7" → "$B$7". */
export function absolue(a: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new RangeError(`adresse invalide : « ${a} »`);
  return `$${m[1]}$${m[2]}`;
}

export interface Coordonnees {
  /** From 1, as Excel counts. */
  colonne: number;
  ligne: number;
}

/** "B7" or "$B$7" → {colonne: 2, ligne: 7}. */
export function coordonnees(a: string): Coordonnees {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
  if (!m) throw new RangeError(`adresse invalide : « ${a} »`);
  return { colonne: numeroColonne(m[1]), ligne: Number(m[2]) };
}

export interface Rectangle {
  haut: number;
  gauche: number;
  bas: number;
  droite: number;
}

/** "A5:C39" (or a single cell) → its corners, from 1. */
export function rectangle(plage: string): Rectangle {
  const [debut, fin = debut] = plage.replace(/\$/g, "").split(":");
  const a = coordonnees(debut);
  const b = coordonnees(fin);
  return { haut: Math.min(a.ligne, b.ligne), gauche: Math.min(a.colonne, b.colonne), bas: Math.max(a.ligne, b.ligne), droite: Math.max(a.colonne, b.colonne) };
}

export function plage(r: Rectangle): string {
  const debut = adresse(r.gauche, r.haut);
  const fin = adresse(r.droite, r.bas);
  return debut === fin ? debut : `${debut}:${fin}`;
}
