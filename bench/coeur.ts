/** Benchmarks 1 and 3: the rules core on 10 000 dossiers, beside Publicodes and a native-number floor. */
import { parseDossier } from "../src/dossier";
import { calculerApportMinimum, Decimal, evaluer, evaluerApportInitial, parametresVersion, type Dossier } from "../src/rules";
import { evaluerNatif } from "./apport-natif";
import { evaluerPublicodes, moteurPublicodes, type ResultatApport } from "./apport-publicodes";
import { genererDossiers, type DossierBrut } from "./dossiers";
import { mesurer } from "./mesure";
import type { Ligne } from "./tableau";

const NOMBRE = 10_000;
const OPTIONS = { version: "2023-01" as const };

function notreApport(d: Dossier): ResultatApport {
  const s = evaluerApportInitial(d, OPTIONS)!;
  const a1 = s.conditions.find((c) => c.code === "A1")!;
  // The share alone (A1): the section's apportMinimum also contains the minimum cash when the duration
  // is known, which the compared rules leave out.
  const minimum = a1.statut === "conforme" ? calculerApportMinimum(parametresVersion(OPTIONS.version), {
    genre: d.genre!, base: s.base!, preventesInternationales: d.preventesInternationales, pointsCreation: d.pointsCreation, pointsFabrication: d.pointsFabrication,
  }) : (a1.attendu as Decimal);
  return { conforme: a1.statut === "conforme", apportMinimum: minimum.toNumber() };
}

function desaccords(bruts: DossierBrut[], nous: ResultatApport[], eux: ResultatApport[]): number {
  let n = 0;
  for (let i = 0; i < bruts.length; i++) {
    // The least compliant apport is often a half cent (25 % × base − préventes / 2): floating point
    // lands a hair under or over it, so the figures agree when within a thousandth of a cent.
    const memeMinimum = new Decimal(eux[i].apportMinimum).minus(nous[i].apportMinimum).abs().lessThan("0.00001");
    if (nous[i].conforme !== eux[i].conforme || !memeMinimum) n++;
  }
  return n;
}

export function benchCoeur(): Ligne[] {
  const bruts = genererDossiers(NOMBRE);
  let dossiers: Dossier[] = [];
  const parse = mesurer(() => { dossiers = bruts.map((b) => parseDossier(b)); }, { essais: 3 });
  const complet = mesurer(() => { for (const d of dossiers) evaluer(d, OPTIONS); });
  const apport = mesurer(() => { for (const d of dossiers) evaluerApportInitial(d, OPTIONS); });

  const moteur = moteurPublicodes();
  let nous: ResultatApport[] = [];
  let publicodes: ResultatApport[] = [];
  let natif: ResultatApport[] = [];
  const tNous = mesurer(() => { nous = dossiers.map(notreApport); });
  const tPublicodes = mesurer(() => { publicodes = bruts.map((b) => evaluerPublicodes(moteur, b)); }, { essais: 3 });
  const tNatif = mesurer(() => { natif = bruts.map(evaluerNatif); }, { essais: 9 });
  const parDossier = (ms: number) => (ms * 1000) / NOMBRE;
  const derogations = dossiers.filter((d, i) => nous[i].apportMinimum < d.coutDefinitif!.toNumber() * 0.25 - 0.01 && d.genre === "animation").length;

  return [
    { mesure: "1. Lecture + validation d'un dossier (lecture directe, zod pour les cas inhabituels et les erreurs)", valeur: parDossier(parse), unite: "µs/dossier", note: `${NOMBRE} dossiers` },
    { mesure: "1. Évaluation complète (5 articles)", valeur: parDossier(complet), unite: "µs/dossier", note: `${Math.round(NOMBRE / (complet / 1000))} dossiers/s` },
    { mesure: "1. Évaluation de l'apport initial seul", valeur: parDossier(apport), unite: "µs/dossier", note: `${Math.round(NOMBRE / (apport / 1000))} dossiers/s` },
    { mesure: "3. Apport minimum — notre cœur (decimal.js, verdict expliqué)", valeur: parDossier(tNous), unite: "µs/dossier", note: `${derogations} dossiers d'animation sous dérogation` },
    { mesure: "3. Apport minimum — Publicodes", valeur: parDossier(tPublicodes), unite: "µs/dossier", note: `désaccords avec nous : ${desaccords(bruts, nous, publicodes)} / ${NOMBRE}` },
    { mesure: "3. Apport minimum — fonction native (nombres flottants)", valeur: parDossier(tNatif), unite: "µs/dossier", note: `désaccords avec nous : ${desaccords(bruts, nous, natif)} / ${NOMBRE}` },
    { mesure: "3. Ratio nous / Publicodes", valeur: tNous / tPublicodes, unite: "×", note: "< 1 : nous sommes plus rapides" },
    // Issue 15's measure: Publicodes' apport-only rule against our full verdict (five articles) on the same dossiers.
    { mesure: "3. Ratio Publicodes (apport seul) / notre verdict complet", valeur: tPublicodes / complet, unite: "×", note: "cible ≥ 20 ×" },
    { mesure: "3. Ratio nous / natif (prix des décimales exactes et des explications)", valeur: tNous / tNatif, unite: "×", note: "" },
  ];
}

export { desaccords as compterDesaccords };
