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
