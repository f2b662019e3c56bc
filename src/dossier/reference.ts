/**
 * The field reference (docs/champs.md, `cnc-rga champs`), generated from the field list so the
 * documentation cannot drift from what the parser reads.
 */
import { CHAMPS, type Nature } from "./champs";

const TYPES: Record<Nature, string> = {
  texte: "texte",
  date: "date : AAAA-MM-JJ ou JJ/MM/AAAA (ou cellule date d'Excel)",
  genre: "`fiction`, `animation`, `documentaire`, `spectacle_vivant` ou `autre` (ou « Documentaire de création », « Adaptation audiovisuelle de spectacle vivant »)",
  destination: "`television` ou `smad`",
  aide: "`automatique`, `selective` ou `preparation`",
  montant: "montant en euros ≥ 0 (nombre, ou texte « 1 250 000,50 € »)",
  duree: "nombre > 0",
  booleen: "booléen : VRAI/FAUX, oui/non, true/false",
  entier: "nombre entier ≥ 0",
};

/** A table cell: no line break, and a pipe would end the cell. */
function cellule(t: string): string {
  return t.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function referenceChamps(): string {
  const lignes = [
    "# Champs du dossier",
    "",
    "<!-- Fichier généré par `node scripts/generer-champs.js` depuis src/dossier/champs.ts : ne pas le modifier à la main. -->",
    "",
    "Un dossier décrit une œuvre et son financement. Les mêmes champs servent aux fichiers JSON lus par",
    "`cnc-rga evaluer`, aux plages « Champ | Valeur » et aux catalogues d'un classeur (`cnc-rga verifier`,",
    "fonctions `CNC.*`, volet). Dans un fichier JSON, le nom du champ est exact ; dans un classeur, le nom",
    "ou le libellé est reconnu sans tenir compte des majuscules, des accents ni des espaces. Tout champ est",
    "facultatif : une règle à laquelle il manque un champ répond `incomplet` et le nomme.",
    "",
    "Articles : numéros du RGA refondu (demandes à compter du 1er février 2023), suivis entre parenthèses",
    "des numéros de janvier 2023 (« ex- »). La version appliquée dépend de `dateDemande`.",
    "",
    "| champ | libellé dans un classeur | type | sens | article | exemple |",
    "|---|---|---|---|---|---|",
  ];
  for (const c of CHAMPS) {
    const libelles = [c.libelle, ...(c.alias ?? []).map((a) => `ancien libellé : ${a}`)].join(" ; ");
    lignes.push(`| \`${c.champ}\` | ${cellule(libelles)} | ${cellule(TYPES[c.nature])} | ${cellule(c.sens)} | ${cellule(c.article ?? "")} | ${cellule(c.exemple)} |`);
  }
  lignes.push("", "Un libellé de classeur qui n'est pas un champ (une colonne « Notes », par exemple) est ignoré et signalé,", "avec le champ le plus proche s'il y en a un : « vouliez-vous dire … ? ».", "");
  return lignes.join("\n");
}
