/**
 * Article 311-50 (2023-01) / 311-51 (2023-02): the 25 % bonus on the automatic account for
 * reference works. DOMAIN.md D and E5.
 */
import { auMoins, constat, entete, exigeVrai, incomplet } from "./condition";
import { ZERO, produit } from "./decimal";
import type { Dossier } from "./dossier";
import { euros, eurosMin, nombre, pourcent, manqueEuros } from "./format";
import { montantPourDuree, parHeure } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { ecartSection, manquantsSection, statutSection, type Condition, type SectionMajoration, type SectionReference } from "./verdict";

type Maj = ParametresVersion["majoration"];

/** Al. 1: only a reference work can have the bonus; the list decides. */
function evaluerOeuvreReference(m: Maj, liste: SectionReference): Condition {
  const e = entete("D", m.taux, "Œuvre de référence");
  if (liste.statut === "incomplet") {
    return incomplet(e, manquantsSection(liste), "La majoration suppose une œuvre de référence : complétez d'abord la liste des œuvres de référence.", true);
  }
  const ok = liste.statut === "conforme";
  return constat(e, ok, true, ok, ok
    ? "L'œuvre remplit les conditions de la liste des œuvres de référence."
    : "La majoration suppose une œuvre de référence : l'œuvre ne remplit pas les conditions de la liste.");
}

/** a): 311-50 "en version originale en langue française ou dans une langue régionale"; 311-51 "d'expression originale française". */
function versionFrancaise(d: Dossier, m: Maj, alinea: string): Condition {
  const expression = m.expressionOriginaleFrancaise;
  return exigeVrai(entete("D", { article: m.taux.article, alinea }, expression ? "Expression originale française" : "Version originale française"), "versionOriginaleFrancaise", d.versionOriginaleFrancaise, expression
    ? {
        conforme: () => "Œuvre d'expression originale française.",
        nonConforme: () => "L'œuvre n'est pas d'expression originale française.",
        manquant: () => "Indiquez si l'œuvre est d'expression originale française (versionOriginaleFrancaise).",
      }
    : {
        conforme: () => "Œuvre réalisée intégralement ou principalement en version originale en langue française ou dans une langue régionale en usage en France.",
        nonConforme: () => "L'œuvre n'est pas réalisée intégralement ou principalement en version originale en langue française ou dans une langue régionale en usage en France.",
        manquant: () => "Indiquez si l'œuvre est réalisée en version originale en langue française (versionOriginaleFrancaise).",
      });
}

/** 80 % of `total` spent in France. */
function partDepensee(code: string, s: NonNullable<Maj["depensesFranceCout"]>, libelle: string, champDepenses: "depensesFrance" | "depensesFrancePostes", champTotal: "coutDefinitif" | "coutPostes", d: Dossier, quoi: string): Condition {
  const e = entete(code, s, libelle);
  const depenses = d[champDepenses];
  const total = d[champTotal];
  if (depenses === undefined || total === undefined) {
    const manquants = [...(depenses === undefined ? [champDepenses] : []), ...(total === undefined ? [champTotal] : [])];
    return incomplet(e, manquants, () => `Renseignez ${manquants.join(", ")} pour vérifier les ${pourcent(s.valeur)} de dépenses en France.`);
  }
  const attendu = produit(s.valeur, total);
  return auMoins(e, attendu, depenses, "euros", {
    conforme: () => `Dépenses de production en France (${euros(depenses)}) d'au moins ${pourcent(s.valeur)} ${quoi} (${eurosMin(attendu)}).`,
    nonConforme: () => `Dépenses de production en France (${euros(depenses)}) sous ${pourcent(s.valeur)} ${quoi} (${eurosMin(attendu)}) : il manque ${manqueEuros(attendu.minus(depenses))} de dépenses en France.`,
  });
}

/** 311-50 1° c) / 311-51 1° b): the categories, word for word. */
const POSTES = "du coût des postes suivants : droits artistiques hors acquisition de droits d'exploitation d'images d'archives, personnels techniques et charges sociales afférentes, artistes-interprètes et charges sociales afférentes, décors et costumes, moyens techniques";

function conditionsPrisesDeVues(d: Dossier, m: Maj): Condition[] {
  const conditions = [versionFrancaise(d, m, "1° a)")];
  if (m.depensesFranceCout) {
    conditions.push(partDepensee("D", m.depensesFranceCout, "Dépenses en France / coût définitif", "depensesFrance", "coutDefinitif", d, "du coût définitif"));
  }
  conditions.push(partDepensee("D", m.depensesFrancePostes, "Dépenses en France / postes", "depensesFrancePostes", "coutPostes", d, POSTES));
  return conditions;
}

function conditionsAnimation(d: Dossier, m: Maj): Condition[] {
  const s = m.depensesHorairesAnimation;
  const horaire = entete("D", s, "Dépenses horaires françaises");
  let depenses: Condition;
  if (d.depensesFrance === undefined || d.dureeMinutes === undefined) {
    const manquants = [...(d.depensesFrance === undefined ? ["depensesFrance" as const] : []), ...(d.dureeMinutes === undefined ? ["dureeMinutes" as const] : [])];
    depenses = incomplet(horaire, manquants, `Renseignez ${manquants.join(", ")} pour vérifier les dépenses horaires françaises.`);
  } else {
    const { depensesFrance, dureeMinutes } = d;
    const attendu = montantPourDuree(s.valeur, dureeMinutes);
    const parH = () => euros(parHeure(depensesFrance, dureeMinutes));
    depenses = auMoins(horaire, attendu, depensesFrance, "euros", {
      conforme: () => `Dépenses françaises de ${parH()} par heure (au moins ${euros(s.valeur)}, soit ${eurosMin(attendu)}).`,
      nonConforme: () => `Dépenses françaises de ${parH()} par heure, sous ${euros(s.valeur)} : il manque ${manqueEuros(attendu.minus(depensesFrance))} sur ${nombre(dureeMinutes)} min.`,
    });
  }
  const points = (seuil: typeof m.pointsCreationAnimation, groupe: string, champ: "pointsCreation" | "pointsFabrication"): Condition => {
    const e = entete("D", seuil, `Points « ${groupe} »`);
    const v = d[champ];
    if (v === undefined) return incomplet(e, [champ], () => `Renseignez les points du groupe « ${groupe} » (au moins ${nombre(seuil.valeur)}).`, seuil.valeur);
    return auMoins(e, seuil.valeur, v, "points", {
      conforme: () => `${nombre(v)} points au groupe « ${groupe} » (au moins ${nombre(seuil.valeur)}).`,
      nonConforme: () => `${nombre(v)} points au groupe « ${groupe} » : il en faut au moins ${nombre(seuil.valeur)}.`,
    });
  };
  return [versionFrancaise(d, m, "2° a)"), depenses,
    points(m.pointsCreationAnimation, "Création", "pointsCreation"), points(m.pointsFabricationAnimation, "Fabrication", "pointsFabrication")];
}

export function evaluerMajoration(d: Dossier, p: ParametresVersion, liste: SectionReference): SectionMajoration {
  const m = p.majoration;
  const conditions = [evaluerOeuvreReference(m, liste)];
  if (d.genre === undefined) conditions.push(incomplet(entete("D", m.taux, "Genre"), ["genre"], "Renseignez le genre : il décide des conditions de la majoration."));
  else if (d.genre === "animation") conditions.push(...conditionsAnimation(d, m));
  else if (d.genre !== "autre") conditions.push(...conditionsPrisesDeVues(d, m));
  const statut = statutSection(conditions);
  const taux = statut === "conforme" ? m.taux.valeur : ZERO;
  // Spend on the postes is French spend too: when that condition fails, the gap is added to both.
  const postes = conditions.some((c) => c.statut === "non_conforme" && c.article === m.depensesFrancePostes.article && c.alinea === m.depensesFrancePostes.alinea);
  return {
    statut, conditions, ecart: ecartSection(conditions, statut), levier: postes ? ["depensesFrance", "depensesFrancePostes"] : ["depensesFrance"], taux,
    // No bonus: 0, without multiplying by it.
    montant: d.sommesCompteAutomatique === undefined ? null : taux.isZero() ? ZERO : d.sommesCompteAutomatique.times(taux),
  };
}
