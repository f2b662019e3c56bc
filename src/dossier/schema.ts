/**
 * Validation of a whole dossier (DOSSIER.md): a zod schema built from the field list, so unknown
 * fields, wrong kinds and bad values are all reported at once, each naming its field (and, for an
 * array, the index of the dossier).
 */
import { z } from "zod";
import { contradictions, type Dossier } from "../rules";
import { CHAMPS, type Nature } from "./champs";
import { REFERENCE_CHAMPS, suggererChamp } from "./suggestion";
import { estVide, lireAide, lireBooleen, lireDate, lireDestination, lireDuree, lireEntier, lireGenre, lireMontant, lireTexte, type Lu } from "./valeurs";

// The task pane's Content-Security-Policy forbids eval: zod must not even probe `new Function`.
z.config({ jitless: true });

const LECTEURS: Record<Nature, (v: unknown) => Lu<unknown>> = {
  texte: lireTexte, date: lireDate, genre: lireGenre, destination: lireDestination, aide: lireAide,
  montant: lireMontant, duree: lireDuree, booleen: lireBooleen, entier: lireEntier,
};

function champ(nature: Nature) {
  const lire = LECTEURS[nature];
  return z.unknown().transform((v, ctx) => {
    if (estVide(v)) return undefined;
    const lu = lire(v);
    if (!lu.ok) {
      ctx.addIssue({ code: "custom", message: lu.raison });
      return z.NEVER;
    }
    return lu.valeur;
  });
}

const SCHEMA = z.strictObject(Object.fromEntries(CHAMPS.map((c) => [c.champ, champ(c.nature).optional()])));

export interface ErreurChamp {
  /** Index of the dossier in an array, when the input is one. */
  index?: number;
  /** The field at fault, or null when the whole input is. */
  champ: string | null;
  message: string;
  /** For an unknown field: the nearest known one, if any is near. */
  suggestion?: string;
}

export class DossierInvalide extends Error {
  constructor(readonly erreurs: ErreurChamp[]) {
    super(erreurs.map(formaterErreur).join("\n"));
    this.name = "DossierInvalide";
  }
}

export function formaterErreur(e: ErreurChamp): string {
  const dossier = e.index !== undefined ? `dossier n° ${e.index + 1} (index ${e.index})` : null;
  // "champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » ?" (issue 14).
  if (e.suggestion && e.champ) return `${dossier ? `${dossier}, ` : ""}champ « ${e.champ} » ${e.message}`;
  const ou = [dossier, e.champ ? `champ « ${e.champ} »` : null].filter(Boolean).join(", ");
  return ou ? `${ou} : ${e.message}` : e.message;
}

/** The message for a key that is not a field: the nearest field if one is near, and where the list is. */
export function erreurChampInconnu(cle: string): Omit<ErreurChamp, "index"> {
  const s = suggererChamp(cle);
  return s
    ? { champ: cle, suggestion: s.champ, message: `inconnu : vouliez-vous dire « ${s.champ} » ? (liste des champs : ${REFERENCE_CHAMPS})` }
    : { champ: cle, message: `champ inconnu du contrat de dossier (liste des champs : ${REFERENCE_CHAMPS})` };
}

function erreursZod(err: z.ZodError, index?: number): ErreurChamp[] {
  const avecIndex = (e: Omit<ErreurChamp, "index">): ErreurChamp => (index === undefined ? e : { index, ...e });
  return err.issues.flatMap((issue): ErreurChamp[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => avecIndex(erreurChampInconnu(k)));
    }
    if (issue.code === "invalid_type" && issue.path.length === 0) {
      return [avecIndex({ champ: null, message: "un dossier doit être un objet JSON { \"champ\": valeur, … }" })];
    }
    return [avecIndex({ champ: issue.path.length ? String(issue.path[0]) : null, message: issue.message })];
  });
}

/** Removes the fields left undefined, so a dossier only holds what was given. */
function compacter(objet: Record<string, unknown>): Dossier {
  const d: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(objet)) if (v !== undefined) d[k] = v;
  return d as Dossier;
}

/** The reader of each field, in the schema's order (a Map: no key such as "constructor" is a field by accident). */
const LECTEUR_PAR_CHAMP = new Map<string, (v: unknown) => Lu<unknown>>(CHAMPS.map((c) => [c.champ, LECTEURS[c.nature]]));
const CHAMPS_LUS = [...LECTEUR_PAR_CHAMP.keys()];
const LECTEURS_LUS = [...LECTEUR_PAR_CHAMP.values()];

// Globals read once, per module rather than per cell: where the global object is intercepted (the
// benchmark's `vm` context, BENCHMARKS.md issue 15) each read costs far more than the work per cell;
// in a browser it costs little, and reading a constant costs nothing either way.
const prototypeDe = Object.getPrototypeOf;
const PROTOTYPE_OBJET = Object.prototype;

/**
 * The dossier zod would give for a plain object whose keys are all fields and whose values all
 * read, or undefined for anything else (then zod reads it, and says what is wrong). Zod costs
 * ~20 µs a row, most of a catalogue's reading; this is the same reading (the same readers, fields
 * in the schema's order, blanks left out) without it. Whatever it does not recognise falls back
 * to zod, so zod stays the one judge of errors; test/dossier/lecture-rapide.test.ts checks on
 * generated valid and invalid inputs that both give the same dossier or the same errors.
 */
export function lireDossierDirect(entree: unknown): Dossier | undefined {
  if (typeof entree !== "object" || entree === null) return undefined;
  const prototype = prototypeDe(entree);
  if (prototype !== PROTOTYPE_OBJET && prototype !== null) return undefined;
  const objet = entree as Record<string, unknown>;
  // The same keys as zod's check of unknown keys (for…in).
  for (const cle in objet) if (!LECTEUR_PAR_CHAMP.has(cle)) return undefined;
  const d: Record<string, unknown> = {};
  for (let i = 0; i < CHAMPS_LUS.length; i++) {
    const v = objet[CHAMPS_LUS[i]];
    if (estVide(v)) continue;
    const lu = LECTEURS_LUS[i](v);
    if (!lu.ok) return undefined;
    d[CHAMPS_LUS[i]] = lu.valeur;
  }
  return d as Dossier;
}

/**
 * For each field in the schema's order, the index in a row of cells of the column holding it, -1
 * when none does: what lireLigneDirecte reads a catalogue row with.
 */
export function indicesDesChamps(champParIndice: readonly (string | undefined)[]): number[] {
  return CHAMPS_LUS.map((c) => champParIndice.indexOf(c));
}

/**
 * lireDossierDirect of the object { field: valeurs[indices[i]] } without building it: a catalogue row
 * read straight from its cells (an object of 37 keys built per row cost as much as reading them).
 * Each field must be held by one column at most.
 */
export function lireLigneDirecte(valeurs: readonly unknown[], indices: readonly number[]): Dossier | undefined {
  const d: Record<string, unknown> = {};
  for (let i = 0; i < CHAMPS_LUS.length; i++) {
    const k = indices[i];
    if (k < 0) continue;
    const v = valeurs[k];
    if (estVide(v)) continue;
    const lu = LECTEURS_LUS[i](v);
    if (!lu.ok) return undefined;
    d[CHAMPS_LUS[i]] = lu.valeur;
  }
  return d as Dossier;
}

/** The dossier as zod reads it, or its errors: the reference lireDossierDirect is tested against. */
export function lireDossierZod(entree: unknown, index?: number): Dossier | DossierInvalide {
  const r = SCHEMA.safeParse(entree);
  return r.success ? compacter(r.data) : new DossierInvalide(erreursZod(r.error, index));
}

/** One dossier: the validated fields, or DossierInvalide listing every fault. */
export function parseDossier(entree: unknown, index?: number): Dossier {
  let dossier = lireDossierDirect(entree);
  if (dossier === undefined) {
    const lu = lireDossierZod(entree, index);
    if (lu instanceof DossierInvalide) throw lu;
    dossier = lu;
  }
  return verifierCoherence(dossier, index);
}

/** `dossier` (read), or DossierInvalide naming the fields that contradict each other. */
export function verifierCoherence(dossier: Dossier, index?: number): Dossier {
  // Fields that contradict each other (a part above its whole): an error naming both, never a verdict.
  const c = contradictions(dossier);
  if (c.length) {
    throw new DossierInvalide(c.map((x) => ({ ...(index === undefined ? {} : { index }), champ: x.champs.join(" / "), message: `incohérent avec ${x.champs.slice(1).map((f) => `« ${f} »`).join(" et ")} : ${x.message}` })));
  }
  return dossier;
}

/** One dossier or an array of them (a catalogue), as DOSSIER.md allows. */
export function parseDossiers(entree: unknown): Dossier | Dossier[] {
  if (!Array.isArray(entree)) return parseDossier(entree);
  const erreurs: ErreurChamp[] = [];
  const dossiers: Dossier[] = [];
  entree.forEach((e, i) => {
    try {
      dossiers.push(parseDossier(e, i));
    } catch (err) {
      if (err instanceof DossierInvalide) erreurs.push(...err.erreurs);
      else throw err;
    }
  });
  if (erreurs.length) throw new DossierInvalide(erreurs);
  return dossiers;
}
