/**
 * Excel tables and their structured references (`Financements[Montant (€)]`,
 * `Dossier[[Champ]:[Valeur]]`, `Catalogue[@genre]`, `T[[#This Row],[Col]]`, `T[#Headers]`).
 * HyperFormula has no tables, so each reference becomes the absolute A1 range it designates.
 */
import { lettreColonne } from "../modele";
import { ErreurClasseur } from "./erreurs";

export interface TableClasseur {
  nom: string;
  feuille: string;
  /** Rows and columns from 1, header and totals rows included. */
  haut: number;
  gauche: number;
  bas: number;
  droite: number;
  entete: boolean;
  totaux: boolean;
  colonnes: string[];
}

export interface ContexteReference {
  /** Tables of the workbook by lower-case name. */
  tables: ReadonlyMap<string, TableClasseur>;
  feuille: string;
  ligne: number;
  colonne: number;
}

export function citerFeuille(nom: string): string {
  return `'${nom.replace(/'/g, "''")}'`;
}

function referenceA1(feuille: string, haut: number, gauche: number, bas: number, droite: number): string {
  const debut = `$${lettreColonne(gauche)}$${haut}`;
  const fin = `$${lettreColonne(droite)}$${bas}`;
  return `${citerFeuille(feuille)}!${debut}${debut === fin ? "" : `:${fin}`}`;
}

/** A column name as written in a reference: `'` escapes `[`, `]`, `#` and `'`. */
function nomColonne(brut: string): string {
  return brut.replace(/'(.)/g, "$1").trim();
}

type Special = "#all" | "#data" | "#headers" | "#totals" | "#this row";

function decouperElements(contenu: string): string[] {
  // Top-level items: "[#Headers],[Col]" or "[Col1]:[Col2]" or "@[Col]" or "@Col" or "Col".
  const elements: string[] = [];
  let profondeur = 0;
  let debut = 0;
  for (let i = 0; i < contenu.length; i++) {
    const c = contenu[i];
    if (c === "'") { i++; continue; }
    if (c === "[") profondeur++;
    else if (c === "]") profondeur--;
    else if (c === "," && profondeur === 0) {
      elements.push(contenu.slice(debut, i));
      debut = i + 1;
    }
  }
  elements.push(contenu.slice(debut));
  return elements.map((e) => e.trim()).filter((e) => e !== "");
}

function sansCrochets(e: string): string {
  const t = e.trim();
  return t.startsWith("[") && t.endsWith("]") ? t.slice(1, -1) : t;
}

export function traduireReferenceStructuree(nomTable: string | null, contenu: string, ctx: ContexteReference): string {
  const table = nomTable === null ? tableContenant(ctx) : ctx.tables.get(nomTable.toLowerCase());
  if (!table) {
    // Not a table: an external workbook reference ([1]Feuille!A1) or an unknown table name.
    const quoi = nomTable === null ? `[${contenu}]` : `${nomTable}[${contenu}]`;
    throw new ErreurClasseur(nomTable === null && /^\d+$/.test(contenu.trim())
      ? `référence à un autre classeur « ${quoi} » non prise en charge`
      : `référence « ${quoi} » à une table inconnue${nomTable === null ? " (la formule n'est dans aucune table)" : ""}`);
  }
  const specials = new Set<Special>();
  let colonnes: [string, string] | null = null;
  const ajouterColonnes = (texte: string) => {
    const morceaux = imbrique ? texte.split(/(?<!')\]\s*:\s*\[/).map((x) => x.trim().replace(/^\[/, "").replace(/(?<!')\]$/, "")) : [texte];
    const [a, b = a] = morceaux.map(nomColonne);
    colonnes = [a, b];
  };
  const imbrique = /^(?:[^'\[]|'.)*\[/.test(contenu);
  const elements = imbrique ? decouperElements(contenu) : [contenu];
  for (const brut of elements) {
    let e = brut.trim();
    if (e.startsWith("@")) {
      specials.add("#this row");
      e = e.slice(1).trim();
      if (e === "") continue;
    }
    const simple = imbrique ? sansCrochets(e) : e;
    if (simple.startsWith("#")) {
      const s = simple.toLowerCase().replace(/\s+/g, " ") as Special;
      if (!["#all", "#data", "#headers", "#totals", "#this row"].includes(s)) throw new ErreurClasseur(`élément « ${simple} » inconnu dans la référence à la table « ${table.nom} »`);
      specials.add(s);
    } else if (e !== "") {
      ajouterColonnes(e);
    }
  }

  const premiereDonnee = table.haut + (table.entete ? 1 : 0);
  const derniereDonnee = table.bas - (table.totaux ? 1 : 0);
  let haut: number;
  let bas: number;
  if (specials.has("#this row")) {
    if (ctx.ligne < premiereDonnee || ctx.ligne > derniereDonnee || ctx.feuille !== table.feuille) {
      throw new ErreurClasseur(`la référence « ${table.nom}[${contenu}] » désigne la ligne de la formule, qui n'est pas une ligne de la table`);
    }
    haut = bas = ctx.ligne;
  } else if (specials.has("#all") || (specials.has("#headers") && specials.has("#totals"))) {
    haut = table.haut;
    bas = table.bas;
  } else if (specials.has("#headers")) {
    if (!table.entete) throw new ErreurClasseur(`la table « ${table.nom} » n'a pas de ligne d'en-tête`);
    haut = table.haut;
    bas = specials.has("#data") ? derniereDonnee : table.haut;
  } else if (specials.has("#totals")) {
    if (!table.totaux) throw new ErreurClasseur(`la table « ${table.nom} » n'a pas de ligne de totaux`);
    haut = specials.has("#data") ? premiereDonnee : table.bas;
    bas = table.bas;
  } else {
    haut = premiereDonnee;
    bas = derniereDonnee;
  }

  let gauche = table.gauche;
  let droite = table.droite;
  if (colonnes !== null) {
    const [a, b] = colonnes as [string, string];
    const index = (nom: string) => {
      const k = table.colonnes.findIndex((c) => c.trim().toLowerCase() === nom.toLowerCase());
      if (k < 0) throw new ErreurClasseur(`colonne « ${nom} » inconnue dans la table « ${table.nom} » (colonnes : ${table.colonnes.join(", ")})`);
      return table.gauche + k;
    };
    const ga = index(a);
    const gb = index(b);
    gauche = Math.min(ga, gb);
    droite = Math.max(ga, gb);
  }
  return referenceA1(table.feuille, haut, gauche, bas, droite);
}

function tableContenant(ctx: ContexteReference): TableClasseur | undefined {
  for (const t of ctx.tables.values()) {
    if (t.feuille === ctx.feuille && ctx.ligne >= t.haut && ctx.ligne <= t.bas && ctx.colonne >= t.gauche && ctx.colonne <= t.droite) return t;
  }
  return undefined;
}
