/**
 * The "apport initial" section: which regime applies (311-11 / 311-9 for television, 311-12 for
 * on-demand works until 31 January 2023), its conditions, the derived figures, and the section's
 * `ecart`: the least addition that makes it comply (DOMAIN.md "The figures a finance team acts on").
 */
import { avertissementReserve, conditionsAideSelective, evaluerNumeraire, evaluerPartApport } from "./apport-initial";
import { evaluerApportSmad } from "./apport-smad";
import { nonApplicable } from "./condition";
import { avertissementContratNonEvalue, evaluerContrat, evaluerDureesSmad } from "./contrat-apport";
import type { ChampDossier, Dossier } from "./dossier";
import { Decimal, ZERO, positif } from "./decimal";
import { dateLongue } from "./format";
import { base as calculerBase, heures, parHeure, sommeDonnee } from "./grandeurs";
import { calculerApportMinimum, calculerNumeraireMinimum, relevedu311_12 } from "./minimums";
import type { ParametresVersion } from "./parametres";
import { ecartSection, statutSection, type Condition, type SectionApport, type Statut } from "./verdict";

/**
 * Preparation aid (DOMAIN.md "Sections and statuses"): the last alinea of 311-12 ("la condition
 * d'apport initial n'est pas requise pour l'éligibilité des œuvres audiovisuelles aux aides
 * automatiques à la préparation") is general in its words; in 2023-01 the section does not apply to
 * any work. The recast has no such alinea: the work is checked as for automatic aid.
 */
function lecturePreparation(p: ParametresVersion): { dispense: boolean; avertissement: string } {
  if (p.smad) {
    const al = p.smad.aidePreparation;
    return { dispense: true, avertissement: `Aide à la préparation : « la condition d'apport initial n'est pas requise pour l'éligibilité des œuvres audiovisuelles aux aides automatiques à la préparation » (article ${al.article}, alinéa ${al.alinea}). Ces mots sont généraux bien qu'ils figurent à l'article ${al.article} : nous les appliquons à toute œuvre, de télévision comme conçue pour les services à la demande.` };
  }
  return { dispense: false, avertissement: `Aide à la préparation : la version ${p.version} du RGA ne reprend pas la dispense de l'ancien article 311-12 (dernier alinéa) ; l'apport initial est vérifié comme pour les aides automatiques (article ${p.articles.apport}).` };
}

export function evaluerSectionApport(d: Dossier, p: ParametresVersion, dateReference?: string): SectionApport {
  const b = calculerBase(d).valeur ?? null;
  const aide = d.aide ?? "automatique";
  const preparation = aide === "preparation" ? lecturePreparation(p) : null;
  // Preparation aid under the recast is checked as automatic aid (DOMAIN.md).
  const aideRegle = preparation && !preparation.dispense ? "automatique" : aide;
  // 311-12 governs automatic aid only ("pour être admises au bénéfice des aides financières
  // automatiques"); a selective aid request for such a work falls under 311-11 al. 4 like any work.
  const smad311_12 = relevedu311_12(p, d.destination) && aideRegle !== "selective";
  const numeraireMinimum = d.genre && d.dureeMinutes ? calculerNumeraireMinimum(p, { genre: d.genre, dureeMinutes: d.dureeMinutes, destination: d.destination, aide: aideRegle }) : null;
  const apportMinimum = b !== null && d.genre
    ? calculerApportMinimum(p, { genre: d.genre, base: b, preventesInternationales: d.preventesInternationales, pointsCreation: d.pointsCreation, pointsFabrication: d.pointsFabrication, destination: d.destination, aide: aideRegle, dureeMinutes: d.dureeMinutes })
    : null;
  // No hourly minimum for this genre or regime: null, shown "—", never "0,00 €".
  const numeraireMinimumMontre = numeraireMinimum !== null && numeraireMinimum.isZero() ? null : numeraireMinimum;
  const numeraire = smad311_12 ? d.apportNumeraireSmad ?? null : sommeDonnee(d.apportNumeraireTelevision, d.apportNumeraireSmad);
  const regime = smad311_12 ? p.smad!.taux.article : p.articles.apport;
  /** The section with the figures every regime shows. */
  const section = (statut: Statut, conditions: Condition[], ecart: Decimal | null, taux: Decimal | null, tauxArticle: string | null, minimum: Decimal | null): SectionApport =>
    new SectionApportEvaluee(statut, conditions, ecart, regime, b, taux, tauxArticle, minimum, numeraireMinimumMontre, numeraire, d.dureeMinutes);

  if (preparation?.dispense) {
    const al = p.smad!.aidePreparation;
    const c = nonApplicable({ code: smad311_12 ? "B2" : "A1", article: al.article, alinea: al.alinea, libelle: "Apport initial" },
      `La condition d'apport initial n'est pas requise pour les aides automatiques à la préparation (article ${al.article}, dernier alinéa).`);
    const s = section("non_applicable", [c], null, null, null, ZERO);
    s.motif = c.message;
    s.avertissement = preparation.avertissement;
    return s;
  }

  if (smad311_12) {
    const sm = p.smad!;
    const r = evaluerApportSmad(d, sm, b ?? undefined, dateReference);
    const conditions = r.conditions;
    const avertissement = [
      preparation?.avertissement,
      r.contratEvalue ? undefined : avertissementContratNonEvalue(d, sm.taux.article, "1°"),
    ].filter(Boolean).join(" ") || undefined;
    const statut = statutSection(conditions);
    const s = section(statut, conditions, ecartSection(conditions, statut), sm.taux.valeur, sm.taux.article, apportMinimum);
    s.levier = leviersSmad(d);
    s.route = r.route;
    if (avertissement) s.avertissement = avertissement;
    return s;
  }

  const contrat = evaluerContrat(d, p, dateReference);
  const durees = evaluerDureesSmad(d, p);
  // 311-11 al. 4 waives only the share and the cash for selective aid; al. 1 and 2 apply to every aid.
  const part = aideRegle === "selective" ? null : evaluerPartApport(d, p, b ?? undefined);
  const cash = aideRegle === "selective" ? null : evaluerNumeraire(d, p);
  const conditions: Condition[] = part ? part.conditions : conditionsAideSelective(p);
  if (cash) conditions.push(cash);
  if (contrat) conditions.push(contrat);
  for (const c of durees) conditions.push(c);
  const pm = part?.partMinimale ?? null;
  const avertissementSmad = d.destination === "smad"
    ? `Le régime propre aux œuvres conçues pour les services à la demande (ancien article 311-12) a pris fin le 31 janvier 2023 : depuis le ${dateLongue(p.debut)}, l'œuvre est vérifiée selon l'article ${p.articles.apport} comme toute œuvre.`
      + (d.apportAutresFrance !== undefined ? " L'apport d'autres entreprises établies en France n'est pas compté dans l'apport initial." : "")
    : undefined;
  const avertissement = [
    preparation?.avertissement, avertissementSmad,
    contrat ? undefined : avertissementContratNonEvalue(d, p.articles.apport, "alinéa 1"),
  ].filter(Boolean).join(" ") || undefined;
  const statut = statutSection(conditions);
  if (aideRegle === "selective") {
    const s = section(statut, conditions, null, null, null, ZERO);
    if (statut === "non_applicable") s.motif = conditions[0].message;
    if (avertissement) s.avertissement = avertissement;
    return s;
  }
  // Presales alone close the section only when the share is all that fails (the cash is part of the apport).
  const ecart = ecartSection(conditions, statut);
  const s = section(statut, conditions, ecart, pm ? pm.taux.valeur : p.apport.taux.valeur, pm ? pm.taux.article : p.apport.taux.article, apportMinimum);
  s.levier = leviersTelevision(d, cash);
  if (ecart !== null && pm?.preventesManquantes && positif(pm.preventesManquantes) && cash?.statut !== "non_conforme") {
    s.autreLevier = { champ: "preventesInternationales", ecart: pm.preventesManquantes };
  }
  if (avertissement) s.avertissement = avertissement;
  return s;
}

/**
 * The apport section. The hours and the hourly cash are two divisions that no rule needs (the
 * comparisons multiply, grandeurs.ts): they are computed when read (the JSON, the pane), which was
 * an eighth of a verdict's time (issue 15). `JSON.stringify` gives the plain section.
 */
class SectionApportEvaluee implements SectionApport {
  apportMinimumAvecPreventes: Decimal | null;
  motif?: string;
  avertissement?: string;
  levier?: ChampDossier[];
  autreLevier?: { champ: ChampDossier; ecart: Decimal };
  route?: "1°" | "2°";
  private heuresLues: Decimal | null | undefined = undefined;
  private horaireLu: Decimal | null | undefined = undefined;

  constructor(
    public statut: Statut, public conditions: Condition[], public ecart: Decimal | null, public regime: string | null,
    public base: Decimal | null, public taux: Decimal | null, public tauxArticle: string | null, public apportMinimum: Decimal | null,
    public numeraireMinimum: Decimal | null, public numeraire: Decimal | null, private readonly duree: Decimal | undefined,
  ) {
    this.apportMinimumAvecPreventes = apportMinimum;
  }

  get heures(): Decimal | null {
    if (this.heuresLues === undefined) this.heuresLues = this.duree ? heures(this.duree) : null;
    return this.heuresLues;
  }

  get numeraireHoraire(): Decimal | null {
    if (this.horaireLu === undefined) this.horaireLu = this.numeraire !== null && this.duree ? parHeure(this.numeraire, this.duree) : null;
    return this.horaireLu;
  }

  toJSON(): SectionApport {
    const s: SectionApport = {
      statut: this.statut, conditions: this.conditions, ecart: this.ecart, regime: this.regime, base: this.base, taux: this.taux,
      tauxArticle: this.tauxArticle, apportMinimum: this.apportMinimum, apportMinimumAvecPreventes: this.apportMinimumAvecPreventes,
      numeraireMinimum: this.numeraireMinimum, numeraire: this.numeraire, numeraireHoraire: this.numeraireHoraire, heures: this.heures,
    };
    if (this.motif !== undefined) s.motif = this.motif;
    if (this.avertissement !== undefined) s.avertissement = this.avertissement;
    if (this.levier !== undefined) s.levier = this.levier;
    if (this.autreLevier !== undefined) s.autreLevier = this.autreLevier;
    if (this.route !== undefined) s.route = this.route;
    return s;
  }
}

/**
 * The fields the section's ecart is added to. The cash part is part of the apport: when the cash
 * falls short, adding the ecart in cash raises both, and nothing less closes both gaps.
 */
function leviersTelevision(d: Dossier, cash: Condition | null): ChampDossier[] {
  if (cash?.statut !== "non_conforme") return ["apportInitial"];
  return ["apportInitial", d.destination === "smad" ? "apportNumeraireSmad" : "apportNumeraireTelevision"];
}

function leviersSmad(d: Dossier): ChampDossier[] {
  return d.apportInitial !== undefined ? ["apportNumeraireSmad", "apportInitial"] : ["apportNumeraireSmad"];
}

