/**
 * "Vouliez-vous dire … ?": the known field nearest to a misspelt name or workbook label, so every
 * face (CLI, custom functions, task pane) can say which field was meant instead of only "unknown".
 * Distance: Levenshtein (fastest-levenshtein) on the normalised forms (case, accents, spaces and
 * punctuation ignored), so "Cout definitf (€)" is one edit away from "Coût définitif (€)".
 */
import { distance } from "fastest-levenshtein";
import type { ChampDossier } from "../rules";
import { CHAMPS, LIBELLES_CONNUS, normaliser } from "./champs";

export interface Suggestion {
  champ: ChampDossier;
  /** What to write instead: the field name for a field name, the label for a label. */
  texte: string;
}

/** At most a quarter of the word's letters wrong (1 to 3 edits): further than that is a guess. */
function seuil(longueur: number): number {
  return Math.max(1, Math.min(3, Math.floor(longueur / 4)));
}

function plusProche(saisi: string, candidats: Iterable<[string, Suggestion]>): Suggestion | undefined {
  const cle = normaliser(saisi);
  if (cle === "") return undefined;
  let meilleur: { d: number; s: Suggestion } | undefined;
  for (const [forme, s] of candidats) {
    const d = distance(cle, forme);
    if (d <= seuil(Math.max(cle.length, forme.length)) && (meilleur === undefined || d < meilleur.d)) meilleur = { d, s };
  }
  return meilleur?.s;
}

/** For a JSON key: the nearest field name (JSON keys are exact, so the name is what to write). */
export function suggererChamp(saisi: string): Suggestion | undefined {
  return plusProche(saisi, CHAMPS.map((c): [string, Suggestion] => [normaliser(c.champ), { champ: c.champ, texte: c.champ }]));
}

/** For a workbook label: the nearest field name or French label, written as it is nearest. */
export function suggererLibelle(saisi: string): Suggestion | undefined {
  return plusProche(saisi, [...LIBELLES_CONNUS].map(([forme, v]): [string, Suggestion] => [forme, { champ: v.champ, texte: v.texte }]));
}

/** "« Cout definitf » (vouliez-vous dire « Coût définitif (€) » ?)" — or the label alone. */
export function decrireLibelleIgnore(libelle: string): string {
  const s = suggererLibelle(libelle);
  return s ? `« ${libelle} » (vouliez-vous dire « ${s.texte} » ?)` : `« ${libelle} »`;
}

/** Where the list of fields is documented, in the repository and from the command line. */
export const REFERENCE_CHAMPS = "docs/champs.md ou « cnc-rga champs »";
