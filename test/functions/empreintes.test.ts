/** The bounded memory behind recalculation (src/functions/empreintes.ts): equality, context, size bound. */
import type { Cellule } from "../../src/dossier";
import { empreinte, MemoireBornee, SANS_EMPREINTE, VIDE, type Source } from "../../src/functions/empreintes";

const source = (lignes: Cellule[][]): Source => ({ colonnes: (lignes[0] ?? []).map((_, i) => i), cellules: (n) => lignes[n] });

describe("empreintes des lignes", () => {
  it("ne confond que les vides entre eux", () => {
    const valeurs: Cellule[] = [1, "1", true, "vrai", -0, 0, new Date(Date.UTC(2023, 0, 2)), 44928, "a", "a "];
    const memoire = new MemoireBornee<number>(1 << 20);
    const s = source(valeurs.map((v) => [v]));
    const ctx = memoire.contexte("test");
    valeurs.forEach((_v, n) => {
      const h = empreinte(s, n, ctx);
      expect(memoire.lire(h, s, n, ctx)).toBeUndefined();
      memoire.ecrire(h, s, n, ctx, n);
    });
    valeurs.forEach((_v, n) => expect(memoire.lire(empreinte(s, n, ctx), s, n, ctx)).toBe(n));
    // Another Date object with the same time is the same value.
    const date = source([[new Date(Date.UTC(2023, 0, 2))]]);
    expect(memoire.lire(empreinte(date, 0, ctx), date, 0, ctx)).toBe(6);

    const vides = source([[null, "x"], [undefined, "x"], ["", "x"], ["  ", "x"]]);
    memoire.ecrire(empreinte(vides, 0, ctx), vides, 0, ctx, 99);
    for (const n of [1, 2, 3]) expect(memoire.lire(empreinte(vides, n, ctx), vides, n, ctx)).toBe(99);
    expect(empreinte(source([[null, ""]]), 0, ctx)).toBe(VIDE);
    expect(empreinte(source([[{} as unknown as Cellule]]), 0, ctx)).toBe(SANS_EMPREINTE);
  });

  it("une même ligne dans un autre contexte est une autre entrée", () => {
    const memoire = new MemoireBornee<string>(1 << 20);
    const s = source([[1, "a"]]);
    const a = memoire.contexte("a");
    const b = memoire.contexte("b");
    memoire.ecrire(empreinte(s, 0, a), s, 0, a, "A");
    expect(memoire.lire(empreinte(s, 0, b), s, 0, b)).toBeUndefined();
    expect(memoire.lire(empreinte(s, 0, a), s, 0, a)).toBe("A");
  });

  it("deux lignes de même empreinte restent distinctes", () => {
    const memoire = new MemoireBornee<string>(1 << 20);
    const s = source([[1], [2]]);
    const ctx = memoire.contexte("collision");
    // Both rows filed under the same hash on purpose: the comparison, not the hash, decides.
    memoire.ecrire(7, s, 0, ctx, "un");
    memoire.ecrire(7, s, 1, ctx, "deux");
    expect(memoire.lire(7, s, 0, ctx)).toBe("un");
    expect(memoire.lire(7, s, 1, ctx)).toBe("deux");
  });

  it("sous une même empreinte, la comparaison distingue 0 de -0, un blanc d'une valeur, et le type de chaque valeur", () => {
    const memoire = new MemoireBornee<string>(1 << 20);
    const ctx = memoire.contexte("comparaison");
    const lignes: Cellule[][] = [[0, "a", null], [-0, "a", null], [0, "a", "  "], [0, "a", 0], ["0", "a", null], [0, "a ", null], [false, "a", null], [NaN, "a", null]];
    const s = source(lignes);
    memoire.ecrire(7, s, 0, ctx, "zéro");
    // Filed under the same hash as row 0: each differs from it in one value, so each is a miss…
    for (const n of [1, 3, 4, 5, 6, 7]) expect(memoire.lire(7, s, n, ctx)).toBeUndefined();
    // …except a blank written otherwise ("  " and null are both "not given"), and NaN found again once remembered.
    expect(memoire.lire(7, s, 2, ctx)).toBe("zéro");
    memoire.ecrire(7, s, 7, ctx, "NaN");
    expect(memoire.lire(7, s, 7, ctx)).toBe("NaN");
    expect(memoire.lire(7, s, 0, ctx)).toBe("zéro");
  });

  it("reste sous sa borne en octets et garde les lignes relues", () => {
    const max = 64 * 1024;
    const memoire = new MemoireBornee<string>(max);
    const ctx = memoire.contexte("borne");
    const lignes: Cellule[][] = Array.from({ length: 5000 }, (_, i) => [i, `Œuvre ${i}`, 1000 + i]);
    const s = source(lignes);
    const relue = 0;
    lignes.forEach((_l, n) => {
      memoire.ecrire(empreinte(s, n, ctx), s, n, ctx, `verdict ${n}`);
      expect(memoire.taille.octets).toBeLessThanOrEqual(max);
      // A row read again and again stays, however many new rows come.
      expect(memoire.lire(empreinte(s, relue, ctx), s, relue, ctx)).toBe("verdict 0");
    });
    expect(memoire.taille.lignes).toBeLessThan(5000);
    expect(memoire.taille.lignes).toBeGreaterThan(0);
    // The oldest rows never read again are gone; the newest are there.
    expect(memoire.lire(empreinte(s, 1, ctx), s, 1, ctx)).toBeUndefined();
    expect(memoire.lire(empreinte(s, 4999, ctx), s, 4999, ctx)).toBe("verdict 4999");
  });
});
