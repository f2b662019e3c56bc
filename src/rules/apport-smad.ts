/**
 * Article 311-12 (2023-01 only): the apport initial of works made for on-demand services, automatic
 * aid. DOMAIN.md section B. The apport is cash, by one of two routes, and the work complies when
 * either route does:
 *   1° the on-demand (SMAD) editors alone: their cash reaches 25 % of the base (al. 4);
 *   2° the SMAD editors with other entities established in France that hold no producer shares: the
 *      editors' cash reaches 12,5 % of the base, and with the others' cash 25 % (al. 4).
 * The verdict shows the route it used; the others' money is never dropped without saying why.
 * The 311-11-1 derogation does not apply.
 */
import { auMoins, avecAvertissement, condition, entete, incomplet, nonApplicable } from "./condition";
import { evaluerContratSmad } from "./contrat-apport";
import { Decimal, ZERO, produit, positif, comparer } from "./decimal";
import type { ChampDossier, Dossier } from "./dossier";
import { euros, eurosMin, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, libelleBase, montantPourDuree, parHeure } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { deGenre } from "./part-minimale";
import { statutSection, type Condition } from "./verdict";

type RegimeSmad = NonNullable<ParametresVersion["smad"]>;

export type Route311_12 = "1°" | "2°";

/** The route retained, its conditions, and the apport initial it takes (for 311-30 4°). */
export interface ResultatRoute {
  route: Route311_12;
  conditions: Condition[];
  /** The apport as the route takes it: SMAD cash (1°), or SMAD cash + the others' cash (2°). */
  apport: Decimal | undefined;
}

/** The others of 2°: entities established in France, and the TV editors' cash (DOMAIN.md B1). */
function autresApporteurs(d: Dossier): Decimal {
  return (d.apportAutresFrance ?? ZERO).plus(d.apportNumeraireTelevision ?? ZERO);
}

function champBase(d: Dossier): ChampDossier {
  return d.coproductionInternationale ? "participationFrancaise" : "coutDefinitif";
}

/** 1°: the SMAD editors alone; their cash, and it only, reaches 25 % of the base. */
function route1(d: Dossier, s: RegimeSmad, base: Decimal | undefined): ResultatRoute {
  const smad = d.apportNumeraireSmad;
  const e1 = { code: "B1", article: s.taux.article, alinea: "1°", libelle: "1° : apport des seuls éditeurs SMAD" };
  const e2 = entete("B2", s.taux, "Apport initial minimal (1°)");
  const autres = autresApporteurs(d);
  const nonCompte = () => (positif(autres) ? ` L'apport des autres financeurs (${euros(autres)}) n'est pas compté par le 1°.` : "");
  if (smad === undefined) {
    return { route: "1°", apport: undefined, conditions: [incomplet(e1, ["apportNumeraireSmad"], "Renseignez le numéraire apporté par les éditeurs de services à la demande (apportNumeraireSmad).")] };
  }
  // "d'un ou plusieurs éditeurs de services à la demande": no cash from them, no apport by the 1°, whatever the base.
  const present: Condition = positif(smad)
    ? condition(e1, "conforme", "apport en numéraire d'un ou plusieurs éditeurs SMAD", smad, ZERO, null,
        () => `Apport initial en numéraire des éditeurs de services à la demande : ${euros(smad)}.`)
    // Money buys this one: B2 carries the amount (unit euros, so the section's ecart is not withheld).
    : condition(e1, "non_conforme", "apport en numéraire d'un ou plusieurs éditeurs SMAD", smad, null, "euros",
        "Aucun apport en numéraire d'un éditeur de services à la demande : l'article 311-12 l'exige.");
  if (base === undefined) {
    return { route: "1°", apport: smad, conditions: [present, incomplet(e2, [champBase(d)], () => `Renseignez la base (${champBase(d)}) pour vérifier la part minimale de ${pourcent(s.taux.valeur)}.`)] };
  }
  const attendu = produit(s.taux.valeur, base);
  const part = auMoins(e2, attendu, smad, "euros", {
    conforme: () => `Par le 1° : le numéraire des éditeurs SMAD (${euros(smad)}) atteint ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${eurosMin(attendu)}.${nonCompte()}`,
    nonConforme: () => `Par le 1° : le numéraire des éditeurs SMAD (${euros(smad)}) n'atteint pas ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${eurosMin(attendu)} : il manque ${manqueEuros(attendu.minus(smad))} de numéraire SMAD.${nonCompte()}`,
  });
  return { route: "1°", apport: smad, conditions: [present, part] };
}

/** 2°: the SMAD editors with others established in France, holding no producer shares. */
function route2(d: Dossier, s: RegimeSmad, base: Decimal | undefined): ResultatRoute {
  const smad = d.apportNumeraireSmad;
  const autres = autresApporteurs(d);
  const s2 = s.tauxEditeursAvecAutres;
  const conditions: Condition[] = [];
  const eParts = { code: "B1", article: s2.article, alinea: s2.alinea, libelle: "2° : autres apporteurs sans parts de producteur" };
  const tv = d.apportNumeraireTelevision !== undefined && positif(d.apportNumeraireTelevision)
    ? `Le numéraire des éditeurs de télévision (${euros(d.apportNumeraireTelevision)}) est compté avec les autres entreprises établies en France (311-12, 2°) : une œuvre conçue pour les services à la demande n'a pas d'autre place pour lui.`
    : undefined;
  const parts = d.autresFranceDetiennentPartsProducteur;
  if (parts === undefined) {
    conditions.push(incomplet(eParts, ["autresFranceDetiennentPartsProducteur"],
      () => `D'autres financeurs établis en France apportent ${euros(autres)} : indiquez s'ils détiennent des parts de producteur (autresFranceDetiennentPartsProducteur).`));
  } else {
    conditions.push(condition(eParts, parts ? "non_conforme" : "conforme", false, parts, parts ? null : ZERO, null, parts
      ? () => `Les autres financeurs (${euros(autres)}) détiennent des parts de producteur : le 2° ne leur est pas ouvert.`
      : "Les autres financeurs établis en France ne détiennent pas de parts de producteur (311-12, 2°)."));
  }
  const eTaux = { code: "B1", article: s2.article, alinea: s2.alinea, libelle: `2° : part des éditeurs SMAD (${pourcent(s2.valeur)})` };
  const e2 = entete("B2", s.taux, "Apport initial minimal (2°)");
  if (smad === undefined || base === undefined) {
    const manquants: ChampDossier[] = [...(smad === undefined ? ["apportNumeraireSmad" as const] : []), ...(base === undefined ? [champBase(d)] : [])];
    conditions.push(incomplet(eTaux, manquants, `Renseignez ${manquants.join(", ")} pour vérifier le 2°.`));
    return { route: "2°", apport: smad?.plus(autres), conditions: conditions.map((c) => avecAvertissement(c, tv)) };
  }
  const attenduSmad = produit(s2.valeur, base);
  conditions.push(auMoins(eTaux, attenduSmad, smad, "euros", {
    conforme: () => `Par le 2° : le numéraire des éditeurs SMAD (${euros(smad)}) atteint ${pourcent(s2.valeur)} ${libelleBase(d)}, soit ${eurosMin(attenduSmad)}.`,
    nonConforme: () => `Par le 2° : le numéraire des éditeurs SMAD (${euros(smad)}) doit atteindre ${pourcent(s2.valeur)} ${libelleBase(d)}, soit ${eurosMin(attenduSmad)} : il manque ${manqueEuros(attenduSmad.minus(smad))} de numéraire SMAD.`,
  }));
  const apport = smad.plus(autres);
  const attendu = produit(s.taux.valeur, base);
  conditions.push(auMoins(e2, attendu, apport, "euros", {
    conforme: () => `Par le 2° : le numéraire des éditeurs SMAD et des autres financeurs (${euros(apport)}) atteint ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${eurosMin(attendu)}.`,
    nonConforme: () => `Par le 2° : le numéraire des éditeurs SMAD et des autres financeurs (${euros(apport)}) n'atteint pas ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${eurosMin(attendu)} : il manque ${manqueEuros(attendu.minus(apport))}.`,
  }));
  if (tv) for (const c of conditions) c.avertissement = c.avertissement ? `${c.avertissement} ${tv}` : tv;
  return { route: "2°", apport, conditions };
}

/** What the route lacks in SMAD cash; null when it cannot comply by adding money (shares held) or is incomplete. */
function manqueRoute(r: ResultatRoute): Decimal | null {
  if (r.conditions.some((c) => c.statut === "incomplet" || (c.statut === "non_conforme" && c.ecart === null && c.code === "B1" && c.alinea !== "1°"))) return null;
  return r.conditions.reduce((m, c) => (c.unite === "euros" && c.ecart !== null && comparer(c.ecart, m) > 0 ? c.ecart : m), ZERO);
}

/**
 * The route the verdict shows: the one that complies (1° first); else one that may comply once
 * completed; else the one that needs the least SMAD cash (1° on a tie).
 */
export function choisirRoute(d: Dossier, s: RegimeSmad, base: Decimal | undefined): ResultatRoute {
  const r1 = route1(d, s, base);
  if (autresApporteurs(d).isZero()) return r1;
  const r2 = route2(d, s, base);
  const s1 = statutSection(r1.conditions);
  const s2 = statutSection(r2.conditions);
  if (s1 === "conforme") return r1;
  if (s2 === "conforme") return r2;
  if (s2 === "incomplet" && s1 !== "incomplet") return r2;
  if (s1 === "incomplet") return r1;
  const m1 = manqueRoute(r1);
  const m2 = manqueRoute(r2);
  if (m2 !== null && (m1 === null || comparer(m2, m1) < 0)) {
    r2.conditions.push(nonApplicable({ code: "B1", article: s.taux.article, alinea: "1°", libelle: "1° : éditeurs SMAD seuls" },
      () => `Le 1° (éditeurs SMAD seuls, ${pourcent(s.taux.valeur)}) demanderait davantage : le 2° est retenu.`));
    return r2;
  }
  return r1;
}

/** B3: hourly cash of the on-demand editors, documentaries and live-performance works only. */
function evaluerHoraire(d: Dossier, s: RegimeSmad): Condition {
  const generique = { code: "B3", article: s.taux.article, alinea: s.taux.alinea, libelle: "Numéraire horaire des éditeurs SMAD" };
  if (d.genre === undefined) return incomplet(generique, ["genre"], "Renseignez le genre : il décide du montant horaire exigé.");
  const seuil = d.genre === "autre" ? undefined : s.numeraireHoraire[d.genre];
  if (!seuil) return nonApplicable(generique, `L'article 311-12 ne fixe pas de montant horaire pour une œuvre ${deGenre(d.genre)}.`);
  const e = entete("B3", seuil, "Numéraire horaire des éditeurs SMAD");
  const manquants = [...(d.dureeMinutes === undefined ? ["dureeMinutes" as const] : []), ...(d.apportNumeraireSmad === undefined ? ["apportNumeraireSmad" as const] : [])];
  if (d.dureeMinutes === undefined || d.apportNumeraireSmad === undefined) {
    return incomplet(e, manquants, `Impossible de vérifier le montant horaire : renseignez ${manquants.join(", ")}.`);
  }
  const { apportNumeraireSmad: smad, dureeMinutes } = d;
  const attendu = montantPourDuree(seuil.valeur, dureeMinutes);
  const ok = atteintTauxHoraire(smad, seuil.valeur, dureeMinutes);
  return condition(e, ok ? "conforme" : "non_conforme", attendu, smad, ok ? ZERO : attendu.minus(smad), "euros", () => {
    const horaire = euros(parHeure(smad, dureeMinutes));
    return ok
      ? `Le numéraire des éditeurs SMAD (${horaire} par heure sur ${nombre(dureeMinutes)} min) atteint ${euros(seuil.valeur)} par heure (${eurosMin(attendu)}).`
      : `Le numéraire des éditeurs SMAD (${horaire} par heure sur ${nombre(dureeMinutes)} min) n'atteint pas ${euros(seuil.valeur)} par heure (${eurosMin(attendu)}) : il manque ${manqueEuros(attendu.minus(smad))} de numéraire SMAD.`;
  });
}

export interface ApportSmad {
  route: Route311_12;
  conditions: Condition[];
  /** True when the 1° contract condition was evaluated (its dates were given). */
  contratEvalue: boolean;
}

export function evaluerApportSmad(d: Dossier, s: RegimeSmad, base: Decimal | undefined, dateReference?: string): ApportSmad {
  const r = choisirRoute(d, s, base);
  const contrat = evaluerContratSmad(d, s.taux.article, dateReference);
  return { route: r.route, conditions: [...r.conditions, evaluerHoraire(d, s), ...(contrat ? [contrat] : [])], contratEvalue: contrat !== null };
}
