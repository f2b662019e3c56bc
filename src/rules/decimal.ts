/**
 * The one Decimal constructor of the project: exact money, never float arithmetic on euros.
 * 40 significant digits keep every product and quotient of realistic amounts exact enough that
 * comparisons are never decided by rounding (DOMAIN.md: comparisons are exact).
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/**
 * x compared with y: -1, 0 or 1, as `x.comparedTo(y)`. decimal.js first copies its argument into a
 * new Decimal; a verdict makes some twenty comparisons, so this one reads both operands as they are,
 * through the sign `s`, exponent `e` and base-1e7 digits `d` that decimal.js's type declarations
 * expose (readonly). Anything not finite goes to decimal.js itself. A property test checks it
 * against `comparedTo` (test/rules/decimal.test.ts).
 */
export function comparer(x: Decimal, y: Decimal): number {
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd) return x.comparedTo(y);
  const xs = x.s;
  const ys = y.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== (xs < 0) ? 1 : -1;
  const n = xd.length < yd.length ? xd.length : yd.length;
  for (let i = 0; i < n; i++) {
    if (xd[i] !== yd[i]) return (xd[i] > yd[i]) !== (xs < 0) ? 1 : -1;
  }
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== (xs < 0) ? 1 : -1;
}

/** The larger of two decimals (the first on a tie), without copying either. */
export function plusGrand(x: Decimal, y: Decimal): Decimal {
  return comparer(y, x) > 0 ? y : x;
}

/** The smaller of two decimals (the first on a tie), without copying either. */
export function plusPetit(x: Decimal, y: Decimal): Decimal {
  return comparer(y, x) < 0 ? y : x;
}

/** x > 0, read from the sign without building a comparison (decimal.js compares through a copy of its argument). */
export function positif(x: Decimal): boolean {
  return x.isPositive() && !x.isZero();
}

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

/*
 * The same products come back several times in one verdict (25 % × base in A1, the least compliant
 * apport, the derogation's gap and the list's C4; an hourly minimum × duration in A2, C5, the
 * minimums and the majoration). Decimals never change, so a product of the same two objects is the
 * same product: the last few are kept by the identity of their factors. Each decimal.js operation
 * builds two or three objects; this halves them in a verdict (issue 15, BENCHMARKS.md).
 */
const TAILLE_MEMOIRE = 8;
const facteursA: (Decimal | undefined)[] = new Array(TAILLE_MEMOIRE).fill(undefined);
const facteursB: (Decimal | undefined)[] = new Array(TAILLE_MEMOIRE).fill(undefined);
const produits: (Decimal | undefined)[] = new Array(TAILLE_MEMOIRE).fill(undefined);
let suivant = 0;

/** a × b, exact as `a.times(b)`, remembered for the same two decimals. */
export function produit(a: Decimal, b: Decimal): Decimal {
  for (let i = 0; i < TAILLE_MEMOIRE; i++) {
    if (facteursA[i] === a && facteursB[i] === b) return produits[i]!;
  }
  const p = a.times(b);
  facteursA[suivant] = a;
  facteursB[suivant] = b;
  produits[suivant] = p;
  suivant = (suivant + 1) % TAILLE_MEMOIRE;
  return p;
}

/** a + b, exact as `a.plus(b)`, remembered for the same two decimals (the TV + SMAD cash is summed by the contradiction check, the section and A2). */
export function somme(a: Decimal, b: Decimal): Decimal {
  if (sommeA === a && sommeB === b) return derniereSomme!;
  sommeA = a;
  sommeB = b;
  derniereSomme = a.plus(b);
  return derniereSomme;
}
let sommeA: Decimal | undefined;
let sommeB: Decimal | undefined;
let derniereSomme: Decimal | undefined;
