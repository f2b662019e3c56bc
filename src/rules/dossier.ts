/**
 * The dossier as the rules core reads it: every field of ../shared/DOSSIER.md, already parsed and
 * validated (src/dossier/ does that for every front end). Amounts and durations are exact decimals.
 * Every field is optional: a rule that needs a missing one answers `incomplet` and names it.
 */
import type { Decimal } from "./decimal";

export const GENRES = ["fiction", "animation", "documentaire", "spectacle_vivant", "autre"] as const;
export type Genre = (typeof GENRES)[number];

export const DESTINATIONS = ["television", "smad"] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const AIDES = ["automatique", "selective", "preparation"] as const;
export type Aide = (typeof AIDES)[number];

export interface Dossier {
  titre?: string;
  /** ISO date (YYYY-MM-DD). */
  dateDemande?: string;
  genre?: Genre;
  destination?: Destination;
  aide?: Aide;
  dureeMinutes?: Decimal;
  dureeEpisodeMinutes?: Decimal;
  coutDefinitif?: Decimal;
  coproductionInternationale?: boolean;
  participationFrancaise?: Decimal;
  apportInitial?: Decimal;
  apportNumeraireTelevision?: Decimal;
  apportNumeraireSmad?: Decimal;
  apportAutresFrance?: Decimal;
  autresFranceDetiennentPartsProducteur?: boolean;
  preventesInternationales?: Decimal;
  pointsCreation?: Decimal;
  pointsFabrication?: Decimal;
  dateContrat?: string;
  dateFinTournage?: string;
  /** 311-11 al. 1: a work made only of pre-existing images has until the start of editing. */
  imagesPreexistantes?: boolean;
  dateDebutMontage?: string;
  engagementFerme?: boolean;
  dureeDroitsSmadMois?: Decimal;
  dureeExclusiviteSmadMois?: Decimal;
  caseMagazine?: boolean;
  qualiteSpectacleVivant?: boolean;
  autorisationPrealable?: boolean;
  autorisationDefinitive?: boolean;
  diffuseeAnneePrecedente?: boolean;
  versionDefinitiveAcceptee?: boolean;
  /** 311-30 5°, last sentence: the apport came jointly from several editors. */
  plusieursEditeurs?: boolean;
  versionOriginaleFrancaise?: boolean;
  depensesFrance?: Decimal;
  coutPostes?: Decimal;
  depensesFrancePostes?: Decimal;
  sommesCompteAutomatique?: Decimal;
}

export type ChampDossier = keyof Dossier;

/**
 * The dossier with every field present (undefined when not given), in one fixed order. Dossiers read
 * from cells or JSON each hold their own subset of fields, so each has its own hidden class in V8 and
 * every `d.genre` of the core became a megamorphic lookup; one shape makes them direct (issue 15).
 * The mapped type makes the compiler refuse a field of Dossier left out here.
 */
export function formeFixe(d: Dossier): Dossier {
  const f: { [K in keyof Required<Dossier>]: Dossier[K] } = {
    titre: d.titre,
    dateDemande: d.dateDemande,
    genre: d.genre,
    destination: d.destination,
    aide: d.aide,
    dureeMinutes: d.dureeMinutes,
    dureeEpisodeMinutes: d.dureeEpisodeMinutes,
    coutDefinitif: d.coutDefinitif,
    coproductionInternationale: d.coproductionInternationale,
    participationFrancaise: d.participationFrancaise,
    apportInitial: d.apportInitial,
    apportNumeraireTelevision: d.apportNumeraireTelevision,
    apportNumeraireSmad: d.apportNumeraireSmad,
    apportAutresFrance: d.apportAutresFrance,
    autresFranceDetiennentPartsProducteur: d.autresFranceDetiennentPartsProducteur,
    preventesInternationales: d.preventesInternationales,
    pointsCreation: d.pointsCreation,
    pointsFabrication: d.pointsFabrication,
    dateContrat: d.dateContrat,
    dateFinTournage: d.dateFinTournage,
    imagesPreexistantes: d.imagesPreexistantes,
    dateDebutMontage: d.dateDebutMontage,
    engagementFerme: d.engagementFerme,
    dureeDroitsSmadMois: d.dureeDroitsSmadMois,
    dureeExclusiviteSmadMois: d.dureeExclusiviteSmadMois,
    caseMagazine: d.caseMagazine,
    qualiteSpectacleVivant: d.qualiteSpectacleVivant,
    autorisationPrealable: d.autorisationPrealable,
    autorisationDefinitive: d.autorisationDefinitive,
    diffuseeAnneePrecedente: d.diffuseeAnneePrecedente,
    versionDefinitiveAcceptee: d.versionDefinitiveAcceptee,
    plusieursEditeurs: d.plusieursEditeurs,
    versionOriginaleFrancaise: d.versionOriginaleFrancaise,
    depensesFrance: d.depensesFrance,
    coutPostes: d.coutPostes,
    depensesFrancePostes: d.depensesFrancePostes,
    sommesCompteAutomatique: d.sommesCompteAutomatique,
  };
  return f;
}
