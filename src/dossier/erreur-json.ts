/**
 * A broken JSON file described in French, with its line and column, instead of the engine's English
 * text. jsonc-parser (strict: no comments, no trailing comma) finds the first fault and its offset.
 */
import { parse, ParseErrorCode, type ParseError } from "jsonc-parser";

const RAISONS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: "caractère inattendu (les textes s'écrivent entre guillemets droits \"…\", les booléens true ou false)",
  [ParseErrorCode.InvalidNumberFormat]: "nombre mal écrit (en JSON : 1250000.5, sans espace ni virgule décimale — ou un texte \"1 250 000,50 €\")",
  [ParseErrorCode.PropertyNameExpected]: "nom de champ entre guillemets attendu (virgule en trop avant « } » ?)",
  [ParseErrorCode.ValueExpected]: "valeur attendue (virgule en trop, ou valeur manquante ?)",
  [ParseErrorCode.ColonExpected]: "deux-points « : » attendu entre le nom du champ et sa valeur",
  [ParseErrorCode.CommaExpected]: "virgule attendue entre deux éléments",
  [ParseErrorCode.CloseBraceExpected]: "accolade fermante « } » attendue",
  [ParseErrorCode.CloseBracketExpected]: "crochet fermant « ] » attendu",
  [ParseErrorCode.EndOfFileExpected]: "texte en trop après la fin du JSON",
  [ParseErrorCode.InvalidCommentToken]: "les commentaires ne sont pas permis en JSON",
  [ParseErrorCode.UnexpectedEndOfComment]: "commentaire non fermé (les commentaires ne sont pas permis en JSON)",
  [ParseErrorCode.UnexpectedEndOfString]: "texte non fermé : guillemet fermant manquant, ou retour à la ligne dans un texte",
  [ParseErrorCode.UnexpectedEndOfNumber]: "nombre incomplet",
  [ParseErrorCode.InvalidUnicode]: "séquence \\u invalide",
  [ParseErrorCode.InvalidEscapeCharacter]: "caractère d'échappement invalide après « \\ »",
  [ParseErrorCode.InvalidCharacter]: "caractère de contrôle interdit dans un texte",
};

/** Line and column (from 1) of a character offset, as an editor counts them. */
export function ligneColonne(texte: string, position: number): { ligne: number; colonne: number } {
  const avant = texte.slice(0, Math.max(0, Math.min(position, texte.length)));
  const lignes = avant.split(/\r\n|\r|\n/);
  return { ligne: lignes.length, colonne: [...lignes[lignes.length - 1]].length + 1 };
}

/** 1000000,50 in an object: a French decimal comma, which JSON reads as a comma before a field name. */
function virguleDecimale(texte: string, position: number): boolean {
  return /\d,\s*$/.test(texte.slice(0, position)) && /^\d/.test(texte.slice(position));
}

/** "ligne 3, colonne 12 : virgule attendue entre deux éléments" for a text JSON.parse refused. */
export function decrireErreurJson(texte: string): string {
  if (texte.trim() === "") return "le fichier est vide";
  const erreurs: ParseError[] = [];
  parse(texte, erreurs, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const premiere = erreurs[0];
  if (premiere === undefined) return "syntaxe JSON invalide";
  const { ligne, colonne } = ligneColonne(texte, premiere.offset);
  const raison = premiere.offset >= texte.trimEnd().length
    ? "le fichier s'arrête avant la fin du JSON (accolade « } » ou crochet « ] » non fermé ?)"
    : virguleDecimale(texte, premiere.offset)
      ? "virgule décimale : en JSON, un nombre s'écrit avec un point (1000000.50), ou en texte entre guillemets (\"1 000 000,50 €\")"
      : RAISONS[premiere.error] ?? "syntaxe JSON invalide";
  return `ligne ${ligne}, colonne ${colonne} : ${raison}`;
}
