/**
 * Reading dossiers from a block of cells, the same way for the custom functions, the task pane and
 * the workbook checker (DOSSIER.md): either a two-column `Champ | Valeur` range (one work), or a
 * header row of field names with one work per row (a catalogue). Labels are matched case- and
 * accent-insensitively; labels that are not fields are ignored and listed, never silently dropped.
 */
import type { Dossier } from "../rules";
import { champDepuisLibelle, normaliser } from "./champs";
import { DossierInvalide, parseDossier, type ErreurChamp } from "./schema";
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

function correspondances(cellules: readonly Cellule[]): number {
  return cellules.filter((c) => {
    const t = texteLibelle(c);
    return t !== null && champDepuisLibelle(t) !== undefined;
  }).length;
}

function lire(record: Record<string, Cellule>, ligne: number, doublons: string[]): LigneLue {
  if (doublons.length) {
    return { ok: false, ligne, erreurs: doublons.map((champ) => ({ champ, message: "champ présent plusieurs fois dans la plage" })) };
  }
  try {
    return { ok: true, ligne, dossier: parseDossier(record) };
  } catch (e) {
    if (e instanceof DossierInvalide) return { ok: false, ligne, erreurs: e.erreurs };
    throw e;
  }
}

/** The header row of a `Champ | Valeur` table is not a field and not worth reporting. */
const ENTETES = new Set(["champ", "champs", "libelle", "libelles"]);

function lireChampValeur(libelles: readonly Cellule[], valeurs: readonly Cellule[]): LecturePlage {
  const record: Record<string, Cellule> = {};
  const ignores: string[] = [];
  const doublons: string[] = [];
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
  });
  return { forme: "champ-valeur", lignes: [lire(record, 0, doublons)], ignores };
}

function lireCatalogue(entete: readonly Cellule[], lignes: readonly (readonly Cellule[])[]): LecturePlage {
  const champs = entete.map((c) => {
    const t = texteLibelle(c);
    return t === null ? undefined : champDepuisLibelle(t);
  });
  const ignores = entete.map(texteLibelle).filter((t, i): t is string => t !== null && champs[i] === undefined);
  const doublons = champs.filter((c, i) => c !== undefined && champs.indexOf(c) !== i) as string[];
  const lues = lignes.map((ligne, n): LigneLue => {
    const record: Record<string, Cellule> = {};
    champs.forEach((champ, i) => {
      if (champ !== undefined) record[champ] = ligne[i];
    });
    if (Object.values(record).every(estVide)) return { ok: "vide", ligne: n };
    return lire(record, n, [...new Set(doublons)]);
  });
  return { forme: "catalogue", lignes: lues, ignores: [...new Set(ignores)] };
}

/**
 * `plage` alone: a `Champ | Valeur` block (labels in the first column, values in the second) or a
 * catalogue (field names in the first row). With `valeurs`: `plage` holds only the labels — a
 * column (then `valeurs` is the matching column) or a row (then `valeurs` holds one work per row).
 */
export function lirePlage(plage: readonly (readonly Cellule[])[], valeurs?: readonly (readonly Cellule[])[]): LecturePlage {
  if (valeurs !== undefined) {
    const enLigne = plage.length === 1 && (plage[0]?.length ?? 0) > 1;
    if (enLigne) return lireCatalogue(plage[0], valeurs);
    return lireChampValeur(plage.map((r) => r[0]), valeurs.map((r) => r[0]));
  }
  const premiereLigne = plage[0] ?? [];
  const premiereColonne = plage.map((r) => r[0]);
  if (premiereLigne.length > 1 && correspondances(premiereLigne) > correspondances(premiereColonne)) {
    return lireCatalogue(premiereLigne, plage.slice(1));
  }
  return lireChampValeur(premiereColonne, plage.map((r) => r[1]));
}
