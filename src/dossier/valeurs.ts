/**
 * Reading one value of a dossier field as people write it: "1 250 000,50 €", "VRAI", "oui",
 * "Documentaire de création", "2023-02-01". Each reader returns the value or a French reason;
 * the schema (schema.ts) names the field. Blank values are "missing", never zero.
 */
import { Decimal, type Aide, type Destination, type Genre } from "../rules";
import { normaliser } from "./champs";

export type Lu<T> = { ok: true; valeur: T } | { ok: false; raison: string };

const ok = <T>(valeur: T): Lu<T> => ({ ok: true, valeur });
const ko = <T>(raison: string): Lu<T> => ({ ok: false, raison });

/**
 * `lire(v)`, remembered for short texts (at most 1 024 of them, each at most 64 characters): a
 * catalogue repeats its genres, aides, destinations, yes/no and dates on every row, and normalising
 * a label (NFD, regular expressions) or checking a date cost more than the rest of its cell. The
 * readers are pure, and their answers are never changed by a caller.
 */
function parTexte<T>(lus: Map<string, Lu<T>>, v: string, lire: (v: string) => Lu<T>): Lu<T> {
  let lu = lus.get(v);
  if (lu === undefined) {
    lu = lire(v);
    if (v.length <= 64) {
      if (lus.size >= 1024) lus.clear();
      lus.set(v, lu);
    }
  }
  return lu;
}

/** null, undefined, "" and whitespace-only strings: the field is not given. */
export function estVide(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Normal, no-break (U+00A0) and narrow no-break (U+202F) spaces, and thin spaces, as thousands separators. */
const ESPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * The largest magnitude read. Decimal holds 1e400 exactly, but a spreadsheet cell, a JSON number or a
 * rendered figure cannot (beyond ~1.8e308 it becomes Infinity or null), and the rules multiply what
 * they read (hours × an hourly amount): 1e300 leaves them room, and is far beyond any real figure.
 */
const ECHELLE_MAX = new Decimal("1e300");

// Globals read once, per module rather than per cell: where the global object is intercepted (the
// benchmark's `vm` context, BENCHMARKS.md issue 15) each read costs far more than the work per cell;
// in a browser it costs little, and reading a constant costs nothing either way.
const estFini = Number.isFinite;
const estEntier = Number.isInteger;
const abs = Math.abs;
const arrondi = Math.round;
const DateJs = Date;
const utc = Date.UTC;
const enNombre = Number;
const estNaN = Number.isNaN;

/**
 * Below this magnitude a double is at least 0.001 away from its neighbours' cents (its spacing is
 * under 2^-12): the proof in decimalDepuisNombre holds.
 */
const CENTIMES_EXACTS_MAX = 2 ** 40;

/**
 * `new Decimal(v)`, the same value and digits, built faster for a number in cents (1250000.5,
 * 99.99), which is what amounts are: decimal.js writes a double with Number#toString, the slow part
 * of reading a catalogue row (BENCHMARKS.md, issue 15), while the integer count of cents is written
 * at once. Exact: when c = round(100 v) and c / 100 is v again, the decimal c / 100 rounds to v;
 * the shortest decimal that rounds to v (what toString writes) has no more digits, so it is a
 * multiple of 0.001 at worst, and two such decimals rounding to the same double below 2^40 are
 * equal. test/dossier/lecture-rapide.test.ts compares both on generated numbers.
 */
export function decimalDepuisNombre(v: number): Decimal {
  if (!estEntier(v) && abs(v) < CENTIMES_EXACTS_MAX) {
    const c = arrondi(v * 100);
    if (c / 100 === v) return new Decimal(`${c}e-2`);
  }
  return new Decimal(v);
}

/**
 * A number written the French way or the JSON way: 1250000.5, "1 250 000,50 €", "1250000.50",
 * "1.250.000,50". A lone comma or a lone dot is the decimal mark.
 */
export function lireNombre(v: unknown): Lu<Decimal> {
  if (typeof v === "number") {
    if (!estFini(v)) return ko("n'est pas un nombre fini");
    // |v| ≤ 1e300 as doubles says the same as |Decimal(v)| ≤ 10^300: 1e300 is the double nearest
    // 10^300 and Decimal(v) is the shortest decimal that rounds to v, so rounding keeps the order.
    return abs(v) <= 1e300 ? ok(decimalDepuisNombre(v)) : ko(`${v} est hors de l'échelle des nombres`);
  }
  if (typeof v !== "string") return ko(`attendu un nombre, reçu ${decrire(v)}`);
  let t = v.replace(ESPACES, "").replace(/€$|^€|EUR$/i, "");
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(t)) t = t.replace(/\./g, "");
  t = t.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,6})?$/i.test(t)) return ko(`« ${v} » n'est pas un nombre`);
  const n = new Decimal(t);
  return n.isFinite() && n.abs().lte(ECHELLE_MAX) ? ok(n) : ko(`« ${v} » est hors de l'échelle des nombres`);
}

export function lireMontant(v: unknown): Lu<Decimal> {
  const n = lireNombre(v);
  if (!n.ok) return n;
  return n.valeur.isNegative() && !n.valeur.isZero() ? ko("un montant ne peut pas être négatif") : n;
}

export function lireDuree(v: unknown): Lu<Decimal> {
  const n = lireNombre(v);
  if (!n.ok) return n;
  return n.valeur.greaterThan(0) ? n : ko("une durée doit être strictement positive");
}

export function lireEntier(v: unknown): Lu<Decimal> {
  const n = lireNombre(v);
  if (!n.ok) return n;
  if (!n.valeur.isInteger()) return ko(`attendu un nombre entier, reçu ${n.valeur.toString()}`);
  return n.valeur.isNegative() && !n.valeur.isZero() ? ko("ne peut pas être négatif") : n;
}

const VRAI = new Set(["true", "vrai", "oui"]);
const FAUX = new Set(["false", "faux", "non"]);

const BOOLEENS_LUS = new Map<string, Lu<boolean>>();

function lireBooleenTexte(v: string): Lu<boolean> {
  const t = normaliser(v);
  if (VRAI.has(t)) return ok(true);
  if (FAUX.has(t)) return ok(false);
  return ko(`« ${v} » n'est pas un booléen (attendu VRAI/FAUX, oui/non, true/false)`);
}

export function lireBooleen(v: unknown): Lu<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "string") return parTexte(BOOLEENS_LUS, v, lireBooleenTexte);
  return ko(`attendu VRAI/FAUX, oui/non ou true/false, reçu ${decrire(v)}`);
}

/** The date formats read, said whenever a date is refused. */
const FORMATS_DATE = "dates lues : AAAA-MM-JJ (2023-01-31) ou JJ/MM/AAAA (31/01/2023), ou une cellule date d'Excel";
const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

const JOURS_AVANT_1970_EXCEL = 25569;
const MS_PAR_JOUR = 86_400_000;

/**
 * An ISO date (2023-02-01), a French date (01/02/2023), a JavaScript Date (exceljs), or an Excel
 * date serial number (a date cell read by a custom function). Impossible dates are refused.
 */
export function lireDate(v: unknown): Lu<string> {
  if (v instanceof DateJs) {
    return estNaN(v.getTime()) ? ko("date invalide") : ok(v.toISOString().slice(0, 10));
  }
  if (typeof v === "number") {
    if (!estEntier(v) || v < 1 || v > 2958465) return ko(`${v} n'est pas une date Excel`);
    return ok(new DateJs((v - JOURS_AVANT_1970_EXCEL) * MS_PAR_JOUR).toISOString().slice(0, 10));
  }
  if (typeof v !== "string") return ko(`attendu une date AAAA-MM-JJ, reçu ${decrire(v)}`);
  return parTexte(DATES_LUES, v, lireDateTexte);
}

const DATES_LUES = new Map<string, Lu<string>>();

function lireDateTexte(v: string): Lu<string> {
  const t = v.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [a, m, j] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (a === undefined) return ko(`« ${v} » n'est pas une date (${FORMATS_DATE})`);
  const date = new DateJs(utc(enNombre(a), enNombre(m) - 1, enNombre(j)));
  const texte = `${a}-${m!.padStart(2, "0")}-${j!.padStart(2, "0")}`;
  if (estNaN(date.getTime()) || date.toISOString().slice(0, 10) !== texte) {
    // 01/31/2023 is the American month/day order: say so, and how to write that day.
    if (fr && enNombre(m) > 12 && enNombre(j) >= 1 && enNombre(j) <= 12) {
      const jour = `${m!.padStart(2, "0")}/${j!.padStart(2, "0")}/${a}`;
      return ko(`« ${v} » n'est pas une date JJ/MM/AAAA (il n'y a pas de mois ${enNombre(m)}) ; ${FORMATS_DATE} : pour le ${enNombre(m)} ${MOIS[enNombre(j) - 1]} ${a}, écrivez ${jour} ou ${a}-${j!.padStart(2, "0")}-${m!.padStart(2, "0")}`);
    }
    return ko(`« ${v} » n'est pas une date qui existe (${FORMATS_DATE})`);
  }
  return ok(texte);
}

const GENRES_PAR_LIBELLE = new Map<string, Genre>([
  ["fiction", "fiction"],
  ["animation", "animation"],
  ["documentaire", "documentaire"],
  ["documentairedecreation", "documentaire"],
  ["spectaclevivant", "spectacle_vivant"],
  ["adaptationaudiovisuelledespectaclevivant", "spectacle_vivant"],
  ["autre", "autre"],
]);

const GENRES_LUS = new Map<string, Lu<Genre>>();

function lireGenreTexte(v: string): Lu<Genre> {
  const g = GENRES_PAR_LIBELLE.get(normaliser(v));
  return g ? ok(g) : ko(`genre inconnu « ${v} » (attendu fiction, animation, documentaire, spectacle_vivant ou autre)`);
}

export function lireGenre(v: unknown): Lu<Genre> {
  if (typeof v !== "string") return ko(`attendu un genre, reçu ${decrire(v)}`);
  return parTexte(GENRES_LUS, v, lireGenreTexte);
}

const DESTINATIONS_PAR_LIBELLE = new Map<string, Destination>([
  ["television", "television"], ["tv", "television"],
  ["smad", "smad"], ["servicesalademande", "smad"], ["servicesdemediasaudiovisuelsalademande", "smad"],
]);

const DESTINATIONS_LUES = new Map<string, Lu<Destination>>();

function lireDestinationTexte(v: string): Lu<Destination> {
  const d = DESTINATIONS_PAR_LIBELLE.get(normaliser(v));
  return d ? ok(d) : ko(`destination inconnue « ${v} » (attendu television ou smad)`);
}

export function lireDestination(v: unknown): Lu<Destination> {
  if (typeof v !== "string") return ko(`attendu television ou smad, reçu ${decrire(v)}`);
  return parTexte(DESTINATIONS_LUES, v, lireDestinationTexte);
}

const AIDES_PAR_LIBELLE = new Map<string, Aide>([
  ["automatique", "automatique"], ["selective", "selective"], ["preparation", "preparation"],
]);

const AIDES_LUES = new Map<string, Lu<Aide>>();

function lireAideTexte(v: string): Lu<Aide> {
  const a = AIDES_PAR_LIBELLE.get(normaliser(v));
  return a ? ok(a) : ko(`aide inconnue « ${v} » (attendu automatique, selective ou preparation)`);
}

export function lireAide(v: unknown): Lu<Aide> {
  if (typeof v !== "string") return ko(`attendu automatique, selective ou preparation, reçu ${decrire(v)}`);
  return parTexte(AIDES_LUES, v, lireAideTexte);
}

export function lireTexte(v: unknown): Lu<string> {
  if (typeof v === "string") return ok(v.trim());
  if (typeof v === "number" && estFini(v)) return ok(String(v));
  return ko(`attendu un texte, reçu ${decrire(v)}`);
}

function decrire(v: unknown): string {
  if (Array.isArray(v)) return "une liste";
  if (v === null) return "null";
  if (typeof v === "object") return "un objet";
  if (typeof v === "string") return `« ${v} »`;
  return `${typeof v === "boolean" ? "le booléen" : typeof v === "number" ? "le nombre" : "la valeur"} ${String(v)}`;
}
