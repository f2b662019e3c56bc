/**
 * Article 311-11 (2023-01) / 311-9 (2023-02), alineas 1 and 2: when the apport initial is contracted,
 * and how long an on-demand editor's rights may last. Optional extras (DOMAIN.md A5, A6): evaluated
 * only when the dossier gives their fields.
 */
import { auPlus, condition, entete, incomplet, type Entete } from "./condition";
import { Decimal, ZERO, comparer } from "./decimal";
import type { Dossier } from "./dossier";
import { nombre } from "./format";
import { MS_PAR_JOUR, type ParametresVersion } from "./parametres";
import type { Condition } from "./verdict";

/**
 * 311-11 al. 1 / 311-9 al. 1 (and 311-12 1°): the contract is concluded before the end of shooting,
 * before the end of the animation's fabrication for animation, before the start of editing for a
 * work made only of pre-existing images. The deadline date and how the text names it.
 */
export interface Echeance {
  champ: "dateFinTournage" | "dateDebutMontage";
  date: string | undefined;
  /** "la fin des prises de vues", "la fin de la fabrication de l'animation", "le début du montage". */
  libelle: string;
}

export function echeanceContrat(d: Dossier): Echeance {
  if (d.imagesPreexistantes === true) return { champ: "dateDebutMontage", date: d.dateDebutMontage, libelle: "le début du montage" };
  return {
    champ: "dateFinTournage", date: d.dateFinTournage,
    libelle: d.genre === "animation" ? "la fin de la fabrication de l'animation" : "la fin des prises de vues",
  };
}

function dateFr(iso: string): string {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}

/** "avant la fin des prises de vues" for a label. */
function avantEcheance(ech: Echeance): string {
  return `avant ${ech.libelle}`;
}

/** The contract date against the deadline: conforme on or before it (a date has no time: same day counts as before). */
function comparerDates(e: Entete, dateContrat: string, ech: Echeance & { date: string }, quoi: string): Condition {
  const retard = new Decimal((Date.parse(dateContrat) - Date.parse(ech.date)) / MS_PAR_JOUR);
  const ok = comparer(retard, ZERO) <= 0;
  return condition(e, ok ? "conforme" : "non_conforme", `au plus tard le ${dateFr(ech.date)}`, dateFr(dateContrat), ok ? ZERO : retard, "jours", () => (ok
    ? `${quoi} (${dateFr(dateContrat)}) est conclu ${avantEcheance(ech)} (${dateFr(ech.date)}).`
    : `${quoi} (${dateFr(dateContrat)}) est conclu ${nombre(retard)} jour(s) après ${ech.libelle} (${dateFr(ech.date)}) : il devait l'être ${avantEcheance(ech)}.`),
  retard.isZero() ? { avertissement: `Contrat daté du jour même de ${ech.libelle} : une date sans heure ne permet pas de trancher ; nous le tenons pour conclu avant.` } : undefined);
}

/** True when the deadline has passed on the date of the request: the contract must exist by then. */
function echeancePassee(ech: Echeance, dateReference: string | undefined): boolean {
  return ech.date !== undefined && dateReference !== undefined && ech.date < dateReference;
}

/**
 * A5 (al. 1): contract before the deadline, or, "lorsque le contrat n'a pas encore été conclu", a
 * firm commitment of the editors, provisionally. Once the deadline has passed on the request date, the
 * contract must have been concluded: without its date, A5 is incomplet asking for dateContrat.
 */
export function evaluerContrat(d: Dossier, p: ParametresVersion, dateReference?: string): Condition | null {
  const ech = echeanceContrat(d);
  const e = { code: "A5", article: p.articles.apport, alinea: 1, libelle: `Contrat ${avantEcheance(ech)}` };
  if (d.dateContrat !== undefined && ech.date !== undefined) {
    return comparerDates(e, d.dateContrat, ech as Echeance & { date: string }, "Le contrat d'apport");
  }
  if (d.dateContrat === undefined && echeancePassee(ech, dateReference)) {
    return incomplet(e, ["dateContrat"],
      `${ech.libelle.charAt(0).toUpperCase()}${ech.libelle.slice(1)} (${dateFr(ech.date!)}) est passée à la date de la demande : le contrat d'apport devait être conclu ${avantEcheance(ech)} ; l'engagement ferme ne vaut qu'à titre provisoire, tant que le contrat n'est pas conclu. Renseignez la date du contrat (dateContrat).`, true);
  }
  if (d.engagementFerme !== undefined) {
    // DOMAIN.md A5: "checked when dateContrat and the deadline date are given, else engagementFerme".
    const dateSeule = d.dateContrat !== undefined ? "dateContrat" : ech.date !== undefined ? ech.champ : null;
    return condition(e, d.engagementFerme ? "conforme" : "non_conforme", true, d.engagementFerme, d.engagementFerme ? ZERO : null, null, d.engagementFerme
      ? "Pas encore de contrat : l'engagement ferme et manifeste des éditeurs vaut apport à titre provisoire."
      : "Ni contrat d'apport daté ni engagement ferme et manifeste des éditeurs.",
    dateSeule ? { avertissement: `${dateSeule} est donnée seule : sans les deux dates (contrat et ${ech.libelle}), l'engagement ferme est jugé.` } : undefined);
  }
  // An optional extra (DOMAIN.md "Sections and statuses"): not evaluated; the section reminds it.
  return null;
}

/**
 * 311-12 1°: the on-demand editors' apport is a contract of rights purchase concluded before the
 * deadline of al. 1 (2° refers to "les conditions prévues au 1°"). No provisional firm commitment here.
 */
export function evaluerContratSmad(d: Dossier, article: string, dateReference?: string): Condition | null {
  const ech = echeanceContrat(d);
  const e = { code: "B1", article, alinea: "1°", libelle: `Contrat d'achat de droits ${avantEcheance(ech)}` };
  if (d.dateContrat !== undefined && ech.date !== undefined) {
    return comparerDates(e, d.dateContrat, ech as Echeance & { date: string }, "Le contrat d'achat de droits");
  }
  if (d.dateContrat === undefined && (echeancePassee(ech, dateReference) || d.engagementFerme !== undefined)) {
    return incomplet(e, ["dateContrat"],
      `L'article ${article} (1°) exige un contrat d'achat de droits conclu ${avantEcheance(ech)}, sans engagement provisoire : renseignez la date du contrat (dateContrat).`, true);
  }
  return null;
}

/** Says, at the section level, that al. 1 (or 311-12 1°) was not checked and what it needs. */
export function avertissementContratNonEvalue(d: Dossier, article: string, alinea: string): string {
  const ech = echeanceContrat(d);
  const manquants = [d.dateContrat === undefined ? "dateContrat" : null, ech.date === undefined ? ech.champ : null].filter(Boolean).join(" et ");
  return `Contrat d'apport (article ${article}, ${alinea}) non vérifié : il doit être conclu ${avantEcheance(ech)}${alinea === "1°" ? "" : " (ou, tant qu'il ne l'est pas, faire l'objet d'un engagement ferme et manifeste des éditeurs)"} ; renseignez ${manquants || "les dates"}.`;
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
    }, comparer(moisDroits, droits.valeur) > 0 ? convention : undefined));
  }
  const moisExclusifs = d.dureeExclusiviteSmadMois;
  if (moisExclusifs !== undefined) {
    conditions.push(auPlus(entete("A6", exclusivite, "Exclusivité des droits SMAD"), exclusivite.valeur, moisExclusifs, "mois", {
      conforme: () => `Exclusivité du service à la demande sur ${nombre(moisExclusifs)} mois (au plus ${nombre(exclusivite.valeur)}).`,
      nonConforme: () => `Exclusivité du service à la demande sur ${nombre(moisExclusifs)} mois : au plus ${nombre(exclusivite.valeur)} mois, soit ${nombre(moisExclusifs.minus(exclusivite.valeur))} de trop.`,
    }, comparer(moisExclusifs, exclusivite.valeur) > 0 ? convention : undefined));
  }
  return conditions;
}
