/**
 * Article 311-11 (2023-01) / 311-9 (2023-02), alinea 3 and 4: the apport initial of works for
 * television — minimum share of the base (A1, with the 311-11-1 / 311-10 exception, A4) and minimum
 * cash per hour (A2); selective aid asks for neither (A3). DOMAIN.md sections A and E1–E3.
 */
import { absents, avecAvertissement, entete, incomplet, nonApplicable } from "./condition";
import { Decimal, ZERO } from "./decimal";
import type { Dossier } from "./dossier";
import { euros, eurosMin, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, libelleBase, montantPourDuree, parHeure, sommeDonnee } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { evaluerPartMinimale, libelleGenre, deGenre, type PartMinimale } from "./part-minimale";
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
  return p.apport.reserveArticle
    ? `Condition posée « sous réserve des dispositions de l'article ${p.apport.reserveArticle} » (part minimale de ${pourcent(p.apport.taux.valeur)} et part en numéraire), article qui ne fait pas partie des textes vérifiés ici.`
    : undefined;
}

/** A1 and A4: the minimum share of the base, with the derogation as a labelled exception. */
export function evaluerPartApport(d: Dossier, p: ParametresVersion, base: Decimal | undefined): PartApport {
  const taux25 = p.apport.taux;
  const e = entete("A1", taux25, "Apport initial minimal");
  const reserve = avertissementReserve(p);
  const manquants = absents({ [d.coproductionInternationale ? "participationFrancaise" : "coutDefinitif"]: base, apportInitial: d.apportInitial });
  if (base === undefined || d.apportInitial === undefined) {
    return { partMinimale: null, conditions: [avecAvertissement(incomplet(e, manquants, `Impossible de vérifier la part minimale de ${pourcent(taux25.valeur)} : renseignez ${manquants.join(", ")}.`, base ? taux25.valeur.times(base) : null), reserve)] };
  }
  const apport = d.apportInitial;
  const pm = evaluerPartMinimale("A4", taux25, p.derogation, d, base, apport, rappelPreventes(d, p));
  const derog = p.articles.derogation;
  const laBase = `${libelleBase(d)} (${euros(base)})`;
  const min25 = taux25.valeur.times(base);
  const a1: Condition = {
    // A1 cites the article of the rate that sets the least compliant apport: the derogation
    // (311-11-1 / 311-10) when the presales and points lower it, else al. 3.
    ...e, article: pm.taux.article, alinea: pm.taux.alinea, statut: pm.statut, attendu: pm.attendu, constate: apport,
    ecart: pm.ecart, unite: "euros", message: "",
    ...(pm.manquants.length ? { manquants: pm.manquants } : {}),
  };
  const manque = pm.ecart === null ? "" : manqueEuros(pm.ecart);
  const cas = d.genre && d.genre !== "autre" ? p.derogation[d.genre] : undefined;
  const autreLevier = pm.preventesManquantes !== null && pm.preventesManquantes.greaterThan(ZERO)
    ? `, ou ${manqueEuros(pm.preventesManquantes)} de préventes internationales de plus` : "";
  switch (pm.raison) {
    case "atteint":
      a1.message = `L'apport initial (${euros(apport)}) atteint ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}.`;
      break;
    case "cas":
      a1.message = `Dérogation de l'article ${derog} : l'apport initial (${euros(apport)}) atteint ${pourcent(pm.taux.valeur)} ${laBase}, soit ${eurosMin(pm.attendu)}, et les conditions de la dérogation sont remplies.`;
      break;
    case "casEchoue":
      a1.message = pm.taux === taux25
        ? `L'apport initial (${euros(apport)}) n'atteint pas ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}, et les conditions de la dérogation de l'article ${derog} ne sont pas remplies : il manque ${manque} d'apport initial.`
        : `Compte tenu des préventes internationales (${euros(d.preventesInternationales!)}), l'apport initial doit atteindre ${eurosMin(pm.attendu)} pour la dérogation de l'article ${derog} (${pourcent(cas!.taux.valeur)} ${laBase} au moins, et préventes d'au moins ${nombre(cas!.multiplePreventes.valeur)} fois l'écart à ${pourcent(taux25.valeur)}) : il manque ${manque} d'apport initial${autreLevier}.`;
      break;
    case "sousTauxReduit":
      a1.message = cas
        ? `L'apport initial (${euros(apport)}) n'atteint pas même le taux réduit de l'article ${derog} (${pourcent(cas.taux.valeur)} ${laBase}, soit ${eurosMin(cas.taux.valeur.times(base))}) : l'apport minimum est de ${eurosMin(pm.attendu)}${pm.taux === taux25 ? "" : " compte tenu des préventes internationales"}, il manque ${manque} d'apport initial.`
        : `L'apport initial (${euros(apport)}) n'atteint ni ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)}, ni aucun taux réduit de l'article ${derog} : il manque ${manque} pour atteindre ${pourcent(taux25.valeur)}.`;
      break;
    case "casIncomplet":
      a1.message = `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : la dérogation de l'article ${derog} pourrait s'appliquer, renseignez ${pm.manquants.join(", ")}.`;
      break;
    case "genreInconnu":
      a1.message = `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : selon le genre, la dérogation de l'article ${derog} pourrait s'appliquer ; renseignez le genre.`;
      break;
    case "sansCas":
      a1.message = `L'apport initial (${euros(apport)}) n'atteint pas ${pourcent(taux25.valeur)} ${laBase}, soit ${eurosMin(min25)} : il manque ${manque} d'apport initial.`;
      break;
  }
  if (pm.statut === "incomplet") a1.unite = null;
  const conditions = [avecAvertissement(a1, reserve)];
  if (pm.cas) {
    conditions.push(...pm.cas.conditions.map((c) => avertirGarantieMinimum(c, d, p)));
  } else if (cas && pm.raison === "atteint") {
    conditions.push(nonApplicable(entete("A4", cas.taux, "Dérogation"), `Dérogation de l'article ${derog} non nécessaire : l'apport initial atteint déjà ${pourcent(taux25.valeur)}.`));
  }
  return { conditions, partMinimale: pm };
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
  const avertissement = avertissementGarantieMinimum(d, p, c);
  return avertissement ? { ...c, avertissement } : c;
}

/** A2: the cash part per hour, TV and on-demand editors' cash together (311-11 al. 3 / 311-9 al. 3). */
export function evaluerNumeraire(d: Dossier, p: ParametresVersion): Condition {
  const generique = p.apport.numeraireHoraire.fiction;
  const e = entete("A2", generique, "Part minimale en numéraire");
  const reserve = avertissementReserve(p);
  const avecReserve = (c: Condition): Condition => (reserve ? { ...c, avertissement: reserve } : c);
  if (d.genre === "autre") {
    return nonApplicable(e, `L'article ${p.articles.apport} ne fixe pas de part horaire en numéraire pour ce genre.`);
  }
  const numeraire = sommeDonnee(d.apportNumeraireTelevision, d.apportNumeraireSmad);
  const manquants = [
    ...absents({ genre: d.genre, dureeMinutes: d.dureeMinutes }),
    ...(numeraire === null ? (["apportNumeraireTelevision", "apportNumeraireSmad"] as const) : []),
  ];
  if (d.genre === undefined || d.dureeMinutes === undefined || numeraire === null) {
    return avecReserve(incomplet(e, manquants, `Impossible de vérifier la part en numéraire : renseignez ${manquants.join(", ")}.`));
  }
  const s = p.apport.numeraireHoraire[d.genre];
  const attendu = montantPourDuree(s.valeur, d.dureeMinutes);
  const ok = atteintTauxHoraire(numeraire, s.valeur, d.dureeMinutes);
  const horaire = parHeure(numeraire, d.dureeMinutes);
  const duree = `${nombre(d.dureeMinutes)} min`;
  return avecReserve({
    ...entete("A2", s, "Part minimale en numéraire"), statut: ok ? "conforme" : "non_conforme", attendu, constate: numeraire,
    ecart: ok ? ZERO : attendu.minus(numeraire), unite: "euros",
    message: ok
      ? `Le numéraire des éditeurs (${euros(numeraire)}, soit ${euros(horaire)} par heure) atteint ${euros(s.valeur)} par heure pour ${duree} ${deGenre(d.genre)} (${eurosMin(attendu)}).`
      : `Le numéraire des éditeurs (${euros(numeraire)}, soit ${euros(horaire)} par heure) n'atteint pas ${euros(s.valeur)} par heure pour ${duree} ${deGenre(d.genre)} (${eurosMin(attendu)}) : il manque ${manqueEuros(attendu.minus(numeraire))} en numéraire.`,
  });
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
