/**
 * What a rule returns: never a bare boolean, but every condition with its article, what was expected,
 * what was found, the gap and a French message (DOSSIER.md "Output"). Figures stay exact decimals
 * here; renderers round them to the cent.
 */
import { type Decimal, comparer } from "./decimal";
import type { ChampDossier } from "./dossier";
import type { VersionId } from "./parametres";

export const STATUTS = ["conforme", "non_conforme", "incomplet", "non_applicable"] as const;
export type Statut = (typeof STATUTS)[number];

export type Unite = "euros" | "points" | "minutes" | "mois" | "jours";

/** An expected or found value: an amount or count, a text (a genre), a yes/no, or nothing known. */
export type Valeur = Decimal | string | boolean | null;

export interface Condition {
  /** DOMAIN.md code: A1…A6, B1…B3, C1…C6, D. */
  code: string;
  article: string;
  alinea: number | string;
  statut: Statut;
  /** Short French name of the condition, for tables. */
  libelle: string;
  attendu: Valeur;
  constate: Valeur;
  /** What is missing to comply, in `unite`; 0 when it complies; null when not a quantity. */
  ecart: Decimal | null;
  unite: Unite | null;
  message: string;
  avertissement?: string;
  manquants?: ChampDossier[];
  /**
   * The field whose increase closes the gap, when it is not the section's own lever (the A4
   * presales, the points): such gaps are another lever and never enter the section's `ecart`.
   */
  levier?: ChampDossier;
}

export interface Section {
  statut: Statut;
  conditions: Condition[];
  /** Why the whole section does not apply, when it does not. */
  motif?: string;
  avertissement?: string;
  /**
   * The least addition, in euros, that makes the section's amount conditions comply (DOMAIN.md "The
   * figures a finance team acts on"), added to `levier`; 0 when they comply; null when none applies.
   */
  ecart: Decimal | null;
  /** The fields the section's `ecart` is added to (the apport and, when the cash falls short, the cash). */
  levier?: ChampDossier[];
  /**
   * The other lever, when it alone makes the section's amount conditions comply: under the
   * derogation, the presales to add with the apport unchanged ("ou X € de préventes internationales").
   */
  autreLevier?: { champ: ChampDossier; ecart: Decimal };
}

export interface SectionApport extends Section {
  /** Article of the regime applied: 311-11 / 311-9 (television), 311-12 (on-demand services). */
  regime: string | null;
  /** 311-12: the route the verdict used, 1° (on-demand editors alone) or 2° (with others established in France). */
  route?: "1°" | "2°";
  base: Decimal | null;
  taux: Decimal | null;
  tauxArticle: string | null;
  /**
   * The least apport initial that complies (DOMAIN.md): with the presales and points, the lowered
   * rate where it can apply; at least the minimum cash when the duration is known; 0 when no minimum.
   */
  apportMinimum: Decimal | null;
  /** The same least compliant apport as `apportMinimum` (kept for readers of the first contract). */
  apportMinimumAvecPreventes: Decimal | null;
  numeraireMinimum: Decimal | null;
  numeraire: Decimal | null;
  numeraireHoraire: Decimal | null;
  heures: Decimal | null;
}

export interface SectionReference extends Section {
  taux: Decimal | null;
  tauxArticle: string | null;
  apportMinimum: Decimal | null;
}

export interface SectionMajoration extends Section {
  taux: Decimal;
  montant: Decimal | null;
}

export interface Verdict {
  version: VersionId | null;
  titre?: string;
  /** The date that picked the version: dateDemande, or today's date when the dossier has none. */
  dateReference: string;
  apportInitial: SectionApport;
  listeReference: SectionReference;
  majoration: SectionMajoration;
}

/** DOSSIER.md: non_applicable when every condition is; else non_conforme if any, else incomplet if any. */
export function statutSection(conditions: readonly Condition[]): Statut {
  if (conditions.every((c) => c.statut === "non_applicable")) return "non_applicable";
  if (conditions.some((c) => c.statut === "non_conforme")) return "non_conforme";
  if (conditions.some((c) => c.statut === "incomplet")) return "incomplet";
  return "conforme";
}

const GRAVITE: readonly Statut[] = ["non_conforme", "incomplet", "conforme", "non_applicable"];

/**
 * Within the conditions sharing a code (D's a), b), c); A4's presales and points), the most severe
 * comes first, in the places that code already holds: whoever reads the first condition of a code
 * reads that code's outcome. Different codes keep their order.
 */
export function pireDAbord(conditions: Condition[]): Condition[] {
  if (dejaOrdonnees(conditions)) return conditions;
  const parCode = new Map<string, Condition[]>();
  for (const c of conditions) {
    const groupe = parCode.get(c.code);
    if (groupe === undefined) parCode.set(c.code, [c]);
    else groupe.push(c);
  }
  // Array#sort is stable: within a code, equally severe conditions keep their order.
  for (const groupe of parCode.values()) groupe.sort((a, b) => rang(a.statut) - rang(b.statut));
  const places = new Map<string, number>();
  return conditions.map((c) => {
    const i = places.get(c.code) ?? 0;
    places.set(c.code, i + 1);
    return parCode.get(c.code)![i];
  });
}

/** The place of each status in GRAVITE, looked up rather than searched (called for every pair of a section). */
const RANGS = Object.fromEntries(GRAVITE.map((s, i) => [s, i])) as Record<Statut, number>;
const rang = (statut: Statut): number => RANGS[statut];

/** True when no code has a milder condition before a more severe one: nothing to reorder (the usual case). */
function dejaOrdonnees(conditions: readonly Condition[]): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const code = conditions[i].code;
    const r = rang(conditions[i].statut);
    for (let j = i + 1; j < conditions.length; j++) {
      if (conditions[j].code === code && rang(conditions[j].statut) < r) return false;
    }
  }
  return true;
}

/**
 * The section's `ecart`: the least addition, in euros, that makes it comply (DOMAIN.md "The figures a
 * finance team acts on"). Every amount condition of a section grows with the same money (the apport
 * and its cash part; the French spend), so the largest of their gaps closes them all and nothing less
 * does. Gaps on another lever (the presales of A4) are left out: they say what that lever alone would
 * need. 0 when the section complies; null when no amount can tell: the section is incomplete, or it
 * fails on something money does not buy (a late contract, points, an authorisation) — never 0 for a
 * section that fails, since 0 means "complies" (DOSSIER.md).
 */
export function ecartSection(conditions: readonly Condition[], statut: Statut = statutSection(conditions)): Decimal | null {
  if (statut === "incomplet" || statut === "non_applicable") return null;
  let max: Decimal | null = null;
  for (const c of conditions) {
    if (c.levier === undefined && c.unite === "euros" && c.ecart !== null && (max === null || comparer(c.ecart, max) > 0)) max = c.ecart;
  }
  if (statut === "non_conforme" && (conditionsHorsMontant(conditions).length > 0 || max === null || max.isZero())) return null;
  return max;
}

/** The failing conditions no amount of money fixes (a late contract, points, an authorisation). */
export function conditionsHorsMontant(conditions: readonly Condition[]): Condition[] {
  return conditions.filter((c) => c.statut === "non_conforme" && c.levier === undefined && c.unite !== "euros");
}

/** Every missing field of a section, once, in the order the conditions name them. */
export function manquantsSection(section: Section): ChampDossier[] {
  const vus = new Set<ChampDossier>();
  for (const c of section.conditions) for (const m of c.manquants ?? []) vus.add(m);
  return [...vus];
}
