/// <reference types="custom-functions-runtime" />
/**
 * The Excel face of the CNC.* functions: JSDoc for the metadata (functions.json is generated from
 * these comments by custom-functions-metadata-plugin, which also appends the
 * CustomFunctions.associate calls), and the conversion of ErreurExcel into Excel errors. The work is
 * done by the plain functions of cnc.ts, shared with the CLI.
 *
 * Every argument that may be a range is declared `any[][]`: Excel then hands a single cell as a 1×1
 * array, and cnc.ts spills element-wise when a range is given, so `=CNC.APPORT_MIN(A2:A500; B2:B500)`
 * computes a whole column in one call. Optional arguments left out arrive as null.
 * Each function's `@helpurl` is its row of the help page (aide.html, made from docs/fonctions.md);
 * the production build moves it to the hosting origin (webpack.config.js).
 */
import * as cnc from "./cnc";
import { ceder, normaliserArgument, preciserErreurs, renumeroter, tranches } from "./entrees";
import { ErreurExcel, commeMatrice, type CelluleResultat, type Resultat } from "./excel";
import { prevoir } from "./memoire";

/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata types of Excel are `any` and `any[][]` */

function erreurExcel(e: ErreurExcel): CustomFunctions.Error {
  const code = e.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.message);
}

function cellule(c: CelluleResultat): any {
  if (c instanceof ErreurExcel) return erreurExcel(c);
  // A blank result cell is an empty string: Excel would show null as 0.
  return c === null ? "" : c;
}

const estTableau = Array.isArray;

/** A row as Excel takes it: the row itself when it holds neither an error nor a blank (most rows). */
function ligneExcel(ligne: CelluleResultat[]): any[] {
  for (let j = 0; j < ligne.length; j++) {
    const c = ligne[j];
    if (c === null || c instanceof ErreurExcel) return ligne.map(cellule);
  }
  return ligne;
}

/** A result as Excel takes it: errors as CustomFunctions.Error, in their own cell when spilled. */
export function versExcel(r: Resultat): any {
  return estTableau(r) ? r.map(ligneExcel) : cellule(r);
}

/** For functions declared with a matrix result: a single value becomes a 1×1 array. */
function matrice(r: Resultat): any[][] {
  return versExcel(commeMatrice(r));
}

/** Calls `f` with every argument made plain (data types → values, error cells → CelluleEnErreur). */
function appeler(f: (...args: any[]) => Resultat, args: unknown[]): Resultat {
  const codes = new Set<string>();
  return preciserErreurs(f(...args.map((a) => normaliserArgument(a, codes))), codes);
}

/** How long a catalogue call may hold the shared runtime before it yields (the pane stays responsive). */
const BUDGET_SANS_CEDER_MS = 50;

/**
 * A dossier function (dossier, …, valeurs, date): one call for a dossier or a short catalogue; a long
 * catalogue is evaluated TAILLE_TRANCHE works at a time with a yield between slices, so that the
 * shared runtime (which also runs the pane) stays responsive and no single call runs for seconds.
 * Excel awaits a function that returns a Promise (a non-streaming asynchronous custom function).
 */
function parDossier(f: (...args: any[]) => Resultat, args: unknown[], iDossier: number, iValeurs: number): any[][] | Promise<any[][]> {
  const t = tranches(args[iDossier], args[iValeurs]);
  if (!t) return matrice(appeler(f, args));
  // The memory of verdicts sizes itself on the catalogue read (memoire.ts): the whole one, not a slice.
  prevoir(t.reduce((n, x) => n + ((x.valeurs ?? x.dossier) as unknown[][]).length, 0));
  return (async () => {
    const lignes: CelluleResultat[][] = [];
    // Yield only once a slice has held the runtime for a while: a recalculation served from the
    // memory of verdicts (memoire.ts) takes a few milliseconds in all, and a pause costs ≥ 1 ms in
    // Node and 4 ms in a browser per slice (BENCHMARKS.md, issue 15).
    let depuis = Date.now();
    for (const [k, tranche] of t.entries()) {
      if (k > 0 && Date.now() - depuis >= BUDGET_SANS_CEDER_MS) {
        await ceder();
        depuis = Date.now();
      }
      const a = [...args];
      a[iDossier] = tranche.dossier;
      a[iValeurs] = tranche.valeurs;
      const r = renumeroter(appeler(f, a), tranche.debut);
      // An error of the whole call (a bad date, no field recognised) is the same for every slice.
      if (!estTableau(r)) return matrice(r);
      lignes.push(...r);
    }
    return matrice(lignes);
  })();
}

/**
 * Apport initial minimum des éditeurs (art. 311-11 / 311-9 du RGA), en euros : 25 % de la base, abaissé par la dérogation de l'article 311-11-1 / 311-10 quand les préventes internationales et les points le permettent ; 0 pour une aide sélective.
 * @customfunction APPORT_MIN APPORT_MIN
 * @helpurl https://localhost:3000/aide.html#cnc-apport_min
 * @param {any[][]} genre Genre de l'œuvre : fiction, animation, documentaire, spectacle_vivant ou autre (libellés français acceptés).
 * @param {any[][]} cout_definitif Coût définitif de l'œuvre, en euros (base du calcul sauf coproduction internationale).
 * @param {any[][]} [participation_francaise] Participation française, en euros : base du calcul pour une coproduction internationale (art. 311-11 al. 5).
 * @param {any[][]} [preventes_internationales] Préventes internationales signées avant la fin des prises de vues, en euros (art. 311-11-1 a).
 * @param {any[][]} [points_creation] Points « Création » du barème (art. 311-45).
 * @param {any[][]} [points_fabrication] Points « Fabrication » du barème (art. 311-45).
 * @param {any[][]} [destination] television (par défaut) ou smad (œuvre conçue pour les services à la demande).
 * @param {any[][]} [aide] automatique (par défaut), selective ou preparation.
 * @param {any[][]} [date] Date de la demande (AAAA-MM-JJ, JJ/MM/AAAA ou date Excel) : choisit la version du RGA ; aujourd'hui par défaut.
 * @param {any[][]} [duree_minutes] Durée totale de l'œuvre en minutes : l'apport minimum comprend alors au moins la part minimale en numéraire.
 * @returns {any[][]} L'apport initial minimum en euros, arrondi au centime supérieur (ce montant exact est conforme).
 */
export function apportMin(
  genre: any[][], cout_definitif: any[][], participation_francaise?: any[][], preventes_internationales?: any[][],
  points_creation?: any[][], points_fabrication?: any[][], destination?: any[][], aide?: any[][], date?: any[][], duree_minutes?: any[][],
): any[][] {
  return matrice(appeler(cnc.APPORT_MIN, [genre, cout_definitif, participation_francaise, preventes_internationales, points_creation, points_fabrication, destination, aide, date, duree_minutes]));
}

/**
 * Part minimale en numéraire de l'apport initial, en euros : le montant horaire du genre (12 000 €/h, 20 000 €/h pour le spectacle vivant…) multiplié par la durée en heures.
 * @customfunction NUMERAIRE_MIN NUMERAIRE_MIN
 * @helpurl https://localhost:3000/aide.html#cnc-numeraire_min
 * @param {any[][]} genre Genre de l'œuvre : fiction, animation, documentaire, spectacle_vivant ou autre.
 * @param {any[][]} duree_minutes Durée totale de l'œuvre en minutes, tous épisodes compris.
 * @param {any[][]} [destination] television (par défaut) ou smad.
 * @param {any[][]} [aide] automatique (par défaut), selective ou preparation.
 * @param {any[][]} [date] Date de la demande : choisit la version du RGA ; aujourd'hui par défaut.
 * @returns {any[][]} Le numéraire minimum en euros, arrondi au centime.
 */
export function numeraireMin(genre: any[][], duree_minutes: any[][], destination?: any[][], aide?: any[][], date?: any[][]): any[][] {
  return matrice(appeler(cnc.NUMERAIRE_MIN, [genre, duree_minutes, destination, aide, date]));
}

/**
 * VRAI si l'apport initial du dossier est conforme (art. 311-11, 311-11-1, 311-12 / 311-9, 311-10), FAUX sinon ; #N/A en listant les champs manquants quand le dossier est incomplet. Un catalogue donne une valeur par œuvre.
 * @customfunction APPORT_CONFORME APPORT_CONFORME
 * @helpurl https://localhost:3000/aide.html#cnc-apport_conforme
 * @param {any[][]} dossier Plage Champ | Valeur, ou ligne d'en-tête de champs suivie d'une œuvre par ligne.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date, quelle que soit la date de la demande.
 * @returns {any[][]} VRAI ou FAUX, une valeur par œuvre.
 */
export function apportConforme(dossier: any[][], valeurs?: any[][], date?: any) { // any[][], or its Promise for a long catalogue (no annotation: the metadata plugin allows no union)
  return parDossier(cnc.APPORT_CONFORME, [dossier, valeurs, date], 0, 1);
}

/**
 * VRAI si l'œuvre remplit les conditions de la liste des œuvres de référence (art. 311-30 / 311-29), FAUX sinon ; #N/A en listant les champs manquants.
 * @customfunction REFERENCE_ELIGIBLE REFERENCE_ELIGIBLE
 * @helpurl https://localhost:3000/aide.html#cnc-reference_eligible
 * @param {any[][]} dossier Plage Champ | Valeur, ou ligne d'en-tête de champs suivie d'une œuvre par ligne.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date.
 * @returns {any[][]} VRAI ou FAUX, une valeur par œuvre.
 */
export function referenceEligible(dossier: any[][], valeurs?: any[][], date?: any) { // any[][], or its Promise for a long catalogue (no annotation: the metadata plugin allows no union)
  return parDossier(cnc.REFERENCE_ELIGIBLE, [dossier, valeurs, date], 0, 1);
}

/**
 * Taux de la majoration des sommes du compte automatique (art. 311-50 / 311-51) : 0,25 quand toutes les conditions sont remplies, 0 sinon ; #N/A si le dossier est incomplet.
 * @customfunction MAJORATION MAJORATION
 * @helpurl https://localhost:3000/aide.html#cnc-majoration
 * @param {any[][]} dossier Plage Champ | Valeur, ou ligne d'en-tête de champs suivie d'une œuvre par ligne.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date.
 * @returns {any[][]} 0,25 ou 0, une valeur par œuvre.
 */
export function majoration(dossier: any[][], valeurs?: any[][], date?: any) { // any[][], or its Promise for a long catalogue (no annotation: the metadata plugin allows no union)
  return parDossier(cnc.MAJORATION, [dossier, valeurs, date], 0, 1);
}

/**
 * Statut d'une section du verdict : « conforme », « non conforme », « incomplet » ou « non applicable ».
 * @customfunction STATUT STATUT
 * @helpurl https://localhost:3000/aide.html#cnc-statut
 * @param {any[][]} dossier Plage Champ | Valeur, ou ligne d'en-tête de champs suivie d'une œuvre par ligne.
 * @param {any} section apport, reference ou majoration.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date.
 * @returns {any[][]} Le statut de la section, une valeur par œuvre.
 */
export function statut(dossier: any[][], section: any, valeurs?: any[][], date?: any) { // any[][], or its Promise for a long catalogue (no annotation: the metadata plugin allows no union)
  return parDossier(cnc.STATUT, [dossier, section, valeurs, date], 0, 2);
}

/**
 * Euros manquants pour que les conditions en euros de la section soient remplies (0 quand elles le sont) ; #N/A si la section est incomplète.
 * @customfunction ECART ECART
 * @helpurl https://localhost:3000/aide.html#cnc-ecart
 * @param {any[][]} dossier Plage Champ | Valeur, ou ligne d'en-tête de champs suivie d'une œuvre par ligne.
 * @param {any} section apport, reference ou majoration.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date.
 * @returns {any[][]} L'écart en euros, arrondi au centime, une valeur par œuvre.
 */
export function ecart(dossier: any[][], section: any, valeurs?: any[][], date?: any) { // any[][], or its Promise for a long catalogue (no annotation: the metadata plugin allows no union)
  return parDossier(cnc.ECART, [dossier, section, valeurs, date], 0, 2);
}

/**
 * Explique le verdict d'une œuvre condition par condition : un tableau condition, article, statut, attendu, constaté, écart, message, avec la version du RGA appliquée sur la ligne de chaque section.
 * @customfunction EXPLIQUER EXPLIQUER
 * @helpurl https://localhost:3000/aide.html#cnc-expliquer
 * @param {any[][]} dossier Plage Champ | Valeur d'une œuvre (ou en-tête de champs et une seule ligne d'œuvre).
 * @param {any} [section] apport, reference ou majoration ; toutes les sections si vide.
 * @param {any[][]} [valeurs] Valeurs, quand la plage dossier ne contient que les noms de champs.
 * @param {any} [date] Évalue selon la version du RGA en vigueur à cette date.
 * @returns {any[][]} Le tableau du verdict, à déverser.
 */
export function expliquer(dossier: any[][], section?: any, valeurs?: any[][], date?: any): any[][] {
  return matrice(appeler(cnc.EXPLIQUER, [dossier, section, valeurs, date]));
}

/**
 * Version du RGA appliquée (en vigueur aujourd'hui, ou à la date donnée) et version du complément CNC Conformité.
 * @customfunction VERSION VERSION
 * @helpurl https://localhost:3000/aide.html#cnc-version
 * @param {any} [date] Date à laquelle lire la version du RGA ; aujourd'hui par défaut.
 * @returns {string} Par exemple « RGA 2023-02 · CNC Conformité 0.1.0 ».
 */
export function version(date?: any): string {
  return versExcel(appeler(cnc.VERSION, [date]));
}
