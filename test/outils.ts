/** Test helpers: dossiers written as plain objects, as a JSON file would hold them. */
import { parseDossier } from "../src/dossier";
import { evaluer, type Condition, type Section, type Verdict } from "../src/rules";

export function verdict(champs: Record<string, unknown>, aujourdhui = "2023-01-15"): Verdict {
  return evaluer(parseDossier(champs), { aujourdhui });
}

/** The condition of a section with this code (and alinea, when the code has several). */
export function cond(section: Section, code: string, alinea?: number | string): Condition {
  const trouvees = section.conditions.filter((c) => c.code === code && (alinea === undefined || c.alinea === alinea));
  if (trouvees.length !== 1) {
    throw new Error(`${trouvees.length} condition(s) ${code} ${alinea ?? ""} parmi ${section.conditions.map((c) => `${c.code} ${c.alinea}`).join(" / ")}`);
  }
  return trouvees[0];
}

export function n(c: Condition["attendu"] | Condition["ecart"]): number | null {
  if (c === null) return null;
  if (typeof c === "object") return c.toNumber();
  throw new Error(`pas un nombre : ${String(c)}`);
}

/** A compliant fiction series for television, January 2023: every test changes what it examines. */
export const FICTION = {
  titre: "Série de référence",
  dateDemande: "2023-01-16",
  genre: "fiction",
  destination: "television",
  aide: "automatique",
  dureeMinutes: 360,
  coutDefinitif: 4000000,
  apportInitial: 1000000,
  apportNumeraireTelevision: 900000,
  autorisationPrealable: true,
  autorisationDefinitive: true,
  diffuseeAnneePrecedente: true,
  versionOriginaleFrancaise: true,
  depensesFrance: 3600000,
  coutPostes: 2000000,
  depensesFrancePostes: 1800000,
  sommesCompteAutomatique: 200000,
};

/** An animation series whose apport is under 25 %: the 311-11-1 derogation decides. */
export const ANIMATION = {
  titre: "Animation sous dérogation",
  dateDemande: "2023-01-20",
  genre: "animation",
  dureeMinutes: 338,
  coutDefinitif: 1000000,
  apportInitial: 220000,
  apportNumeraireTelevision: 100000,
  preventesInternationales: 60000,
  pointsCreation: 30,
  pointsFabrication: 36,
  autorisationPrealable: true,
  autorisationDefinitive: true,
  diffuseeAnneePrecedente: true,
  versionOriginaleFrancaise: true,
  depensesFrance: 1000000,
};
