/**
 * Small builders for conditions, so that every rule fills the same fields the same way.
 *
 * A condition's French message is built the first time someone reads it (the JSON, the pane, the
 * report, CNC.EXPLIQUER), from the figures the condition already holds: formatting amounts in
 * French was a third of a verdict's cost, and a catalogue formula that only shows a status never
 * reads a message (issue 15, BENCHMARKS.md). Conditions are built in one go, never by spreading
 * another object: spreading is the slowest way V8 has to build an object.
 */
import { Decimal, ZERO, comparer } from "./decimal";
import type { ChampDossier } from "./dossier";
import type { Seuil } from "./parametres";
import type { Condition, Statut, Unite, Valeur } from "./verdict";

/** A message built only when it is read. */
export type Texte = () => string;

/** Who says it: the DOMAIN.md code, the article and alinea, a short label. */
export interface Entete {
  code: string;
  article: string;
  alinea: number | string;
  libelle: string;
}

export function entete(code: string, seuil: Pick<Seuil, "article" | "alinea">, libelle: string): Entete {
  return { code, article: seuil.article, alinea: seuil.alinea, libelle };
}

/**
 * A condition of a verdict. Its `message` is a string to whoever reads it; until then it is the
 * function that writes it. Optional fields are set after construction, on the fresh object.
 */
export class ConditionEvaluee implements Condition {
  code: string;
  article: string;
  alinea: number | string;
  libelle: string;
  statut: Statut;
  attendu: Valeur;
  constate: Valeur;
  ecart: Decimal | null;
  unite: Unite | null;
  avertissement?: string;
  manquants?: ChampDossier[];
  levier?: ChampDossier;
  private texte: Texte | string;

  constructor(e: Entete, statut: Statut, attendu: Valeur, constate: Valeur, ecart: Decimal | null, unite: Unite | null, message: Texte | string) {
    this.code = e.code;
    this.article = e.article;
    this.alinea = e.alinea;
    this.libelle = e.libelle;
    this.statut = statut;
    this.attendu = attendu;
    this.constate = constate;
    this.ecart = ecart;
    this.unite = unite;
    this.texte = message;
  }

  get message(): string {
    const t = this.texte;
    if (typeof t === "string") return t;
    const ecrit = t();
    this.texte = ecrit;
    return ecrit;
  }

  set message(m: string) {
    this.texte = m;
  }

  /** The condition as plain data, message written (for logs and JSON.stringify). */
  toJSON(): Condition {
    const c: Condition = {
      code: this.code, article: this.article, alinea: this.alinea, libelle: this.libelle, statut: this.statut,
      attendu: this.attendu, constate: this.constate, ecart: this.ecart, unite: this.unite, message: this.message,
    };
    if (this.avertissement !== undefined) c.avertissement = this.avertissement;
    if (this.manquants !== undefined) c.manquants = this.manquants;
    if (this.levier !== undefined) c.levier = this.levier;
    return c;
  }
}

/** A condition with its optional fields. */
export function condition(
  e: Entete, statut: Statut, attendu: Valeur, constate: Valeur, ecart: Decimal | null, unite: Unite | null,
  message: Texte | string, options?: { avertissement?: string; manquants?: ChampDossier[]; levier?: ChampDossier },
): ConditionEvaluee {
  const c = new ConditionEvaluee(e, statut, attendu, constate, ecart, unite, message);
  if (options !== undefined) {
    if (options.avertissement) c.avertissement = options.avertissement;
    if (options.manquants !== undefined) c.manquants = options.manquants;
    if (options.levier !== undefined) c.levier = options.levier;
  }
  return c;
}

export function incomplet(e: Entete, manquants: ChampDossier[], message: Texte | string, attendu: Valeur = null): ConditionEvaluee {
  const c = new ConditionEvaluee(e, "incomplet", attendu, null, null, null, message);
  c.manquants = manquants;
  return c;
}

export function nonApplicable(e: Entete, message: Texte | string): ConditionEvaluee {
  return new ConditionEvaluee(e, "non_applicable", null, null, null, null, message);
}

/** `constate >= attendu` ("au moins égal", "supérieur ou égal"); the gap is what is missing. */
export function auMoins(
  e: Entete, attendu: Decimal, constate: Decimal, unite: Unite,
  messages: { conforme: Texte; nonConforme: Texte }, avertissement?: string,
): ConditionEvaluee {
  const ok = comparer(constate, attendu) >= 0;
  const c = new ConditionEvaluee(e, ok ? "conforme" : "non_conforme", attendu, constate, ok ? ZERO : attendu.minus(constate), unite,
    ok ? messages.conforme : messages.nonConforme);
  if (avertissement) c.avertissement = avertissement;
  return c;
}

/** `constate <= attendu` ("n'excède pas"); the gap is the excess. */
export function auPlus(
  e: Entete, attendu: Decimal, constate: Decimal, unite: Unite,
  messages: { conforme: Texte; nonConforme: Texte }, avertissement?: string,
): ConditionEvaluee {
  const ok = comparer(constate, attendu) <= 0;
  const c = new ConditionEvaluee(e, ok ? "conforme" : "non_conforme", attendu, constate, ok ? ZERO : constate.minus(attendu), unite,
    ok ? messages.conforme : messages.nonConforme);
  if (avertissement) c.avertissement = avertissement;
  return c;
}

/** A yes/no requirement: missing → incomplet, false → non conforme. */
export function exigeVrai(
  e: Entete, champ: ChampDossier, valeur: boolean | undefined,
  messages: { conforme: Texte; nonConforme: Texte; manquant: Texte },
): ConditionEvaluee {
  if (valeur === undefined) return incomplet(e, [champ], messages.manquant, true);
  return new ConditionEvaluee(e, valeur ? "conforme" : "non_conforme", true, valeur, valeur ? ZERO : null, null,
    valeur ? messages.conforme : messages.nonConforme);
}

/** A condition decided by the rule itself (a genre, an absence), not by comparing two figures. */
export function constat(
  e: Entete, conforme: boolean, attendu: Valeur, constate: Valeur, message: Texte | string, avertissement?: string,
): ConditionEvaluee {
  const c = new ConditionEvaluee(e, conforme ? "conforme" : "non_conforme", attendu, constate, conforme ? ZERO : null, null, message);
  if (avertissement) c.avertissement = avertissement;
  return c;
}

/** Adds a warning to a condition this evaluation just built (never to a shared one). */
export function avecAvertissement<C extends Condition>(c: C, avertissement: string | undefined): C {
  if (avertissement) c.avertissement = avertissement;
  return c;
}

/** Fields missing among those a condition needs, in the order given. */
export function absents(valeurs: Partial<Record<ChampDossier, unknown>>): ChampDossier[] {
  return (Object.keys(valeurs) as ChampDossier[]).filter((k) => valeurs[k] === undefined);
}
