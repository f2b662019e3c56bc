/**
 * The minimum share of the apport initial and its labelled exception.
 *
 * Base rule: apport >= 25 % × base (311-11 al. 3 / 311-9 al. 3; 311-30 4° / 311-29 4°).
 * Exception (311-11-1 / 311-10, and the "cas prévus" of 311-30 / 311-29 4° al. 2): for some genres
 * the share is lowered when a) international presales reach a multiple of the shortfall at 25 %, and
 * b) where the case asks for it, the points of the barème reach 30 "Création" and 36 "Fabrication".
 * The presales condition is read against the apport actually made, as the text writes it.
 */
import { condition, entete, type Texte } from "./condition";
import { Decimal, ZERO, produit, comparer, plusGrand, plusPetit } from "./decimal";
import type { ChampDossier, Dossier, Genre } from "./dossier";
import { euros, eurosMin, nombre, manqueEuros } from "./format";
import type { CasDerogatoire, GenreAidable, Seuil } from "./parametres";
import type { Condition, Statut } from "./verdict";

export interface ResultatCas {
  statut: Exclude<Statut, "non_applicable">;
  /** One condition per requirement of the case: a) presales, b) création points, b) fabrication points. */
  conditions: Condition[];
  manquants: ChampDossier[];
  /** True when the points of b) hold (or the case asks for none): only the presales then decide. */
  pointsAtteints: boolean;
}

/**
 * Evaluates the conditions of a derogation case for the apport actually made. `rappel` says which
 * contracts count as international presales in the version (311-11-1 a) / 311-10 last alinea).
 */
export function evaluerCas(code: string, cas: CasDerogatoire, d: Dossier, base: Decimal, apport: Decimal, taux25: Seuil, rappel: Texte): ResultatCas {
  const conditions: Condition[] = [];
  const manque = produit(taux25.valeur, base).minus(apport);
  const multiple = cas.multiplePreventes.valeur;
  const lecture = () => (multiple.equals(1) ? "l'écart" : `${nombre(multiple)} fois l'écart`);
  const e = entete(code, cas.multiplePreventes, "Préventes internationales");
  const attendu = multiple.times(manque);
  const preventes = d.preventesInternationales;
  if (preventes === undefined) {
    conditions.push(condition(e, "incomplet", attendu, null, null, null,
      () => `Préventes internationales non renseignées : il en faut au moins ${eurosMin(attendu)} (${lecture()} entre 25 % de la base et l'apport initial) pour la dérogation. ${rappel()}`,
      { manquants: ["preventesInternationales"], levier: "preventesInternationales" }));
  } else {
    const ok = comparer(preventes, attendu) >= 0;
    conditions.push(condition(e, ok ? "conforme" : "non_conforme", attendu, preventes, ok ? ZERO : attendu.minus(preventes), "euros",
      () => (ok
        ? `Les préventes internationales (${euros(preventes)}) atteignent ${lecture()} à 25 % (${eurosMin(attendu)}).`
        : `Les préventes internationales (${euros(preventes)}) n'atteignent pas ${lecture()} à 25 % (${eurosMin(attendu)}) : il manque ${manqueEuros(attendu.minus(preventes))}.`) + ` ${rappel()}`,
      { levier: "preventesInternationales" }));
  }
  if (cas.pointsCreation) conditions.push(points(code, cas.pointsCreation, "Création", "pointsCreation", d.pointsCreation));
  if (cas.pointsFabrication) conditions.push(points(code, cas.pointsFabrication, "Fabrication", "pointsFabrication", d.pointsFabrication));
  const manquants: ChampDossier[] = [];
  let nonConforme = false;
  let pointsAtteints = true;
  for (const c of conditions) {
    if (c.manquants !== undefined) manquants.push(...c.manquants);
    if (c.statut === "non_conforme") nonConforme = true;
    if (c.unite === "points" && c.statut !== "conforme") pointsAtteints = false;
  }
  const statut = nonConforme ? "non_conforme" : manquants.length > 0 ? "incomplet" : "conforme";
  return { statut, conditions, manquants, pointsAtteints };
}

function points(code: string, s: Seuil, groupe: string, champ: ChampDossier, valeur: Decimal | undefined): Condition {
  const e = entete(code, s, `Points « ${groupe} »`);
  if (valeur === undefined) {
    const c = condition(e, "incomplet", s.valeur, null, null, "points",
      () => `Points du groupe « ${groupe} » non renseignés (au moins ${nombre(s.valeur)} points requis).`, { manquants: [champ], levier: champ });
    return c;
  }
  const ok = comparer(valeur, s.valeur) >= 0;
  return condition(e, ok ? "conforme" : "non_conforme", s.valeur, valeur, ok ? ZERO : s.valeur.minus(valeur), "points",
    () => (ok
      ? `${nombre(valeur)} points au groupe « ${groupe} » (au moins ${nombre(s.valeur)} requis).`
      : `${nombre(valeur)} points au groupe « ${groupe} » : il en faut au moins ${nombre(s.valeur)}, il manque ${nombre(s.valeur.minus(valeur))} point(s).`),
    { levier: champ });
}

export type Raison =
  | "atteint"          // apport >= 25 %: the exception is not needed
  | "sansCas"          // the genre has no lowered case
  | "cas"              // the case holds: the lowered rate applies
  | "casEchoue"        // a condition of the case fails: the least compliant apport is above the apport
  | "casIncomplet"     // the case could apply but fields are missing
  | "sousTauxReduit"   // even the lowest rate is not reached
  | "genreInconnu";    // below 25 %, the genre decides and is missing

export interface PartMinimale {
  statut: Exclude<Statut, "non_applicable">;
  raison: Raison;
  /** The rate that sets the least compliant apport, and where the law sets it. */
  taux: Seuil;
  /**
   * The least apport that complies, given the presales and points (DOMAIN.md "The figures a finance
   * team acts on"): max(taux réduit × base, 25 % × base − préventes / multiple) when the case's points
   * hold and the presales are known, else 25 % × base. When the apport complies at 25 %, 25 % × base.
   */
  attendu: Decimal;
  /** What the apport lacks: attendu − apport, 0 when it complies, null when incomplet. */
  ecart: Decimal | null;
  /** The other lever: presales to add, the apport unchanged, for the case to hold; null when presales alone cannot. */
  preventesManquantes: Decimal | null;
  cas: ResultatCas | null;
  manquants: ChampDossier[];
}

/**
 * With the presales and points known, the smallest apport initial that complies: with a case whose
 * points hold, apport >= taux réduit × base and presales >= multiple × (25 % × base − apport), that is
 * max(taux réduit × base, 25 % × base − presales / multiple), never above 25 % × base; otherwise
 * 25 % × base. 311-11-1 a) / 311-10 a): the gap is taken on "l'apport initial effectivement réalisé",
 * so it shrinks as the apport grows.
 */
export function apportMinimumAvecPreventes(
  taux25: Seuil, cas: CasDerogatoire | undefined, base: Decimal,
  preventes: Decimal | undefined, pointsCreation: Decimal | undefined, pointsFabrication: Decimal | undefined,
): Decimal {
  const min25 = produit(taux25.valeur, base);
  if (!cas || preventes === undefined) return min25;
  const pointsOk = (s: Seuil | null, v: Decimal | undefined) => s === null || (v !== undefined && comparer(v, s.valeur) >= 0);
  if (!pointsOk(cas.pointsCreation, pointsCreation) || !pointsOk(cas.pointsFabrication, pointsFabrication)) return min25;
  return plusGrand(produit(cas.taux.valeur, base), plusPetit(min25, min25.minus(preventes.dividedBy(cas.multiplePreventes.valeur))));
}

/** Base rule with its exception, for the apport actually made. */
export function evaluerPartMinimale(
  code: string, taux25: Seuil, casParGenre: Readonly<Partial<Record<GenreAidable, CasDerogatoire>>>,
  d: Dossier, base: Decimal, apport: Decimal, rappel: Texte,
): PartMinimale {
  const min25 = produit(taux25.valeur, base);
  if (comparer(apport, min25) >= 0) {
    return { statut: "conforme", raison: "atteint", taux: taux25, attendu: min25, ecart: ZERO, preventesManquantes: null, cas: null, manquants: [] };
  }
  const nonConforme = (raison: Raison, cas: ResultatCas | null, attendu: Decimal, taux: Seuil, preventesManquantes: Decimal | null = null): PartMinimale =>
    ({ statut: "non_conforme", raison, taux, attendu, ecart: attendu.minus(apport), preventesManquantes, cas, manquants: [] });
  if (d.genre === undefined) {
    const plusBas = Object.values(casParGenre).reduce<Decimal | null>((m, c) => (m === null || comparer(c!.taux.valeur, m) < 0 ? c!.taux.valeur : m), null);
    if (plusBas !== null && comparer(apport, produit(plusBas, base)) >= 0) {
      return { statut: "incomplet", raison: "genreInconnu", taux: taux25, attendu: min25, ecart: null, preventesManquantes: null, cas: null, manquants: ["genre"] };
    }
    // Below every lowered rate: non-compliant whatever the genre; without the genre, 25 % is what surely complies.
    return nonConforme("sousTauxReduit", null, min25, taux25);
  }
  const cas = d.genre === "autre" ? undefined : casParGenre[d.genre];
  if (!cas) return nonConforme("sansCas", null, min25, taux25);
  const resultat = evaluerCas(code, cas, d, base, apport, taux25, rappel);
  const minReduit = produit(cas.taux.valeur, base);
  const minimum = apportMinimumAvecPreventes(taux25, cas, base, d.preventesInternationales, d.pointsCreation, d.pointsFabrication);
  const tauxMinimum = comparer(minimum, min25) === 0 ? taux25 : cas.taux;
  if (resultat.statut === "incomplet" && comparer(apport, minReduit) >= 0) {
    return { statut: "incomplet", raison: "casIncomplet", taux: taux25, attendu: min25, ecart: null, preventesManquantes: null, cas: resultat, manquants: resultat.manquants };
  }
  if (resultat.statut === "conforme" && comparer(apport, minReduit) >= 0) {
    return { statut: "conforme", raison: "cas", taux: cas.taux, attendu: minReduit, ecart: ZERO, preventesManquantes: null, cas: resultat, manquants: [] };
  }
  if (comparer(apport, minReduit) < 0) return nonConforme("sousTauxReduit", resultat, minimum, tauxMinimum);
  // The apport reaches the lowered rate: presales alone could close the case when the points hold.
  const preventes = resultat.conditions.find((c) => c.levier === "preventesInternationales");
  const autre = resultat.pointsAtteints && preventes?.statut === "non_conforme" ? preventes.ecart : null;
  return nonConforme("casEchoue", resultat, minimum, tauxMinimum, autre);
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
