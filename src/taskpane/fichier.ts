/**
 * Standalone mode, pure part: the bytes of a dossier JSON file (DOSSIER.md: one dossier or an
 * array of them) to validated dossiers, or French errors naming the field — the same checks and
 * wording as the CLI (parseDossiers, DossierInvalide).
 */
import { DossierInvalide, parseDossiers, type ErreurChamp } from "../dossier";
import type { Dossier } from "../rules";

/** Beyond this, a "dossier" file is not one: refuse it rather than freeze the pane. */
export const TAILLE_MAX_OCTETS = 16 * 1024 * 1024;

export type FichierLu =
  | { ok: true; dossiers: Dossier[]; /** The file held an array (a catalogue). */ tableau: boolean }
  | { ok: false; titre: string; erreurs: ErreurChamp[] };

/** Spreadsheet files: Excel (OOXML and the older binary format), OpenDocument, Numbers. */
const EXTENSIONS_CLASSEUR = /\.(xlsx|xlsm|xlsb|xltx|xltm|xls|xlt|ods|ots|fods|numbers)$/i;

/**
 * A workbook, by its name or its first bytes: a ZIP container (xlsx, xlsm, ods…, "PK\x03\x04") or
 * an OLE2 compound file (xls, "\xD0\xCF\x11\xE0"). Neither is ever a dossier JSON file, which is text.
 */
export function estClasseur(octets: Uint8Array, nom: string): boolean {
  const commence = (signature: number[]) => signature.every((b, i) => octets[i] === b);
  return EXTENSIONS_CLASSEUR.test(nom) || commence([0x50, 0x4b, 0x03, 0x04]) || commence([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

function refus(titre: string, message: string): FichierLu {
  return { ok: false, titre, erreurs: [{ champ: null, message }] };
}

export function lireFichierDossiers(octets: ArrayBuffer | Uint8Array, nom: string): FichierLu {
  const titre = `Le fichier « ${nom} » ne peut pas être lu.`;
  const vue = octets instanceof Uint8Array ? octets : new Uint8Array(octets);
  if (estClasseur(vue, nom)) {
    return refus(`Le fichier « ${nom} » n'est pas un dossier JSON.`,
      "c'est un classeur : ouvrez-le dans Excel (le volet y lit le tableau « Dossier ») ou utilisez cnc-rga verifier en ligne de commande.");
  }
  if (octets.byteLength > TAILLE_MAX_OCTETS) {
    return refus(titre, `il est trop volumineux (${Math.round(octets.byteLength / 1048576)} Mo) pour un fichier de dossiers.`);
  }
  let texte: string;
  try {
    texte = new TextDecoder("utf-8", { fatal: true }).decode(octets);
  } catch {
    return refus(titre, "ce n'est pas un texte UTF-8 : enregistrez le dossier en JSON UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(texte.replace(/^\uFEFF/, ""));
  } catch (e) {
    return refus(titre, `ce n'est pas un JSON valide (${e instanceof Error ? e.message : String(e)}).`);
  }
  let lus: Dossier | Dossier[];
  try {
    lus = parseDossiers(json);
  } catch (e) {
    if (e instanceof DossierInvalide) return { ok: false, titre: `Le dossier « ${nom} » n'est pas valide :`, erreurs: e.erreurs };
    throw e;
  }
  if (Array.isArray(lus)) {
    if (!lus.length) return refus(titre, "il ne contient aucun dossier (tableau vide).");
    return { ok: true, dossiers: lus, tableau: true };
  }
  return { ok: true, dossiers: [lus], tableau: false };
}

/** How a dossier of a catalogue is named in the selector. */
export function libelleDossier(d: Dossier, index: number): string {
  return `${index + 1}. ${d.titre ?? "Dossier sans titre"}`;
}
