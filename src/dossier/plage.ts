/**
 * Reading dossiers from a block of cells, the same way for the custom functions, the task pane and
 * the workbook checker (DOSSIER.md): either a two-column `Champ | Valeur` range (one work), or a
 * header row of field names with one work per row (a catalogue). Labels are matched case- and
 * accent-insensitively; labels that are not fields are ignored and listed, never silently dropped.
 */
import type { ChampDossier, Dossier } from "../rules";
import { champDepuisLibelle, normaliser } from "./champs";
import { DossierInvalide, indicesDesChamps, lireLigneDirecte, parseDossier, verifierCoherence, type ErreurChamp } from "./schema";
import { estVide } from "./valeurs";

/** A cell as Excel, exceljs or HyperFormula hand it over. */
export type Cellule = number | string | boolean | null | undefined | Date;

export type LigneLue =
  | { ok: true; dossier: Dossier; ligne: number }
  | { ok: false; erreurs: ErreurChamp[]; ligne: number }
  /** A catalogue row with no value at all. */
  | { ok: "vide"; ligne: number };

export interface LecturePlage {
  forme: "champ-valeur" | "catalogue";
  /** One entry for a `Champ | Valeur` range; one per row under the header for a catalogue. */
  lignes: LigneLue[];
  /** Labels that are not dossier fields, once each, as written. */
  ignores: string[];
}

function texteLibelle(c: Cellule): string | null {
  if (typeof c === "string" && c.trim() !== "") return c.trim();
  return null;
}

const estChamp = (c: Cellule) => {
  const t = texteLibelle(c);
  return t !== null && champDepuisLibelle(t) !== undefined;
};

function correspondances(cellules: readonly Cellule[]): number {
  let n = 0;
  for (let i = 0; i < cellules.length; i++) if (estChamp(cellules[i])) n++;
  return n;
}

/** Whether the first column names fewer fields than `seuil` (stops counting once it reaches it). */
function colonneEnDessousDe(plage: readonly (readonly Cellule[])[], seuil: number): boolean {
  let n = 0;
  for (let i = 0; i < plage.length && n < seuil; i++) if (estChamp(plage[i][0])) n++;
  return n < seuil;
}

function lire(record: Record<string, Cellule>, ligne: number, doublons: readonly string[]): LigneLue {
  if (doublons.length) {
    return { ok: false, ligne, erreurs: doublons.map((champ) => ({ champ, message: "champ présent plusieurs fois dans la plage" })) };
  }
  return lue(() => parseDossier(record), ligne);
}

function lue(parse: () => Dossier, ligne: number): LigneLue {
  try {
    return { ok: true, ligne, dossier: parse() };
  } catch (e) {
    if (e instanceof DossierInvalide) return { ok: false, ligne, erreurs: e.erreurs };
    throw e;
  }
}

/** The header row of a `Champ | Valeur` table is not a field and not worth reporting. */
const ENTETES = new Set(["champ", "champs", "libelle", "libelles"]);

/**
 * A range whose works are parsed one at a time, when asked for: the labels (or the header) are read at
 * once, and each work's raw cells can be looked at without parsing it, so a caller that remembers
 * verdicts by raw cells (src/functions/memoire.ts) parses only the rows it has not seen.
 * `lirePlage` is this, every work parsed.
 */
export interface PlageOuverte {
  forme: "champ-valeur" | "catalogue";
  /** Labels that are not dossier fields, once each, as written. */
  ignores: string[];
  /** Works: one for a `Champ | Valeur` range, one per row under the header for a catalogue. */
  nombre: number;
  /** The field each raw value of a work is read into, in order (a field named twice appears twice). */
  champs: readonly ChampDossier[];
  /** Raw value `i` (for `champs[i]`) of work `n`, as the cell holds it: `cellules(n)[colonnes[i]]`. */
  brute(n: number, i: number): Cellule;
  /** Where raw value `i` of a work is among its cells (one per entry of `champs`). */
  colonnes: readonly number[];
  /** The cells of work `n` (a catalogue row, or the values of a `Champ | Valeur` range), not a copy. */
  cellules(n: number): readonly Cellule[];
  /** Work `n` parsed and validated, exactly as `lirePlage` gives it. */
  lire(n: number): LigneLue;
}

function ouvrirChampValeur(libelles: readonly Cellule[], valeurs: readonly Cellule[]): PlageOuverte {
  const record: Record<string, Cellule> = {};
  const ignores: string[] = [];
  const doublons: string[] = [];
  const champs: ChampDossier[] = [];
  const indices: number[] = [];
  libelles.forEach((l, i) => {
    const texte = texteLibelle(l);
    if (texte === null) return;
    const champ = champDepuisLibelle(texte);
    if (champ === undefined) {
      if (!ignores.includes(texte) && !ENTETES.has(normaliser(texte))) ignores.push(texte);
      return;
    }
    if (champ in record && !doublons.includes(champ)) doublons.push(champ);
    record[champ] = valeurs[i];
    champs.push(champ);
    indices.push(i);
  });
  let lue: LigneLue | undefined;
  return {
    forme: "champ-valeur", ignores, nombre: 1, champs, colonnes: indices,
    brute: (_n, i) => valeurs[indices[i]],
    cellules: () => valeurs,
    lire: () => (lue ??= lire(record, 0, doublons)),
  };
}

interface EnteteLue {
  /** The field of each column, undefined for a column that is not a field. */
  parColonne: (ChampDossier | undefined)[];
  ignores: string[];
  doublons: string[];
  /** Columns holding a field, and their field, in order. */
  colonnes: number[];
  champs: ChampDossier[];
  /** The column of each field in the schema's order, -1 when none (lireLigneDirecte). */
  indices: number[];
}

/**
 * Headers already read: Excel hands the same header to every formula of a catalogue, and a template
 * puts one formula per cell reading it (50 000 calls on a recalculation of 10 000 works). Found by a
 * hash of a few characters of each label, then compared label by label: a key written as JSON (700
 * characters for 37 labels, then hashed whole by the Map) was 44 % of such a recalculation.
 * Only headers of labels and blanks are remembered (null and undefined alike: both are blank), at
 * most 256 of them, each of at most 1 000 cells and 20 000 characters.
 */
const ENTETES_LUES = new Map<number, { libelles: readonly (string | null)[]; lue: EnteteLue }[]>();
let entetesLues = 0;
const imul = Math.imul;

/** The hash of a header of labels and blanks, or null for any other header (not remembered). */
function cleEntete(entete: readonly Cellule[]): number | null {
  if (entete.length > 1000) return null;
  let h = entete.length;
  let caracteres = 0;
  for (let i = 0; i < entete.length; i++) {
    const c = entete[i];
    let x = 1;
    if (typeof c === "string") {
      caracteres += c.length;
      x = c.length === 0 ? 2 : (c.length << 16) ^ (c.charCodeAt(0) << 8) ^ c.charCodeAt(c.length >> 1) ^ (c.charCodeAt(c.length - 1) << 20);
    } else if (c !== null && c !== undefined) return null;
    h = imul(h ^ x, 0x9e3779b1 | 0);
    h = (h << 13) | (h >>> 19);
  }
  return caracteres <= 20_000 ? h : null;
}

const memeBlanc = (c: Cellule) => c === null || c === undefined;

function memesLibelles(connus: readonly (string | null)[], entete: readonly Cellule[]): boolean {
  if (connus.length !== entete.length) return false;
  for (let i = 0; i < connus.length; i++) {
    const c = entete[i];
    if (connus[i] !== c && !(connus[i] === null && memeBlanc(c))) return false;
  }
  return true;
}

function lireEntete(entete: readonly Cellule[]): EnteteLue {
  const cle = cleEntete(entete);
  const connues = cle === null ? undefined : ENTETES_LUES.get(cle);
  if (connues) {
    for (const connue of connues) if (memesLibelles(connue.libelles, entete)) return connue.lue;
  }
  const parColonne = entete.map((c) => {
    const t = texteLibelle(c);
    return t === null ? undefined : champDepuisLibelle(t);
  });
  const ignores = [...new Set(entete.map(texteLibelle).filter((t, i): t is string => t !== null && parColonne[i] === undefined))];
  const doublons = [...new Set(parColonne.filter((c, i) => c !== undefined && parColonne.indexOf(c) !== i) as string[])];
  const colonnes: number[] = [];
  parColonne.forEach((c, i) => { if (c !== undefined) colonnes.push(i); });
  const entree = { parColonne, ignores, doublons, colonnes, champs: colonnes.map((i) => parColonne[i]!), indices: indicesDesChamps(parColonne) };
  if (cle !== null) {
    if (++entetesLues > 256) {
      ENTETES_LUES.clear();
      entetesLues = 1;
    }
    const libelles = entete.map((c) => (memeBlanc(c) ? null : (c as string)));
    const memeCle = ENTETES_LUES.get(cle);
    if (memeCle) memeCle.push({ libelles, lue: entree });
    else ENTETES_LUES.set(cle, [{ libelles, lue: entree }]);
  }
  return entree;
}

function ouvrirCatalogue(entete: readonly Cellule[], lignes: readonly (readonly Cellule[])[]): PlageOuverte {
  const { ignores, doublons, colonnes, champs, indices } = lireEntete(entete);
  return {
    forme: "catalogue", ignores: [...ignores], nombre: lignes.length, champs, colonnes,
    brute: (n, i) => lignes[n][colonnes[i]],
    cellules: (n) => lignes[n],
    lire: (n) => {
      const ligne = lignes[n];
      if (doublons.length === 0) {
        let vide = true;
        for (let k = 0; k < colonnes.length && vide; k++) vide = estVide(ligne[colonnes[k]]);
        if (vide) return { ok: "vide", ligne: n };
        // Read straight from the cells when every value reads: the same dossier as parseDossier's
        // (schema.ts, test/dossier/lecture-rapide.test.ts); otherwise parseDossier names each fault.
        const direct = lireLigneDirecte(ligne, indices);
        if (direct !== undefined) return lue(() => verifierCoherence(direct), n);
      }
      const record: Record<string, Cellule> = {};
      for (let k = 0; k < colonnes.length; k++) record[champs[k]] = ligne[colonnes[k]];
      // A field named twice keeps its last column: the row is empty when the values kept are.
      if (champs.every((c) => estVide(record[c]))) return { ok: "vide", ligne: n };
      return lire(record, n, doublons);
    },
  };
}

/**
 * `plage` alone: a `Champ | Valeur` block (labels in the first column, values in the second) or a
 * catalogue (field names in the first row). With `valeurs`: `plage` holds only the labels — a
 * column (then `valeurs` is the matching column) or a row (then `valeurs` holds one work per row).
 * Nothing is parsed yet (see PlageOuverte).
 */
export function ouvrirPlage(plage: readonly (readonly Cellule[])[], valeurs?: readonly (readonly Cellule[])[]): PlageOuverte {
  if (valeurs !== undefined) {
    const enLigne = plage.length === 1 && (plage[0]?.length ?? 0) > 1;
    if (enLigne) return ouvrirCatalogue(plage[0], valeurs);
    return ouvrirChampValeur(plage.map((r) => r[0]), valeurs.map((r) => r[0]));
  }
  const premiereLigne = plage[0] ?? [];
  if (premiereLigne.length > 1 && colonneEnDessousDe(plage, correspondances(premiereLigne))) {
    return ouvrirCatalogue(premiereLigne, plage.slice(1));
  }
  return ouvrirChampValeur(plage.map((r) => r[0]), plage.map((r) => r[1]));
}

/** Every work of the range, parsed and validated (see ouvrirPlage for the two layouts). */
export function lirePlage(plage: readonly (readonly Cellule[])[], valeurs?: readonly (readonly Cellule[])[]): LecturePlage {
  const p = ouvrirPlage(plage, valeurs);
  return { forme: p.forme, lignes: Array.from({ length: p.nombre }, (_, n) => p.lire(n)), ignores: p.ignores };
}
