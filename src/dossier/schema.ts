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

/** One dossier: the validated fields, or DossierInvalide listing every fault. */
export function parseDossier(entree: unknown, index?: number): Dossier {
  const r = SCHEMA.safeParse(entree);
  if (!r.success) throw new DossierInvalide(erreursZod(r.error, index));
  const dossier = compacter(r.data);
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
