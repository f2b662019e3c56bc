/**
 * Article 311-11 (2023-01) / 311-9 (2023-02), alinea 3 and 4: the apport initial of works for
 * television — minimum share of the base (A1, with the 311-11-1 / 311-10 exception, A4) and minimum
 * cash per hour (A2); selective aid asks for neither (A3). DOMAIN.md sections A and E1–E3.
 */
import { absents, entete, incomplet, nonApplicable } from "./condition";
import { Decimal, ZERO } from "./decimal";
import type { Dossier } from "./dossier";
import { euros, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, libelleBase, montantPourDuree, parHeure, sommeDonnee } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { evaluerPartMinimale, libelleGenre, deGenre, type PartMinimale } from "./part-minimale";
import type { Condition } from "./verdict";

export interface PartApport {
  conditions: Condition[];
  partMinimale: PartMinimale | null;
}

/** A1 and A4: the minimum share of the base, with the derogation as a labelled exception. */
export function evaluerPartApport(d: Dossier, p: ParametresVersion, base: Decimal | undefined): PartApport {
  const taux25 = p.apport.taux;
  const e = entete("A1", taux25, "Apport initial minimal");
  const manquants = absents({ [d.coproductionInternationale ? "participationFrancaise" : "coutDefinitif"]: base, apportInitial: d.apportInitial });
  if (base === undefined || d.apportInitial === undefined) {
    return { partMinimale: null, conditions: [incomplet(e, manquants, `Impossible de vérifier la part minimale de ${pourcent(taux25.valeur)} : renseignez ${manquants.join(", ")}.`, base ? taux25.valeur.times(base) : null)] };
  }
  const apport = d.apportInitial;
  const pm = evaluerPartMinimale("A4", taux25, p.derogation, d, base, apport);
  const derog = p.articles.derogation;
  const laBase = `${libelleBase(d)} (${euros(base)})`;
  const min25 = taux25.valeur.times(base);
  const a1: Condition = {
    ...e, article: pm.taux.article, alinea: pm.taux.alinea, statut: pm.statut, attendu: pm.attendu, constate: apport,
    ecart: pm.statut === "incomplet" ? null : Decimal.max(ZERO, pm.attendu.minus(apport)),
    unite: pm.statut === "incomplet" ? null : "euros", message: "",
    ...(pm.manquants.length ? { manquants: pm.manquants } : {}),
  };
  const manque = manqueEuros(pm.attendu.minus(apport));
  switch (pm.raison) {
    case "atteint":
      a1.message = `L'apport initial (${euros(apport)}) atteint ${pourcent(taux25.valeur)} ${laBase}, soit ${euros(min25)}.`;
      break;
    case "cas":
      a1.message = `Dérogation de l'article ${derog} : l'apport initial (${euros(apport)}) atteint ${pourcent(pm.taux.valeur)} ${laBase}, soit ${euros(pm.attendu)}.`;
      break;
    case "sousTauxReduit":
      a1.message = pm.cas?.statut === "conforme"
        ? `Même avec la dérogation de l'article ${derog} (${pourcent(pm.taux.valeur)}), l'apport initial (${euros(apport)}) n'atteint pas ${euros(pm.attendu)} : il manque ${manque}.`
        : `L'apport initial (${euros(apport)}) n'atteint ni ${pourcent(taux25.valeur)} ${laBase}, soit ${euros(min25)}, ni le taux réduit de l'article ${derog} : il manque ${manque} pour atteindre ${pourcent(taux25.valeur)}.`;
      break;
    case "casIncomplet":
      a1.message = `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${euros(min25)} : la dérogation de l'article ${derog} pourrait s'appliquer, renseignez ${pm.manquants.join(", ")}.`;
      break;
    case "genreInconnu":
      a1.message = `L'apport initial (${euros(apport)}) est sous ${pourcent(taux25.valeur)} ${laBase}, soit ${euros(min25)} : selon le genre, la dérogation de l'article ${derog} pourrait s'appliquer ; renseignez le genre.`;
      break;
    case "sansCas":
    case "casEchoue":
      a1.message = `L'apport initial (${euros(apport)}) n'atteint pas ${pourcent(taux25.valeur)} ${laBase}, soit ${euros(min25)} : il manque ${manque}.`
        + (pm.raison === "casEchoue" ? ` Les conditions de la dérogation de l'article ${derog} ne sont pas remplies.` : "");
      break;
  }
  const conditions = [a1];
  const cas = d.genre && d.genre !== "autre" ? p.derogation[d.genre] : undefined;
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
  const reserve = p.apport.reserveArticle
    ? `Condition posée « sous réserve des dispositions de l'article ${p.apport.reserveArticle} », qui ne fait pas partie des textes vérifiés ici.`
    : undefined;
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
      ? `Le numéraire des éditeurs (${euros(numeraire)}, soit ${euros(horaire)} par heure) atteint ${euros(s.valeur)} par heure pour ${duree} ${deGenre(d.genre)} (${euros(attendu)}).`
      : `Le numéraire des éditeurs (${euros(numeraire)}, soit ${euros(horaire)} par heure) n'atteint pas ${euros(s.valeur)} par heure pour ${duree} ${deGenre(d.genre)} (${euros(attendu)}) : il manque ${manqueEuros(attendu.minus(numeraire))}.`,
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
