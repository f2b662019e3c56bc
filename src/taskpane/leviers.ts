/**
 * The other lever of the apport initial: "ou X € de préventes internationales". The core gives it
 * (`autreLevier` of the section, DOMAIN.md "The figures a finance team acts on"): the presales to add,
 * the apport unchanged, when they alone make the section's amount conditions comply. Nothing is
 * decided here.
 */
import type { Decimal, Dossier, OptionsEvaluation, Verdict } from "../rules";

export function preventesEnAlternative(_dossier: Dossier, v: Verdict, _options: OptionsEvaluation = {}): Decimal | null {
  const autre = v.apportInitial.autreLevier;
  return autre && autre.champ === "preventesInternationales" ? autre.ecart : null;
}
