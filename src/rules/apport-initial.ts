/**
 * Article 311-11 (2023-01) / 311-9 (2023-02), alinea 3 and 4: the apport initial of works for
 * television — minimum share of the base (A1, with the 311-11-1 / 311-10 exception, A4) and minimum
 * cash per hour (A2); selective aid asks for neither (A3). DOMAIN.md sections A and E1–E3.
 */
import { absents, avecAvertissement, condition, entete, incomplet, nonApplicable, type Texte } from "./condition";
import { Decimal, ZERO, produit, positif } from "./decimal";
import type { Dossier } from "./dossier";
import { euros, eurosMin, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, libelleBase, montantPourDuree, parHeure, sommeDonnee } from "./grandeurs";
import type { CasDerogatoire, ParametresVersion } from "./parametres";
import { evaluerPartMinimale, deGenre, type PartMinimale } from "./part-minimale";
import type { Condition } from "./verdict";

export interface PartApport {
  conditions: Condition[];
  partMinimale: PartMinimale | null;
}

/**
 * Which contracts count as international presales (311-11-1 a), second sentence; 311-10, last
 * alinea): the presales condition reminds it, since a contract signed too late does not count.
 */
export function rappelPreventes(d: Dossier, p: ParametresVersion): string {
  const avant = d.genre === "animation" ? "avant la fin de la fabrication de l'animation"
    : d.imagesPreexistantes === true && p.version !== "2023-01" ? "avant le début du montage" : "avant la fin des prises de vues";
  const editeur = p.version === "2023-01"
    ? "un éditeur de services de télévision établi à l'étranger"
    : "un éditeur de services de télévision, de services à la demande ou d'un autre service de contenus audiovisuels à la demande, établi à l'étranger";
  return `Seuls comptent les contrats de prévente internationale conclus ${avant} avec ${editeur}, par l'entreprise de production déléguée établie en France ou par le détenteur du mandat de commercialisation (ou le cessionnaire des droits d'exploitation à l'étranger) (article ${p.articles.derogation}).`;
}

/** 311-11 al. 3 (2023-01): "Cette condition s'applique sous réserve des dispositions de l'article 311-81": the share and the cash. */
export function avertissementReserve(p: ParametresVersion): string | undefined {
  // One text per version, written once: it is on two conditions of every verdict of 2023-01.
  if (!RESERVES.has(p)) {
    RESERVES.set(p, p.apport.reserveArticle
      ? `Condition posée « sous réserve des dispositions de l'article ${p.apport.reserveArticle} » (part minimale de ${pourcent(p.apport.taux.valeur)} et part en numéraire), article qui ne fait pas partie des textes vérifiés ici.`
      : undefined);
  }
  return RESERVES.get(p);
}
const RESERVES = new Map<ParametresVersion, string | undefined>();

/** A1 and A4: the minimum share of the base, with the derogation as a labelled exception. */
export function evaluerPartApport(d: Dossier, p: ParametresVersion, base: Decimal | undefined): PartApport {
  const taux25 = p.apport.taux;
  const e = entete("A1", taux25, "Apport initial minimal");
  const reserve = avertissementReserve(p);
  if (base === undefined || d.apportInitial === undefined) {
    const manquants = absents({ [d.coproductionInternationale ? "participationFrancaise" : "coutDefinitif"]: base, apportInitial: d.apportInitial });
    return { partMinimale: null, conditions: [avecAvertissement(incomplet(e, manquants, () => `Impossible de vérifier la part minimale de ${pourcent(taux25.valeur)} : renseignez ${manquants.join(", ")}.`, base ? produit(taux25.valeur, base) : null), reserve)] };
  }
  const apport = d.apportInitial;
  const pm = evaluerPartMinimale("A4", taux25, p.derogation, d, base, apport, () => rappelPreventes(d, p));
  const cas = d.genre && d.genre !== "autre" ? p.derogation[d.genre] : undefined;
  // A1 cites the article of the rate that sets the least compliant apport: the derogation
  // (311-11-1 / 311-10) when the presales and points lower it, else al. 3.
  const a1 = condition({ code: e.code, article: pm.taux.article, alinea: pm.taux.alinea, libelle: e.libelle }, pm.statut, pm.attendu, apport,
    pm.ecart, pm.statut === "incomplet" ? null : "euros", () => messageA1(d, p, base, apport, pm, cas),
    { avertissement: reserve, ...(pm.manquants.length ? { manquants: pm.manquants } : {}) });
  const conditions: Condition[] = [a1];
  if (pm.cas) {
    for (const c of pm.cas.conditions) conditions.push(avertirGarantieMinimum(c, d, p));
  } else if (cas && pm.raison === "atteint") {
    const derog = p.articles.derogation;
    conditions.push(nonApplicable(entete("A4", cas.taux, "Dérogation"), () => `Dérogation de l'article ${derog} non nécessaire : l'apport initial atteint déjà ${pourcent(taux25.valeur)}.`));
  }
  return { conditions, partMinimale: pm };
}

/** A1's message, written when read: what the apport reaches, or what it lacks and why. */
function messageA1(d: Dossier, p: ParametresVersion, base: Decimal, apport: Decimal, pm: PartMinimale, cas: CasDerogatoire | undefined): string {
  const taux25 = p.apport.taux;
  const derog = p.articles.derogation;
  const laBase = `${libelleBase(d)} (${euros(base)})`;
  const min25 = produit(taux25.valeur, base);
  const manque = pm.ecart === null ? "" : manqueEuros(pm.ecart);
  const autreLevier = pm.preventesManquantes !== null && positif(pm.preventesManquantes)
    ? `, ou ${manqueEuros(pm.preventesManquantes)} de préventes internationales de plus` : "";
  switch (pm.raison) {
    case "atteint":
      return `L'apport initial (${euros(apport)}) atteint ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}.`;
    case "cas":
      return `Dérogation de l'article ${derog} : l'apport initial (${euros(apport)}) atteint ${pourcent(pm.taux.valeur)} ${laBase}, soit ${eurosMin(pm.attendu)}, et les conditions de la dérogation sont remplies.`;
    case "casEchoue":
      return pm.taux === taux25
        ? `L'apport initial (${euros(apport)}) n'atteint pas ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}, et les conditions de la dérogation de l'article ${derog} ne sont pas remplies : il manque ${manque} d'apport initial.`
        : `Compte tenu des préventes internationales (${euros(d.preventesInternationales!)}), l'apport initial doit atteindre ${eurosMin(pm.attendu)} pour la dérogation de l'article ${derog} (${pourcent(cas!.taux.valeur)} ${laBase} au moins, et préventes d'au moins ${nombre(cas!.multiplePreventes.valeur)} fois l'écart à ${pourcent(taux25.valeur)}) : il manque ${manque} d'apport initial${autreLevier}.`;
    case "sousTauxReduit":
      return cas
        ? `L'apport initial (${euros(apport)}) n'atteint pas même le taux réduit de l'article ${derog} (${pourcent(cas.taux.valeur)} ${laBase}, soit ${eurosMin(produit(cas.taux.valeur, base))}) : l'apport minimum est de ${eurosMin(pm.attendu)}${pm.taux === taux25 ? "" : " compte tenu des préventes internationales"}, il manque ${manque} d'apport initial.`
        : `L'apport initial (${euros(apport)}) n'atteint ni ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}, ni aucun taux réduit de l'article ${derog} : il manque ${manque} pour atteindre ${pourcent(taux25.valeur)}.`;
    case "casIncomplet":
      return `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : la dérogation de l'article ${derog} pourrait s'appliquer, renseignez ${pm.manquants.join(", ")}.`;
    case "genreInconnu":
      return `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : selon le genre, la dérogation de l'article ${derog} pourrait s'appliquer ; renseignez le genre.`;
    case "sansCas":
      return `L'apport initial (${euros(apport)}) n'atteint pas ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : il manque ${manque} d'apport initial.`;
  }
}

/**
 * DOMAIN.md E2: a later wording of 311-10 also accepts a distribution contract with a minimum
 * guarantee for animation; its date is unknown, so it is not implemented, and a failing a) says so.
 */
export function avertissementGarantieMinimum(d: Dossier, p: ParametresVersion, preventes: Condition): string | undefined {
  const concerne = p.version !== "2023-01" && d.genre === "animation" && preventes.unite !== "points" && preventes.statut === "non_conforme";
  return concerne
    ? `Une rédaction ultérieure de l'article ${p.articles.derogation} admet aussi, pour l'animation, un contrat de distribution prévoyant un minimum garanti ; sa date d'entrée en vigueur n'étant pas établie, cette possibilité n'est pas prise en compte.`
    : undefined;
}

function avertirGarantieMinimum(c: Condition, d: Dossier, p: ParametresVersion): Condition {
  return avecAvertissement(c, avertissementGarantieMinimum(d, p, c));
}

/** A2: the cash part per hour, TV and on-demand editors' cash together (311-11 al. 3 / 311-9 al. 3). */
export function evaluerNumeraire(d: Dossier, p: ParametresVersion): Condition {
  const generique = p.apport.numeraireHoraire.fiction;
  const e = entete("A2", generique, "Part minimale en numéraire");
  const reserve = avertissementReserve(p);
  if (d.genre === "autre") {
    return nonApplicable(e, `L'article ${p.articles.apport} ne fixe pas de part horaire en numéraire pour ce genre.`);
  }
  const numeraire = sommeDonnee(d.apportNumeraireTelevision, d.apportNumeraireSmad);
  if (d.genre === undefined || d.dureeMinutes === undefined || numeraire === null) {
    const manquants = [
      ...absents({ genre: d.genre, dureeMinutes: d.dureeMinutes }),
      ...(numeraire === null ? (["apportNumeraireTelevision", "apportNumeraireSmad"] as const) : []),
    ];
    return avecAvertissement(incomplet(e, manquants, `Impossible de vérifier la part en numéraire : renseignez ${manquants.join(", ")}.`), reserve);
  }
  const s = p.apport.numeraireHoraire[d.genre];
  const { genre, dureeMinutes } = d;
  const attendu = montantPourDuree(s.valeur, dureeMinutes);
  const ok = atteintTauxHoraire(numeraire, s.valeur, dureeMinutes);
  const message: Texte = () => {
    const debut = `Le numéraire des éditeurs (${euros(numeraire)}, soit ${euros(parHeure(numeraire, dureeMinutes))} par heure)`;
    const pour = `${euros(s.valeur)} par heure pour ${nombre(dureeMinutes)} min ${deGenre(genre)} (${eurosMin(attendu)})`;
    return ok ? `${debut} atteint ${pour}.` : `${debut} n'atteint pas ${pour} : il manque ${manqueEuros(attendu.minus(numeraire))} en numéraire.`;
  };
  return condition(entete("A2", s, "Part minimale en numéraire"), ok ? "conforme" : "non_conforme", attendu, numeraire,
    ok ? ZERO : attendu.minus(numeraire), "euros", message, { avertissement: reserve });
}

/** A3 (311-11 al. 4 / 311-9 al. 4): for selective aid, neither the share nor the cash is required. */
export function conditionsAideSelective(p: ParametresVersion): Condition[] {
  const al4 = p.apport.aideSelective;
  const motif = `Aide sélective : l'apport peut être inférieur à ${pourcent(p.apport.taux.valeur)} et la part minimale en numéraire n'est pas requise (article ${al4.article}, alinéa ${al4.alinea}).`;
  return [
    nonApplicable(entete("A1", al4, "Apport initial minimal"), motif),
    nonApplicable(entete("A2", al4, "Part minimale en numéraire"), motif),
  ];
}
