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
import { CHAMPS, type DefinitionChamp } from "../dossier";
import type { ChampDossier } from "../rules";
import { absolue, adresse, lettreColonne } from "./adresses";
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
}

export const NOM_FEUILLE_PLAN = "Plan de financement";
export const NOM_TABLE_DOSSIER = "Dossier";
export const NOM_TABLE_FINANCEMENTS = "Financements";
export const COLONNES_DOSSIER = ["Champ", "Valeur", "Article"] as const;
export const COLONNES_FINANCEMENTS = ["Source", "Type d’apport", "Montant (€)", "Numéraire"] as const;

const LIGNE_TITRE = 1;
const LIGNE_NOTE = 2;
const LIGNE_SECTIONS = 4;
const LIGNE_ENTETES = 5;
const PREMIERE_LIGNE = 6;
/** Columns: A:C the dossier, E:H the financing lines, J:K the results. */
const COL_DOSSIER = 1;
const COL_FINANCEMENTS = 5;
const COL_RESULTATS = 10;

/** Fields whose value is a formula over the financing table, never typed. */
export const CHAMPS_CALCULES: readonly ChampDossier[] = [
  "coutDefinitif", "participationFrancaise", "apportInitial", "apportNumeraireTelevision",
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
  return {
    // The plan balances: its total is the coût définitif.
    coutDefinitif: `SUM(${montant})`,
    // 311-11 al. 5: what is not brought by foreign coproducers; blank (not given) outside a coproduction.
    participationFrancaise: `IF(OR(${copro}="oui",${copro}=TRUE),SUM(${montant})-${somme(TYPES_APPORT.coproducteurEtranger)},"")`,
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

  const cellules: CelluleModele[] = [];
  const validations: ValidationModele[] = [];
  const misesEnForme: MiseEnFormeModele[] = [];
  const valeurs = {} as Record<ChampDossier, string>;
  CHAMPS.forEach((c, i) => {
    valeurs[c.champ] = adresse(COL_DOSSIER + 1, PREMIERE_LIGNE + i);
  });

  cellules.push(
    { adresse: adresse(1, LIGNE_TITRE), valeur: "Plan de financement — conformité au RGA du CNC", style: "titre" },
    { adresse: adresse(1, LIGNE_NOTE), valeur: "Cellules jaunes : à renseigner. Cellules grises : calculées à partir des lignes de financement. Les résultats (colonnes J et K) utilisent les fonctions CNC.* du complément CNC Conformité.", style: "note" },
    { adresse: adresse(COL_DOSSIER, LIGNE_SECTIONS), valeur: "Dossier de l'œuvre", style: "section" },
    { adresse: adresse(COL_FINANCEMENTS, LIGNE_SECTIONS), valeur: "Lignes de financement", style: "section" },
    { adresse: adresse(COL_RESULTATS, LIGNE_SECTIONS), valeur: "Résultats (RGA du CNC)", style: "section" },
  );
  COLONNES_DOSSIER.forEach((t, j) => cellules.push({ adresse: adresse(COL_DOSSIER + j, LIGNE_ENTETES), valeur: t, style: "entete" }));
  COLONNES_FINANCEMENTS.forEach((t, j) => cellules.push({ adresse: adresse(COL_FINANCEMENTS + j, LIGNE_ENTETES), valeur: t, style: "entete" }));
  cellules.push(
    { adresse: adresse(COL_RESULTATS, LIGNE_ENTETES), valeur: "Indicateur", style: "entete" },
    { adresse: adresse(COL_RESULTATS + 1, LIGNE_ENTETES), valeur: "Valeur", style: "entete" },
  );

  // The dossier table.
  const calcules = formulesChampsCalcules(f, valeurs);
  CHAMPS.forEach((c, i) => {
    const ligne = PREMIERE_LIGNE + i;
    cellules.push({ adresse: adresse(COL_DOSSIER, ligne), valeur: c.libelle, style: "libelle" });
    const a = valeurs[c.champ];
    const formule = calcules[c.champ];
    if (formule !== undefined) {
      cellules.push({ adresse: a, formule, style: "calcule", format: formatPourChamp(c), aide: "Calculé à partir des lignes de financement." });
    } else {
      const v = options.valeurs?.[c.champ];
      cellules.push({ adresse: a, valeur: v === undefined ? null : v, style: "saisie", format: formatPourChamp(c) });
      const validation = validationPourChamp(c, a);
      if (validation) validations.push(validation);
    }
    cellules.push({ adresse: adresse(COL_DOSSIER + 2, ligne), valeur: c.article ?? "", style: "article" });
  });
  const derniereLigneDossier = PREMIERE_LIGNE + CHAMPS.length - 1;

  // The financing lines.
  const derniereLigneFinancement = PREMIERE_LIGNE + lignesFinancement - 1;
  for (let i = 0; i < lignesFinancement; i++) {
    const ligne = PREMIERE_LIGNE + i;
    const l = options.financements?.[i];
    cellules.push(
      { adresse: adresse(COL_FINANCEMENTS, ligne), valeur: l?.source ?? null, style: "saisie" },
      { adresse: adresse(COL_FINANCEMENTS + 1, ligne), valeur: l?.type ?? null, style: "saisie" },
      { adresse: adresse(COL_FINANCEMENTS + 2, ligne), valeur: l?.montant ?? null, style: "saisie", format: FORMATS.euros },
      { adresse: adresse(COL_FINANCEMENTS + 3, ligne), valeur: l === undefined ? null : l.numeraire ? "oui" : "non", style: "saisie" },
    );
  }
  const colonneF = (j: number) => lettreColonne(COL_FINANCEMENTS + j);
  validations.push(
    { plage: `${colonneF(1)}${PREMIERE_LIGNE}:${colonneF(1)}${derniereLigneFinancement}`, type: "liste", valeurs: LISTE_TYPES_APPORT, message: "Choisissez le type d'apport : il décide des champs du dossier que la ligne alimente." },
    { plage: `${colonneF(2)}${PREMIERE_LIGNE}:${colonneF(2)}${derniereLigneFinancement}`, type: "decimal", minimum: 0, strict: false, message: "Un montant en euros, positif ou nul." },
    { plage: `${colonneF(3)}${PREMIERE_LIGNE}:${colonneF(3)}${derniereLigneFinancement}`, type: "liste", valeurs: LISTE_BOOLEENS, message: "oui si l'apport est en numéraire." },
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
  const resultats: ResultatModele[] = definitions.map(([cle, libelle, formule], i) => ({ cle, libelle, formule, adresse: adresse(COL_RESULTATS + 1, PREMIERE_LIGNE + i) }));
  definitions.forEach(([, libelle, , format], i) => {
    cellules.push({ adresse: adresse(COL_RESULTATS, PREMIERE_LIGNE + i), valeur: libelle, style: "libelle" });
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

  return {
    nom,
    cellules,
    tables: [
      { nom: d, plage: `${adresse(COL_DOSSIER, LIGNE_ENTETES)}:${adresse(COL_DOSSIER + 2, derniereLigneDossier)}`, colonnes: COLONNES_DOSSIER },
      { nom: f, plage: `${adresse(COL_FINANCEMENTS, LIGNE_ENTETES)}:${adresse(COL_FINANCEMENTS + 3, derniereLigneFinancement)}`, colonnes: COLONNES_FINANCEMENTS },
    ],
    validations,
    misesEnForme,
    largeurs: { A: 52, B: 24, C: 20, D: 3, E: 34, F: 34, G: 18, H: 12, I: 3, J: 44, K: 36 },
    lignesFigees: LIGNE_ENTETES,
    valeurs,
    resultats,
    plageDossier: `${adresse(COL_DOSSIER, PREMIERE_LIGNE)}:${adresse(COL_DOSSIER + 1, derniereLigneDossier)}`,
  };
}
