/**
 * Which sections' details the person opened. Details are collapsed by default; a section opened
 * stays open when the summary is redrawn (Excel redraws it on every change of the cells) and when
 * the pane is reopened: kept in memory and in the page's localStorage (this computer only; nothing
 * about the dossier is stored, only the three section names). Storage refused (private mode,
 * policy) leaves the in-memory state.
 */
import type { CleSection } from "./action";

const CLE_STOCKAGE = "cnc-conformite.volet.sections-ouvertes";

function stockage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function lire(): Set<CleSection> {
  try {
    const brut = stockage()?.getItem(CLE_STOCKAGE);
    const liste: unknown = brut ? JSON.parse(brut) : [];
    return new Set(Array.isArray(liste) ? liste.filter((c): c is CleSection => c === "apportInitial" || c === "listeReference" || c === "majoration") : []);
  } catch {
    return new Set();
  }
}

let ouvertes: Set<CleSection> | null = null;

export function estOuverte(cle: CleSection): boolean {
  ouvertes ??= lire();
  return ouvertes.has(cle);
}

export function memoriserOuverture(cle: CleSection, ouverte: boolean): void {
  ouvertes ??= lire();
  if (ouverte) ouvertes.add(cle);
  else ouvertes.delete(cle);
  try {
    stockage()?.setItem(CLE_STOCKAGE, JSON.stringify([...ouvertes]));
  } catch {
    // Storage full or refused: the state still holds for this session.
  }
}
