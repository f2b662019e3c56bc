/**
 * A seeded mix of realistic dossiers (plain JSON objects, as files hold them): the four genres,
 * television and on-demand works, coproductions, apports around the thresholds.
 */

/** mulberry32: a tiny seeded generator, so every run measures the same dossiers. */
export function aleatoire(graine: number): () => number {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENRES = ["fiction", "animation", "documentaire", "spectacle_vivant"] as const;

export type DossierBrut = Record<string, string | number | boolean>;

export function genererDossiers(nombre: number, graine = 2023, dateDemande = "2023-01-20"): DossierBrut[] {
  const r = aleatoire(graine);
  const entre = (min: number, max: number) => min + r() * (max - min);
  const euros = (x: number) => Math.round(x * 100) / 100;
  const dossiers: DossierBrut[] = [];
  for (let i = 0; i < nombre; i++) {
    const genre = GENRES[Math.floor(r() * GENRES.length)];
    const episodes = genre === "animation" ? 26 : genre === "fiction" ? 6 + Math.floor(r() * 6) : 1 + Math.floor(r() * 4);
    const dureeEpisode = genre === "animation" ? 13 : genre === "fiction" ? 52 : 52 + Math.floor(r() * 40);
    const dureeMinutes = episodes * dureeEpisode;
    const coutDefinitif = euros(dureeMinutes * entre(3000, 25000));
    const copro = r() < 0.15;
    const participationFrancaise = copro ? euros(coutDefinitif * entre(0.4, 0.8)) : undefined;
    const base = participationFrancaise ?? coutDefinitif;
    const apportInitial = euros(base * entre(0.14, 0.34));
    const numeraire = euros(apportInitial * entre(0.05, 0.95));
    const d: DossierBrut = {
      titre: `Œuvre ${i + 1}`, dateDemande, genre, destination: "television", aide: "automatique",
      dureeMinutes, dureeEpisodeMinutes: dureeEpisode, coutDefinitif, coproductionInternationale: copro,
      apportInitial, apportNumeraireTelevision: numeraire, apportNumeraireSmad: 0,
      preventesInternationales: euros(base * entre(0, 0.25)),
      pointsCreation: Math.floor(entre(20, 40)), pointsFabrication: Math.floor(entre(25, 50)),
      caseMagazine: r() < 0.2, qualiteSpectacleVivant: r() < 0.9,
      autorisationPrealable: true, autorisationDefinitive: r() < 0.9, diffuseeAnneePrecedente: r() < 0.7, versionDefinitiveAcceptee: r() < 0.5,
      versionOriginaleFrancaise: r() < 0.9, depensesFrance: euros(coutDefinitif * entre(0.6, 1)),
      coutPostes: euros(coutDefinitif * 0.6), depensesFrancePostes: euros(coutDefinitif * 0.6 * entre(0.6, 1)),
      sommesCompteAutomatique: euros(coutDefinitif * 0.05),
    };
    if (participationFrancaise !== undefined) d.participationFrancaise = participationFrancaise;
    dossiers.push(d);
  }
  return dossiers;
}
