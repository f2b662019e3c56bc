/**
 * The same rule as a plain function on native numbers: the floor of what is possible, without exact
 * decimals, explanations or validation. Not for production: floating point can tip a boundary.
 */
import type { DossierBrut } from "./dossiers";
import type { ResultatApport } from "./apport-publicodes";

export function evaluerNatif(d: DossierBrut): ResultatApport {
  const base = d.coproductionInternationale ? Number(d.participationFrancaise) : Number(d.coutDefinitif);
  const apport = Number(d.apportInitial);
  const min25 = base * 0.25;
  // The least compliant apport (311-11-1 a) on the apport actually made): max(20 % × base, 25 % × base − préventes / 2).
  const points = d.genre === "animation" && Number(d.pointsCreation) >= 30 && Number(d.pointsFabrication) >= 36;
  const apportMinimum = points ? Math.max(base * 0.2, Math.min(min25, min25 - Number(d.preventesInternationales ?? 0) / 2)) : min25;
  return { conforme: apport >= apportMinimum, apportMinimum };
}
