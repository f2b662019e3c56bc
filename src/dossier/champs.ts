/**
 * The fields of the dossier contract (../shared/DOSSIER.md), each with its kind, its French label,
 * what it means, the articles it serves and an example. One list for every front end: JSON files,
 * `Champ | Valeur` ranges, catalogue headers, the task pane, the financing-plan template and the
 * field reference docs/champs.md (generated from this list by scripts/generer-champs.js).
 */
import type { ChampDossier, VersionId } from "../rules";

export type Nature = "texte" | "date" | "genre" | "destination" | "aide" | "montant" | "duree" | "booleen" | "entier";

/**
 * The article a field serves in each version: the recast of 1 February 2023 renumbered them
 * (311-11 → 311-9, 311-11-1 → 311-10, 311-30 → 311-29, 311-50 → 311-51, barème 311-45 → 311-44;
 * DOMAIN.md E). null: the version has no such rule (311-12 ended on 31 January 2023).
 */
export type Articles = Readonly<Record<VersionId, string | null>>;

export interface DefinitionChamp {
  champ: ChampDossier;
  nature: Nature;
  /** The label a French finance team reads in a workbook or the task pane. */
  libelle: string;
  /** What the field means, in a sentence (docs/champs.md). */
  sens: string;
  /** A value as someone would type it in a workbook or a JSON file. */
  exemple: string;
  /** Articles the field serves, by version. */
  articles?: Articles;
  /** Both numbers, the version in force for most requests first: "311-9 al. 3 (ex-311-11 al. 3)". */
  article?: string;
  /** Former labels (template of January 2023), still recognised when reading a workbook. */
  alias?: readonly string[];
}

/** Both numbers of an article, the recast's first (most requests fall under it). */
export function citerArticles(a: Articles): string {
  const ancien = a["2023-01"];
  const nouveau = a["2023-02"];
  if (nouveau && ancien && nouveau !== ancien) return `${nouveau} (ex-${ancien})`;
  if (nouveau) return nouveau;
  return ancien ? `${ancien} (jusqu'au 31/01/2023)` : "";
}

const art = (ancien: string | null, nouveau: string | null): Articles => ({ "2023-01": ancien, "2023-02": nouveau });

type Entree = Omit<DefinitionChamp, "article">;

const ENTREES: readonly Entree[] = [
  { champ: "titre", nature: "texte", libelle: "Titre de l'œuvre", sens: "Titre de l'œuvre, repris dans les rapports.", exemple: "Les Gardiens du phare (saison 1)" },
  { champ: "dateDemande", nature: "date", libelle: "Date de la demande d'aide", sens: "Date de la demande d'aide : elle choisit la version du RGA appliquée (par défaut : aujourd'hui).", exemple: "2023-03-15" },
  { champ: "genre", nature: "genre", libelle: "Genre", sens: "Genre de l'œuvre ; tout autre genre est « autre ».", exemple: "fiction" },
  { champ: "destination", nature: "destination", libelle: "Destination (télévision ou SMAD)", sens: "Œuvre destinée à la télévision, ou réalisée pour les services de médias audiovisuels à la demande (SMAD). Par défaut : télévision.", exemple: "television", articles: art("311-12", null) },
  { champ: "aide", nature: "aide", libelle: "Aide demandée", sens: "Aide demandée : automatique, sélective ou à la préparation. Par défaut : automatique.", exemple: "automatique" },
  { champ: "dureeMinutes", nature: "duree", libelle: "Durée totale (minutes)", sens: "Durée totale de l'œuvre, tous épisodes compris, en minutes.", exemple: "416" },
  { champ: "dureeEpisodeMinutes", nature: "duree", libelle: "Durée d'un épisode (minutes)", sens: "Durée d'un épisode ou d'une unité, en minutes.", exemple: "52", articles: art("311-30 2°", "311-29 2°") },
  { champ: "coutDefinitif", nature: "montant", libelle: "Coût définitif (€)", sens: "Coût définitif de l'œuvre.", exemple: "8 000 000 €" },
  { champ: "coproductionInternationale", nature: "booleen", libelle: "Coproduction internationale", sens: "L'œuvre est une coproduction internationale : la base est alors la participation française. Par défaut : non.", exemple: "non" },
  { champ: "participationFrancaise", nature: "montant", libelle: "Participation française (€)", sens: "En coproduction internationale : financements français et étrangers apportés par les producteurs établis en France, hors apports des coproducteurs étrangers.", exemple: "2 000 000 €", articles: art("311-11 al. 5", "311-9 al. 5") },
  { champ: "apportInitial", nature: "montant", libelle: "Apport initial des éditeurs (€)", sens: "Apport initial total des éditeurs de services (numéraire et autres).", exemple: "2 100 000 €", articles: art("311-11 al. 3", "311-9 al. 3") },
  { champ: "apportNumeraireTelevision", nature: "montant", libelle: "Numéraire des éditeurs de télévision (€)", sens: "Part en numéraire de l'apport apportée par les éditeurs de télévision.", exemple: "1 500 000 €", articles: art("311-11 al. 3", "311-9 al. 3") },
  { champ: "apportNumeraireSmad", nature: "montant", libelle: "Numéraire des éditeurs SMAD (€)", sens: "Part en numéraire de l'apport apportée par les éditeurs de services à la demande.", exemple: "400 000 €", articles: art("311-11 al. 3, 311-12", "311-9 al. 3") },
  { champ: "apportAutresFrance", nature: "montant", libelle: "Apport d'autres entreprises établies en France (€)", sens: "Œuvre pour les SMAD : apport d'autres entreprises établies en France (régime de 311-12, jusqu'au 31 janvier 2023).", exemple: "100 000 €", articles: art("311-12 2°", null) },
  { champ: "autresFranceDetiennentPartsProducteur", nature: "booleen", libelle: "Ces entreprises détiennent des parts de producteur", sens: "Les autres entreprises établies en France détiennent des parts de producteur.", exemple: "non", articles: art("311-12 2°", null) },
  { champ: "preventesInternationales", nature: "montant", libelle: "Préventes internationales (€)", sens: "Préventes à des éditeurs établis à l'étranger, signées avant la fin des prises de vues ou de la fabrication de l'animation (cas dérogatoires).", exemple: "600 000 €", articles: art("311-11-1 a)", "311-10 1° a), 2°") },
  { champ: "pointsCreation", nature: "entier", libelle: "Points « Création » (barème 311-44, ex-311-45)", sens: "Points obtenus au groupe « Création » du barème.", exemple: "32", articles: art("311-11-1 b), 311-50 2° c)", "311-10 1° b), 311-51 2° c)"), alias: ["Points « Création » (barème 311-45)"] },
  { champ: "pointsFabrication", nature: "entier", libelle: "Points « Fabrication » (barème 311-44, ex-311-45)", sens: "Points obtenus au groupe « Fabrication » du barème.", exemple: "40", articles: art("311-11-1 b), 311-50 2° c)", "311-10 1° b), 311-51 2° c)"), alias: ["Points « Fabrication » (barème 311-45)"] },
  { champ: "dateContrat", nature: "date", libelle: "Date du contrat d'apport", sens: "Date de conclusion du contrat d'apport avec le producteur délégué.", exemple: "2022-09-05", articles: art("311-11 al. 1, 311-12 1°", "311-9 al. 1") },
  { champ: "dateFinTournage", nature: "date", libelle: "Date de fin des prises de vues", sens: "Date de fin des prises de vues, ou de la fabrication de l'animation.", exemple: "2022-12-16", articles: art("311-11 al. 1, 311-12 1°", "311-9 al. 1") },
  { champ: "imagesPreexistantes", nature: "booleen", libelle: "Œuvre composée uniquement d'images préexistantes", sens: "L'œuvre est intégralement composée d'images préexistantes : le contrat doit précéder le début du montage.", exemple: "non", articles: art("311-11 al. 1", "311-9 al. 1") },
  { champ: "dateDebutMontage", nature: "date", libelle: "Date de début du montage", sens: "Date de début du montage (œuvre d'images préexistantes).", exemple: "2022-10-03", articles: art("311-11 al. 1", "311-9 al. 1") },
  { champ: "engagementFerme", nature: "booleen", libelle: "Engagement ferme des éditeurs", sens: "Engagement ferme des éditeurs, lorsque le contrat n'a pas encore été conclu.", exemple: "oui", articles: art("311-11 al. 1", "311-9 al. 1") },
  { champ: "dureeDroitsSmadMois", nature: "entier", libelle: "Durée des droits SMAD (mois)", sens: "Durée des droits d'exploitation acquis par un éditeur SMAD, en mois.", exemple: "72", articles: art("311-11 al. 2", "311-9 al. 2") },
  { champ: "dureeExclusiviteSmadMois", nature: "entier", libelle: "Durée d'exclusivité SMAD (mois)", sens: "Durée d'exclusivité de ces droits, en mois.", exemple: "36", articles: art("311-11 al. 2", "311-9 al. 2") },
  { champ: "caseMagazine", nature: "booleen", libelle: "Documentaire en case de magazine", sens: "Documentaire inséré dans une case de programmation de magazines.", exemple: "non", articles: art("311-30 2°", "311-29 2°") },
  { champ: "qualiteSpectacleVivant", nature: "booleen", libelle: "Qualité artistique et technique (spectacle vivant)", sens: "Adaptation de spectacle vivant : niveau de qualité artistique et technique atteint.", exemple: "oui", articles: art("311-30 2°", "311-29 2°") },
  { champ: "autorisationPrealable", nature: "booleen", libelle: "Autorisation préalable obtenue", sens: "L'autorisation préalable a été obtenue.", exemple: "oui", articles: art("311-30 3°", "311-29 3°") },
  { champ: "autorisationDefinitive", nature: "booleen", libelle: "Autorisation définitive obtenue", sens: "L'autorisation définitive a été obtenue.", exemple: "oui", articles: art("311-30 3°", "311-29 3°") },
  { champ: "diffuseeAnneePrecedente", nature: "booleen", libelle: "Diffusée l'année précédente", sens: "L'œuvre a été diffusée ou mise à disposition l'année précédente.", exemple: "oui", articles: art("311-30 5°", "311-29 5°") },
  { champ: "versionDefinitiveAcceptee", nature: "booleen", libelle: "Version définitive acceptée", sens: "La version définitive a été acceptée par le ou les éditeurs.", exemple: "oui", articles: art("311-30 5°", "311-29 5°") },
  { champ: "plusieursEditeurs", nature: "booleen", libelle: "Apport conjoint de plusieurs éditeurs", sens: "L'apport vient conjointement de plusieurs éditeurs (vrai dès que les numéraires télévision et SMAD sont tous deux positifs).", exemple: "non", articles: art("311-30 5°", "311-29 5°") },
  { champ: "versionOriginaleFrancaise", nature: "booleen", libelle: "Version originale française", sens: "Œuvre réalisée en version originale française (d'expression originale française depuis la refonte).", exemple: "oui", articles: art("311-50 1° a), 2° a)", "311-51 1° a), 2° a)") },
  { champ: "depensesFrance", nature: "montant", libelle: "Dépenses en France (€)", sens: "Dépenses de production en France.", exemple: "7 200 000 €", articles: art("311-50 1° b), 2° b)", "311-51 2° b)") },
  { champ: "coutPostes", nature: "montant", libelle: "Coût des postes 311-51 1° b) (ex-311-50 1° c)) (€)", sens: "Coût des postes : droits artistiques (hors images d'archives), personnels techniques, artistes-interprètes et charges sociales afférentes, décors et costumes, moyens techniques.", exemple: "5 000 000 €", articles: art("311-50 1° c)", "311-51 1° b)"), alias: ["Coût des postes 311-50 1° c) (€)"] },
  { champ: "depensesFrancePostes", nature: "montant", libelle: "Dépenses en France sur ces postes (€)", sens: "Part de ces postes dépensée en France.", exemple: "4 200 000 €", articles: art("311-50 1° c)", "311-51 1° b)") },
  { champ: "sommesCompteAutomatique", nature: "montant", libelle: "Sommes du compte automatique (€)", sens: "Sommes inscrites sur le compte automatique, pour calculer la majoration de 25 %.", exemple: "500 000 €", articles: art("311-50", "311-51") },
];

export const CHAMPS: readonly DefinitionChamp[] = ENTREES.map((e) => (e.articles ? { ...e, article: citerArticles(e.articles) } : e));

const PAR_NOM = new Map<string, DefinitionChamp>(CHAMPS.map((c) => [c.champ, c]));

export function definition(champ: string): DefinitionChamp | undefined {
  return PAR_NOM.get(champ);
}

/** Lower case, no accents, no spaces, underscores, dashes or apostrophes: "Coût définitif" → "coutdefinitif". */
export function normaliser(texte: string): string {
  return texte.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_\-'’.()€]/g, "");
}

/** Every way a workbook may name a field (name, label, former labels), normalised. */
export const LIBELLES_CONNUS = new Map<string, { champ: ChampDossier; texte: string }>();
for (const c of CHAMPS) {
  // A former label is recognised, but the current one is what a suggestion shows.
  for (const texte of [c.champ, c.libelle, ...(c.alias ?? [])]) LIBELLES_CONNUS.set(normaliser(texte), { champ: c.champ, texte: texte === c.champ ? c.champ : c.libelle });
}

/**
 * Labels already matched (null: not a field), of at most 200 characters, 2^21 characters in all,
 * each label counted 16 more for its entry (4 Mo of text at most, ~70 000 titles of 15 characters):
 * the first column of a catalogue (its titles) is matched on every call to choose the
 * layout (plage.ts), and a bound of 4 096 labels forgot a 10 000-work catalogue's titles before
 * the next call, which normalised them all again (BENCHMARKS.md, issue 15).
 */
const LIBELLES_LUS = new Map<string, ChampDossier | null>();
const CARACTERES_LUS_MAX = 2 ** 21;
let caracteresLus = 0;

/**
 * The field a workbook label names, matched case- and accent-insensitively on the field name
 * (or on its French label, current or former); undefined when the label is not a field.
 */
export function champDepuisLibelle(libelle: string): ChampDossier | undefined {
  // Excel hands the same header to every formula of a catalogue, row after row: normalising (NFD and
  // regular expressions) each time cost more than reading a remembered row (BENCHMARKS.md).
  const connu = LIBELLES_LUS.get(libelle);
  if (connu !== undefined) return connu ?? undefined;
  const champ = LIBELLES_CONNUS.get(normaliser(libelle))?.champ;
  if (libelle.length > 200) return champ;
  caracteresLus += 16 + libelle.length;
  if (caracteresLus > CARACTERES_LUS_MAX) {
    LIBELLES_LUS.clear();
    caracteresLus = 16 + libelle.length;
  }
  LIBELLES_LUS.set(libelle, champ ?? null);
  return champ;
}
