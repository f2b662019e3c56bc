/**
 * Figures every article builds on: the base (311-11 al. 3 and al. 5), hours, hourly amounts.
 */
import { Decimal, ZERO } from "./decimal";
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
  return tauxHoraire.times(dureeMinutes).dividedBy(MINUTES_PAR_HEURE);
}

/**
 * Whether `montant / heures >= tauxHoraire`, decided without dividing (montant × 60 >= taux × minutes),
 * so that a repeating quotient never tips a boundary case.
 */
export function atteintTauxHoraire(montant: Decimal, tauxHoraire: Decimal, dureeMinutes: Decimal): boolean {
  return montant.times(MINUTES_PAR_HEURE).greaterThanOrEqualTo(tauxHoraire.times(dureeMinutes));
}

export function parHeure(montant: Decimal, dureeMinutes: Decimal): Decimal {
  return montant.times(MINUTES_PAR_HEURE).dividedBy(dureeMinutes);
}

/** Sum of the amounts given; null when none is. A missing one among given ones counts as nothing. */
export function sommeDonnee(...montants: (Decimal | undefined)[]): Decimal | null {
  const donnes = montants.filter((m): m is Decimal => m !== undefined);
  return donnes.length === 0 ? null : donnes.reduce((a, b) => a.plus(b), ZERO);
}
