/**
 * The financing-plan template and the catalogue layout as pure data (no exceljs, no Office.js), so
 * the task pane's "Insérer un plan de financement modèle" and the exceljs generator build the same
 * sheet from one definition.
 */
export * from "./adresses";
export * from "./listes";
export * from "./types";
export * from "./articles";
export * from "./controle";
export { modelePlan, CHAMPS_CALCULES, COLONNES_DOSSIER, COLONNES_FINANCEMENTS, NOM_FEUILLE_PLAN, NOM_TABLE_DOSSIER, NOM_TABLE_FINANCEMENTS, type CleResultat, type LigneFinancement, type OptionsPlan, type PlanModele, type ResultatModele } from "./plan";
export { modeleCatalogue, COLONNES_RESULTATS, NOM_FEUILLE_CATALOGUE, NOM_TABLE_CATALOGUE, type CatalogueModele, type ColonneResultat, type LigneCatalogue } from "./catalogue";
