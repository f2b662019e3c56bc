/**
 * Pure display helpers (no DOM): what a French finance team reads instead of the dossier contract's
 * field names, and the unit a figure is shown in. Nothing here decides a rule: the verdict is shown
 * as the core gives it, only worded for a person.
 */
import { CHAMPS, definition } from "../../dossier";
import type { Condition, Unite } from "../../rules";

/** The label of a field as the workbook shows it ("Points « Création » (barème 311-45)"); the name when unknown. */
export function libelleChamp(champ: string): string {
  return definition(champ)?.libelle ?? champ;
}

/**
 * Field names written in camelCase ("pointsCreation", "diffuseeAnneePrecedente"): the core's messages
 * name fields this way because the CLI reads JSON. One-word names ("genre", "titre", "aide") are also
 * ordinary French words and stay as they are.
 */
const NOMS_TECHNIQUES = CHAMPS.map((c) => c.champ).filter((n) => /[A-Z]/.test(n)).sort((a, b) => b.length - a.length);
const MOTIF_NOMS = new RegExp(`\\b(${NOMS_TECHNIQUES.join("|")})\\b`, "g");

/** "(diffuseeAnneePrecedente, versionDefinitiveAcceptee)": a parenthesis holding only field names. */
const PARENTHESE_DE_NOMS = new RegExp(`\\s*\\((?:${NOMS_TECHNIQUES.join("|")})(?:,\\s*(?:${NOMS_TECHNIQUES.join("|")}))*\\)`, "g");

/**
 * A core message with every field name replaced by its French label. A parenthesis that only names
 * the fields is dropped: the pane lists them, by label, under "À renseigner".
 */
export function messageEnFrancais(message: string): string {
  return message.replace(PARENTHESE_DE_NOMS, "").replace(MOTIF_NOMS, (nom) => libelleChamp(nom));
}

/**
 * The unit to show a condition's expected value in. An incomplete condition carries no unit in the
 * verdict (nothing was measured), yet its expected value may be a threshold of the barème: 30 points
 * must not read "30,00 €". The barème's conditions are those named « Points « … » » (311-11-1 b),
 * 311-10, 311-50 2° c)); any other expected figure without a unit is an amount, as the core writes it.
 * (The fields a condition asks for do not tell: A1 may ask for the points while expecting euros.)
 */
export function uniteAffichee(c: Condition): Unite | null {
  if (c.unite !== null) return c.unite;
  return /^Points\b/.test(c.libelle) ? "points" : null;
}
