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
 * Two round trips (`sync`) per reading, whatever the workbook (BENCHMARKS.md): the first loads the
 * active cell's tables, the active sheet's tables and the candidate names at once; the second loads
 * the catalogue row (if any) and the chosen `Champ | Valeur` range together. Null objects, never
 * exceptions, for what may be missing. A selection that is not a range (a chart) fails the first
 * batch: the reading is then done again without the active cell.
 *
 * Dates: Excel hands a date cell as its serial number, counted from 1900 or, in workbooks made with
 * the 1904 date system (older Mac files), from 1904: 1462 days less. DATE(1904;1;1) is 0 in the latter
 * and 1462 in the former (Excel's DATE help: "year … from 1900 or 1904 depending on the workbook's
 * date system"), so one worksheet-function call in the first batch tells which, and the serial
 * numbers of date fields are moved to the 1900 system before reading.
 */
import { champDepuisLibelle, definition, lirePlage, type Cellule, type LecturePlage } from "../../dossier";

export const NOM_DOSSIER = "Dossier";

/** Days between the 1900 and 1904 date systems' day 0. */
export const ECART_1904 = 1462;

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

function echapper(texte: string): string {
  return texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `Dossier`, or `Dossier_2`, `Dossier_3`…, ignoring case as Excel does. */
export function estNomDossier(nomTable: string, nom: string): boolean {
  return new RegExp(`^${echapper(nom)}(_\\d+)?$`, "i").test(nomTable);
}

const estChampDate = (libelle: Cellule) => {
  if (typeof libelle !== "string") return false;
  const champ = champDepuisLibelle(libelle.trim());
  return champ !== undefined && definition(champ)?.nature === "date";
};
const versSysteme1900 = (v: Cellule) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v + ECART_1904 : v);

/** The serial numbers of date fields of a `Champ | Valeur` range moved from the 1904 to the 1900 date system. */
export function dates1904ChampValeur(plage: Cellule[][]): Cellule[][] {
  return plage.map((l) => (estChampDate(l[0]) ? [l[0], versSysteme1900(l[1]), ...l.slice(2)] : l));
}

/** The same for catalogue rows under `entete`. */
export function dates1904Catalogue(entete: readonly Cellule[], lignes: Cellule[][]): Cellule[][] {
  const dates = entete.map(estChampDate);
  return lignes.map((l) => l.map((v, j) => (dates[j] ? versSysteme1900(v) : v)));
}

/** Batch 1 without syncing: what every reading needs to know first. */
function premierLot(ctx: Excel.RequestContext, nom: string, avecCellule: boolean) {
  const wb = ctx.workbook;
  const feuille = wb.worksheets.getActiveWorksheet();
  const tablesFeuille = feuille.tables.load("items/name");
  const nomFeuille = feuille.names.getItemOrNullObject(nom).load("name");
  const tableau = wb.tables.getItemOrNullObject(nom).load("name");
  const nomClasseur = wb.names.getItemOrNullObject(nom).load("name");
  const systemeDates = wb.functions.date(1904, 1, 1).load("value");
  let cellule: Excel.Range | null = null;
  let tablesCellule: Excel.TableScopedCollection | null = null;
  if (avecCellule) {
    cellule = wb.getActiveCell();
    tablesCellule = cellule.getTables(false).load("items/name");
  }
  return { tablesFeuille, nomFeuille, tableau, nomClasseur, systemeDates, cellule, tablesCellule };
}

async function lire(ctx: Excel.RequestContext, nom: string, avecCellule: boolean): Promise<LectureClasseur> {
  const l1 = premierLot(ctx, nom, avecCellule);
  await ctx.sync();
  const date1904 = l1.systemeDates.value === 0;

  // Batch 2: the catalogue row under the active cell, and the named dossier, loaded together.
  const tableauCellule = l1.tablesCellule?.items[0];
  let catalogue: { nom: string; entete: Excel.Range; corps: Excel.Range; ligne: Excel.Range } | null = null;
  if (tableauCellule && l1.cellule) {
    const corps = tableauCellule.getDataBodyRange().load("rowIndex");
    catalogue = {
      nom: tableauCellule.name,
      entete: tableauCellule.getHeaderRowRange().load("values"),
      corps,
      ligne: l1.cellule.getEntireRow().getIntersectionOrNullObject(tableauCellule.getDataBodyRange()).load("values, address, rowIndex"),
    };
  }
  const tableFeuille = l1.tablesFeuille.items.find((t) => estNomDossier(t.name, nom));
  let nomme: { source: { genre: "tableau" | "nom-feuille" | "nom-classeur"; nom: string }; plage: Excel.Range } | null = null;
  if (tableFeuille) nomme = { source: { genre: "tableau", nom: tableFeuille.name }, plage: tableFeuille.getRange() };
  else if (!l1.nomFeuille.isNullObject) nomme = { source: { genre: "nom-feuille", nom }, plage: l1.nomFeuille.getRangeOrNullObject() };
  else if (!l1.tableau.isNullObject) nomme = { source: { genre: "tableau", nom: l1.tableau.name }, plage: l1.tableau.getRange() };
  else if (!l1.nomClasseur.isNullObject) nomme = { source: { genre: "nom-classeur", nom }, plage: l1.nomClasseur.getRangeOrNullObject() };
  nomme?.plage.load("values, address");
  if (!catalogue && !nomme) return { trouve: false };
  await ctx.sync();

  let indice: LectureClasseur | null = null;
  if (catalogue) {
    const libelles = catalogue.entete.values[0] as Cellule[];
    if (estEnteteCatalogue(libelles)) {
      if (!catalogue.ligne.isNullObject) {
        const valeurs = catalogue.ligne.values as Cellule[][];
        return {
          trouve: true,
          source: { genre: "catalogue", nom: catalogue.nom, ligne: catalogue.ligne.rowIndex - catalogue.corps.rowIndex + 1, adresse: catalogue.ligne.address },
          lecture: lirePlage([libelles], date1904 ? dates1904Catalogue(libelles, valeurs) : valeurs),
        };
      }
      // The header (or the total row) of a catalogue is selected: no work to show, unless a dossier is named.
      indice = { trouve: false, catalogue: catalogue.nom };
    }
  }
  // A name may stand for a constant or a formula rather than cells.
  if (!nomme || nomme.plage.isNullObject) return indice ?? { trouve: false };
  const valeurs = nomme.plage.values as Cellule[][];
  return { trouve: true, source: { ...nomme.source, adresse: nomme.plage.address }, lecture: lirePlage(date1904 ? dates1904ChampValeur(valeurs) : valeurs) };
}

/** The dossier in front of the person, read and validated (not yet evaluated): two syncs. */
export async function lireDossierClasseur(nom: string = NOM_DOSSIER): Promise<LectureClasseur> {
  try {
    return await Excel.run((ctx) => lire(ctx, nom, true));
  } catch {
    // The selection is not a range (a chart, a shape), and Excel refuses getActiveCell: there is no
    // catalogue row to read. Once more without the active cell; an error then is a real one.
    return Excel.run((ctx) => lire(ctx, nom, false));
  }
}
