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

/**
 * An amount someone must reach (a minimum, a shortfall), shown to the cent: rounded UP, so that
 * paying exactly the shown figure always complies (DOMAIN.md: 25 % of 1 000 000,01 € is
 * 250 000,0025 €, shown 250 000,01 €; 250 000,00 € would fail).
 */
export function auCentimeSuperieur(montant: Decimal): Decimal {
  return montant.toDecimalPlaces(2, Decimal.ROUND_CEIL);
}

/** A gap shown to the cent: rounded up like every amount someone must reach; 0 means "complies". */
export function ecartAuCentime(ecart: Decimal): Decimal {
  return auCentimeSuperieur(ecart);
}
