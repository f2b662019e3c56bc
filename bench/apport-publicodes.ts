/**
 * The least compliant apport (311-11 al. 3 with the 311-11-1 derogation, version 2023-01) written in
 * Publicodes, the French administration's rules engine, to compare with our core on the same dossiers.
 * Publicodes computes in floating point; our core in exact decimals.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Engine = require("publicodes").default;
import type { DossierBrut } from "./dossiers";

const REGLES = {
  "coproduction internationale": { valeur: "non" },
  "participation française": { valeur: 0, unité: "€" },
  "coût définitif": { valeur: 0, unité: "€" },
  "apport initial": { valeur: 0, unité: "€" },
  "préventes internationales": { valeur: 0, unité: "€" },
  "points création": { valeur: 0 },
  "points fabrication": { valeur: 0 },
  genre: { valeur: "'fiction'" },
  base: {
    références: { "311-11 al. 3 et al. 5": "https://www.legifrance.gouv.fr/" },
    variations: [{ si: "coproduction internationale", alors: "participation française" }, { sinon: "coût définitif" }],
  },
  "minimum à 25 %": { valeur: "base * 25%", note: "311-11 al. 3" },
  // 311-11-1 a) compares the presales with the gap of "l'apport initial effectivement réalisé": the least
  // compliant apport is max(20 % × base, 25 % × base − préventes / 2) when the points hold (DOMAIN.md).
  "points atteints": {
    note: "311-11-1 b) : animation, 30 points Création et 36 Fabrication",
    "toutes ces conditions": ["genre = 'animation'", "points création >= 30", "points fabrication >= 36"],
  },
  "apport minimum": {
    variations: [
      { si: "points atteints", alors: { valeur: "minimum à 25 % - préventes internationales / 2", plancher: "base * 20%", plafond: "minimum à 25 %" } },
      { sinon: "minimum à 25 %" },
    ],
    unité: "€",
  },
  conforme: { valeur: "apport initial >= apport minimum" },
};

export interface ResultatApport {
  conforme: boolean;
  apportMinimum: number;
}

export function moteurPublicodes() {
  return new Engine(REGLES, { logger: { log() {}, warn() {}, error() {} } });
}

export function evaluerPublicodes(moteur: ReturnType<typeof moteurPublicodes>, d: DossierBrut): ResultatApport {
  moteur.setSituation({
    "coproduction internationale": d.coproductionInternationale ? "oui" : "non",
    "participation française": Number(d.participationFrancaise ?? 0),
    "coût définitif": Number(d.coutDefinitif),
    "apport initial": Number(d.apportInitial),
    "préventes internationales": Number(d.preventesInternationales ?? 0),
    "points création": Number(d.pointsCreation ?? 0),
    "points fabrication": Number(d.pointsFabrication ?? 0),
    genre: `'${d.genre}'`,
  });
  return { conforme: moteur.evaluate("conforme").nodeValue === true, apportMinimum: moteur.evaluate("apport minimum").nodeValue as number };
}
