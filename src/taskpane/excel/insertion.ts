/// <reference types="office-js" />
/**
 * Excel-API layer, writing: "Insérer un plan de financement modèle". The sheet is the ONE template
 * definition of src/modele (cells, tables, lists, conditional formats, as data); this file only
 * renders that data with Office.js. It never overwrites anything: the sheet and its two tables get
 * the first free set of names — "Plan de financement" with tables Dossier / Financements, then
 * "Plan de financement (2)" with Dossier_2 / Financements_2, and so on.
 */
import {
  COULEURS, NOM_FEUILLE_PLAN, NOM_TABLE_DOSSIER, NOM_TABLE_FINANCEMENTS, modelePlan,
  type CelluleModele, type FeuilleModele, type MiseEnFormeModele, type PlanModele, type StyleModele, type ValeurModele, type ValidationModele,
} from "../../modele";

/** Beyond this many templates in one workbook, something else is wrong. */
const ESSAIS_MAX = 100;

export interface NomsPlan {
  feuille: string;
  tableDossier: string;
  tableFinancements: string;
}

/** The names of the n-th template of a workbook (n from 1). */
export function nomsPlan(n: number): NomsPlan {
  if (n <= 1) return { feuille: NOM_FEUILLE_PLAN, tableDossier: NOM_TABLE_DOSSIER, tableFinancements: NOM_TABLE_FINANCEMENTS };
  return { feuille: `${NOM_FEUILLE_PLAN} (${n})`, tableDossier: `${NOM_TABLE_DOSSIER}_${n}`, tableFinancements: `${NOM_TABLE_FINANCEMENTS}_${n}` };
}

/** Office.js colours are "#RRGGBB"; the template's are ARGB. */
export function couleur(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/** Office.js takes dates as Excel serial numbers (days since 30/12/1899). */
function valeurExcel(v: ValeurModele): string | number | boolean {
  if (v === null) return "";
  if (v instanceof Date) return (Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000;
  return v;
}

function appliquerStyle(r: Excel.Range, style: StyleModele): void {
  const f = r.format;
  switch (style) {
    case "titre": f.font.bold = true; f.font.size = 14; f.font.color = couleur(COULEURS.section); break;
    case "note": f.font.italic = true; f.font.color = "#595959"; break;
    case "section": f.font.bold = true; f.font.size = 12; f.font.color = couleur(COULEURS.section); break;
    case "entete": f.fill.color = couleur(COULEURS.entete); f.font.color = couleur(COULEURS.enteteTexte); f.font.bold = true; break;
    case "libelle": break;
    case "saisie": f.fill.color = couleur(COULEURS.saisie); break;
    case "calcule": f.fill.color = couleur(COULEURS.calcule); break;
    case "resultat": f.font.bold = true; break;
    case "article": f.font.color = "#595959"; f.font.size = 9; break;
  }
}

function ecrireCellule(feuille: Excel.Worksheet, c: CelluleModele): void {
  const r = feuille.getRange(c.adresse);
  if (c.formule !== undefined) r.formulas = [[`=${c.formule}`]];
  else if (c.valeur !== undefined && c.valeur !== null) r.values = [[valeurExcel(c.valeur)]];
  if (c.format) r.numberFormat = [[c.format]];
  if (c.style) appliquerStyle(r, c.style);
}

function ecrireValidation(feuille: Excel.Worksheet, v: ValidationModele): void {
  const dv = feuille.getRange(v.plage).dataValidation;
  switch (v.type) {
    case "liste":
      dv.rule = { list: { inCellDropDown: true, source: v.valeurs.join(",") } };
      break;
    case "decimal":
    case "entier": {
      const regle = { formula1: v.minimum, operator: v.strict ? "GreaterThan" : "GreaterThanOrEqualTo" } as Excel.BasicDataValidation;
      dv.rule = v.type === "decimal" ? { decimal: regle } : { wholeNumber: regle };
      break;
    }
    case "date":
      dv.rule = { date: { formula1: "=DATE(1900,1,1)", operator: "GreaterThanOrEqualTo" } as Excel.DateTimeDataValidation };
      break;
  }
  dv.errorAlert = { showAlert: true, style: "Stop", title: "Valeur refusée", message: v.message };
}

function ecrireMiseEnForme(feuille: Excel.Worksheet, m: MiseEnFormeModele): void {
  const mf = feuille.getRange(m.plage).conditionalFormats.add("CellValue");
  const couleurs = COULEURS[m.style];
  mf.cellValue.format.fill.color = couleur(couleurs.fond);
  mf.cellValue.format.font.color = couleur(couleurs.texte);
  mf.cellValue.rule = { formula1: `=${m.egal}`, operator: "EqualTo" };
}

/**
 * Writes a template sheet (src/modele data) into an empty worksheet, in the order Excel requires: the
 * constant cells (the tables' headers among them), then the tables, then the formulas — Excel refuses
 * a structured reference (`Financements[Montant (€)]`) to a table that does not exist yet.
 */
export function ecrireFeuille(feuille: Excel.Worksheet, modele: FeuilleModele): void {
  for (const c of modele.cellules) if (c.formule === undefined) ecrireCellule(feuille, c);
  for (const t of modele.tables) {
    const table = feuille.tables.add(t.plage, true);
    table.name = t.nom;
    table.showBandedRows = false;
  }
  for (const c of modele.cellules) if (c.formule !== undefined) ecrireCellule(feuille, c);
  for (const v of modele.validations) ecrireValidation(feuille, v);
  for (const m of modele.misesEnForme) ecrireMiseEnForme(feuille, m);
  // Column widths are given in characters; Excel's default font draws about 7 points a character.
  for (const [colonne, largeur] of Object.entries(modele.largeurs)) {
    feuille.getRange(`${colonne}:${colonne}`).format.columnWidth = largeur * 7;
  }
  if (modele.lignesFigees) feuille.freezePanes.freezeRows(modele.lignesFigees);
}

/** The first n whose sheet and table names are all unused (sheet, table and defined names). */
async function premiersNomsLibres(ctx: Excel.RequestContext): Promise<NomsPlan> {
  const essais: { noms: NomsPlan; objets: { isNullObject: boolean }[] }[] = [];
  for (let n = 1; n <= ESSAIS_MAX; n++) {
    const noms = nomsPlan(n);
    const objets = [
      ctx.workbook.worksheets.getItemOrNullObject(noms.feuille),
      ctx.workbook.tables.getItemOrNullObject(noms.tableDossier),
      ctx.workbook.tables.getItemOrNullObject(noms.tableFinancements),
      ctx.workbook.names.getItemOrNullObject(noms.tableDossier),
      ctx.workbook.names.getItemOrNullObject(noms.tableFinancements),
    ];
    for (const o of objets) o.load("name");
    essais.push({ noms, objets });
  }
  await ctx.sync();
  const libre = essais.find((e) => e.objets.every((o) => o.isNullObject));
  if (!libre) throw new Error(`Ce classeur contient déjà ${ESSAIS_MAX} plans de financement modèles : supprimez-en ou renommez-les.`);
  return libre.noms;
}

function messageErreur(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Removes the sheet `nom` if it exists; true when it was there and is gone. */
async function supprimerFeuille(ctx: Excel.RequestContext, nom: string): Promise<boolean> {
  const f = ctx.workbook.worksheets.getItemOrNullObject(nom);
  f.load("name");
  await ctx.sync();
  if (f.isNullObject) return false;
  f.delete();
  await ctx.sync();
  return true;
}

/**
 * Adds and activates a new financing-plan sheet; returns its names. Two syncs: the free names, then
 * the whole sheet. An Excel batch is not a transaction: if Excel refuses an operation midway, the
 * ones before it are done; the half-made sheet is then deleted and the error says so, in French.
 */
export async function insererPlanFinancement(): Promise<NomsPlan & { modele: PlanModele }> {
  return Excel.run(async (ctx) => {
    const noms = await premiersNomsLibres(ctx);
    const modele = modelePlan({ nomFeuille: noms.feuille, nomTableDossier: noms.tableDossier, nomTableFinancements: noms.tableFinancements });
    try {
      const feuille = ctx.workbook.worksheets.add(noms.feuille);
      ecrireFeuille(feuille, modele);
      feuille.activate();
      feuille.getRange(modele.valeurs.titre).select();
      await ctx.sync();
    } catch (e) {
      let nettoyage: string;
      try {
        nettoyage = (await supprimerFeuille(ctx, noms.feuille))
          ? `La feuille « ${noms.feuille} » commencée a été supprimée : le classeur est comme avant.`
          : "Aucune feuille n'a été ajoutée : le classeur est comme avant.";
      } catch (e2) {
        nettoyage = `La feuille « ${noms.feuille} » commencée n'a pas pu être supprimée (${messageErreur(e2)}) : supprimez-la à la main.`;
      }
      throw new Error(`Excel a refusé une étape de l'insertion (${messageErreur(e)}). ${nettoyage}`);
    }
    return { ...noms, modele };
  });
}
