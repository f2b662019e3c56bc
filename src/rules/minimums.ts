/**
 * The two minimums a producer asks for before the dossier is complete: the minimum apport initial
 * and the minimum cash part, from the genre, the base, the duration and the presales. The dossier
 * verdict and the CNC.APPORT_MIN / CNC.NUMERAIRE_MIN functions both use these.
 */
import { Decimal, ZERO } from "./decimal";
import type { Aide, Destination, Genre } from "./dossier";
import { montantPourDuree } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { apportMinimumAvecPreventes } from "./part-minimale";

export interface EntreeApportMinimum {
  genre: Genre;
  base: Decimal;
  preventesInternationales?: Decimal;
  pointsCreation?: Decimal;
  pointsFabrication?: Decimal;
  destination?: Destination;
  aide?: Aide;
}

/** True when 311-12 (on-demand works) governs the apport rather than 311-11 / 311-9. */
export function relevedu311_12(p: ParametresVersion, destination: Destination | undefined): boolean {
  return destination === "smad" && p.smad !== null;
}

/**
 * Selective aid: 0 (311-11 al. 4). Preparation aid for an on-demand work: 0 (311-12 al. 5).
 * On-demand work under 311-12: 25 % of the base, no derogation. Otherwise 25 % of the base, lowered
 * by 311-11-1 / 311-10 to max(taux réduit × base, 25 % × base − préventes / multiple) when the case's
 * points hold.
 */
export function calculerApportMinimum(p: ParametresVersion, e: EntreeApportMinimum): Decimal {
  if (e.aide === "selective") return ZERO;
  if (relevedu311_12(p, e.destination)) {
    return e.aide === "preparation" ? ZERO : p.smad!.taux.valeur.times(e.base);
  }
  const cas = e.genre === "autre" ? undefined : p.derogation[e.genre];
  return apportMinimumAvecPreventes(p.apport.taux, cas, e.base, e.preventesInternationales, e.pointsCreation, e.pointsFabrication);
}

export interface EntreeNumeraireMinimum {
  genre: Genre;
  dureeMinutes: Decimal;
  destination?: Destination;
  aide?: Aide;
}

/** The hourly minimum of the genre × hours; 0 where no hourly minimum applies. */
export function calculerNumeraireMinimum(p: ParametresVersion, e: EntreeNumeraireMinimum): Decimal {
  if (e.aide === "selective" || e.genre === "autre") return ZERO;
  if (relevedu311_12(p, e.destination)) {
    const seuil = e.aide === "preparation" ? undefined : p.smad!.numeraireHoraire[e.genre];
    return seuil ? montantPourDuree(seuil.valeur, e.dureeMinutes) : ZERO;
  }
  return montantPourDuree(p.apport.numeraireHoraire[e.genre].valeur, e.dureeMinutes);
}
