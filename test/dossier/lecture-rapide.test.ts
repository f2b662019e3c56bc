/**
 * The fast reading of a dossier (lireDossierDirect, decimalDepuisNombre: issue 15) against the
 * reference, on generated inputs: zod for the dossier, `new Decimal(v)` for a number. The fast path
 * must give exactly what zod gives (same fields, same order, same Decimal digits) and accept every
 * plain object zod accepts; anything else falls back to zod, whose errors are what parseDossier throws.
 */
import fc from "fast-check";
import { CHAMPS, parseDossier, DossierInvalide, ouvrirPlage, type Cellule, type LigneLue } from "../../src/dossier";
import { lireDossierDirect, lireDossierZod, verifierCoherence } from "../../src/dossier/schema";
import { decimalDepuisNombre, lireNombre } from "../../src/dossier/valeurs";
import { Decimal } from "../../src/rules";
import { dossierBrut } from "../arbitraires";

const OPTIONS = { seed: 15_2026, numRuns: 3000 };

/** The digits decimal.js holds (sign, exponent, base-10^7 words): equal only if the Decimals are the same. */
const chiffres = (d: Decimal) => ({ s: d.s, e: d.e, d: d.d, texte: d.toString() });

describe("decimalDepuisNombre : les mêmes chiffres que new Decimal(v)", () => {
  const nombres = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -(2 ** 45), max: 2 ** 45 }).map((c) => c / 100),
    fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((c) => c / 1000),
    // Around and above the 2^40 bound, where a double no longer tells cents apart (2^50 + 0.25 is written 1125899906842624.2).
    fc.tuple(fc.integer({ min: 36, max: 56 }), fc.integer({ min: 0, max: 10 ** 6 }), fc.constantFrom(4, 100)).map(([k, c, par]) => 2 ** k + c / par),
    fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.015, 1.005, 99.995, 999999.99, 1e-7, 5e-324, 2 ** 40 - 0.01, 2 ** 40 + 0.5, 2 ** 50 + 0.25, 1e21 + 0.5, 1e300, -1e300),
  );
  it("sur des doubles quelconques, des centimes, des millièmes et des cas limites", () => {
    fc.assert(fc.property(nombres, (v) => {
      expect(chiffres(decimalDepuisNombre(v))).toStrictEqual(chiffres(new Decimal(v)));
    }), OPTIONS);
  });
  it("-0 garde son signe, comme new Decimal(-0)", () => {
    expect(decimalDepuisNombre(-0).s).toBe(-1);
    expect(decimalDepuisNombre(-1.5).toString()).toBe("-1.5");
  });
  it("un montant trop grand reste refusé avec le même message", () => {
    const lu = lireNombre(1e301);
    expect(lu.ok).toBe(false);
    expect(!lu.ok && lu.raison).toBe("1e+301 est hors de l'échelle des nombres");
    expect(lireNombre(1e300).ok).toBe(true);
    expect(lireNombre(-1e300).ok).toBe(true);
  });
});

/** A value of any kind a cell, a JSON file or a caller might hold for a field. */
const valeurQuelconque: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, "", "   ", "\u00a0", 0, -0, -1, -0.01, 0.5, 1.5, 44958, 2958466, NaN, Infinity, -Infinity, 1e300, 1e301, -1e301,
    true, false, "VRAI", "faux", "oui", "peut-être", "2023-02-30", "31/01/2023", "01/31/2023", "2023-01-31", "fiction", "Documentaire de création",
    "téléfilm", "tv", "smad", "selective", "Sélective", "1 250 000,50 €", "1.250.000,50", "-3", "1e999", "abc", "12,5,3", " 42 ", "0x10", "∞"),
  fc.double(), fc.integer({ min: -100, max: 5000 }), fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 10 ** 9 }).map((c) => c / 100), fc.integer({ min: 0, max: 10 ** 9 }).map((c) => `${c / 100}`.replace(".", ",")),
  fc.constantFrom<unknown>([], [1], {}, { a: 1 }, new Date("2023-02-01T00:00:00Z"), new Date(Number.NaN), Symbol.for("x")),
);

const NOMS = CHAMPS.map((c) => c.champ);
const champ = fc.constantFrom(...NOMS);

/** A plain object: well-typed dossiers, with fields overwritten by any value, and sometimes unknown keys. */
const objet = fc.tuple(
  dossierBrut,
  fc.array(fc.tuple(champ, valeurQuelconque), { maxLength: 4 }),
  fc.array(fc.tuple(fc.constantFrom("coutDefinitf", "Titre", "constructor", "__proto__", "toString", "hasOwnProperty", "x"), valeurQuelconque), { maxLength: 2 }),
  fc.boolean(),
).map(([d, changes, inconnus, sansPrototype]) => {
  const o: Record<string, unknown> = sansPrototype ? Object.create(null) : {};
  Object.assign(o, d);
  for (const [k, v] of changes) o[k] = v;
  // defineProperty: an own "__proto__" key, as JSON.parse makes it.
  for (const [k, v] of inconnus) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
});

/** Anything handed to parseDossier: mostly plain objects, and what is not one. */
const entree: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: objet },
  { weight: 1, arbitrary: valeurQuelconque },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([{ titre: "a" }], new Date(0), new Map(), Object.assign(Object.create({ titre: "hérité" }), { genre: "fiction" }), new (class Oeuvre { titre = "x"; })()) },
);

const estObjetSimple = (x: unknown) => typeof x === "object" && x !== null && [Object.prototype, null].includes(Object.getPrototypeOf(x));

describe("lireDossierDirect : le dossier de zod, ou la main à zod", () => {
  it("même dossier que zod (champs, ordre, chiffres), et accepté dès que zod l'accepte pour un objet simple", () => {
    let directs = 0;
    let refus = 0;
    fc.assert(fc.property(entree, (x) => {
      const zod = lireDossierZod(x);
      const direct = lireDossierDirect(x);
      if (direct === undefined) {
        // Only what zod refuses, or what is not a plain object, goes to zod.
        if (estObjetSimple(x)) expect(zod).toBeInstanceOf(DossierInvalide);
        if (zod instanceof DossierInvalide) refus++;
        return;
      }
      directs++;
      expect(zod).not.toBeInstanceOf(DossierInvalide);
      expect(Object.keys(direct)).toStrictEqual(Object.keys(zod));
      expect(direct).toStrictEqual(zod);
    }), OPTIONS);
    // Both branches were really exercised.
    expect(directs).toBeGreaterThan(150);
    expect(refus).toBeGreaterThan(300);
  });

  it("parseDossier dit exactement ce que dit zod : même dossier, ou mêmes erreurs nommant le champ", () => {
    fc.assert(fc.property(entree, fc.option(fc.nat(20), { nil: undefined }), (x, index) => {
      const zod = lireDossierZod(x, index);
      let obtenu: unknown;
      try {
        obtenu = parseDossier(x, index);
      } catch (e) {
        obtenu = e;
      }
      if (zod instanceof DossierInvalide) {
        expect(obtenu).toBeInstanceOf(DossierInvalide);
        expect((obtenu as DossierInvalide).erreurs).toStrictEqual(zod.erreurs);
        expect((obtenu as DossierInvalide).message).toBe(zod.message);
      } else if (!(obtenu instanceof DossierInvalide)) {
        expect(obtenu).toStrictEqual(zod);
      }
      // else: a contradiction between fields, checked after reading whichever path read it.
    }), OPTIONS);
  });

  it("exemples : un montant négatif et un champ inconnu gardent le message de zod", () => {
    expect(() => parseDossier({ coutDefinitif: -5, genre: "fiction" })).toThrow("champ « coutDefinitif » : un montant ne peut pas être négatif");
    expect(() => parseDossier({ coutDefinitf: 5 })).toThrow("champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » ?");
    const d = parseDossier({ titre: " Film ", coutDefinitif: 1250000.5, apportInitial: "", genre: "Documentaire de création", pointsCreation: 32 });
    expect(Object.keys(d)).toStrictEqual(["titre", "genre", "coutDefinitif", "pointsCreation"]);
    expect(d.coutDefinitif!.toString()).toBe("1250000.5");
    expect(d.genre).toBe("documentaire");
  });
});

describe("une ligne de catalogue lue dans ses cellules (lireLigneDirecte) : ce que zod lit de l'objet de ses champs", () => {
  /** The reading before issue 15: the object { field: cell } of the row, read by zod, then checked for contradictions. */
  function reference(entete: readonly string[], ligne: readonly unknown[], n: number): LigneLue {
    const record: Record<string, unknown> = {};
    entete.forEach((libelle, i) => {
      const c = CHAMPS.find((x) => x.champ === libelle || x.libelle === libelle);
      if (c) record[c.champ] = ligne[i];
    });
    if (Object.values(record).every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return { ok: "vide", ligne: n };
    const lu = lireDossierZod(record);
    if (lu instanceof DossierInvalide) return { ok: false, ligne: n, erreurs: lu.erreurs };
    try {
      return { ok: true, ligne: n, dossier: verifierCoherence(lu) };
    } catch (e) {
      return { ok: false, ligne: n, erreurs: (e as DossierInvalide).erreurs };
    }
  }

  // Columns: some fields in any order, by name or French label, and columns that are not fields.
  const colonnes = fc.tuple(
    fc.shuffledSubarray(CHAMPS.map((c) => c), { minLength: 1 }).chain((cs) => fc.tuple(...cs.map((c) => fc.constantFrom(c.champ, c.libelle)))),
    fc.array(fc.constantFrom("Notes", "Commentaire", ""), { maxLength: 2 }),
  ).map(([champs, autres]) => [...champs, ...autres]);

  const catalogue = fc.tuple(colonnes, fc.array(fc.tuple(dossierBrut, fc.array(fc.tuple(fc.nat(40), valeurQuelconque), { maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 6 }))
    .map(([entete, oeuvres]) => ({
      entete,
      lignes: oeuvres.map(([d, changes, videe]) => {
        const ligne: unknown[] = entete.map((l) => (videe ? null : (d as Record<string, unknown>)[CHAMPS.find((c) => c.champ === l || c.libelle === l)?.champ ?? ""] ?? null));
        for (const [i, v] of changes) if (i < ligne.length) ligne[i] = v;
        return ligne;
      }),
    }));

  it("même œuvre lue (dossier, champs et chiffres), même ligne vide, mêmes erreurs", () => {
    let lues = 0;
    fc.assert(fc.property(catalogue, ({ entete, lignes }) => {
      const plage = ouvrirPlage([entete, ...lignes] as Cellule[][]);
      // A catalogue of one field could read as a Champ | Valeur block: only the catalogue layout is compared here.
      fc.pre(plage.forme === "catalogue");
      lignes.forEach((ligne, n) => {
        const obtenue = plage.lire(n);
        const attendue = reference(entete, ligne, n);
        if (obtenue.ok === true) {
          lues++;
          expect(attendue.ok).toBe(true);
          expect(Object.keys(obtenue.dossier)).toStrictEqual(Object.keys((attendue as { dossier: object }).dossier));
        }
        expect(obtenue).toStrictEqual(attendue);
      });
    }), { ...OPTIONS, numRuns: 800 });
    expect(lues).toBeGreaterThan(100);
  });
});

describe("en-têtes de catalogue déjà lus (clé par quelques caractères de chaque libellé, puis comparaison)", () => {
  it("un même en-tête, même recopié, est reconnu ; deux en-têtes de même clé ne sont jamais confondus", () => {
    // A header row, the works given apart (valeurs): always the catalogue layout.
    const a = ouvrirPlage([["titre", "apportInitial", null]], [["Film", 5, null]]);
    const copie = ouvrirPlage([["titre", "apportInitial", undefined].map((x) => x)], [["Autre", 7, null]]);
    // The same header read once: the same fields array (the memory of verdicts keys its contexts on it).
    expect(copie.champs).toBe(a.champs);
    // Same length, same first, middle and last characters: the same hash, another label.
    const voisin = ouvrirPlage([["titre", "aXXXXXIXXXXXl", null]], [["Film", 5, null]]);
    expect(voisin.champs).toStrictEqual(["titre"]);
    expect(voisin.ignores).toStrictEqual(["aXXXXXIXXXXXl"]);
    const lue = voisin.lire(0);
    expect(lue.ok === true && Object.keys(lue.dossier)).toStrictEqual(["titre"]);
    expect(a.forme).toBe("catalogue");
    expect(a.champs).toStrictEqual(["titre", "apportInitial"]);
    expect(ouvrirPlage([["titre", "apportInitial", null]], [["Film", 5, null]]).champs).toBe(a.champs);
  });
});
