/**
 * The arithmetic helpers of src/rules/decimal.ts read decimal.js values without copying them
 * (issue 15): each must agree with decimal.js itself on every value, signs, zeros, exponents and
 * digit counts included, or a verdict could turn on a wrong comparison.
 */
import fc from "fast-check";
import { Decimal, comparer, plusGrand, plusPetit, positif, produit, somme } from "../../src/rules/decimal";
import { sommeDonnee, montantPourDuree } from "../../src/rules/grandeurs";

/** Decimals of every shape: integers and cents, tiny and huge exponents, negatives, zeros. */
const decimal = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((c) => new Decimal(c).dividedBy(100)),
  fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 20 })).map(([m, e]) => new Decimal(m.toString()).times(new Decimal(10).pow(e))),
  fc.constantFrom("0", "-0", "0.01", "-0.01", "1", "0.25", "0.125", "12000", "250000.0025", "9999999.99", "10000000", "1e-30", "1e20").map((v) => new Decimal(v)),
);

describe("comparaisons sans copie (decimal.ts)", () => {
  it("comparer donne exactement le signe de comparedTo de decimal.js", () => {
    fc.assert(fc.property(decimal, decimal, (x, y) => comparer(x, y) === x.comparedTo(y)), { numRuns: 20_000 });
  });

  it("comparer sur des valeurs égales écrites autrement (1,50 et 1,5 ; 0 et -0) rend 0", () => {
    expect(comparer(new Decimal("1.50"), new Decimal("1.5"))).toBe(0);
    expect(comparer(new Decimal("0"), new Decimal("-0"))).toBe(0);
    expect(comparer(new Decimal("250000.00"), new Decimal("250000.0025"))).toBe(-1);
    expect(comparer(new Decimal("250000.01"), new Decimal("250000.0025"))).toBe(1);
  });

  it("plusGrand et plusPetit rendent la valeur de Decimal.max et Decimal.min", () => {
    fc.assert(fc.property(decimal, decimal, (x, y) => plusGrand(x, y).equals(Decimal.max(x, y)) && plusPetit(x, y).equals(Decimal.min(x, y))), { numRuns: 5_000 });
  });

  it("positif(x) vaut x > 0 (zéro et -0 ne le sont pas)", () => {
    fc.assert(fc.property(decimal, (x) => positif(x) === x.greaterThan(0)), { numRuns: 5_000 });
    expect(positif(new Decimal("-0"))).toBe(false);
    expect(positif(new Decimal("0.01"))).toBe(true);
  });
});

describe("produits retenus par identité", () => {
  it("produit(a, b) vaut a × b, même quand d'autres produits ont été demandés entre-temps", () => {
    fc.assert(fc.property(fc.array(fc.tuple(decimal, decimal), { minLength: 1, maxLength: 30 }), (paires) => {
      const premiers = paires.map(([a, b]) => produit(a, b));
      // Asked again in another order, after the memory has turned over.
      return paires.every(([a, b], i) => produit(a, b).equals(a.times(b)) && premiers[i].equals(a.times(b)));
    }), { numRuns: 2_000 });
  });

  it("deux décimaux égaux mais distincts donnent chacun leur propre produit, exact", () => {
    const a = new Decimal("0.25");
    expect(produit(a, new Decimal("1000000.01")).toString()).toBe("250000.0025");
    expect(produit(a, new Decimal("1000000.03")).toString()).toBe("250000.0075");
  });

  it("montantPourDuree(taux, minutes) vaut taux × minutes / 60, la durée changeant d'un appel à l'autre", () => {
    const taux = new Decimal(12000);
    fc.assert(fc.property(fc.array(decimal.map((d) => d.abs()), { minLength: 1, maxLength: 10 }), (durees) =>
      durees.every((m) => montantPourDuree(taux, m).equals(taux.times(m).dividedBy(60)))), { numRuns: 2_000 });
  });
});

describe("sommes retenues par identité", () => {
  it("somme(a, b) vaut a + b, la dernière paire changeant d'un appel à l'autre", () => {
    fc.assert(fc.property(fc.array(fc.tuple(decimal, decimal), { minLength: 1, maxLength: 20 }), (paires) =>
      paires.every(([a, b]) => somme(a, b).equals(a.plus(b)) && somme(a, b).equals(a.plus(b)))), { numRuns: 2_000 });
  });
});

describe("sommeDonnee", () => {
  it("somme des montants donnés ; null si aucun ; un seul donné est rendu tel quel", () => {
    const a = new Decimal("10.5");
    const b = new Decimal("0.25");
    expect(sommeDonnee(undefined, undefined)).toBeNull();
    expect(sommeDonnee(a, undefined)).toBe(a);
    expect(sommeDonnee(undefined, b)).toBe(b);
    expect(sommeDonnee(a, b)!.toString()).toBe("10.75");
  });
});
