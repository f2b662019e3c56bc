/**
 * Rendering a template sheet (src/modele, pure data) into an exceljs workbook: values and formulas,
 * Excel tables, drop-down lists, number formats, colours and conditional formats. The formulas are
 * written in the file spelling chosen (`_xldudf_CNC_…` as Excel saves an add-in's functions, or
 * `CNC.…`), through formules.ts.
 */
import ExcelJS from "exceljs";
import { COULEURS, coordonnees, rectangle, type CelluleModele, type FeuilleModele, type ImpressionModele, type StyleModele, type ValidationModele } from "../modele";
import { orthographeDe, versFichier, type Orthographe } from "./formules";

type Contenu = ExcelJS.CellValue;

/**
 * A formula calling our functions is written as a dynamic-array formula (an array formula over its
 * own cell; enregistrer adds `cm="1"` and xl/metadata.xml, see fidelite.ts): Excel 365 then shows it
 * as typed, not as `=@CNC.…` (implicit intersection, which it adds to a legacy formula whose
 * function may return an array).
 */
function contenu(c: CelluleModele | undefined, orthographe: Orthographe): Contenu {
  if (!c) return null;
  if (c.formule !== undefined) {
    const formula = versFichier(c.formule, orthographe);
    if (orthographeDe(formula) !== null) return { formula, shareType: "array", ref: c.adresse } as unknown as ExcelJS.CellFormulaValue;
    return { formula } as ExcelJS.CellFormulaValue;
  }
  return c.valeur === undefined ? null : c.valeur;
}

const remplissage = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

function styler(cell: ExcelJS.Cell, style: StyleModele | undefined): void {
  switch (style) {
    case "titre": cell.font = { bold: true, size: 14, color: { argb: COULEURS.entete } }; break;
    case "note": cell.font = { italic: true, size: 9, color: { argb: "FF595959" } }; break;
    case "section": cell.font = { bold: true, size: 12, color: { argb: COULEURS.section } }; break;
    case "entete":
      cell.font = { bold: true, color: { argb: COULEURS.enteteTexte } };
      cell.fill = remplissage(COULEURS.entete);
      cell.alignment = { wrapText: true, vertical: "top" };
      break;
    case "saisie": cell.fill = remplissage(COULEURS.saisie); break;
    case "calcule":
      cell.fill = remplissage(COULEURS.calcule);
      cell.font = { italic: true };
      break;
    case "resultat": cell.font = { bold: true }; break;
    case "article": cell.font = { size: 9, color: { argb: "FF595959" } }; break;
    case "controle": cell.font = { size: 9, color: { argb: COULEURS.controle } }; break;
    default: break;
  }
}

function validation(v: ValidationModele): ExcelJS.DataValidation {
  const commun = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "Valeur refusée", error: v.message, showInputMessage: true, prompt: v.message } as const;
  switch (v.type) {
    case "liste": return { ...commun, type: "list", formulae: [`"${v.valeurs.join(",")}"`] };
    case "decimal":
    case "entier":
      return { ...commun, type: v.type === "entier" ? "whole" : "decimal", operator: v.strict ? "greaterThan" : "greaterThanOrEqual", formulae: [v.minimum] };
    case "date": return { ...commun, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1990, 0, 1))] };
  }
}

export function ajouterFeuille(classeur: ExcelJS.Workbook, f: FeuilleModele, orthographe: Orthographe): ExcelJS.Worksheet {
  const ws = classeur.addWorksheet(f.nom, { views: f.lignesFigees ? [{ state: "frozen", ySplit: f.lignesFigees }] : undefined });
  for (const [lettre, largeur] of Object.entries(f.largeurs)) ws.getColumn(lettre).width = largeur;
  for (const [ligne, hauteur] of Object.entries(f.hauteurs ?? {})) ws.getRow(Number(ligne)).height = hauteur;
  const parAdresse = new Map(f.cellules.map((c) => [c.adresse, c]));

  for (const t of f.tables) {
    const r = rectangle(t.plage);
    const lignes: Contenu[][] = [];
    for (let l = r.haut + 1; l <= r.bas; l++) {
      const ligne: Contenu[] = [];
      for (let c = r.gauche; c <= r.droite; c++) ligne.push(contenu(parAdresse.get(`${ws.getColumn(c).letter}${l}`), orthographe));
      lignes.push(ligne);
    }
    ws.addTable({
      name: t.nom, displayName: t.nom, ref: `${ws.getColumn(r.gauche).letter}${r.haut}`, headerRow: true, totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.colonnes.map((name) => ({ name, filterButton: true })),
      rows: lignes,
    } as ExcelJS.TableProperties);
  }

  for (const c of f.cellules) {
    const { colonne, ligne } = coordonnees(c.adresse);
    const cell = ws.getCell(ligne, colonne);
    cell.value = contenu(c, orthographe);
    styler(cell, c.style);
    if (c.format) cell.numFmt = c.format;
    if (c.aide) cell.note = c.aide;
    // Long labels wrap rather than being cut at the column's edge (on screen and on paper).
    if (c.style === "libelle" || c.style === "note" || c.style === "article" || c.style === "controle") cell.alignment = { wrapText: c.style !== "note", vertical: "top" };
    if (c.alignement === "centre") cell.alignment = { ...cell.alignment, horizontal: "center" };
    // The article beside an amount: a small indent, so that "6 500 000,00 €" and "311-30 2°" do not touch.
    if (c.style === "article") cell.alignment = { ...cell.alignment, horizontal: "left", indent: 1 };
  }
  // exceljs has dataValidations at run time but not in its typings.
  const validations = (ws as unknown as { dataValidations: { add(plage: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of f.validations) validations.add(v.plage, validation(v));
  let priorite = 1;
  for (const m of f.misesEnForme) {
    const couleur = COULEURS[m.style];
    ws.addConditionalFormatting({
      ref: m.plage,
      rules: [{ type: "cellIs", operator: "equal", formulae: [m.egal], priority: priorite++, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: couleur.fond } }, font: { color: { argb: couleur.texte } } } }],
    });
  }
  if (f.impression) mettreEnPage(ws, f.impression);
  return ws;
}

/** A4, fitted to the page width, title rows repeated, a page break where the template says. */
function mettreEnPage(ws: ExcelJS.Worksheet, p: ImpressionModele): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation === "portrait" ? "portrait" : "landscape",
    fitToPage: p.ajusterLargeur, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: p.lignesRepetees, printArea: p.zone,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  } as ExcelJS.PageSetup;
  ws.headerFooter = { oddFooter: "&L&8CNC Conformité&R&8Page &P / &N" } as ExcelJS.HeaderFooter;
  for (const l of p.sautsApres ?? []) ws.getRow(l).addPageBreak();
}

/** A new workbook that Excel recalculates when it opens it (the file holds no cached results). */
export function nouveauClasseur(): ExcelJS.Workbook {
  const classeur = new ExcelJS.Workbook();
  classeur.creator = "CNC Conformité";
  classeur.calcProperties = { fullCalcOnLoad: true };
  return classeur;
}
