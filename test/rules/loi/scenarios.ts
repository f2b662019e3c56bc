/**
 * Boundary dossiers built from the law's figures (./textes.ts), one recipe per kind of threshold.
 * A recipe receives the figure and the other figures of the same version — never the parameter
 * table under test — and returns a dossier exactly at the threshold and one a unit beyond it (one
 * cent, one point, one minute, one month), with where to look in the verdict.
 */
import Decimal from "decimal.js";
import { FIGURES, VERSIONS_LOI, type Citation, type FigureLoi, type FiguresVersion } from "./textes";

export type CleSection = "apportInitial" | "listeReference" | "majoration";
type Brut = Record<string, unknown>;

export interface Limite {
  /** Exactly at the figure: the section complies. */
  juste: Brut;
  /** One unit beyond: the section does not comply. */
  horsLimite: Brut;
  section: CleSection;
  /** The conditions to look at: those citing this article and alinea (and this code, when given). */
  cite: Citation;
  code?: string;
  /** The gap of the failing condition, in its unit, when the figure is the one compared. */
  ecart?: string;
}

const D = (x: Decimal.Value) => new Decimal(x);
/** An amount as a dossier file writes it. */
const e = (x: Decimal) => x.toFixed();
const CENTIME = D("0.01");
const HEURES = D(90).dividedBy(60); // every duration below is 90 minutes

/** Figure of the same version, by key; the recipe fails loudly when the law table lacks it. */
function figure(F: FiguresVersion, cle: string): Decimal {
  const f = F[cle];
  if (!f) throw new Error(`figure absente de la table de la loi : ${cle}`);
  return D(f.valeur);
}

/** A fiction for television that complies everywhere: every recipe changes only what it examines. */
export function fictionConforme(version: string): Brut {
  return {
    titre: "Limite", dateDemande: VERSIONS_LOI[version].date, genre: "fiction", destination: "television", aide: "automatique",
    dureeMinutes: 90, coutDefinitif: 4000000, apportInitial: 2000000, apportNumeraireTelevision: 1000000,
    autorisationPrealable: true, autorisationDefinitive: true, diffuseeAnneePrecedente: true,
    versionOriginaleFrancaise: true, depensesFrance: 4000000, coutPostes: 2000000, depensesFrancePostes: 2000000,
    sommesCompteAutomatique: 200000,
  };
}

/** The same for a genre: a documentary outside magazine slots, a live performance of the required quality. */
export function oeuvreConforme(version: string, genre: string): Brut {
  const d: Brut = { ...fictionConforme(version), genre };
  if (genre === "documentaire") d.caseMagazine = false;
  if (genre === "spectacle_vivant") d.qualiteSpectacleVivant = true;
  if (genre === "animation") Object.assign(d, { pointsCreation: 100, pointsFabrication: 100 });
  return d;
}

/** A documentary made for on-demand services under 311-12 (2023-01): only the SMAD editors' cash. */
function oeuvreSmad(version: string, genre: string, base: Decimal, smad: Decimal): Brut {
  const d: Brut = { ...oeuvreConforme(version, genre), destination: "smad", coutDefinitif: e(base), apportNumeraireSmad: e(smad) };
  delete d.apportInitial;
  delete d.apportNumeraireTelevision;
  return d;
}

/** Moves one field by `pas` (a negative step is "one unit under"). */
function decale(d: Brut, champ: string, pas: Decimal): Brut {
  return { ...d, [champ]: e(D(d[champ] as Decimal.Value).plus(pas)) };
}

function bornes(d: Brut, champ: string, f: FigureLoi, unite: Decimal): Pick<Limite, "juste" | "horsLimite"> {
  return { juste: d, horsLimite: decale(d, champ, f.sens === "max" ? unite : unite.negated()) };
}

type Recette = (version: string, cle: string, f: FigureLoi, F: FiguresVersion) => Limite;

/** Derogation case: an apport half-way between the lowered rate and 25 %, presales and points to spare. */
function casDerogatoire(version: string, genre: string, F: FiguresVersion, prefixe: string, taux25: string): { d: Brut; base: Decimal; apport: Decimal; ecart25: Decimal } {
  const base = D(1000000);
  const reduit = figure(F, `${prefixe}.${genre}.taux`);
  const t25 = figure(F, taux25);
  const apport = reduit.plus(t25).dividedBy(2).times(base);
  const ecart25 = t25.times(base).minus(apport);
  const d: Brut = {
    ...oeuvreConforme(version, genre), coutDefinitif: e(base), apportInitial: e(apport), apportNumeraireTelevision: e(figure(F, `apport.numeraireHoraire.${genre}`).times(HEURES)),
    preventesInternationales: e(figure(F, `${prefixe}.${genre}.multiplePreventes`).times(t25).times(base)),
  };
  if (F[`${prefixe}.${genre}.pointsCreation`]) Object.assign(d, { pointsCreation: e(figure(F, `${prefixe}.${genre}.pointsCreation`)), pointsFabrication: e(figure(F, `${prefixe}.${genre}.pointsFabrication`)) });
  return { d, base, apport, ecart25 };
}

const citationDe = (f: FigureLoi): Citation => [f.article, f.alinea];

/** Recipes by the shape of the key: `*` stands for a genre. */
export const RECETTES: Readonly<Record<string, Recette>> = {
  // 311-11 / 311-9 al. 3: apport >= 25 % of the base.
  "apport.taux": (v, _c, f) => {
    const d = { ...fictionConforme(v), apportInitial: e(D(f.valeur).times(4000000)), apportNumeraireTelevision: "100000" };
    return { ...bornes(d, "apportInitial", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "A1", ecart: "0.01" };
  },
  // al. 3: cash per hour, 90 minutes.
  "apport.numeraireHoraire.*": (v, cle, f) => {
    const genre = cle.split(".")[2];
    const d = { ...oeuvreConforme(v, genre), apportNumeraireTelevision: e(D(f.valeur).times(HEURES)) };
    return { ...bornes(d, "apportNumeraireTelevision", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "A2", ecart: "0.01" };
  },
  // al. 2: at most 72 months of rights, at most 36 exclusive.
  "apport.dureeDroitsSmadMois": (v, _c, f) => ({ ...bornes({ ...fictionConforme(v), dureeDroitsSmadMois: f.valeur }, "dureeDroitsSmadMois", f, D(1)), section: "apportInitial", cite: citationDe(f), code: "A6", ecart: "1" }),
  "apport.dureeExclusiviteSmadMois": (v, _c, f) => ({ ...bornes({ ...fictionConforme(v), dureeExclusiviteSmadMois: f.valeur }, "dureeExclusiviteSmadMois", f, D(1)), section: "apportInitial", cite: citationDe(f), code: "A6", ecart: "1" }),
  // 311-11-1 / 311-10: the lowered rate itself, presales and points to spare.
  "derogation.*.taux": (v, cle, f, F) => {
    const genre = cle.split(".")[1];
    const { d, base } = casDerogatoire(v, genre, F, "derogation", "apport.taux");
    const juste = { ...d, apportInitial: e(D(f.valeur).times(base)), preventesInternationales: e(base) };
    return { ...bornes(juste, "apportInitial", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "A1", ecart: "0.01" };
  },
  // a): presales >= multiple × (25 % × base − apport).
  "derogation.*.multiplePreventes": (v, cle, f, F) => {
    const { d, ecart25 } = casDerogatoire(v, cle.split(".")[1], F, "derogation", "apport.taux");
    const juste = { ...d, preventesInternationales: e(D(f.valeur).times(ecart25)) };
    return { ...bornes(juste, "preventesInternationales", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "A4", ecart: "0.01" };
  },
  // b): the points of the barème.
  "derogation.*.pointsCreation": (v, cle, f, F) => ({ ...bornes(casDerogatoire(v, cle.split(".")[1], F, "derogation", "apport.taux").d, "pointsCreation", f, D(1)), section: "apportInitial", cite: citationDe(f), code: "A4", ecart: "1" }),
  "derogation.*.pointsFabrication": (v, cle, f, F) => ({ ...bornes(casDerogatoire(v, cle.split(".")[1], F, "derogation", "apport.taux").d, "pointsFabrication", f, D(1)), section: "apportInitial", cite: citationDe(f), code: "A4", ecart: "1" }),
  // 311-12 2°: with other French entities holding no producer shares, the SMAD editors bring at least 12,5 %.
  "smad.tauxEditeursAvecAutres": (v, _c, f, F) => {
    const base = D(400000);
    const d = { ...oeuvreSmad(v, "documentaire", base, D(f.valeur).times(base)), apportAutresFrance: e(figure(F, "smad.taux").times(base)), autresFranceDetiennentPartsProducteur: false };
    return { ...bornes(d, "apportNumeraireSmad", f, CENTIME), section: "apportInitial", cite: citationDe(f), ecart: "0.01" };
  },
  // 311-12 al. 4: the apport (SMAD editors alone, 1°) reaches 25 %.
  "smad.taux": (v, _c, f) => {
    const base = D(400000);
    return { ...bornes(oeuvreSmad(v, "documentaire", base, D(f.valeur).times(base)), "apportNumeraireSmad", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "B2", ecart: "0.01" };
  },
  // 311-12 al. 4: the SMAD editors' hourly cash (the base is twice the cash, so that 25 % holds).
  "smad.numeraireHoraire.*": (v, cle, f) => {
    const cash = D(f.valeur).times(HEURES);
    return { ...bornes(oeuvreSmad(v, cle.split(".")[2], cash.times(2), cash), "apportNumeraireSmad", f, CENTIME), section: "apportInitial", cite: citationDe(f), code: "B3", ecart: "0.01" };
  },
  // 311-30 / 311-29 4°: apport >= 25 %.
  "reference.taux": (v, _c, f) => {
    const d = { ...fictionConforme(v), apportInitial: e(D(f.valeur).times(4000000)), apportNumeraireTelevision: "100000" };
    return { ...bornes(d, "apportInitial", f, CENTIME), section: "listeReference", cite: citationDe(f), code: "C4", ecart: "0.01" };
  },
  // 4° al. 2: 15 % (animation) / 20 % (documentary) in the cases of 311-11-1 / 311-10.
  "reference.casReduits.*.taux": (v, cle, f, F) => {
    const genre = cle.split(".")[2];
    const { d, base } = casDerogatoire(v, genre, F, "reference.casReduits", "reference.taux");
    const juste = { ...d, apportInitial: e(D(f.valeur).times(base)), preventesInternationales: e(base) };
    return { ...bornes(juste, "apportInitial", f, CENTIME), section: "listeReference", cite: citationDe(f), code: "C4", ecart: "0.01" };
  },
  "reference.casReduits.*.multiplePreventes": (v, cle, f, F) => {
    const { d, ecart25 } = casDerogatoire(v, cle.split(".")[2], F, "reference.casReduits", "reference.taux");
    const juste = { ...d, preventesInternationales: e(D(f.valeur).times(ecart25)) };
    const t = F["reference.taux"];
    return { ...bornes(juste, "preventesInternationales", f, CENTIME), section: "listeReference", cite: [t.article, t.alinea], code: "C4" };
  },
  "reference.casReduits.*.pointsCreation": (v, cle, f, F) => {
    const t = F["reference.taux"];
    return { ...bornes(casDerogatoire(v, cle.split(".")[2], F, "reference.casReduits", "reference.taux").d, "pointsCreation", f, D(1)), section: "listeReference", cite: [t.article, t.alinea], code: "C4" };
  },
  "reference.casReduits.*.pointsFabrication": (v, cle, f, F) => {
    const t = F["reference.taux"];
    return { ...bornes(casDerogatoire(v, cle.split(".")[2], F, "reference.casReduits", "reference.taux").d, "pointsFabrication", f, D(1)), section: "listeReference", cite: [t.article, t.alinea], code: "C4" };
  },
  // 2°: documentary in magazine slots, at least 45 minutes an episode.
  "reference.dureeEpisodeMagazineMinutes": (v, _c, f) => {
    const d = { ...oeuvreConforme(v, "documentaire"), caseMagazine: true, dureeEpisodeMinutes: f.valeur };
    return { ...bornes(d, "dureeEpisodeMinutes", f, D(1)), section: "listeReference", cite: citationDe(f), code: "C2", ecart: "1" };
  },
  // 4° al. 3 and 4: the TV editors' hourly cash.
  "reference.numeraireHoraire.*": (v, cle, f) => {
    const d = { ...oeuvreConforme(v, cle.split(".")[2]), apportNumeraireTelevision: e(D(f.valeur).times(HEURES)) };
    return { ...bornes(d, "apportNumeraireTelevision", f, CENTIME), section: "listeReference", cite: citationDe(f), code: "C5", ecart: "0.01" };
  },
  // 311-50 1° b) (2023-01 only): 80 % of the coût définitif spent in France.
  "majoration.depensesFranceCout": (v, _c, f) => ({ ...bornes({ ...fictionConforme(v), depensesFrance: e(D(f.valeur).times(4000000)) }, "depensesFrance", f, CENTIME), section: "majoration", cite: citationDe(f), code: "D", ecart: "0.01" }),
  // 311-50 1° c) / 311-51 1° b): 80 % of the listed postes.
  "majoration.depensesFrancePostes": (v, _c, f) => ({ ...bornes({ ...fictionConforme(v), depensesFrancePostes: e(D(f.valeur).times(2000000)) }, "depensesFrancePostes", f, CENTIME), section: "majoration", cite: citationDe(f), code: "D", ecart: "0.01" }),
  // 2° b): animation, French spend per hour.
  "majoration.depensesHorairesAnimation": (v, _c, f) => ({ ...bornes({ ...oeuvreConforme(v, "animation"), depensesFrance: e(D(f.valeur).times(HEURES)) }, "depensesFrance", f, CENTIME), section: "majoration", cite: citationDe(f), code: "D", ecart: "0.01" }),
  // 2° c): 30 « Création » and 45 « Fabrication » points.
  "majoration.pointsCreationAnimation": (v, _c, f, F) => {
    const d = { ...oeuvreConforme(v, "animation"), pointsCreation: f.valeur, pointsFabrication: F["majoration.pointsFabricationAnimation"].valeur };
    return { ...bornes(d, "pointsCreation", f, D(1)), section: "majoration", cite: citationDe(f), code: "D", ecart: "1" };
  },
  "majoration.pointsFabricationAnimation": (v, _c, f, F) => {
    const d = { ...oeuvreConforme(v, "animation"), pointsFabrication: f.valeur, pointsCreation: F["majoration.pointsCreationAnimation"].valeur };
    return { ...bornes(d, "pointsFabrication", f, D(1)), section: "majoration", cite: citationDe(f), code: "D", ecart: "1" };
  },
};

/** The recipe for a key: the exact key, else its shape with the genre as `*`. */
export function recette(cle: string): Recette | undefined {
  if (RECETTES[cle]) return RECETTES[cle];
  const parties = cle.split(".");
  for (let i = parties.length - 1; i >= 0; i--) {
    const forme = [...parties.slice(0, i), "*", ...parties.slice(i + 1)].join(".");
    if (RECETTES[forme]) return RECETTES[forme];
  }
  return undefined;
}

/** Every (version, key) of the law table whose figure is a floor or a ceiling. */
export function limitesDeLaLoi(): { version: string; cle: string; f: FigureLoi }[] {
  return Object.entries(FIGURES).flatMap(([version, F]) =>
    Object.entries(F).filter(([, f]) => f.sens !== "taux").map(([cle, f]) => ({ version, cle, f })));
}

/**
 * The compliant fixtures above carry a 4 000 000 € budget's French spend and 1 000 000 € of TV cash;
 * a test that lowers the cost or the apport would leave a part above its whole, which DOMAIN.md makes
 * an error, not a verdict. This lowers those fixture figures to their whole (the spend to the cost,
 * the TV cash to the apport), so each test still examines only what it changes.
 */
export function sansPartiesExcedentaires(brut: Brut): Brut {
  const d: Brut = { ...brut };
  const n = (k: string) => (d[k] === undefined || d[k] === null ? undefined : D(d[k] as Decimal.Value));
  const cout = n("coutDefinitif");
  if (cout !== undefined) {
    for (const k of ["depensesFrance", "coutPostes"]) if (n(k)?.greaterThan(cout)) d[k] = e(cout);
    if (d.participationFrancaise !== undefined && n("participationFrancaise")!.greaterThan(cout)) d.participationFrancaise = e(cout);
  }
  const postes = n("coutPostes");
  if (postes !== undefined && n("depensesFrancePostes")?.greaterThan(postes)) d.depensesFrancePostes = e(postes);
  const apport = n("apportInitial");
  const tv = n("apportNumeraireTelevision");
  const smad = n("apportNumeraireSmad") ?? D(0);
  if (apport !== undefined && tv !== undefined && tv.plus(smad).greaterThan(apport)) d.apportNumeraireTelevision = e(Decimal.max(D(0), apport.minus(smad)));
  const duree = n("dureeMinutes");
  if (duree !== undefined && n("dureeEpisodeMinutes")?.greaterThan(duree)) d.dureeEpisodeMinutes = e(duree);
  return d;
}
