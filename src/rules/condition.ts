/**
 * Small builders for conditions, so that every rule fills the same fields the same way.
 */
import { Decimal, ZERO } from "./decimal";
import type { ChampDossier } from "./dossier";
import type { Seuil } from "./parametres";
import type { Condition, Unite, Valeur } from "./verdict";

/** A message built only when it is the one shown: formatting amounts is most of a verdict's cost. */
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

export function incomplet(e: Entete, manquants: ChampDossier[], message: string, attendu: Valeur = null): Condition {
  return { ...e, statut: "incomplet", attendu, constate: null, ecart: null, unite: null, message, manquants };
}

export function nonApplicable(e: Entete, message: string): Condition {
  return { ...e, statut: "non_applicable", attendu: null, constate: null, ecart: null, unite: null, message };
}

/** `constate >= attendu` ("au moins égal", "supérieur ou égal"); the gap is what is missing. */
export function auMoins(
  e: Entete, attendu: Decimal, constate: Decimal, unite: Unite,
  messages: { conforme: Texte; nonConforme: Texte }, avertissement?: string,
): Condition {
  const ok = constate.greaterThanOrEqualTo(attendu);
  return avecAvertissement({
    ...e, statut: ok ? "conforme" : "non_conforme", attendu, constate,
    ecart: ok ? ZERO : attendu.minus(constate), unite,
    message: ok ? messages.conforme() : messages.nonConforme(),
  }, avertissement);
}

/** `constate <= attendu` ("n'excède pas"); the gap is the excess. */
export function auPlus(
  e: Entete, attendu: Decimal, constate: Decimal, unite: Unite,
  messages: { conforme: Texte; nonConforme: Texte }, avertissement?: string,
): Condition {
  const ok = constate.lessThanOrEqualTo(attendu);
  return avecAvertissement({
    ...e, statut: ok ? "conforme" : "non_conforme", attendu, constate,
    ecart: ok ? ZERO : constate.minus(attendu), unite,
    message: ok ? messages.conforme() : messages.nonConforme(),
  }, avertissement);
}

/** A yes/no requirement: missing → incomplet, false → non conforme. */
export function exigeVrai(
  e: Entete, champ: ChampDossier, valeur: boolean | undefined,
  messages: { conforme: Texte; nonConforme: Texte; manquant: Texte },
): Condition {
  if (valeur === undefined) return incomplet(e, [champ], messages.manquant(), true);
  return {
    ...e, statut: valeur ? "conforme" : "non_conforme", attendu: true, constate: valeur,
    ecart: valeur ? ZERO : null, unite: null, message: valeur ? messages.conforme() : messages.nonConforme(),
  };
}

/** A condition decided by the rule itself (a genre, an absence), not by comparing two figures. */
export function constat(
  e: Entete, conforme: boolean, attendu: Valeur, constate: Valeur, message: string, avertissement?: string,
): Condition {
  return avecAvertissement({
    ...e, statut: conforme ? "conforme" : "non_conforme", attendu, constate,
    ecart: conforme ? ZERO : null, unite: null, message,
  }, avertissement);
}

export function avecAvertissement(c: Condition, avertissement: string | undefined): Condition {
  return avertissement ? { ...c, avertissement } : c;
}

/** Fields missing among those a condition needs, in the order given. */
export function absents(valeurs: Partial<Record<ChampDossier, unknown>>): ChampDossier[] {
  return (Object.keys(valeurs) as ChampDossier[]).filter((k) => valeurs[k] === undefined);
}
