/**
 * The verdict as the JSON of the contract (DOSSIER.md "Output"): amounts in euros as numbers,
 * rounded half-up to the cent here and only here; rates exact.
 */
import { auCentime, auCentimeSuperieur, ecartAuCentime, manquantsSection, type Condition, type Section, type Valeur, type Verdict, Decimal } from "../rules";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function montant(d: Decimal | null): number | null {
  return d === null ? null : auCentime(d).toNumber();
}

/** A minimum someone must reach: rounded up to the cent, so that paying exactly that figure complies (DOMAIN.md). */
function minimum(d: Decimal | null): number | null {
  return d === null ? null : auCentimeSuperieur(d).toNumber();
}

function ecart(d: Decimal | null): number | null {
  return d === null ? null : ecartAuCentime(d).toNumber();
}

function valeur(v: Valeur): Json {
  return v instanceof Decimal ? auCentime(v).toNumber() : v;
}

export function conditionJson(c: Condition): { [k: string]: Json } {
  // Every euro condition is a minimum to reach ("au moins égal"): its expected amount is rounded up.
  const attendu = c.attendu instanceof Decimal && (c.unite === "euros" || c.unite === null) ? minimum(c.attendu) : valeur(c.attendu);
  return {
    code: c.code, article: c.article, alinea: c.alinea, libelle: c.libelle, statut: c.statut,
    attendu, constate: valeur(c.constate), ecart: ecart(c.ecart), unite: c.unite,
    message: c.message,
    ...(c.avertissement ? { avertissement: c.avertissement } : {}),
    ...(c.manquants ? { manquants: c.manquants } : {}),
    ...(c.levier ? { levier: c.levier } : {}),
  };
}

function sectionJson(s: Section, extra: { [k: string]: Json }): { [k: string]: Json } {
  const manquants = manquantsSection(s);
  return {
    statut: s.statut, ...extra, ecart: ecart(s.ecart),
    ...(s.levier && s.ecart !== null ? { levier: s.levier } : {}),
    ...(s.autreLevier ? { autreLevier: { champ: s.autreLevier.champ, ecart: ecart(s.autreLevier.ecart) } } : {}),
    ...(s.motif ? { motif: s.motif } : {}),
    ...(s.avertissement ? { avertissement: s.avertissement } : {}),
    ...(manquants.length ? { manquants } : {}),
    conditions: s.conditions.map(conditionJson),
  };
}

export function verdictJson(v: Verdict): { [k: string]: Json } {
  const a = v.apportInitial;
  const r = v.listeReference;
  const m = v.majoration;
  return {
    version: v.version,
    ...(v.titre !== undefined ? { titre: v.titre } : {}),
    dateReference: v.dateReference,
    apportInitial: sectionJson(a, {
      regime: a.regime, ...(a.route ? { route: a.route } : {}), base: montant(a.base), taux: a.taux?.toNumber() ?? null, tauxArticle: a.tauxArticle,
      apportMinimum: minimum(a.apportMinimum), apportMinimumAvecPreventes: minimum(a.apportMinimumAvecPreventes),
      numeraireMinimum: minimum(a.numeraireMinimum), numeraire: montant(a.numeraire), numeraireHoraire: montant(a.numeraireHoraire),
      heures: a.heures === null ? null : a.heures.toDecimalPlaces(4).toNumber(),
    }),
    listeReference: sectionJson(r, { taux: r.taux?.toNumber() ?? null, tauxArticle: r.tauxArticle, apportMinimum: minimum(r.apportMinimum) }),
    majoration: sectionJson(m, { taux: m.taux.toNumber(), montant: montant(m.montant) }),
  };
}
