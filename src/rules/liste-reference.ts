/**
 * Article 311-30 (2023-01) / 311-29 (2023-02): the list of reference works. DOMAIN.md C1–C6 and E4.
 */
import { choisirRoute } from "./apport-smad";
import { avertissementGarantieMinimum, rappelPreventes } from "./apport-initial";
import { condition, constat, entete, exigeVrai, incomplet, nonApplicable, type Texte } from "./condition";
import { Decimal, ZERO, positif, comparer, plusGrand } from "./decimal";
import { GENRES, type ChampDossier, type Dossier } from "./dossier";
import { euros, eurosMin, nombre, pourcent, manqueEuros } from "./format";
import { atteintTauxHoraire, base as calculerBase, libelleBase, montantPourDuree, parHeure } from "./grandeurs";
import { relevedu311_12 } from "./minimums";
import type { ParametresVersion } from "./parametres";
import { evaluerPartMinimale, libelleGenre, deGenre, type PartMinimale } from "./part-minimale";
import { ecartSection, statutSection, type Condition, type SectionReference } from "./verdict";

type Ref = ParametresVersion["reference"];

function aliena(r: Ref, alinea: string) {
  return { article: r.taux.article, alinea };
}

const GENRES_LISTE = GENRES.filter((g) => g !== "autre").map(libelleGenre).join(", ");

/** C1 (1°): one of the four genres. */
function evaluerGenre(d: Dossier, r: Ref): Condition {
  const e = entete("C1", aliena(r, "1°"), "Genre");
  const attendu = GENRES_LISTE;
  if (d.genre === undefined) return incomplet(e, ["genre"], "Renseignez le genre de l'œuvre.", attendu);
  const ok = d.genre !== "autre";
  const genre = libelleGenre(d.genre);
  return constat(e, ok, attendu, genre, ok
    ? () => `Le genre (${genre}) ouvre droit à la liste des œuvres de référence.`
    : "Seules la fiction, l'animation, le documentaire de création et l'adaptation audiovisuelle de spectacle vivant peuvent être inscrits.");
}

/** C2 (2°): documentaries in magazine slots last at least 45 min an episode; live performance reaches the quality level. */
function evaluerFormat(d: Dossier, r: Ref): Condition {
  const s = r.dureeEpisodeMagazineMinutes;
  const e = entete("C2", s, "Format de l'œuvre");
  if (d.genre === undefined) return incomplet(e, ["genre"], "Renseignez le genre de l'œuvre.");
  if (d.genre === "spectacle_vivant") {
    return exigeVrai({ code: e.code, article: e.article, alinea: e.alinea, libelle: "Qualité artistique et technique" }, "qualiteSpectacleVivant", d.qualiteSpectacleVivant, {
      conforme: () => "L'œuvre atteint le niveau de qualité artistique et technique requis pour le spectacle vivant.",
      nonConforme: () => "L'œuvre n'atteint pas le niveau de qualité artistique et technique requis pour le spectacle vivant.",
      manquant: () => "Indiquez si l'œuvre atteint le niveau de qualité artistique et technique requis (qualiteSpectacleVivant).",
    });
  }
  if (d.genre !== "documentaire") return nonApplicable(e, `Pas de condition de format pour une œuvre ${deGenre(d.genre)}.`);
  if (d.caseMagazine === undefined) return incomplet(e, ["caseMagazine"], "Indiquez si le documentaire est inséré dans des cases de magazine (caseMagazine).");
  if (!d.caseMagazine) {
    const c = nonApplicable(e, "Documentaire hors case de magazine : pas de durée minimale par épisode.");
    c.constate = false;
    return c;
  }
  const duree = d.dureeEpisodeMinutes;
  if (duree === undefined) return incomplet(e, ["dureeEpisodeMinutes"], () => `Documentaire en case de magazine : renseignez la durée par épisode (au moins ${nombre(s.valeur)} min).`, s.valeur);
  const ok = comparer(duree, s.valeur) >= 0;
  return condition(e, ok ? "conforme" : "non_conforme", s.valeur, duree, ok ? ZERO : s.valeur.minus(duree), "minutes", () => (ok
    ? `Documentaire en case de magazine : ${nombre(duree)} min par épisode (au moins ${nombre(s.valeur)}).`
    : `Documentaire en case de magazine : ${nombre(duree)} min par épisode, il en faut au moins ${nombre(s.valeur)}.`));
}

/** C3 (3°): prior and final authorisations. */
function evaluerAutorisations(d: Dossier, r: Ref): Condition {
  const e = entete("C3", aliena(r, "3°"), "Autorisations préalable et définitive");
  if (d.autorisationPrealable === true && d.autorisationDefinitive === true) {
    return constat(e, true, true, true, "L'œuvre a obtenu l'autorisation préalable et l'autorisation définitive.");
  }
  const manquants = (["autorisationPrealable", "autorisationDefinitive"] as const).filter((c) => d[c] === undefined);
  const refusees = (["autorisationPrealable", "autorisationDefinitive"] as const).filter((c) => d[c] === false);
  if (refusees.length) {
    return constat(e, false, true, false, () => `Il manque ${refusees.map((c) => (c === "autorisationPrealable" ? "l'autorisation préalable" : "l'autorisation définitive")).join(" et ")}.`);
  }
  // Neither refused nor both given: one at least is missing.
  return incomplet(e, [...manquants], () => `Indiquez si l'œuvre a obtenu ${manquants.map((c) => (c === "autorisationPrealable" ? "l'autorisation préalable" : "l'autorisation définitive")).join(" et ")}.`, true);
}

interface PartReference {
  preventesManquantes?: Decimal | null;
  condition: Condition;
  taux: Decimal | null;
  tauxArticle: string | null;
  apportMinimum: Decimal | null;
}

/** C4 (4°): the apport initial reaches 25 % of the base, 15 % (animation) or 20 % (documentary) in the cases of 311-11-1 / 311-10. */
function evaluerApport(d: Dossier, r: Ref, p: ParametresVersion): PartReference {
  const e = entete("C4", r.taux, "Apport initial");
  const b = calculerBase(d);
  const smad = relevedu311_12(p, d.destination);
  // "l'apport initial prévu aux articles 311-10 et 311-11": as section A or B takes it (311-12: the route retained).
  const apport = smad ? choisirRoute(d, p.smad!, b.valeur).apport : d.apportInitial;
  const champApport: ChampDossier = smad ? "apportNumeraireSmad" : "apportInitial";
  if (b.valeur === undefined || apport === undefined) {
    const manquants = [...(b.manquants ?? []), ...(apport === undefined ? [champApport] : [])];
    return { condition: incomplet(e, manquants, `Impossible de vérifier l'apport initial : renseignez ${manquants.join(", ")}.`), taux: r.taux.valeur, tauxArticle: r.taux.article, apportMinimum: null };
  }
  const pm = evaluerPartMinimale("C4", r.taux, r.casReduits, d, b.valeur, apport, () => rappelPreventes(d, p));
  const cas = pm.cas;
  // Without a lowered case there is nothing to warn about (most works): no list built for nothing.
  const avertissement = cas === null ? "" : [
    avertissementTauxReduit(d, p, pm.raison !== "atteint"),
    ...cas.conditions.map((c) => avertissementGarantieMinimum(d, p, c)),
  ].filter(Boolean).join(" ");
  const condition_ = condition({ code: e.code, article: pm.taux.article, alinea: pm.taux.alinea, libelle: e.libelle }, pm.statut, pm.attendu, apport,
    pm.ecart, pm.statut === "incomplet" ? null : "euros", () => messageC4(d, r, p, b.valeur!, apport, pm),
    { ...(pm.manquants.length ? { manquants: pm.manquants } : {}), ...(avertissement ? { avertissement } : {}) });
  return { condition: condition_, taux: pm.taux.valeur, tauxArticle: pm.taux.article, apportMinimum: pm.attendu, preventesManquantes: pm.preventesManquantes };
}

/** C4's message, written when read; the derogation's conditions follow it. */
function messageC4(d: Dossier, r: Ref, p: ParametresVersion, base: Decimal, apport: Decimal, pm: PartMinimale): string {
  const laBase = `${libelleBase(d)} (${euros(base)})`;
  const detailCas = pm.cas ? pm.cas.conditions.map((c) => c.message).join(" ") : "";
  if (pm.statut === "conforme") {
    return `L'apport initial (${euros(apport)}) atteint ${pourcent(pm.taux.valeur)} ${laBase}, soit ${eurosMin(pm.attendu)}.` + (pm.raison === "cas" ? ` Cas réduit de l'article ${p.articles.derogation} : ${detailCas}` : "");
  }
  if (pm.statut === "incomplet") {
    return `L'apport initial (${euros(apport)}) est sous ${pourcent(r.taux.valeur)} ${laBase} : un taux réduit pourrait s'appliquer, renseignez ${pm.manquants.join(", ")}.`;
  }
  const autreLevier = pm.preventesManquantes !== null && positif(pm.preventesManquantes)
    ? `, ou ${manqueEuros(pm.preventesManquantes)} de préventes internationales de plus` : "";
  const compteTenu = pm.taux === r.taux ? `${pourcent(pm.taux.valeur)} ${laBase}` : `minimum compte tenu des préventes internationales, taux réduit de ${pourcent(pm.taux.valeur)} ${laBase} au moins`;
  return `L'apport initial (${euros(apport)}) n'atteint pas ${eurosMin(pm.attendu)} (${compteTenu}) : il manque ${manqueEuros(pm.ecart!)} d'apport initial${autreLevier}.` + (detailCas ? ` ${detailCas}` : "");
}

/** DOMAIN.md C4: where the verdict depends on a lowered rate and the texts of the version differ, say so. */
function avertissementTauxReduit(d: Dossier, p: ParametresVersion, dependDuTauxReduit: boolean): string | undefined {
  if (!dependDuTauxReduit || !p.reference.textesDivergents) return undefined;
  const r = p.reference;
  if (d.genre === "animation") {
    const derog = p.derogation.animation!;
    return `Le taux de ${pourcent(r.casReduits.animation!.taux.valeur)} est celui de l'article ${r.taux.article} (4°) pour la liste ; l'article ${derog.taux.article} fixe ${pourcent(derog.taux.valeur)} pour les aides automatiques. Les textes diffèrent : chacun est appliqué dans sa propre règle.`;
  }
  if (d.genre === "documentaire") {
    return `L'article ${r.taux.article} (4°) renvoie aux « cas prévus à l'article ${p.articles.derogation} », qui n'en prévoit aucun pour le documentaire dans cette version : nous retenons la seule condition de préventes internationales (double de l'écart à 25 %), comme l'écrit le texte ultérieur du RGA (article 311-10, 2°).`;
  }
  return undefined;
}

/** C5 (4°): hourly cash of the TV editors, or of the on-demand editors, each group on its own. */
function evaluerNumeraire(d: Dossier, r: Ref): Condition {
  const generique = { code: "C5", article: r.taux.article, alinea: "4°", libelle: "Numéraire horaire des éditeurs" };
  if (d.genre === undefined) return incomplet(generique, ["genre"], "Renseignez le genre : il décide du montant horaire exigé.");
  const seuil = d.genre === "autre" ? undefined : r.numeraireHoraire[d.genre];
  if (!seuil) return nonApplicable(generique, `Pas de montant horaire exigé pour une œuvre ${deGenre(d.genre)}.`);
  const e = entete("C5", seuil, "Numéraire horaire des éditeurs");
  const tv = d.apportNumeraireTelevision;
  const smad = d.apportNumeraireSmad;
  const manquants: ChampDossier[] = [...(d.dureeMinutes === undefined ? ["dureeMinutes" as const] : []), ...(tv === undefined && smad === undefined ? ["apportNumeraireTelevision" as const, "apportNumeraireSmad" as const] : [])];
  if (d.dureeMinutes === undefined || (tv === undefined && smad === undefined)) {
    return incomplet(e, manquants, `Impossible de vérifier le numéraire horaire : renseignez ${manquants.join(", ")}.`);
  }
  const duree = d.dureeMinutes;
  const attendu = montantPourDuree(seuil.valeur, duree);
  // "du ou des éditeurs de télévision OU du ou des éditeurs SMAD": each group on its own, never summed.
  const meilleur = plusGrand(tv ?? ZERO, smad ?? ZERO);
  const ok = atteintTauxHoraire(meilleur, seuil.valeur, duree);
  const message: Texte = () => {
    const groupe = comparer(tv ?? ZERO, smad ?? ZERO) >= 0 ? "de télévision" : "de services à la demande";
    const detail = [tv !== undefined ? `télévision ${euros(parHeure(tv, duree))}/h` : null, smad !== undefined ? `SMAD ${euros(parHeure(smad, duree))}/h` : null].filter(Boolean).join(", ");
    return ok
      ? `Le numéraire des éditeurs ${groupe} atteint ${euros(seuil.valeur)} par heure, soit ${eurosMin(attendu)} (${detail}).`
      : `Ni les éditeurs de télévision ni ceux de services à la demande n'apportent ${euros(seuil.valeur)} par heure en numéraire, soit ${eurosMin(attendu)} (${detail}) : il manque ${manqueEuros(attendu.minus(meilleur))} au meilleur des deux.`;
  };
  return condition(e, ok ? "conforme" : "non_conforme", attendu, meilleur, ok ? ZERO : attendu.minus(meilleur), "euros", message);
}

/** 311-30 5° last sentence: "l'apport conjoint de plusieurs des éditeurs" — given, or TV and SMAD cash both above 0. */
export function plusieursEditeurs(d: Dossier): boolean {
  return d.plusieursEditeurs === true
    || (d.apportNumeraireTelevision !== undefined && d.apportNumeraireSmad !== undefined
      && positif(d.apportNumeraireTelevision) && positif(d.apportNumeraireSmad));
}

/**
 * C6 (5°): first broadcast in the previous year by a contributing editor, or, failing that, the
 * final version accepted and certified. When the apport came jointly from several editors, the last
 * sentence is absolute: listed only after every one of them accepted the final version, broadcast or not.
 */
function evaluerDiffusion(d: Dossier, r: Ref): Condition {
  const e = entete("C6", aliena(r, "5°"), "Diffusion ou acceptation");
  if (plusieursEditeurs(d)) {
    const conjoint = d.plusieursEditeurs === true ? "L'apport initial vient conjointement de plusieurs éditeurs" : "L'apport initial vient conjointement d'éditeurs de télévision et de services à la demande";
    return exigeVrai({ code: e.code, article: e.article, alinea: e.alinea, libelle: "Acceptation par tous les éditeurs" }, "versionDefinitiveAcceptee", d.versionDefinitiveAcceptee, {
      conforme: () => `${conjoint} : la version définitive a été acceptée par l'ensemble de ces éditeurs, acceptation dûment renseignée et certifiée.`,
      nonConforme: () => `${conjoint} : l'inscription n'intervient qu'après acceptation dûment renseignée et certifiée de la version définitive par l'ensemble de ces éditeurs, diffusion ou non.`,
      manquant: () => `${conjoint} : indiquez si la version définitive a été acceptée par l'ensemble de ces éditeurs (versionDefinitiveAcceptee), exigée même après diffusion.`,
    });
  }
  if (d.diffuseeAnneePrecedente === true) return constat(e, true, true, true, "Première diffusion ou mise à disposition l'année précédente par un éditeur ayant contribué à l'apport initial.");
  if (d.versionDefinitiveAcceptee === true) return constat(e, true, true, true, "Version définitive acceptée par les éditeurs, dûment renseignée et certifiée.");
  const manquants = (["diffuseeAnneePrecedente", "versionDefinitiveAcceptee"] as const).filter((c) => d[c] === undefined);
  if (manquants.length) return incomplet(e, [...manquants], () => `Indiquez si l'œuvre a été diffusée l'année précédente ou si sa version définitive a été acceptée (${manquants.join(", ")}).`, true);
  return constat(e, false, true, false, "Ni première diffusion l'année précédente, ni version définitive acceptée et certifiée par les éditeurs.");
}

export function evaluerListeReference(d: Dossier, p: ParametresVersion): SectionReference {
  const r = p.reference;
  const apport = evaluerApport(d, r, p);
  const numeraire = evaluerNumeraire(d, r);
  const conditions = [evaluerGenre(d, r), evaluerFormat(d, r), evaluerAutorisations(d, r), apport.condition, numeraire, evaluerDiffusion(d, r)];
  const pm = apport.preventesManquantes;
  const statut = statutSection(conditions);
  const ecart = ecartSection(conditions, statut);
  const autreLevier = ecart !== null && pm && positif(pm) && numeraire.statut !== "non_conforme" ? { champ: "preventesInternationales" as const, ecart: pm } : undefined;
  return {
    statut, conditions, ecart, levier: leviers(d, p, numeraire), ...(autreLevier ? { autreLevier } : {}),
    taux: apport.taux, tauxArticle: apport.tauxArticle, apportMinimum: apport.apportMinimum,
  };
}

/**
 * The fields the list's ecart is added to: the apport and, when the hourly cash falls short, the cash
 * of the better-placed group (each group is judged on its own, 311-30 4°).
 */
function leviers(d: Dossier, p: ParametresVersion, numeraire: Condition): ChampDossier[] {
  const smad = relevedu311_12(p, d.destination);
  // 311-12 takes the SMAD cash as the apport; that cash stays a part of the declared apport initial.
  if (smad) return d.apportInitial !== undefined ? ["apportNumeraireSmad", "apportInitial"] : ["apportNumeraireSmad"];
  if (numeraire.statut !== "non_conforme") return ["apportInitial"];
  // The better-placed group (on equal cash, either one closes the gap: TV is named).
  const groupe = comparer(d.apportNumeraireTelevision ?? ZERO, d.apportNumeraireSmad ?? ZERO) >= 0 && d.apportNumeraireTelevision !== undefined
    ? "apportNumeraireTelevision" as const : "apportNumeraireSmad" as const;
  return ["apportInitial", groupe];
}
