/**
 * THE financing-plan template: one sheet with
 * - the `Dossier` table (Champ | Valeur | Article): every DOSSIER.md field with its French label, in
 *   CHAMPS order, yellow where a person types, grey where a formula computes;
 * - the `Financements` table (Source | Type d'apport | Montant | Numéraire): the financing lines,
 *   whose totals feed the dossier fields through SUM / SUMIFS;
 * - the results: CNC.* formulas over the dossier, coloured by their value.
 * Pure data: the task pane inserts it with Office.js, scripts/generer-exemples.js writes it with
 * exceljs, and test/classeur checks both the layout and the values it computes.
 * Formulas use structured references to the two tables (`Financements[Montant (€)]`), so a front end
 * writes the values, creates the tables (names from the options), and only then writes the formulas.
 */
import { CHAMPS, type Articles, type DefinitionChamp } from "../dossier";
import type { ChampDossier } from "../rules";
import { absolue, adresse, lettreColonne } from "./adresses";
import { articleAbroge, DEBUT_REFONTE } from "./articles";
import { MESSAGES_CONTROLE } from "./controle";
import { LISTE_TYPES_APPORT, LISTE_BOOLEENS, TYPES_APPORT, listePourNature } from "./listes";
import { FORMATS, type CelluleModele, type FeuilleModele, type MiseEnFormeModele, type ValeurModele, type ValidationModele } from "./types";

export interface LigneFinancement {
  source: string;
  /** One of LISTE_TYPES_APPORT. */
  type: string;
  montant: number;
  numeraire: boolean;
}

export interface OptionsPlan {
  nomFeuille?: string;
  /** Table names are unique in a workbook: a second template needs other names. */
  nomTableDossier?: string;
  nomTableFinancements?: string;
  /** Values typed in the dossier (fields computed from the financing lines are refused here). */
  valeurs?: Partial<Record<ChampDossier, ValeurModele>>;
  financements?: readonly LigneFinancement[];
  /** Rows of the financing table (at least the lines given); 15 by default. */
  lignesFinancement?: number;
}

export type CleResultat =
  | "version" | "apportMinimum" | "numeraireMinimum"
  | "statutApport" | "ecartApport" | "apportConforme"
  | "statutReference" | "ecartReference" | "referenceEligible"
  | "statutMajoration" | "tauxMajoration";

export interface ResultatModele {
  cle: CleResultat;
  libelle: string;
  adresse: string;
  formule: string;
}

export interface PlanModele extends FeuilleModele {
  /** Address of each field's value cell. */
  valeurs: Record<ChampDossier, string>;
  resultats: ResultatModele[];
  /** The dossier's data rows, labels and values (what CNC.* dossier functions read). */
  plageDossier: string;
  /** The balance block: the budget (coût définitif), the total of the lines, their difference, the flag cell and the cell naming the lines left out. */
  equilibre: { cout: string; total: string; ecart: string; statut: string; ecartees: string };
  /** The financing table's data rows and its first column (from 1): what controlerFinancements (controle.ts) reads. */
  financements: { premiereLigne: number; derniereLigne: number; colonne: number };
}

export const NOM_FEUILLE_PLAN = "Plan de financement";
export const NOM_TABLE_DOSSIER = "Dossier";
export const NOM_TABLE_FINANCEMENTS = "Financements";
export const COLONNES_DOSSIER = ["Champ", "Valeur", "Article"] as const;
export const COLONNES_FINANCEMENTS = ["Source", "Type d’apport", "Montant (€)", "Numéraire", "Contrôle"] as const;

const LIGNE_TITRE = 1;
const LIGNE_NOTE = 2;
/** Rows repeated at the top of each printed page. */
const LIGNES_REPETEES = "1:2";
const LIGNE_SECTION_RESULTATS = 4;
/** Everything sits in columns A to E: the plan prints on A4 portrait, fitted to the page width. */
const COL_A = 1;

/** Fields whose value is a formula over the financing table, never typed. The coût définitif is the budget: typed. */
export const CHAMPS_CALCULES: readonly ChampDossier[] = [
  "participationFrancaise", "apportInitial", "apportNumeraireTelevision",
  "apportNumeraireSmad", "apportAutresFrance", "preventesInternationales",
];

function chaine(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

function formulesChampsCalcules(f: string, valeurs: Record<ChampDossier, string>): Partial<Record<ChampDossier, string>> {
  const montant = `${f}[${COLONNES_FINANCEMENTS[2]}]`;
  const type = `${f}[${COLONNES_FINANCEMENTS[1]}]`;
  const numeraire = `${f}[${COLONNES_FINANCEMENTS[3]}]`;
  const somme = (t: string) => `SUMIFS(${montant},${type},${chaine(t)})`;
  const sommeNumeraire = (t: string) => `SUMIFS(${montant},${type},${chaine(t)},${numeraire},"oui")`;
  const copro = absolue(valeurs.coproductionInternationale);
  const cout = absolue(valeurs.coutDefinitif);
  return {
    // 311-11 al. 5: the coût définitif less what foreign coproducers bring; blank (not given) outside a coproduction.
    participationFrancaise: `IF(OR(${copro}="oui",${copro}=TRUE),IF(ISNUMBER(${cout}),${cout}-${somme(TYPES_APPORT.coproducteurEtranger)},""),"")`,
    apportInitial: `${somme(TYPES_APPORT.television)}+${somme(TYPES_APPORT.smad)}`,
    apportNumeraireTelevision: sommeNumeraire(TYPES_APPORT.television),
    apportNumeraireSmad: sommeNumeraire(TYPES_APPORT.smad),
    apportAutresFrance: somme(TYPES_APPORT.autresFrance),
    preventesInternationales: somme(TYPES_APPORT.preventes),
  };
}

function formatPourChamp(c: DefinitionChamp): string | undefined {
  switch (c.nature) {
    case "montant": return FORMATS.euros;
    case "date": return FORMATS.date;
    case "entier": return FORMATS.entier;
    case "duree": return FORMATS.nombre;
    default: return undefined;
  }
}

function validationPourChamp(c: DefinitionChamp, a: string): ValidationModele | undefined {
  const liste = listePourNature(c.nature);
  if (liste) return { plage: a, type: "liste", valeurs: liste, message: `Choisissez : ${liste.join(", ")}.` };
  switch (c.nature) {
    case "montant": return { plage: a, type: "decimal", minimum: 0, strict: false, message: "Un montant en euros, positif ou nul." };
    case "duree": return { plage: a, type: "decimal", minimum: 0, strict: true, message: "Une durée en minutes, strictement positive." };
    case "entier": return { plage: a, type: "entier", minimum: 0, strict: false, message: "Un nombre entier, positif ou nul." };
    case "date": return { plage: a, type: "date", message: "Une date (JJ/MM/AAAA)." };
    default: return undefined;
  }
}

/**
 * The article cell of a field: the January-2023 number before 1 February 2023, the recast's from
 * then on (and when no date is typed: most requests fall under the recast). A constant where both
 * versions cite the same article.
 */
function celluleArticle(a: string, articles: Articles | undefined, dateDemande: string): CelluleModele {
  // The two numbers come from the field list (src/dossier/champs.ts), written from both texts.
  const article = articles?.["2023-01"] ?? articles?.["2023-02"] ?? null;
  if (!article) return { adresse: a, valeur: "", style: "article" };
  const refonte = articles?.["2023-02"] ?? null;
  const recent = refonte ?? articleAbroge(article);
  if (recent === article) return { adresse: a, valeur: article, style: "article" };
  const d = absolue(dateDemande);
  return {
    adresse: a, style: "article",
    formule: `IF(AND(ISNUMBER(${d}),${d}<DATE(${DEBUT_REFONTE.annee},${DEBUT_REFONTE.mois},${DEBUT_REFONTE.jour})),${chaine(article)},${chaine(recent)})`,
  };
}

/** The Contrôle cell of a financing row: what SUM / SUMIFS leave out, with the cell's address (controle.ts says the same). */
function formuleControle(f: string): string {
  // `[#This Row],` rather than `@`: the form a file stores (`@` is the formula bar's shorthand; LibreOffice reads only this one).
  const type = `${f}[[#This Row],[${COLONNES_FINANCEMENTS[1]}]]`;
  const montant = `${f}[[#This Row],[${COLONNES_FINANCEMENTS[2]}]]`;
  const ici = (col: string) => `ADDRESS(ROW(),COLUMN(${col}),4)`;
  const liste = `{${LISTE_TYPES_APPORT.map(chaine).join(",")}}`;
  const texte = `ISTEXT(${montant})`;
  const horsListe = `AND(${type}<>"",ISNA(MATCH(${type},${liste},0)))`;
  const manquant = `AND(${type}="",${montant}<>"")`;
  return `IF(${texte},${ici(montant)}&${chaine(` : ${MESSAGES_CONTROLE.montant_texte}`)},"")`
    + `&IF(${horsListe},IF(${texte},"; ","")&${ici(type)}&${chaine(` : ${MESSAGES_CONTROLE.type_hors_liste}`)},"")`
    + `&IF(${manquant},IF(${texte},"; ","")&${ici(type)}&${chaine(` : ${MESSAGES_CONTROLE.type_manquant}`)},"")`;
}

export function modelePlan(options: OptionsPlan = {}): PlanModele {
  const nom = options.nomFeuille ?? NOM_FEUILLE_PLAN;
  const d = options.nomTableDossier ?? NOM_TABLE_DOSSIER;
  const f = options.nomTableFinancements ?? NOM_TABLE_FINANCEMENTS;
  const lignesFinancement = Math.max(options.lignesFinancement ?? 15, options.financements?.length ?? 0, 1);
  for (const champ of Object.keys(options.valeurs ?? {})) {
    if (CHAMPS_CALCULES.includes(champ as ChampDossier)) {
      throw new RangeError(`« ${champ} » est calculé à partir des lignes de financement : ajoutez une ligne de financement plutôt qu'une valeur.`);
    }
    if (!CHAMPS.some((c) => c.champ === champ)) throw new RangeError(`« ${champ} » n'est pas un champ du dossier (DOSSIER.md).`);
  }

  // Rows, top to bottom: results, then the financing lines and the balance, then (on page 2) the dossier.
  const NB_RESULTATS = 11;
  const enteteResultats = LIGNE_SECTION_RESULTATS + 1;
  const premierResultat = enteteResultats + 1;
  const ligneEquilibre = premierResultat + NB_RESULTATS;
  const ligneEcartees = ligneEquilibre + 1;
  const sectionFinancements = ligneEcartees + 2;
  const enteteFinancements = sectionFinancements + 1;
  const premierFinancement = enteteFinancements + 1;
  const derniereLigneFinancement = premierFinancement + lignesFinancement - 1;
  const ligneCout = derniereLigneFinancement + 2;
  const ligneTotal = ligneCout + 1;
  const ligneEcart = ligneTotal + 1;
  const sectionDossier = ligneEcart + 2;
  const enteteDossier = sectionDossier + 1;
  const premierChamp = enteteDossier + 1;
  const derniereLigneDossier = premierChamp + CHAMPS.length - 1;

  const cellules: CelluleModele[] = [];
  const validations: ValidationModele[] = [];
  const misesEnForme: MiseEnFormeModele[] = [];
  const valeurs = {} as Record<ChampDossier, string>;
  CHAMPS.forEach((c, i) => {
    valeurs[c.champ] = adresse(COL_A + 1, premierChamp + i);
  });
  const col = (j: number) => lettreColonne(COL_A + j);

  cellules.push(
    { adresse: adresse(COL_A, LIGNE_TITRE), valeur: "Plan de financement — conformité au RGA du CNC", style: "titre" },
    { adresse: adresse(COL_A, LIGNE_NOTE), valeur: `Cellules jaunes : à renseigner. Cellules grises : calculées. Les résultats utilisent les fonctions CNC.* du complément CNC Conformité ; le dossier de l'œuvre est en page 2 (lignes ${sectionDossier} et suivantes).`, style: "note" },
    { adresse: adresse(COL_A, LIGNE_SECTION_RESULTATS), valeur: "Résultats (RGA du CNC)", style: "section" },
    { adresse: adresse(COL_A, enteteResultats), valeur: "Indicateur", style: "entete" },
    { adresse: adresse(COL_A + 1, enteteResultats), valeur: "Valeur", style: "entete" },
    { adresse: adresse(COL_A + 2, enteteResultats), valeur: "Détail", style: "entete" },
    { adresse: adresse(COL_A, sectionFinancements), valeur: "Budget et lignes de financement", style: "section" },
    { adresse: adresse(COL_A, sectionDossier), valeur: "Dossier de l'œuvre", style: "section" },
  );
  COLONNES_FINANCEMENTS.forEach((t, j) => cellules.push({ adresse: adresse(COL_A + j, enteteFinancements), valeur: t, style: "entete" }));
  COLONNES_DOSSIER.forEach((t, j) => cellules.push({ adresse: adresse(COL_A + j, enteteDossier), valeur: t, style: "entete" }));

  // The dossier table.
  const calcules = formulesChampsCalcules(f, valeurs);
  CHAMPS.forEach((c, i) => {
    const ligne = premierChamp + i;
    cellules.push({ adresse: adresse(COL_A, ligne), valeur: c.libelle, style: "libelle" });
    const a = valeurs[c.champ];
    const formule = calcules[c.champ];
    if (formule !== undefined) {
      cellules.push({ adresse: a, formule, style: "calcule", format: formatPourChamp(c), aide: "Calculé à partir des lignes de financement." });
    } else {
      const v = options.valeurs?.[c.champ];
      cellules.push({
        adresse: a, valeur: v === undefined ? null : v, style: "saisie", format: formatPourChamp(c),
        aide: c.champ === "coutDefinitif" ? "Le budget de l'œuvre, saisi à part : le plan compare le total des lignes de financement à ce montant." : undefined,
      });
      const validation = validationPourChamp(c, a);
      if (validation) validations.push(validation);
    }
    cellules.push(celluleArticle(adresse(COL_A + 2, ligne), c.articles, valeurs.dateDemande));
  });

  // The financing lines.
  const controle = formuleControle(f);
  for (let i = 0; i < lignesFinancement; i++) {
    const ligne = premierFinancement + i;
    const l = options.financements?.[i];
    cellules.push(
      { adresse: adresse(COL_A, ligne), valeur: l?.source ?? null, style: "saisie" },
      { adresse: adresse(COL_A + 1, ligne), valeur: l?.type ?? null, style: "saisie" },
      { adresse: adresse(COL_A + 2, ligne), valeur: l?.montant ?? null, style: "saisie", format: FORMATS.euros },
      { adresse: adresse(COL_A + 3, ligne), valeur: l === undefined ? null : l.numeraire ? "oui" : "non", style: "saisie", alignement: "centre" },
      { adresse: adresse(COL_A + 4, ligne), formule: controle, style: "controle" },
    );
  }
  validations.push(
    { plage: `${col(1)}${premierFinancement}:${col(1)}${derniereLigneFinancement}`, type: "liste", valeurs: LISTE_TYPES_APPORT, message: "Choisissez le type d'apport : il décide des champs du dossier que la ligne alimente." },
    { plage: `${col(2)}${premierFinancement}:${col(2)}${derniereLigneFinancement}`, type: "decimal", minimum: 0, strict: false, message: "Un montant en euros, positif ou nul." },
    { plage: `${col(3)}${premierFinancement}:${col(3)}${derniereLigneFinancement}`, type: "liste", valeurs: LISTE_BOOLEENS, message: "oui si l'apport est en numéraire." },
  );

  // The balance: the budget on its own against the total of the lines.
  const montant = `${f}[${COLONNES_FINANCEMENTS[2]}]`;
  const cout = absolue(valeurs.coutDefinitif);
  const aCout = adresse(COL_A + 2, ligneCout);
  const aTotal = adresse(COL_A + 2, ligneTotal);
  const aEcart = adresse(COL_A + 2, ligneEcart);
  cellules.push(
    { adresse: adresse(COL_A + 1, ligneCout), valeur: "Coût définitif (budget)", style: "libelle" },
    { adresse: aCout, formule: `IF(ISNUMBER(${cout}),${cout},"")`, style: "calcule", format: FORMATS.euros, aide: `Saisi dans le dossier (${valeurs.coutDefinitif}).` },
    { adresse: adresse(COL_A + 1, ligneTotal), valeur: "Total des lignes de financement", style: "libelle" },
    { adresse: aTotal, formule: `SUM(${montant})`, style: "resultat", format: FORMATS.euros },
    { adresse: adresse(COL_A + 1, ligneEcart), valeur: "Écart : coût définitif − financements", style: "libelle" },
    { adresse: aEcart, formule: `IF(ISNUMBER(${cout}),${cout}-${aTotal},"")`, style: "resultat", format: FORMATS.euros },
  );

  // The results.
  const v = (champ: ChampDossier) => absolue(valeurs[champ]);
  const dossier = `${d}[[${COLONNES_DOSSIER[0]}]:[${COLONNES_DOSSIER[1]}]]`;
  const definitions: [CleResultat, string, string, string | undefined][] = [
    ["version", "Version du RGA appliquée", `CNC.VERSION(${v("dateDemande")})`, undefined],
    ["apportMinimum", "Apport initial minimum compte tenu des préventes (€)", `CNC.APPORT_MIN(${["genre", "coutDefinitif", "participationFrancaise", "preventesInternationales", "pointsCreation", "pointsFabrication", "destination", "aide", "dateDemande"].map((c) => v(c as ChampDossier)).join(",")})`, FORMATS.euros],
    ["numeraireMinimum", "Numéraire minimum (€)", `CNC.NUMERAIRE_MIN(${["genre", "dureeMinutes", "destination", "aide", "dateDemande"].map((c) => v(c as ChampDossier)).join(",")})`, FORMATS.euros],
    ["statutApport", "Apport initial : statut", `CNC.STATUT(${dossier},"apport")`, undefined],
    ["ecartApport", "Apport initial : écart (€)", `CNC.ECART(${dossier},"apport")`, FORMATS.euros],
    ["apportConforme", "Apport initial conforme", `CNC.APPORT_CONFORME(${dossier})`, undefined],
    ["statutReference", "Liste des œuvres de référence : statut", `CNC.STATUT(${dossier},"reference")`, undefined],
    ["ecartReference", "Liste des œuvres de référence : écart (€)", `CNC.ECART(${dossier},"reference")`, FORMATS.euros],
    ["referenceEligible", "Éligible à la liste des œuvres de référence", `CNC.REFERENCE_ELIGIBLE(${dossier})`, undefined],
    ["statutMajoration", "Majoration de 25 % : statut", `CNC.STATUT(${dossier},"majoration")`, undefined],
    ["tauxMajoration", "Taux de majoration", `CNC.MAJORATION(${dossier})`, FORMATS.pourcent],
  ];
  const resultats: ResultatModele[] = definitions.map(([cle, libelle, formule], i) => ({ cle, libelle, formule, adresse: adresse(COL_A + 1, premierResultat + i) }));
  definitions.forEach(([, libelle, , format], i) => {
    cellules.push({ adresse: adresse(COL_A, premierResultat + i), valeur: libelle, style: "libelle" });
    cellules.push({ adresse: resultats[i].adresse, formule: resultats[i].formule, style: "resultat", format });
  });
  for (const r of resultats) {
    if (r.cle.startsWith("statut")) {
      misesEnForme.push(
        { plage: r.adresse, egal: '"conforme"', style: "conforme" },
        { plage: r.adresse, egal: '"non conforme"', style: "non_conforme" },
        { plage: r.adresse, egal: '"incomplet"', style: "incomplet" },
        { plage: r.adresse, egal: '"non applicable"', style: "non_applicable" },
      );
    } else if (r.cle === "apportConforme" || r.cle === "referenceEligible") {
      misesEnForme.push({ plage: r.adresse, egal: "TRUE", style: "conforme" }, { plage: r.adresse, egal: "FALSE", style: "non_conforme" });
    }
  }

  // The two checks of the plan, in the results: balance, and lines SUM / SUMIFS leave out.
  const equilibre = adresse(COL_A + 1, ligneEquilibre);
  const ecartees = adresse(COL_A + 1, ligneEcartees);
  const controles = `${f}[${COLONNES_FINANCEMENTS[4]}]`;
  cellules.push(
    { adresse: adresse(COL_A, ligneEquilibre), valeur: "Équilibre du plan (coût définitif = total des financements)", style: "libelle" },
    { adresse: equilibre, formule: `IF(NOT(ISNUMBER(${cout})),"incomplet",IF(ABS(${aEcart})<0.005,"équilibré","déséquilibré"))`, style: "resultat" },
    {
      adresse: adresse(COL_A + 2, ligneEquilibre), style: "note",
      formule: `IF(NOT(ISNUMBER(${cout})),"Saisissez le coût définitif en ${valeurs.coutDefinitif}.",IF(ABS(${aEcart})<0.005,"",IF(${aEcart}>0,"Financements inférieurs au coût définitif : écart en ${aEcart}.","Financements supérieurs au coût définitif : écart en ${aEcart}.")))`,
    },
    { adresse: adresse(COL_A, ligneEcartees), valeur: "Lignes de financement écartées des totaux", style: "libelle" },
    { adresse: ecartees, formule: `IF(${adresse(COL_A + 2, ligneEcartees)}="","aucune","à corriger")`, style: "resultat" },
    { adresse: adresse(COL_A + 2, ligneEcartees), formule: `TEXTJOIN("; ",TRUE,${controles})`, style: "note" },
  );
  misesEnForme.push(
    { plage: equilibre, egal: '"équilibré"', style: "conforme" },
    { plage: equilibre, egal: '"déséquilibré"', style: "non_conforme" },
    { plage: equilibre, egal: '"incomplet"', style: "incomplet" },
    { plage: ecartees, egal: '"aucune"', style: "conforme" },
    { plage: ecartees, egal: '"à corriger"', style: "non_conforme" },
  );

  return {
    nom,
    cellules,
    tables: [
      { nom: d, plage: `${adresse(COL_A, enteteDossier)}:${adresse(COL_A + 2, derniereLigneDossier)}`, colonnes: COLONNES_DOSSIER },
      { nom: f, plage: `${adresse(COL_A, enteteFinancements)}:${adresse(COL_A + 4, derniereLigneFinancement)}`, colonnes: COLONNES_FINANCEMENTS },
    ],
    validations,
    misesEnForme,
    // A: labels and sources ("Distributeur international — minimum garanti" whole), B: values and types, C: amounts and articles.
    largeurs: { A: 46, B: 30, C: 17, D: 11, E: 24 },
    lignesFigees: LIGNE_NOTE,
    impression: {
      papier: "A4", orientation: "portrait", ajusterLargeur: true,
      lignesRepetees: LIGNES_REPETEES, zone: `A1:${adresse(COL_A + 4, derniereLigneDossier)}`,
      // The dossier starts page 2: no table is cut between two pages.
      sautsApres: [sectionDossier - 1],
    },
    valeurs,
    resultats,
    plageDossier: `${adresse(COL_A, premierChamp)}:${adresse(COL_A + 1, derniereLigneDossier)}`,
    equilibre: { cout: aCout, total: aTotal, ecart: aEcart, statut: equilibre, ecartees },
    financements: { premiereLigne: premierFinancement, derniereLigne: derniereLigneFinancement, colonne: COL_A },
  };
}
