/** Reading a dossier file: every failure becomes a French message naming the file. */
import { readFileSync, statSync } from "fs";
// Imported apart from ../dossier/index: jsonc-parser is for the CLI, not the add-in's bundles.
import { decrireErreurJson } from "../dossier/erreur-json";
import { ErreurUtilisateur } from "./sortie";

/** Beyond this, a "dossier" file is not one: refuse it rather than exhaust memory. */
const TAILLE_MAX_OCTETS = 64 * 1024 * 1024;

export function lireFichierJson(chemin: string): unknown {
  let taille: number;
  try {
    const s = statSync(chemin);
    if (!s.isFile()) throw new ErreurUtilisateur(`« ${chemin} » n'est pas un fichier.`);
    taille = s.size;
  } catch (e) {
    if (e instanceof ErreurUtilisateur) throw e;
    throw new ErreurUtilisateur(`fichier introuvable ou illisible : « ${chemin} ».`);
  }
  if (taille > TAILLE_MAX_OCTETS) throw new ErreurUtilisateur(`« ${chemin} » est trop volumineux (${Math.round(taille / 1048576)} Mo) pour un fichier de dossiers.`);
  const octets = readFileSync(chemin);
  let texte: string;
  try {
    texte = new TextDecoder("utf-8", { fatal: true }).decode(octets);
  } catch {
    throw new ErreurUtilisateur(`« ${chemin} » n'est pas un texte UTF-8 : enregistrez le dossier en JSON UTF-8.`);
  }
  const json = texte.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch {
    // V8's message is English and positions in characters: say it in French, by line and column.
    throw new ErreurUtilisateur(`« ${chemin} » n'est pas un JSON valide, ${decrireErreurJson(json)}.`);
  }
}
