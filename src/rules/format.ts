/**
 * French formatting of the figures that verdict messages quote. Rounding happens here, when a figure
 * is shown, never before a comparison (DOMAIN.md).
 */
import { Decimal, auCentime, auCentimeSuperieur } from "./decimal";

/** French typography groups thousands with a narrow no-break space. */
const ESPACE_FINE = "\u202f";

function grouper(entier: string): string {
  return entier.replace(/\B(?=(\d{3})+(?!\d))/g, ESPACE_FINE);
}

/** 2100000 → "2 100 000,00 €" (half-up to the cent). */
export function euros(montant: Decimal): string {
  const texte = auCentime(montant).toFixed(2);
  const negatif = texte.startsWith("-");
  const [entier, centimes] = (negatif ? texte.slice(1) : texte).split(".");
  return `${negatif ? "-" : ""}${grouper(entier)},${centimes}${ESPACE_FINE}€`;
}

/** 2100000 → "2 100 000,00 €" rounded UP to the cent: for a minimum someone must reach (DOMAIN.md). */
export function eurosMin(montant: Decimal): string {
  return euros(auCentimeSuperieur(montant));
}

/** A shortfall in euros, rounded up to the cent: adding exactly the shown figure complies. */
export function manqueEuros(ecart: Decimal): string {
  return eurosMin(ecart);
}

/** 0.25 → "25 %", 0.125 → "12,5 %". */
export function pourcent(taux: Decimal): string {
  return `${nombre(taux.times(100))}${ESPACE_FINE}%`;
}

/** 44.5 → "44,5"; at most two decimals, none when whole. */
export function nombre(valeur: Decimal): string {
  const arrondi = valeur.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [entier, decimales] = arrondi.abs().toFixed().split(".");
  const signe = arrondi.isNegative() && !arrondi.isZero() ? "-" : "";
  return `${signe}${grouper(entier)}${decimales ? "," + decimales : ""}`;
}

const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2023-02-01" → "1er février 2023". */
export function dateLongue(iso: string): string {
  const [a, m, j] = iso.split("-").map(Number);
  return `${j === 1 ? "1er" : j} ${MOIS[m - 1]} ${a}`;
}
