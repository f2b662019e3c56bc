/** fast-check generators of dossiers as JSON files hold them: realistic and edge values for every field. */
import fc from "fast-check";
import Decimal from "decimal.js";

const centimes = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
export const montant = fc.oneof(centimes(20_000_000), fc.constantFrom(0, 0.01, 0.1, 0.2, 0.3, 999999.99, 1e15));
const date = fc.date({ min: new Date("2022-06-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const duree = fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(0.5, 44.99, 45, 52, 90));
const entier = fc.integer({ min: 0, max: 200 });

type Brut = Record<string, unknown>;
const dec = (v: unknown): Decimal | undefined =>
  (typeof v === "number" || (typeof v === "string" && /^\d+(\.\d+)?$/.test(v)) ? new Decimal(v) : undefined);

/**
 * Repairs the contradictions DOMAIN.md forbids (a part above its whole), so that a generated dossier
 * is valid: the whole is raised to its part, exactly (decimal strings). Contradictory dossiers are
 * tested on purpose elsewhere.
 */
export function coherent(d: Brut): Brut {
  const r: Brut = { ...d };
  const au = (tout: string, ...parties: string[]) => {
    const t = dec(r[tout]);
    if (t === undefined) return;
    const max = parties.map((p) => dec(r[p])).filter((x): x is Decimal => x !== undefined).reduce((m, x) => Decimal.max(m, x), t);
    if (max.greaterThan(t)) r[tout] = max.toString();
  };
  const tv = dec(r.apportNumeraireTelevision);
  const smad = dec(r.apportNumeraireSmad);
  const a = dec(r.apportInitial);
  if (a !== undefined && (tv !== undefined || smad !== undefined)) {
    const cash = (tv ?? new Decimal(0)).plus(smad ?? 0);
    if (cash.greaterThan(a)) r.apportInitial = cash.toString();
  }
  au("coutPostes", "depensesFrancePostes");
  au("coutDefinitif", "participationFrancaise", "depensesFrance", "coutPostes");
  au("dureeMinutes", "dureeEpisodeMinutes");
  return r;
}

/** Every DOSSIER.md field, each present or absent, values of the right kind, possibly contradictory. */
export const dossierBrut = fc.record(
  {
    titre: fc.string({ maxLength: 30 }),
    dateDemande: date,
    genre: fc.constantFrom("fiction", "animation", "documentaire", "spectacle_vivant", "autre", "Documentaire de création"),
    destination: fc.constantFrom("television", "smad"),
    aide: fc.constantFrom("automatique", "selective", "preparation"),
    dureeMinutes: duree,
    dureeEpisodeMinutes: duree,
    coutDefinitif: montant,
    coproductionInternationale: fc.boolean(),
    participationFrancaise: montant,
    apportInitial: montant,
    apportNumeraireTelevision: montant,
    apportNumeraireSmad: montant,
    apportAutresFrance: montant,
    autresFranceDetiennentPartsProducteur: fc.boolean(),
    preventesInternationales: montant,
    pointsCreation: entier,
    pointsFabrication: entier,
    dateContrat: date,
    dateFinTournage: date,
    engagementFerme: fc.boolean(),
    dureeDroitsSmadMois: entier,
    dureeExclusiviteSmadMois: entier,
    caseMagazine: fc.boolean(),
    qualiteSpectacleVivant: fc.boolean(),
    autorisationPrealable: fc.boolean(),
    autorisationDefinitive: fc.boolean(),
    diffuseeAnneePrecedente: fc.boolean(),
    versionDefinitiveAcceptee: fc.boolean(),
    versionOriginaleFrancaise: fc.boolean(),
    depensesFrance: montant,
    coutPostes: montant,
    depensesFrancePostes: montant,
    sommesCompteAutomatique: montant,
  },
  { requiredKeys: [] },
);

/** Every DOSSIER.md field, each present or absent, values of the right kind, never contradictory. */
export const dossierValide = dossierBrut.map(coherent);

/** A complete-looking dossier (core amounts present), so that statuses are mostly decided. */
export const dossierComplet = fc.tuple(dossierValide, fc.record({
  genre: fc.constantFrom("fiction", "animation", "documentaire", "spectacle_vivant"),
  dureeMinutes: fc.integer({ min: 10, max: 1500 }),
  coutDefinitif: centimes(10_000_000),
  apportInitial: centimes(4_000_000),
  apportNumeraireTelevision: centimes(2_000_000),
  preventesInternationales: centimes(2_000_000),
})).map(([a, b]) => coherent({ ...a, ...b }));

export const CHAMPS_MONTANTS = [
  "coutDefinitif", "participationFrancaise", "apportInitial", "apportNumeraireTelevision", "apportNumeraireSmad",
  "apportAutresFrance", "preventesInternationales", "depensesFrance", "coutPostes", "depensesFrancePostes", "sommesCompteAutomatique",
] as const;
