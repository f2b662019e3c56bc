/**
 * The fields of the dossier contract (../shared/DOSSIER.md), each with its kind and its French
 * label. One list for every front end: JSON files, `Champ | Valeur` ranges, catalogue headers,
 * the task pane and the financing-plan template.
 */
import type { ChampDossier } from "../rules";

export type Nature = "texte" | "date" | "genre" | "destination" | "aide" | "montant" | "duree" | "booleen" | "entier";

export interface DefinitionChamp {
  champ: ChampDossier;
  nature: Nature;
  /** The label a French finance team reads in a workbook or the task pane. */
  libelle: string;
  /** Article the field serves (DOSSIER.md). */
  article?: string;
}

export const CHAMPS: readonly DefinitionChamp[] = [
  { champ: "titre", nature: "texte", libelle: "Titre de l'œuvre" },
  { champ: "dateDemande", nature: "date", libelle: "Date de la demande d'aide" },
  { champ: "genre", nature: "genre", libelle: "Genre" },
  { champ: "destination", nature: "destination", libelle: "Destination (télévision ou SMAD)" },
  { champ: "aide", nature: "aide", libelle: "Aide demandée" },
  { champ: "dureeMinutes", nature: "duree", libelle: "Durée totale (minutes)" },
  { champ: "dureeEpisodeMinutes", nature: "duree", libelle: "Durée d'un épisode (minutes)", article: "311-30 2°" },
  { champ: "coutDefinitif", nature: "montant", libelle: "Coût définitif (€)" },
  { champ: "coproductionInternationale", nature: "booleen", libelle: "Coproduction internationale" },
  { champ: "participationFrancaise", nature: "montant", libelle: "Participation française (€)", article: "311-11 al. 5" },
  { champ: "apportInitial", nature: "montant", libelle: "Apport initial des éditeurs (€)", article: "311-11" },
  { champ: "apportNumeraireTelevision", nature: "montant", libelle: "Numéraire des éditeurs de télévision (€)", article: "311-11 al. 3" },
  { champ: "apportNumeraireSmad", nature: "montant", libelle: "Numéraire des éditeurs SMAD (€)", article: "311-11 al. 3" },
  { champ: "apportAutresFrance", nature: "montant", libelle: "Apport d'autres entreprises établies en France (€)", article: "311-12 2°" },
  { champ: "autresFranceDetiennentPartsProducteur", nature: "booleen", libelle: "Ces entreprises détiennent des parts de producteur", article: "311-12 2°" },
  { champ: "preventesInternationales", nature: "montant", libelle: "Préventes internationales (€)", article: "311-11-1 a)" },
  { champ: "pointsCreation", nature: "entier", libelle: "Points « Création » (barème 311-45)", article: "311-11-1 b)" },
  { champ: "pointsFabrication", nature: "entier", libelle: "Points « Fabrication » (barème 311-45)", article: "311-11-1 b)" },
  { champ: "dateContrat", nature: "date", libelle: "Date du contrat d'apport", article: "311-11 al. 1" },
  { champ: "dateFinTournage", nature: "date", libelle: "Date de fin des prises de vues", article: "311-11 al. 1" },
  { champ: "imagesPreexistantes", nature: "booleen", libelle: "Œuvre composée uniquement d'images préexistantes", article: "311-11 al. 1" },
  { champ: "dateDebutMontage", nature: "date", libelle: "Date de début du montage", article: "311-11 al. 1" },
  { champ: "engagementFerme", nature: "booleen", libelle: "Engagement ferme des éditeurs", article: "311-11 al. 1" },
  { champ: "dureeDroitsSmadMois", nature: "entier", libelle: "Durée des droits SMAD (mois)", article: "311-11 al. 2" },
  { champ: "dureeExclusiviteSmadMois", nature: "entier", libelle: "Durée d'exclusivité SMAD (mois)", article: "311-11 al. 2" },
  { champ: "caseMagazine", nature: "booleen", libelle: "Documentaire en case de magazine", article: "311-30 2°" },
  { champ: "qualiteSpectacleVivant", nature: "booleen", libelle: "Qualité artistique et technique (spectacle vivant)", article: "311-30 2°" },
  { champ: "autorisationPrealable", nature: "booleen", libelle: "Autorisation préalable obtenue", article: "311-30 3°" },
  { champ: "autorisationDefinitive", nature: "booleen", libelle: "Autorisation définitive obtenue", article: "311-30 3°" },
  { champ: "diffuseeAnneePrecedente", nature: "booleen", libelle: "Diffusée l'année précédente", article: "311-30 5°" },
  { champ: "versionDefinitiveAcceptee", nature: "booleen", libelle: "Version définitive acceptée", article: "311-30 5°" },
  { champ: "plusieursEditeurs", nature: "booleen", libelle: "Apport conjoint de plusieurs éditeurs", article: "311-30 5°" },
  { champ: "versionOriginaleFrancaise", nature: "booleen", libelle: "Version originale française", article: "311-50 a)" },
  { champ: "depensesFrance", nature: "montant", libelle: "Dépenses en France (€)", article: "311-50 1° b), 2° b)" },
  { champ: "coutPostes", nature: "montant", libelle: "Coût des postes 311-50 1° c) (€)", article: "311-50 1° c)" },
  { champ: "depensesFrancePostes", nature: "montant", libelle: "Dépenses en France sur ces postes (€)", article: "311-50 1° c)" },
  { champ: "sommesCompteAutomatique", nature: "montant", libelle: "Sommes du compte automatique (€)", article: "311-50" },
];

const PAR_NOM = new Map<string, DefinitionChamp>(CHAMPS.map((c) => [c.champ, c]));

export function definition(champ: string): DefinitionChamp | undefined {
  return PAR_NOM.get(champ);
}

/** Lower case, no accents, no spaces, underscores, dashes or apostrophes: "Coût définitif" → "coutdefinitif". */
export function normaliser(texte: string): string {
  return texte.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_\-'’.()€]/g, "");
}

const PAR_LIBELLE = new Map<string, ChampDossier>();
for (const c of CHAMPS) {
  PAR_LIBELLE.set(normaliser(c.champ), c.champ);
  PAR_LIBELLE.set(normaliser(c.libelle), c.champ);
}

/** Labels already matched (null: not a field): at most 4 096 labels of at most 200 characters. */
const LIBELLES_LUS = new Map<string, ChampDossier | null>();

/**
 * The field a workbook label names, matched case- and accent-insensitively on the field name
 * (or on its French label); undefined when the label is not a field.
 */
export function champDepuisLibelle(libelle: string): ChampDossier | undefined {
  // Excel hands the same header to every formula of a catalogue, row after row: normalising (NFD and
  // regular expressions) each time cost more than reading a remembered row (BENCHMARKS.md).
  const connu = LIBELLES_LUS.get(libelle);
  if (connu !== undefined) return connu ?? undefined;
  const champ = PAR_LIBELLE.get(normaliser(libelle));
  if (libelle.length > 200) return champ;
  if (LIBELLES_LUS.size >= 4096) LIBELLES_LUS.clear();
  LIBELLES_LUS.set(libelle, champ ?? null);
  return champ;
}
