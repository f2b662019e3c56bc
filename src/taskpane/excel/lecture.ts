/// <reference types="office-js" />
/**
 * Excel-API layer, reading: finds the dossier of the active workbook and hands its cells, as a 2-D
 * array, to the shared reader `lirePlage` (src/dossier). Nothing here knows a rule.
 *
 * Where the dossier is, in this order:
 * 1. the active cell is on a data row of a catalogue table (a header row of field names): that row;
 * 2. on the active sheet, a table named `Dossier`, or `Dossier_2`, `Dossier_3`… (table names are
 *    unique in a workbook, so the second inserted template names its table `Dossier_2`), or a name
 *    `Dossier` scoped to that sheet;
 * 3. anywhere in the workbook, a table named `Dossier`;
 * 4. a workbook name `Dossier` (a plain `Champ | Valeur` range).
 * Calls are batched: one `sync` per step, null objects instead of exceptions.
 */
import { champDepuisLibelle, lirePlage, type Cellule, type LecturePlage } from "../../dossier";

export const NOM_DOSSIER = "Dossier";

export type SourceDossier =
  | { genre: "catalogue"; nom: string; /** From 1, under the header. */ ligne: number; adresse: string }
  | { genre: "tableau"; nom: string; adresse: string }
  | { genre: "nom-feuille"; nom: string; adresse: string }
  | { genre: "nom-classeur"; nom: string; adresse: string };

export type LectureClasseur =
  | { trouve: true; source: SourceDossier; lecture: LecturePlage }
  /** No dossier; `catalogue` names the catalogue whose header (not a row) is selected. */
  | { trouve: false; catalogue?: string };

/** A catalogue's header names at least two dossier fields; a `Champ | Valeur` header names none. */
export function estEnteteCatalogue(entete: readonly Cellule[]): boolean {
  return entete.filter((c) => typeof c === "string" && champDepuisLibelle(c) !== undefined).length >= 2;
}

async function lireLigneCatalogue(ctx: Excel.RequestContext): Promise<LectureClasseur | null> {
  const cellule = ctx.workbook.getActiveCell();
  cellule.load("rowIndex");
  const tableaux = cellule.getTables(false);
  tableaux.load("items/name");
  await ctx.sync();
  const tableau = tableaux.items[0];
  if (!tableau) return null;
  const entete = tableau.getHeaderRowRange();
  entete.load("values");
  const corps = tableau.getDataBodyRange();
  corps.load("rowIndex, rowCount");
  await ctx.sync();
  const libelles = entete.values[0] as Cellule[];
  if (!estEnteteCatalogue(libelles)) return null;
  const i = cellule.rowIndex - corps.rowIndex;
  if (i < 0 || i >= corps.rowCount) return { trouve: false, catalogue: tableau.name };
  const ligne = corps.getRow(i);
  ligne.load("values, address");
  await ctx.sync();
  return {
    trouve: true,
    source: { genre: "catalogue", nom: tableau.name, ligne: i + 1, adresse: ligne.address },
    lecture: lirePlage([libelles], ligne.values as Cellule[][]),
  };
}

function echapper(texte: string): string {
  return texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `Dossier`, or `Dossier_2`, `Dossier_3`…, ignoring case as Excel does. */
export function estNomDossier(nomTable: string, nom: string): boolean {
  return new RegExp(`^${echapper(nom)}(_\\d+)?$`, "i").test(nomTable);
}

async function lirePlageNommee(ctx: Excel.RequestContext, nom: string): Promise<LectureClasseur> {
  const feuille = ctx.workbook.worksheets.getActiveWorksheet();
  const tablesFeuille = feuille.tables;
  tablesFeuille.load("items/name");
  const nomFeuille = feuille.names.getItemOrNullObject(nom);
  nomFeuille.load("name");
  const tableau = ctx.workbook.tables.getItemOrNullObject(nom);
  tableau.load("name");
  const nomClasseur = ctx.workbook.names.getItemOrNullObject(nom);
  nomClasseur.load("name");
  await ctx.sync();

  const tableFeuille = tablesFeuille.items.find((t) => estNomDossier(t.name, nom));
  let source: { genre: "tableau" | "nom-feuille" | "nom-classeur"; nom: string };
  let plage: Excel.Range;
  if (tableFeuille) {
    source = { genre: "tableau", nom: tableFeuille.name };
    plage = tableFeuille.getRange();
  } else if (!nomFeuille.isNullObject) {
    source = { genre: "nom-feuille", nom };
    plage = nomFeuille.getRangeOrNullObject();
  } else if (!tableau.isNullObject) {
    source = { genre: "tableau", nom: tableau.name };
    plage = tableau.getRange();
  } else if (!nomClasseur.isNullObject) {
    source = { genre: "nom-classeur", nom };
    plage = nomClasseur.getRangeOrNullObject();
  } else {
    return { trouve: false };
  }
  plage.load("values, address");
  await ctx.sync();
  // A name may stand for a constant or a formula rather than cells.
  if (plage.isNullObject) return { trouve: false };
  return { trouve: true, source: { ...source, adresse: plage.address }, lecture: lirePlage(plage.values as Cellule[][]) };
}

/** The dossier in front of the person, read and validated (not yet evaluated). */
export async function lireDossierClasseur(nom: string = NOM_DOSSIER): Promise<LectureClasseur> {
  return Excel.run(async (ctx) => {
    let ligne: LectureClasseur | null = null;
    try {
      ligne = await lireLigneCatalogue(ctx);
    } catch {
      // The selection is not a range (a chart, a shape): there is no catalogue row to read.
    }
    if (ligne?.trouve) return ligne;
    const nomme = await lirePlageNommee(ctx, nom);
    return nomme.trouve ? nomme : (ligne ?? nomme);
  });
}
