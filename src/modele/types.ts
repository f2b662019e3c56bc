/**
 * The shape of a template sheet as plain data: cells, tables, validation lists and conditional
 * formats. The exceljs generator (src/classeur/modele-exceljs.ts) and the task pane (Office.js) each
 * render it; neither decides anything the definition does not say.
 */

export type ValeurModele = string | number | boolean | Date | null;

/** How a cell looks; each front end maps these names to its own styles (COULEURS gives the colours). */
export type StyleModele = "titre" | "note" | "section" | "entete" | "libelle" | "saisie" | "calcule" | "resultat" | "article" | "controle";

export interface CelluleModele {
  /** A1 address in the sheet, e.g. "B7". */
  adresse: string;
  valeur?: ValeurModele;
  /**
   * A formula without the leading "=", in Excel's English syntax (comma separators) and with the
   * add-in's spelling of its functions (`CNC.APPORT_MIN`): what Office.js `range.formulas` takes.
   * The exceljs generator turns CNC.* into the file spelling (src/classeur/formules.ts).
   */
  formule?: string;
  style?: StyleModele;
  /** Excel number format (FORMATS). */
  format?: string;
  /** A short help text shown as a note (comment) on the cell. */
  aide?: string;
  /** Horizontal alignment when not the default (text left, numbers right). */
  alignement?: "centre";
}

export interface TableModele {
  /** Unique in the workbook; formulas refer to the table by this name. */
  nom: string;
  /** Header row included, e.g. "A5:C39". */
  plage: string;
  colonnes: readonly string[];
}

export type ValidationModele =
  | { plage: string; type: "liste"; valeurs: readonly string[]; message: string }
  | { plage: string; type: "decimal" | "entier"; minimum: number; strict: boolean; message: string }
  | { plage: string; type: "date"; message: string };

/** A result cell coloured by its value: `egal` is an Excel formula (e.g. "\"conforme\"", "TRUE"). */
export interface MiseEnFormeModele {
  plage: string;
  egal: string;
  style: "conforme" | "non_conforme" | "incomplet" | "non_applicable";
}

export interface FeuilleModele {
  nom: string;
  cellules: CelluleModele[];
  tables: TableModele[];
  validations: ValidationModele[];
  misesEnForme: MiseEnFormeModele[];
  /** Column letter → width in characters. */
  largeurs: Record<string, number>;
  /** Rows kept visible at the top when scrolling. */
  lignesFigees?: number;
  /** Row number → height in points, for rows whose wrapped text needs more than one line (front ends may ignore it). */
  hauteurs?: Record<number, number>;
  /** How the sheet prints; absent: the front end's defaults. */
  impression?: ImpressionModele;
}

/** Page setup: paper, orientation, fit to the page width, rows repeated on each page, page breaks. */
export interface ImpressionModele {
  papier: "A4";
  orientation: "portrait" | "paysage";
  /** Fitted to one page wide, as many pages tall as needed. */
  ajusterLargeur: boolean;
  /** Rows repeated at the top of each page, e.g. "1:2". */
  lignesRepetees?: string;
  /** Print area, e.g. "A1:E82". */
  zone?: string;
  /** A page break after each of these rows. */
  sautsApres?: number[];
}

export const FORMATS = {
  euros: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
  entier: "0",
  pourcent: "0 %",
  nombre: "#,##0.##",
} as const;

/** ARGB colours (Excel's good / bad / neutral palette; pale yellow for cells to fill in). */
export const COULEURS = {
  saisie: "FFFFF2CC",
  calcule: "FFF2F2F2",
  entete: "FF1F4E78",
  enteteTexte: "FFFFFFFF",
  section: "FF1F4E78",
  conforme: { fond: "FFC6EFCE", texte: "FF006100" },
  non_conforme: { fond: "FFFFC7CE", texte: "FF9C0006" },
  incomplet: { fond: "FFFFEB9C", texte: "FF9C5700" },
  non_applicable: { fond: "FFEDEDED", texte: "FF595959" },
  /** Text of a check that found something to correct (the Contrôle column of the financing lines). */
  controle: "FF9C0006",
} as const;
