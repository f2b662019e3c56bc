/**
 * The one Decimal constructor of the project: exact money, never float arithmetic on euros.
 * 40 significant digits keep every product and quotient of realistic amounts exact enough that
 * comparisons are never decided by rounding (DOMAIN.md: comparisons are exact).
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Half-up to the cent: only when a figure is shown (DOMAIN.md). */
export function auCentime(montant: Decimal): Decimal {
  return montant.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The smallest amount shown: one cent (two decimal places). */
const UN_CENTIME = new Decimal("0.01");

/**
 * A gap shown to the cent. Half-up like every figure, except that a gap of less than half a cent
 * (25 % of 1 000 000,01 € is 250 000,0025 €; 250 000,00 € does not comply) shows as 0,01 €, the
 * least whole-cent amount that closes it: a gap of 0 means "complies" (DOSSIER.md "ecart").
 */
export function ecartAuCentime(ecart: Decimal): Decimal {
  const arrondi = auCentime(ecart);
  return arrondi.isZero() && ecart.greaterThan(0) ? UN_CENTIME : arrondi;
}
