/**
 * The other lever of the apport initial: "ou X € de préventes internationales". The core's verdict
 * gives one figure per section (the least apport to add); the presales alternative is read from the
 * verdict's own presales condition (A4, 311-11-1 a) / 311-10), whose `ecart` is what the presales
 * lack for the derogation. Presales alone close the gap only when the rest of the derogation holds
 * (the points, the reduced rate): rather than re-deciding that here, the core is asked — the dossier
 * with that much more presales is evaluated again, and the alternative is offered only when the
 * section's amount conditions then comply. No rule is computed in the pane.
 */
import { ecartAuCentime, evaluer, type Decimal, type Dossier, type OptionsEvaluation, type Verdict } from "../rules";
import { ecartAAjouter } from "./vue/action";

export function preventesEnAlternative(dossier: Dossier, v: Verdict, options: OptionsEvaluation = {}): Decimal | null {
  const s = v.apportInitial;
  if (ecartAAjouter(s) === null || dossier.preventesInternationales === undefined) return null;
  const preventes = s.conditions.find((c) => c.code === "A4" && c.unite === "euros" && c.statut === "non_conforme" && c.ecart !== null && c.ecart.greaterThan(0));
  if (!preventes?.ecart) return null;
  // The amount shown, to the cent, is the amount checked.
  const ajout = ecartAuCentime(preventes.ecart);
  const apres = evaluer({ ...dossier, preventesInternationales: dossier.preventesInternationales.plus(ajout) }, { ...options, date: v.dateReference }).apportInitial;
  const montantsOk = apres.conditions.every((c) => c.unite !== "euros" || c.statut !== "non_conforme") && (apres.ecart === null || apres.ecart.isZero());
  return montantsOk ? ajout : null;
}
