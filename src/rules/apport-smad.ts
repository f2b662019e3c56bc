/**
 * Article 311-12 (2023-01 only): the apport initial of works made for on-demand services, automatic
 * aid. DOMAIN.md section B. Only cash counts: the apport taken is the on-demand editors' cash plus
 * the cash of other entities established in France (2°). The 311-11-1 derogation does not apply.
 */
import { auMoins, entete, incomplet, nonApplicable } from "./condition";
import { Decimal, ZERO } from "./decimal";
import type { Dossier } from "./dossier";
import { euros, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, libelleBase, montantPourDuree, parHeure } from "./grandeurs";
import type { ParametresVersion } from "./parametres";
import { libelleGenre, deGenre } from "./part-minimale";
import type { Condition } from "./verdict";

type RegimeSmad = NonNullable<ParametresVersion["smad"]>;

/** The apport initial as 311-12 takes it; a missing `apportAutresFrance` means case 1° (editors alone). */
export function apportPris311_12(d: Dossier): Decimal | undefined {
  return d.apportNumeraireSmad === undefined ? undefined : d.apportNumeraireSmad.plus(d.apportAutresFrance ?? ZERO);
}

/** B1: who brings the apport (1° or 2°), and the 12,5 % of the editors when others contribute. */
function evaluerOrigine(d: Dossier, s: RegimeSmad, base: Decimal | undefined): Condition[] {
  const smad = d.apportNumeraireSmad;
  const e1 = { code: "B1", article: s.taux.article, alinea: "1°", libelle: "Apport en numéraire d'éditeurs SMAD" };
  if (smad === undefined) {
    return [incomplet(e1, ["apportNumeraireSmad"], "Renseignez le numéraire apporté par les éditeurs de services à la demande (apportNumeraireSmad).")];
  }
  const autres = d.apportAutresFrance ?? ZERO;
  if (autres.isZero()) {
    const ok = smad.greaterThan(ZERO);
    return [{
      ...e1, statut: ok ? "conforme" : "non_conforme", attendu: "apport en numéraire d'un ou plusieurs éditeurs SMAD",
      constate: smad, ecart: ok ? ZERO : null, unite: null,
      message: ok
        ? `Apport initial en numéraire des éditeurs de services à la demande : ${euros(smad)} (1°).`
        : "Aucun apport en numéraire d'un éditeur de services à la demande : l'article 311-12 l'exige.",
    }];
  }
  const conditions: Condition[] = [];
  const e2 = { code: "B1", article: s.tauxEditeursAvecAutres.article, alinea: s.tauxEditeursAvecAutres.alinea };
  const parts = d.autresFranceDetiennentPartsProducteur;
  if (parts === undefined) {
    conditions.push(incomplet({ ...e2, libelle: "Autres apporteurs sans parts de producteur" }, ["autresFranceDetiennentPartsProducteur"],
      `D'autres entreprises établies en France apportent ${euros(autres)} : indiquez si elles détiennent des parts de producteur.`));
  } else {
    conditions.push({
      ...e2, libelle: "Autres apporteurs sans parts de producteur", statut: parts ? "non_conforme" : "conforme",
      attendu: false, constate: parts, ecart: parts ? null : ZERO, unite: null,
      message: parts
        ? "Les autres entreprises apporteuses détiennent des parts de producteur : leur apport ne peut pas compter (311-12, 2°)."
        : "Les autres entreprises apporteuses ne détiennent pas de parts de producteur (311-12, 2°).",
    });
  }
  const eTaux = { ...e2, libelle: "Part des éditeurs SMAD" };
  if (base === undefined) {
    conditions.push(incomplet(eTaux, [d.coproductionInternationale ? "participationFrancaise" : "coutDefinitif"], "Renseignez la base pour vérifier la part des éditeurs de services à la demande."));
  } else {
    const attendu = s.tauxEditeursAvecAutres.valeur.times(base);
    conditions.push(auMoins(eTaux, attendu, smad, "euros", {
      conforme: () => `Avec d'autres apporteurs, le numéraire des éditeurs SMAD (${euros(smad)}) atteint ${pourcent(s.tauxEditeursAvecAutres.valeur)} ${libelleBase(d)}, soit ${euros(attendu)}.`,
      nonConforme: () => `Avec d'autres apporteurs, le numéraire des éditeurs SMAD (${euros(smad)}) doit atteindre ${pourcent(s.tauxEditeursAvecAutres.valeur)} ${libelleBase(d)}, soit ${euros(attendu)} : il manque ${manqueEuros(attendu.minus(smad))}.`,
    }));
  }
  return conditions;
}

/** B2: the apport taken reaches 25 % of the base. */
function evaluerPart(d: Dossier, s: RegimeSmad, base: Decimal | undefined): Condition {
  const e = entete("B2", s.taux, "Apport initial minimal");
  const apport = apportPris311_12(d);
  if (base === undefined || apport === undefined) {
    const manquants = [...(base === undefined ? [d.coproductionInternationale ? "participationFrancaise" as const : "coutDefinitif" as const] : []), ...(apport === undefined ? ["apportNumeraireSmad" as const] : [])];
    return incomplet(e, manquants, `Impossible de vérifier la part minimale de ${pourcent(s.taux.valeur)} : renseignez ${manquants.join(", ")}.`);
  }
  const attendu = s.taux.valeur.times(base);
  return auMoins(e, attendu, apport, "euros", {
    conforme: () => `L'apport initial en numéraire (${euros(apport)}) atteint ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${euros(attendu)}.`,
    nonConforme: () => `L'apport initial en numéraire (${euros(apport)}) n'atteint pas ${pourcent(s.taux.valeur)} ${libelleBase(d)}, soit ${euros(attendu)} : il manque ${manqueEuros(attendu.minus(apport))}.`,
  });
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
  const attendu = montantPourDuree(seuil.valeur, d.dureeMinutes);
  const ok = atteintTauxHoraire(d.apportNumeraireSmad, seuil.valeur, d.dureeMinutes);
  const horaire = euros(parHeure(d.apportNumeraireSmad, d.dureeMinutes));
  return {
    ...e, statut: ok ? "conforme" : "non_conforme", attendu, constate: d.apportNumeraireSmad,
    ecart: ok ? ZERO : attendu.minus(d.apportNumeraireSmad), unite: "euros",
    message: ok
      ? `Le numéraire des éditeurs SMAD (${horaire} par heure sur ${nombre(d.dureeMinutes)} min) atteint ${euros(seuil.valeur)} par heure.`
      : `Le numéraire des éditeurs SMAD (${horaire} par heure sur ${nombre(d.dureeMinutes)} min) n'atteint pas ${euros(seuil.valeur)} par heure : il manque ${manqueEuros(attendu.minus(d.apportNumeraireSmad))}.`,
  };
}

export function evaluerApportSmad(d: Dossier, s: RegimeSmad, base: Decimal | undefined): Condition[] {
  return [...evaluerOrigine(d, s, base), evaluerPart(d, s, base), evaluerHoraire(d, s)];
}
