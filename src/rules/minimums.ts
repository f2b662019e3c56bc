/**
 * The two minimums a producer asks for before the dossier is complete: the minimum apport initial
 * and the minimum cash part, from the genre, the base, the duration and the presales. The dossier
 * verdict and the CNC.APPORT_MIN / CNC.NUMERAIRE_MIN functions both use these.
 */
import { Decimal, ZERO, produit, plusGrand } from "./decimal";
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
  /** When given, the least apport also contains the minimum cash ("comporter une part minimale en numéraire"). */
  dureeMinutes?: Decimal;
}

/** True when 311-12 (on-demand works) governs the apport rather than 311-11 / 311-9. */
export function relevedu311_12(p: ParametresVersion, destination: Destination | undefined): boolean {
  return destination === "smad" && p.smad !== null;
}

/**
 * The least apport initial that complies. Selective aid: 0 (311-11 al. 4). Preparation aid: 0 in
 * 2023-01 (last alinea of 311-12, read as general, DOMAIN.md); as automatic aid in 2023-02.
 * On-demand work under 311-12: 25 % of the base, no derogation. Otherwise 25 % of the base, lowered
 * by 311-11-1 / 311-10 to max(taux réduit × base, 25 % × base − préventes / multiple) when the case's
 * points hold. With the duration, never less than the minimum cash, which the apport contains.
 */
export function calculerApportMinimum(p: ParametresVersion, e: EntreeApportMinimum): Decimal {
  if (e.aide === "selective") return ZERO;
  if (e.aide === "preparation" && p.smad !== null) return ZERO;
  const aide = e.aide === "preparation" ? "automatique" : e.aide;
  const part = relevedu311_12(p, e.destination)
    ? produit(p.smad!.taux.valeur, e.base)
    : apportMinimumAvecPreventes(p.apport.taux, e.genre === "autre" ? undefined : p.derogation[e.genre], e.base, e.preventesInternationales, e.pointsCreation, e.pointsFabrication);
  if (e.dureeMinutes === undefined) return part;
  return plusGrand(part, calculerNumeraireMinimum(p, { genre: e.genre, dureeMinutes: e.dureeMinutes, destination: e.destination, aide }));
}

/**
 * Fields without which the least apport cannot be told: presales given for a genre whose case asks
 * for points, without the points (CNC.APPORT_MIN answers #N/A naming them rather than 25 %).
 */
export function manquantsApportMinimum(p: ParametresVersion, e: EntreeApportMinimum): ("pointsCreation" | "pointsFabrication")[] {
  if (e.aide === "selective" || (e.aide === "preparation" && p.smad !== null) || relevedu311_12(p, e.destination)) return [];
  const cas = e.genre === "autre" ? undefined : p.derogation[e.genre];
  if (!cas || e.preventesInternationales === undefined) return [];
  return [
    ...(cas.pointsCreation && e.pointsCreation === undefined ? ["pointsCreation" as const] : []),
    ...(cas.pointsFabrication && e.pointsFabrication === undefined ? ["pointsFabrication" as const] : []),
  ];
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
  if (e.aide === "preparation" && p.smad !== null) return ZERO;
  if (relevedu311_12(p, e.destination)) {
    const seuil = p.smad!.numeraireHoraire[e.genre];
    return seuil ? montantPourDuree(seuil.valeur, e.dureeMinutes) : ZERO;
  }
  return montantPourDuree(p.apport.numeraireHoraire[e.genre].valeur, e.dureeMinutes);
}
