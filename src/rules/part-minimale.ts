/**
 * The minimum share of the apport initial and its labelled exception.
 *
 * Base rule: apport >= 25 % × base (311-11 al. 3 / 311-9 al. 3; 311-30 4° / 311-29 4°).
 * Exception (311-11-1 / 311-10, and the "cas prévus" of 311-30 / 311-29 4° al. 2): for some genres
 * the share is lowered when a) international presales reach a multiple of the shortfall at 25 %, and
 * b) where the case asks for it, the points of the barème reach 30 "Création" and 36 "Fabrication".
 * The presales condition is read against the apport actually made, as the text writes it.
 */
import { entete } from "./condition";
import { Decimal, ZERO } from "./decimal";
import type { ChampDossier, Dossier, Genre } from "./dossier";
import { euros, nombre, manqueEuros } from "./format";
import type { CasDerogatoire, GenreAidable, Seuil } from "./parametres";
import type { Condition, Statut } from "./verdict";

export interface ResultatCas {
  statut: Exclude<Statut, "non_applicable">;
  /** One condition per requirement of the case: a) presales, b) création points, b) fabrication points. */
  conditions: Condition[];
  manquants: ChampDossier[];
}

/** Evaluates the conditions of a derogation case for the apport actually made. */
export function evaluerCas(code: string, cas: CasDerogatoire, d: Dossier, base: Decimal, apport: Decimal, taux25: Seuil): ResultatCas {
  const conditions: Condition[] = [];
  const manque = taux25.valeur.times(base).minus(apport);
  const multiple = cas.multiplePreventes.valeur;
  const lecture = multiple.equals(1) ? "l'écart" : `${nombre(multiple)} fois l'écart`;
  const preventes = entete(code, cas.multiplePreventes, "Préventes internationales");
  if (d.preventesInternationales === undefined) {
    conditions.push({ ...preventes, statut: "incomplet", attendu: multiple.times(manque), constate: null, ecart: null, unite: null,
      message: `Préventes internationales non renseignées : il en faut au moins ${euros(multiple.times(manque))} (${lecture} entre 25 % de la base et l'apport initial) pour la dérogation.`,
      manquants: ["preventesInternationales"] });
  } else {
    const attendu = multiple.times(manque);
    const ok = d.preventesInternationales.greaterThanOrEqualTo(attendu);
    conditions.push({ ...preventes, statut: ok ? "conforme" : "non_conforme", attendu, constate: d.preventesInternationales,
      ecart: ok ? ZERO : attendu.minus(d.preventesInternationales), unite: "euros",
      message: ok
        ? `Les préventes internationales (${euros(d.preventesInternationales)}) atteignent ${lecture} à 25 % (${euros(attendu)}).`
        : `Les préventes internationales (${euros(d.preventesInternationales)}) n'atteignent pas ${lecture} à 25 % (${euros(attendu)}) : il manque ${manqueEuros(attendu.minus(d.preventesInternationales))}.` });
  }
  if (cas.pointsCreation) conditions.push(points(code, cas.pointsCreation, "Création", "pointsCreation", d.pointsCreation));
  if (cas.pointsFabrication) conditions.push(points(code, cas.pointsFabrication, "Fabrication", "pointsFabrication", d.pointsFabrication));
  const manquants = conditions.flatMap((c) => c.manquants ?? []);
  const statut = conditions.some((c) => c.statut === "non_conforme") ? "non_conforme" : manquants.length > 0 ? "incomplet" : "conforme";
  return { statut, conditions, manquants };
}

function points(code: string, s: Seuil, groupe: string, champ: ChampDossier, valeur: Decimal | undefined): Condition {
  const base = entete(code, s, `Points « ${groupe} »`);
  if (valeur === undefined) {
    return { ...base, statut: "incomplet", attendu: s.valeur, constate: null, ecart: null, unite: null,
      message: `Points du groupe « ${groupe} » non renseignés (au moins ${nombre(s.valeur)} requis).`, manquants: [champ] };
  }
  const ok = valeur.greaterThanOrEqualTo(s.valeur);
  return { ...base, statut: ok ? "conforme" : "non_conforme", attendu: s.valeur, constate: valeur,
    ecart: ok ? ZERO : s.valeur.minus(valeur), unite: "points",
    message: ok
      ? `${nombre(valeur)} points au groupe « ${groupe} » (au moins ${nombre(s.valeur)} requis).`
      : `${nombre(valeur)} points au groupe « ${groupe} » : il en faut au moins ${nombre(s.valeur)}, il manque ${nombre(s.valeur.minus(valeur))} point(s).` };
}

export type Raison =
  | "atteint"          // apport >= 25 %: the exception is not needed
  | "sansCas"          // the genre has no lowered case
  | "cas"              // the case holds: the lowered rate applies
  | "casEchoue"        // a condition of the case fails: 25 % applies
  | "casIncomplet"     // the case could apply but fields are missing
  | "sousTauxReduit"   // even the lowest rate is not reached
  | "genreInconnu";    // below 25 %, the genre decides and is missing

export interface PartMinimale {
  statut: Exclude<Statut, "non_applicable">;
  raison: Raison;
  /** The rate the verdict applies and where the law sets it. */
  taux: Seuil;
  attendu: Decimal;
  cas: ResultatCas | null;
  manquants: ChampDossier[];
}

/** Base rule with its exception, for the apport actually made. */
export function evaluerPartMinimale(
  code: string, taux25: Seuil, casParGenre: Readonly<Partial<Record<GenreAidable, CasDerogatoire>>>,
  d: Dossier, base: Decimal, apport: Decimal,
): PartMinimale {
  const min25 = taux25.valeur.times(base);
  if (apport.greaterThanOrEqualTo(min25)) {
    return { statut: "conforme", raison: "atteint", taux: taux25, attendu: min25, cas: null, manquants: [] };
  }
  const nonConforme = (raison: Raison, cas: ResultatCas | null = null): PartMinimale =>
    ({ statut: "non_conforme", raison, taux: taux25, attendu: min25, cas, manquants: [] });
  if (d.genre === undefined) {
    const plusBas = Object.values(casParGenre).reduce<Decimal | null>((m, c) => (m === null || c!.taux.valeur.lessThan(m) ? c!.taux.valeur : m), null);
    if (plusBas !== null && apport.greaterThanOrEqualTo(plusBas.times(base))) {
      return { statut: "incomplet", raison: "genreInconnu", taux: taux25, attendu: min25, cas: null, manquants: ["genre"] };
    }
    return nonConforme("sousTauxReduit");
  }
  const cas = d.genre === "autre" ? undefined : casParGenre[d.genre];
  if (!cas) return nonConforme("sansCas");
  const resultat = evaluerCas(code, cas, d, base, apport, taux25);
  const minReduit = cas.taux.valeur.times(base);
  if (resultat.statut === "non_conforme") return nonConforme("casEchoue", resultat);
  if (resultat.statut === "incomplet") {
    if (apport.lessThan(minReduit)) return nonConforme("sousTauxReduit", resultat);
    return { statut: "incomplet", raison: "casIncomplet", taux: taux25, attendu: min25, cas: resultat, manquants: resultat.manquants };
  }
  const ok = apport.greaterThanOrEqualTo(minReduit);
  return { statut: ok ? "conforme" : "non_conforme", raison: ok ? "cas" : "sousTauxReduit", taux: cas.taux, attendu: minReduit, cas: resultat, manquants: [] };
}

/**
 * With the presales and points known, the smallest apport initial that complies: with a case whose
 * points hold, apport >= taux réduit × base and presales >= multiple × (25 % × base − apport), that is
 * max(taux réduit × base, 25 % × base − presales / multiple); otherwise 25 % × base.
 */
export function apportMinimumAvecPreventes(
  taux25: Seuil, cas: CasDerogatoire | undefined, base: Decimal,
  preventes: Decimal | undefined, pointsCreation: Decimal | undefined, pointsFabrication: Decimal | undefined,
): Decimal {
  const min25 = taux25.valeur.times(base);
  if (!cas || preventes === undefined) return min25;
  const pointsOk = (s: Seuil | null, v: Decimal | undefined) => s === null || (v !== undefined && v.greaterThanOrEqualTo(s.valeur));
  if (!pointsOk(cas.pointsCreation, pointsCreation) || !pointsOk(cas.pointsFabrication, pointsFabrication)) return min25;
  return Decimal.max(cas.taux.valeur.times(base), Decimal.min(min25, min25.minus(preventes.dividedBy(cas.multiplePreventes.valeur))));
}

/** "de fiction", "d'animation": the genre after "une œuvre". */
export function deGenre(genre: Genre): string {
  const l = libelleGenre(genre);
  return /^[aeiouyéè]/.test(l) ? `d'${l}` : `de ${l}`;
}

export function libelleGenre(genre: Genre): string {
  return {
    fiction: "fiction", animation: "animation", documentaire: "documentaire de création",
    spectacle_vivant: "adaptation audiovisuelle de spectacle vivant", autre: "autre genre",
  }[genre];
}
