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
  const derogation = d.genre === "animation" && apport < min25 && Number(d.preventesInternationales) >= 2 * (min25 - apport)
    && Number(d.pointsCreation) >= 30 && Number(d.pointsFabrication) >= 36;
  const apportMinimum = base * (derogation ? 0.2 : 0.25);
  return { conforme: apport >= apportMinimum, apportMinimum };
}
