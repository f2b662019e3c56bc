/**
 * The entry point of the rules core: a validated dossier in, a verdict out, under the RGA version
 * in force on the date of the request (DOMAIN.md "Versions").
 */
import { contradictions, DossierContradictoire } from "./contradictions";
import { formeFixe, type Dossier } from "./dossier";
import { dateLongue } from "./format";
import { evaluerListeReference } from "./liste-reference";
import { evaluerMajoration } from "./majoration";
import { MS_PAR_JOUR, VERSIONS, parametresVersion, versionEnVigueur, type ParametresVersion, type VersionId } from "./parametres";
import { evaluerSectionApport } from "./section-apport";
import { pireDAbord, type Section, type SectionApport, type Verdict } from "./verdict";
import { ZERO } from "./decimal";

export interface OptionsEvaluation {
  /** Today's date (ISO), used when the dossier has no dateDemande. Defaults to the system date. */
  aujourdhui?: string;
  /** Evaluate under this date's version whatever the dossier's dateDemande (side-by-side comparisons). */
  date?: string;
  /** Evaluate under this version whatever the dates. */
  version?: VersionId;
}

export function dateDuJour(): string {
  // A catalogue evaluates thousands of dossiers on the same day: the ISO date is written once per
  // UTC day (toISOString's day), and written again as soon as the clock leaves that day, either way.
  const maintenant = Date.now();
  if (maintenant < debutJour || maintenant >= debutJour + MS_PAR_JOUR) {
    debutJour = maintenant - (((maintenant % MS_PAR_JOUR) + MS_PAR_JOUR) % MS_PAR_JOUR);
    jour = new Date(maintenant).toISOString().split("T")[0];
  }
  return jour;
}
let debutJour = Infinity;
let jour = "";

/** The date that picks the version, and that version (null before the first one). */
function choisirVersion(d: Dossier, options: OptionsEvaluation): { dateReference: string; p: ParametresVersion | null } {
  const dateReference = options.date ?? d.dateDemande ?? options.aujourdhui ?? dateDuJour();
  return { dateReference, p: options.version ? parametresVersion(options.version) : versionEnVigueur(dateReference) };
}

export function evaluer(dossier: Dossier, options: OptionsEvaluation = {}): Verdict {
  const d = formeFixe(dossier);
  verifierCoherence(d);
  const { dateReference, p } = choisirVersion(d, options);
  return p ? evaluerSousVersion(d, p, dateReference) : horsVersion(d, dateReference);
}

/** Only the apport initial section (311-11 / 311-11-1 / 311-12 or 311-9 / 311-10): the cheapest verdict. */
export function evaluerApportInitial(dossier: Dossier, options: OptionsEvaluation = {}): SectionApport | null {
  const d = formeFixe(dossier);
  verifierCoherence(d);
  const { dateReference, p } = choisirVersion(d, options);
  return p ? ordonner(evaluerSectionApport(d, p, d.dateDemande ?? dateReference)) : null;
}

/** Contradictory inputs are an error naming both fields, never a verdict (DOMAIN.md). */
function verifierCoherence(d: Dossier): void {
  const c = contradictions(d);
  if (c.length) throw new DossierContradictoire(c);
}

/** The section itself, its conditions worst first within a code (each evaluation builds its own sections). */
function ordonner<S extends Section>(s: S): S {
  s.conditions = pireDAbord(s.conditions);
  return s;
}

export function evaluerSousVersion(d: Dossier, p: ParametresVersion, dateReference: string): Verdict {
  const listeReference = evaluerListeReference(d, p);
  // The contract deadline is judged on the request's own date, even when --date picks another version.
  const apportInitial = ordonner(evaluerSectionApport(d, p, d.dateDemande ?? dateReference));
  const majoration = ordonner(evaluerMajoration(d, p, listeReference));
  const v: Verdict = { version: p.version, dateReference, apportInitial, listeReference: ordonner(listeReference), majoration };
  if (d.titre !== undefined) v.titre = d.titre;
  return v;
}

/** A request dated before the first implemented version: non_applicable everywhere, never a guess. */
function horsVersion(d: Dossier, date: string): Verdict {
  const premiere = VERSIONS[0];
  const motif = `Demande datée du ${dateLongue(date)} : aucune version implémentée du RGA ne s'y applique (la première couvre les demandes à compter du ${dateLongue(premiere.debut)}).`;
  const vide = (): Section => ({ statut: "non_applicable", motif, conditions: [], ecart: null });
  return {
    version: null, ...(d.titre !== undefined ? { titre: d.titre } : {}), dateReference: date,
    apportInitial: { ...vide(), regime: null, base: null, taux: null, tauxArticle: null, apportMinimum: null, apportMinimumAvecPreventes: null, numeraireMinimum: null, numeraire: null, numeraireHoraire: null, heures: null },
    listeReference: { ...vide(), taux: null, tauxArticle: null, apportMinimum: null },
    majoration: { ...vide(), taux: ZERO, montant: null },
  };
}
