/**
 * Article 311-11 (2023-01) / 311-9 (2023-02), alineas 1 and 2: when the apport initial is contracted,
 * and how long an on-demand editor's rights may last. Optional extras (DOMAIN.md A5, A6): evaluated
 * only when the dossier gives their fields.
 */
import { auPlus, entete } from "./condition";
import { Decimal, ZERO } from "./decimal";
import type { Dossier } from "./dossier";
import { nombre } from "./format";
import { MS_PAR_JOUR, type ParametresVersion } from "./parametres";
import type { Condition } from "./verdict";

function finDePrises(d: Dossier): string {
  return d.genre === "animation" ? "la fin de la fabrication de l'animation" : "la fin des prises de vues (ou le début du montage pour une œuvre d'images préexistantes)";
}

function dateFr(iso: string): string {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}

/** A5 (al. 1): contract before the end of shooting, or, until it is signed, a firm commitment. */
export function evaluerContrat(d: Dossier, p: ParametresVersion): Condition | null {
  const e = { code: "A5", article: p.articles.apport, alinea: 1, libelle: "Contrat avant la fin des prises de vues" };
  const fin = finDePrises(d);
  if (d.dateContrat !== undefined && d.dateFinTournage !== undefined) {
    const retard = new Decimal((Date.parse(d.dateContrat) - Date.parse(d.dateFinTournage)) / MS_PAR_JOUR);
    const memeJour = retard.isZero();
    const ok = retard.lessThanOrEqualTo(ZERO);
    return {
      ...e, statut: ok ? "conforme" : "non_conforme", attendu: `au plus tard le ${dateFr(d.dateFinTournage)}`, constate: dateFr(d.dateContrat),
      ecart: ok ? ZERO : retard, unite: "jours",
      message: ok
        ? `Le contrat d'apport (${dateFr(d.dateContrat)}) est conclu avant ${fin} (${dateFr(d.dateFinTournage)}).`
        : `Le contrat d'apport (${dateFr(d.dateContrat)}) est conclu ${nombre(retard)} jour(s) après ${fin} (${dateFr(d.dateFinTournage)}).`,
      ...(memeJour ? { avertissement: `Contrat daté du jour même de ${fin} : une date sans heure ne permet pas de trancher ; nous le tenons pour conclu avant.` } : {}),
    };
  }
  if (d.engagementFerme !== undefined) {
    // DOMAIN.md A5: "checked when dateContrat and dateFinTournage are given, else engagementFerme".
    const dateSeule = d.dateContrat !== undefined ? "dateContrat" : d.dateFinTournage !== undefined ? "dateFinTournage" : null;
    return {
      ...e, statut: d.engagementFerme ? "conforme" : "non_conforme", attendu: true, constate: d.engagementFerme,
      ecart: d.engagementFerme ? ZERO : null, unite: null,
      message: d.engagementFerme
        ? "Pas encore de contrat : l'engagement ferme et manifeste des éditeurs vaut apport à titre provisoire."
        : "Ni contrat d'apport daté ni engagement ferme et manifeste des éditeurs.",
      ...(dateSeule
        ? { avertissement: `${dateSeule} est donnée seule : sans les deux dates (contrat et ${fin}), l'engagement ferme est jugé.` }
        : {}),
    };
  }
  // An optional extra (DOMAIN.md "Sections and statuses"): one date alone is not enough to evaluate A5.
  return null;
}

/** Says, at the section level, why a date given alone did not lead to an A5 condition. */
export function avertissementContratNonEvalue(d: Dossier, p: ParametresVersion): string | undefined {
  if (d.engagementFerme !== undefined || (d.dateContrat === undefined) === (d.dateFinTournage === undefined)) return undefined;
  const manquant = d.dateContrat === undefined ? "dateContrat" : "dateFinTournage";
  return `Contrat d'apport (article ${p.articles.apport}, alinéa 1) non vérifié : ${manquant} manque ; renseignez-la, ou engagementFerme tant que le contrat n'est pas signé.`;
}

/** A6 (al. 2): an on-demand editor's rights last at most 72 months, at most 36 of them exclusive. */
export function evaluerDureesSmad(d: Dossier, p: ParametresVersion): Condition[] {
  const convention = "Sauf durée prévue par la convention de l'éditeur (7° de l'article 26 du décret n° 2021-793 du 22 juin 2021), non vérifiable ici.";
  const conditions: Condition[] = [];
  const droits = p.apport.dureeDroitsSmadMois;
  const exclusivite = p.apport.dureeExclusiviteSmadMois;
  const moisDroits = d.dureeDroitsSmadMois;
  if (moisDroits !== undefined) {
    conditions.push(auPlus(entete("A6", droits, "Durée des droits SMAD"), droits.valeur, moisDroits, "mois", {
      conforme: () => `Droits du service à la demande sur ${nombre(moisDroits)} mois (au plus ${nombre(droits.valeur)}).`,
      nonConforme: () => `Droits du service à la demande sur ${nombre(moisDroits)} mois : au plus ${nombre(droits.valeur)} mois, soit ${nombre(moisDroits.minus(droits.valeur))} de trop.`,
    }, moisDroits.greaterThan(droits.valeur) ? convention : undefined));
  }
  const moisExclusifs = d.dureeExclusiviteSmadMois;
  if (moisExclusifs !== undefined) {
    conditions.push(auPlus(entete("A6", exclusivite, "Exclusivité des droits SMAD"), exclusivite.valeur, moisExclusifs, "mois", {
      conforme: () => `Exclusivité du service à la demande sur ${nombre(moisExclusifs)} mois (au plus ${nombre(exclusivite.valeur)}).`,
      nonConforme: () => `Exclusivité du service à la demande sur ${nombre(moisExclusifs)} mois : au plus ${nombre(exclusivite.valeur)} mois, soit ${nombre(moisExclusifs.minus(exclusivite.valeur))} de trop.`,
    }, moisExclusifs.greaterThan(exclusivite.valeur) ? convention : undefined));
  }
  return conditions;
}
