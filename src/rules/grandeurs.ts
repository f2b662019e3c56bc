/**
 * Figures every article builds on: the base (311-11 al. 3 and al. 5), hours, hourly amounts.
 */
import { Decimal, comparer, produit, somme } from "./decimal";
import type { ChampDossier, Dossier } from "./dossier";
import { MINUTES_PAR_HEURE } from "./parametres";

export type Connu<T> = { valeur: T; manquants?: undefined } | { valeur?: undefined; manquants: ChampDossier[] };

/**
 * The base of every percentage: the participation française in an international coproduction,
 * else the coût définitif (311-11 al. 3 and al. 5; 311-12; 311-30 4°).
 */
export function base(d: Dossier): Connu<Decimal> {
  if (d.coproductionInternationale === true) {
    return d.participationFrancaise !== undefined ? { valeur: d.participationFrancaise } : { manquants: ["participationFrancaise"] };
  }
  return d.coutDefinitif !== undefined ? { valeur: d.coutDefinitif } : { manquants: ["coutDefinitif"] };
}

/** "du coût définitif" / "de la participation française": the base after "25 %". */
export function libelleBase(d: Dossier): string {
  return d.coproductionInternationale === true ? "de la participation française" : "du coût définitif";
}

export function heures(dureeMinutes: Decimal): Decimal {
  return dureeMinutes.dividedBy(MINUTES_PAR_HEURE);
}

/** A minimum hourly amount turned into euros for the whole work: taux × heures. */
export function montantPourDuree(tauxHoraire: Decimal, dureeMinutes: Decimal): Decimal {
  // A2, C5, the minimums and the majoration ask for the same one: remembered like a product.
  if (dernierTaux === tauxHoraire && derniereDuree === dureeMinutes) return dernierMontant!;
  dernierTaux = tauxHoraire;
  derniereDuree = dureeMinutes;
  dernierMontant = produit(tauxHoraire, dureeMinutes).dividedBy(MINUTES_PAR_HEURE);
  return dernierMontant;
}
let dernierTaux: Decimal | undefined;
let derniereDuree: Decimal | undefined;
let dernierMontant: Decimal | undefined;

/**
 * Whether `montant / heures >= tauxHoraire`, decided without dividing (montant × 60 >= taux × minutes),
 * so that a repeating quotient never tips a boundary case.
 */
export function atteintTauxHoraire(montant: Decimal, tauxHoraire: Decimal, dureeMinutes: Decimal): boolean {
  return comparer(montant.times(MINUTES_PAR_HEURE), produit(tauxHoraire, dureeMinutes)) >= 0;
}

export function parHeure(montant: Decimal, dureeMinutes: Decimal): Decimal {
  return montant.times(MINUTES_PAR_HEURE).dividedBy(dureeMinutes);
}

/** Sum of the amounts given; null when none is. A missing one among given ones counts as nothing. */
export function sommeDonnee(a: Decimal | undefined, b: Decimal | undefined): Decimal | null {
  if (a === undefined) return b ?? null;
  return b === undefined ? a : somme(a, b);
}
