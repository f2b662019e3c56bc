/**
 * Pure text (no DOM): what the summary at the top of the pane tells the finance team to do, in
 * plain words. The figure is the section's `ecart` as the core gives it — the same figure as the
 * JSON `ecart` and CNC.ECART, rounded the same way (ecartAuCentime) — never recomputed here; this
 * module only picks which section speaks first and names the lever in French.
 */
import { euros, ecartAuCentime, manquantsSection, type Condition, type Decimal, type Section, type Verdict } from "../../rules";
import { libelleChamp, messageEnFrancais } from "./libelles";

export type CleSection = "apportInitial" | "listeReference" | "majoration";
export const CLES_SECTIONS: readonly CleSection[] = ["apportInitial", "listeReference", "majoration"];

export const TITRES: Record<CleSection, string> = {
  apportInitial: "Apport initial",
  listeReference: "Liste des œuvres de référence",
  majoration: "Majoration de 25 %",
};

/** Short names for the three tiles side by side (320 px leaves about 90 px each). */
export const TITRES_COURTS: Record<CleSection, string> = {
  apportInitial: "Apport initial",
  listeReference: "Liste de référence",
  majoration: "Majoration 25\u202f%",
};

export interface Consigne {
  section: CleSection | null;
  genre: "ajouter" | "corriger" | "renseigner" | "conforme";
  texte: string;
  /** The fields a "renseigner" instruction asks for. */
  champs?: string[];
}

/** What the lever of a euro condition is, by the field its "constaté" measures. */
function levier(cle: CleSection, c: Condition | undefined): string {
  if (!c) return cle === "majoration" ? "de dépenses en France" : "d'apport initial";
  switch (c.code) {
    case "A1": case "B2": case "C4": return "d'apport initial";
    case "A2": return "d'apport en numéraire des éditeurs";
    case "B1": case "B3": return "de numéraire des éditeurs de services à la demande";
    case "C5": return "de numéraire d'un même groupe d'éditeurs (télévision ou services à la demande)";
    case "D": return c.libelle.endsWith("postes") ? "de dépenses en France sur les postes (droits artistiques, techniciens, interprètes, décors et costumes, moyens techniques)" : "de dépenses en France";
    default: return `(${c.libelle})`;
  }
}

const MONTANT = (d: Decimal) => euros(ecartAuCentime(d));

/** The section's euro gap to add, when it fails by an amount. */
export function ecartAAjouter(s: Section): Decimal | null {
  return s.statut === "non_conforme" && s.ecart !== null && s.ecart.greaterThan(0) ? s.ecart : null;
}

/**
 * The euro condition the section's gap comes from (the same amount at the cent), if one does. The
 * presales condition (A4) is never the lever of the apport section: its `ecart` is an addition to the
 * apport (DOMAIN.md "The figures a finance team acts on"), the presales being the other lever.
 */
function conditionDeLEcart(s: Section, ecart: Decimal): Condition | undefined {
  const voulu = ecartAuCentime(ecart);
  return s.conditions.find((c) => c.code !== "A4" && c.statut === "non_conforme" && c.unite === "euros" && c.ecart !== null && ecartAuCentime(c.ecart).equals(voulu));
}

const GRAVITE: Record<Condition["statut"], number> = { non_conforme: 0, incomplet: 1, conforme: 2, non_applicable: 3 };

/** Failing conditions first, then incomplete ones, then the rest, each group in the core's order. */
export function parGravite(conditions: readonly Condition[]): Condition[] {
  return conditions.map((c, i) => [c, i] as const).sort((a, b) => GRAVITE[a[0].statut] - GRAVITE[b[0].statut] || a[1] - b[1]).map(([c]) => c);
}

/** Fields to fill, by label, at most `max` named. */
export function listeARenseigner(champs: readonly string[], max = 3): string {
  const noms = champs.slice(0, max).map(libelleChamp);
  const reste = champs.length - noms.length;
  return noms.join(", ") + (reste > 0 ? ` et ${reste} autre${reste > 1 ? "s" : ""}` : "");
}

function consigneRenseigner(cle: CleSection, champs: readonly string[]): Consigne {
  return { section: cle, genre: "renseigner", texte: `Renseignez : ${listeARenseigner(champs)}.`, champs: [...champs] };
}

/** What one section asks for: an amount to add, a failing condition to fix, fields to fill. */
export interface ConsignesSection {
  ajouter: Consigne | null;
  corriger: Consigne | null;
  renseigner: Consigne | null;
}

/**
 * One section's instructions. `alternative` is the other lever of the apport initial (international
 * presales), shown only when given.
 */
export function consignesSection(cle: CleSection, s: Section, alternative: Decimal | null = null): ConsignesSection {
  const ecart = ecartAAjouter(s);
  let ajouter: Consigne | null = null;
  if (ecart !== null) {
    const autre = alternative !== null ? `, ou ${MONTANT(alternative)} de préventes internationales` : "";
    ajouter = { section: cle, genre: "ajouter", texte: `Ajoutez ${MONTANT(ecart)} ${levier(cle, conditionDeLEcart(s, ecart))}${autre}.` };
  }
  // The first failing condition that an amount in euros does not settle (a yes/no, points, a date…).
  const bloquante = parGravite(s.conditions).find((c) => c.statut === "non_conforme" && !(c.unite === "euros" && ecart !== null));
  // Its message says what is wrong in the core's words ("40 points au groupe « Fabrication » : il en faut au moins 45.").
  const corriger: Consigne | null = bloquante ? { section: cle, genre: "corriger", texte: messageEnFrancais(bloquante.message) } : null;
  const manquants = manquantsSection(s);
  const renseigner: Consigne | null = s.statut !== "incomplet" ? null
    : manquants.length ? consigneRenseigner(cle, manquants)
      : { section: cle, genre: "renseigner", texte: messageEnFrancais(parGravite(s.conditions)[0].message) };
  return { ajouter, corriger, renseigner };
}

/**
 * The summary's instructions: first the one to act on — the first section, in the order apport,
 * liste, majoration, that fails by an amount; else the first that fails; else the first
 * incomplete — then the other things each section asks for, an instruction already given once
 * (the same amount for the apport and the liste) not repeated.
 */
export function consignes(v: Verdict, alternative: Decimal | null = null): { principale: Consigne; autres: Consigne[] } {
  const parSection = CLES_SECTIONS.map((cle) => consignesSection(cle, v[cle], cle === "apportInitial" ? alternative : null));
  const toutes = parSection.flatMap((c) => [c.ajouter, c.corriger, c.renseigner]).filter((c): c is Consigne => c !== null);
  const principale = toutes.find((c) => c.genre === "ajouter") ?? toutes.find((c) => c.genre === "corriger") ?? toutes.find((c) => c.genre === "renseigner");
  if (!principale) {
    const applicables = CLES_SECTIONS.filter((cle) => v[cle].statut !== "non_applicable").length;
    const texte = applicables === 3 ? "Le plan est conforme dans les trois sections : rien à ajouter."
      : applicables === 0 ? "Aucune section ne s'applique à ce dossier."
        : "Rien à ajouter : les sections qui s'appliquent sont conformes.";
    return { principale: { section: null, genre: "conforme", texte }, autres: [] };
  }
  // Each field is asked for once: a later section asks only for the fields not named yet.
  const champsDits = new Set(principale.champs ?? []);
  const dits = new Set([principale.texte]);
  const autres: Consigne[] = [];
  for (const c of toutes) {
    if (c === principale) continue;
    let consigne = c;
    if (c.champs) {
      const restants = c.champs.filter((m) => !champsDits.has(m));
      if (!restants.length) continue;
      restants.forEach((m) => champsDits.add(m));
      consigne = consigneRenseigner(c.section!, restants);
    }
    if (dits.has(consigne.texte)) continue;
    dits.add(consigne.texte);
    autres.push(consigne);
  }
  return { principale, autres };
}

/** A sentence put after a colon: its capital goes, unless it starts an acronym ("RGA", "CNC"). */
export function apresDeuxPoints(texte: string): string {
  return /^\p{Lu}(?=[\p{Ll}'’ ])/u.test(texte) ? texte.charAt(0).toLowerCase() + texte.slice(1) : texte;
}

/** "Liste des œuvres de référence : renseignez …" — an instruction with the section it belongs to. */
export function avecSection(c: Consigne): string {
  return c.section ? `${TITRES[c.section]} : ${apresDeuxPoints(c.texte)}` : c.texte;
}
