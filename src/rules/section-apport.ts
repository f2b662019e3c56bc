/**
 * The "apport initial" section: which regime applies (311-11 / 311-9 for television, 311-12 for
 * on-demand works until 31 January 2023), its conditions, and the derived figures.
 */
import { conditionsAideSelective, evaluerNumeraire, evaluerPartApport } from "./apport-initial";
import { evaluerApportSmad } from "./apport-smad";
import { nonApplicable } from "./condition";
import { avertissementContratNonEvalue, evaluerContrat, evaluerDureesSmad } from "./contrat-apport";
import type { Dossier } from "./dossier";
import { ZERO } from "./decimal";
import { dateLongue } from "./format";
import { base as calculerBase, heures, parHeure, sommeDonnee } from "./grandeurs";
import { calculerApportMinimum, calculerNumeraireMinimum, relevedu311_12 } from "./minimums";
import type { ParametresVersion } from "./parametres";
import { ecartSection, statutSection, type Condition, type SectionApport } from "./verdict";

export function evaluerSectionApport(d: Dossier, p: ParametresVersion): SectionApport {
  const b = calculerBase(d).valeur ?? null;
  const aide = d.aide ?? "automatique";
  const smad311_12 = relevedu311_12(p, d.destination);
  const derives = {
    base: b,
    heures: d.dureeMinutes ? heures(d.dureeMinutes) : null,
    apportMinimumAvecPreventes: b !== null && d.genre
      ? calculerApportMinimum(p, { genre: d.genre, base: b, preventesInternationales: d.preventesInternationales, pointsCreation: d.pointsCreation, pointsFabrication: d.pointsFabrication, destination: d.destination, aide: d.aide })
      : null,
    numeraireMinimum: d.genre && d.dureeMinutes ? calculerNumeraireMinimum(p, { genre: d.genre, dureeMinutes: d.dureeMinutes, destination: d.destination, aide: d.aide }) : null,
  };
  const numeraire = smad311_12 ? d.apportNumeraireSmad ?? null : sommeDonnee(d.apportNumeraireTelevision, d.apportNumeraireSmad);
  const numeraireHoraire = numeraire !== null && d.dureeMinutes ? parHeure(numeraire, d.dureeMinutes) : null;
  const regime = smad311_12 ? p.smad!.taux.article : p.articles.apport;

  if (aide === "selective" || (smad311_12 && aide === "preparation")) {
    const conditions = aide === "selective"
      ? conditionsAideSelective(p)
      : [nonApplicable({ code: "B2", ...p.smad!.aidePreparation, libelle: "Apport initial" },
          "La condition d'apport initial n'est pas requise pour les aides automatiques à la préparation (article 311-12, dernier alinéa).")];
    // No minimum share here: the minimum apport is 0 €, as CNC.APPORT_MIN answers and as numeraireMinimum says.
    return { statut: "non_applicable", motif: conditions[0].message, conditions, ecart: null, regime, taux: null, tauxArticle: null, apportMinimum: ZERO, numeraire, numeraireHoraire, ...derives };
  }

  if (smad311_12) {
    const s = p.smad!;
    const conditions = evaluerApportSmad(d, s, b ?? undefined);
    return {
      statut: statutSection(conditions), conditions, ecart: ecartSection(conditions), regime,
      taux: s.taux.valeur, tauxArticle: s.taux.article, apportMinimum: b !== null ? s.taux.valeur.times(b) : null,
      numeraire, numeraireHoraire, ...derives,
    };
  }

  const part = evaluerPartApport(d, p, b ?? undefined);
  const contrat = evaluerContrat(d, p);
  const conditions: Condition[] = [...part.conditions, evaluerNumeraire(d, p), ...(contrat ? [contrat] : []), ...evaluerDureesSmad(d, p)];
  const pm = part.partMinimale;
  const avertissementSmad = d.destination === "smad"
    ? `Le régime propre aux œuvres conçues pour les services à la demande (ancien article 311-12) a pris fin le 31 janvier 2023 : depuis le ${dateLongue(p.debut)}, l'œuvre est vérifiée selon l'article ${p.articles.apport} comme toute œuvre.`
      + (d.apportAutresFrance !== undefined ? " L'apport d'autres entreprises établies en France n'est pas compté dans l'apport initial." : "")
    : undefined;
  const avertissement = [avertissementSmad, avertissementContratNonEvalue(d, p)].filter(Boolean).join(" ") || undefined;
  return {
    statut: statutSection(conditions), conditions, ecart: ecartSection(conditions), regime,
    taux: pm ? pm.taux.valeur : p.apport.taux.valeur, tauxArticle: pm ? pm.taux.article : p.apport.taux.article,
    apportMinimum: pm ? pm.attendu : b !== null ? p.apport.taux.valeur.times(b) : null,
    numeraire, numeraireHoraire, ...derives,
    ...(avertissement ? { avertissement } : {}),
  };
}
