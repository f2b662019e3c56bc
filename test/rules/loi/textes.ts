/**
 * The law's figures and citations, written by hand from the texts in ../shared/rga/ (2023-01 and
 * 2023-02) and the readings of ../shared/DOMAIN.md — never read back from src/rules/parametres.ts.
 * The tests compare the code with this table: a threshold, an article or an alinea changed in the
 * code (or added without a figure here) fails a test.
 *
 * Adding a version is adding an entry to LOI (its date and its figures); adding a threshold of a
 * kind already known (another genre's hourly amount, say) is adding a line. Both get their boundary
 * tests from test/rules/seuils.test.ts without a new line of test code.
 */

/** The versions, with a request date inside each (DOMAIN.md "Versions"). */
export interface VersionLoi {
  /** A dateDemande that falls under this version. */
  date: string;
  debut: string;
  fin: string | null;
}

/**
 * `min`: "au moins égal", "supérieur ou égal" (a value at the figure complies, one unit under does not);
 * `max`: "n'excède pas" (at the figure complies, one unit over does not);
 * `taux`: a rate that is a result (the majoration of 25 %), not a floor.
 */
export type Sens = "min" | "max" | "taux";

export interface FigureLoi {
  /** The figure as the text writes it ("25 %" → "0.25", "12 000 €" → "12000"). */
  valeur: string;
  article: string;
  alinea: number | string;
  sens: Sens;
  /** The words of the text that set it, to find it again. */
  texte: string;
}

/** Figures by version, keyed by their place in the parameter table (a dotted path). */
export type FiguresVersion = Readonly<Record<string, FigureLoi>>;

const min = (valeur: string, article: string, alinea: number | string, texte: string): FigureLoi => ({ valeur, article, alinea, sens: "min", texte });
const max = (valeur: string, article: string, alinea: number | string, texte: string): FigureLoi => ({ valeur, article, alinea, sens: "max", texte });

/** rga/2023-01: 311-11, 311-11-1, 311-12, 311-30, 311-50. */
const F2023_01: FiguresVersion = {
  // 311-11 al. 3: « au moins égal à 25 % du coût définitif » and « 12 000 € … fiction, animation et documentaire de création et 20 000 € … spectacle vivant ».
  "apport.taux": min("0.25", "311-11", 3, "au moins égal à 25 % du coût définitif de l'œuvre"),
  "apport.numeraireHoraire.fiction": min("12000", "311-11", 3, "montant horaire est fixé à 12 000 € pour … fiction"),
  "apport.numeraireHoraire.animation": min("12000", "311-11", 3, "montant horaire est fixé à 12 000 € pour … animation"),
  "apport.numeraireHoraire.documentaire": min("12000", "311-11", 3, "montant horaire est fixé à 12 000 € pour … documentaire de création"),
  "apport.numeraireHoraire.spectacle_vivant": min("20000", "311-11", 3, "à 20 000 € pour … adaptation audiovisuelle de spectacle vivant"),
  // 311-11 al. 2: « n'excède pas … soixante-douze mois dont trente-six mois à titre exclusif ».
  "apport.dureeDroitsSmadMois": max("72", "311-11", 2, "n'excède pas … soixante-douze mois"),
  "apport.dureeExclusiviteSmadMois": max("36", "311-11", 2, "dont trente-six mois à titre exclusif"),
  // 311-11-1 (one alinea before a) and b)): « ramenée à 20 % … animation ».
  "derogation.animation.taux": min("0.20", "311-11-1", 1, "la proportion minimale de l'apport initial est ramenée à 20 %"),
  "derogation.animation.multiplePreventes": min("2", "311-11-1", "a)", "au moins égal au double de la différence"),
  "derogation.animation.pointsCreation": min("30", "311-11-1", "b)", "un nombre minimum de 30 points au titre du groupe « Création »"),
  "derogation.animation.pointsFabrication": min("36", "311-11-1", "b)", "un nombre minimum de 36 points au titre du groupe « Fabrication »"),
  // 311-12: intro (al. 1), 1° (al. 2), 2° (al. 3), « L'apport initial doit être au moins égal à 25 % … » (al. 4), preparation aid (al. 5).
  "smad.tauxEditeursAvecAutres": min("0.125", "311-12", "2°", "au moins égal à 12,5 % du coût définitif"),
  "smad.taux": min("0.25", "311-12", 4, "L'apport initial doit être au moins égal à 25 %"),
  "smad.numeraireHoraire.documentaire": min("12000", "311-12", 4, "respectivement fixé à 12 000 € [documentaire de création]"),
  "smad.numeraireHoraire.spectacle_vivant": min("15000", "311-12", 4, "et 15 000 € [spectacle vivant]"),
  // 311-30: 2° (45 minutes), 4° (25 %, lowered to 15 % / 20 % « dans les cas prévus à l'article 311-11-1 », hourly cash).
  "reference.taux": min("0.25", "311-30", "4°", "au moins égal à 25 % du coût définitif"),
  "reference.casReduits.animation.taux": min("0.15", "311-30", "4°", "ramenée à 15 % pour les œuvres appartenant au genre animation"),
  "reference.casReduits.animation.multiplePreventes": min("2", "311-11-1", "a)", "au moins égal au double de la différence"),
  "reference.casReduits.animation.pointsCreation": min("30", "311-11-1", "b)", "30 points au titre du groupe « Création »"),
  "reference.casReduits.animation.pointsFabrication": min("36", "311-11-1", "b)", "36 points au titre du groupe « Fabrication »"),
  // DOMAIN.md C4: for a documentary, the case is a) alone (the later 311-10 2° writes it).
  "reference.casReduits.documentaire.taux": min("0.20", "311-30", "4°", "et à 20 % pour les œuvres appartenant au genre documentaire de création"),
  "reference.casReduits.documentaire.multiplePreventes": min("2", "311-11-1", "a)", "au moins égal au double de la différence"),
  "reference.dureeEpisodeMagazineMinutes": min("45", "311-30", "2°", "supérieure ou égale à 45 minutes"),
  "reference.numeraireHoraire.documentaire": min("12000", "311-30", "4°", "est supérieur ou égal à 12 000 €"),
  "reference.numeraireHoraire.spectacle_vivant": min("20000", "311-30", "4°", "est supérieur ou égal à 20 000 €"),
  // 311-50 al. 1: « majorées de 25 % »; 1° b) and c): « au moins 80 % »; 2° b) 350 000 €; 2° c) 30 and 45 points.
  "majoration.taux": { valeur: "0.25", article: "311-50", alinea: 1, sens: "taux", texte: "sont majorées de 25 %" },
  "majoration.depensesFranceCout": min("0.80", "311-50", "1° b)", "pour au moins 80 % de leur coût définitif"),
  "majoration.depensesFrancePostes": min("0.80", "311-50", "1° c)", "pour au moins 80 % du coût correspondant aux catégories de postes"),
  "majoration.depensesHorairesAnimation": min("350000", "311-50", "2° b)", "dépenses horaires françaises … supérieur ou égal à 350 000 €"),
  "majoration.pointsCreationAnimation": min("30", "311-50", "2° c)", "30 points au titre du groupe « Création »"),
  "majoration.pointsFabricationAnimation": min("45", "311-50", "2° c)", "45 points au titre du groupe « Fabrication »"),
};

/** rga/2023-02 (recast): 311-9, 311-10, 311-29, 311-51; no successor to 311-12. */
const F2023_02: FiguresVersion = {
  "apport.taux": min("0.25", "311-9", 3, "au moins égal à 25 % du coût définitif de l'œuvre"),
  "apport.numeraireHoraire.fiction": min("12000", "311-9", 3, "12 000 € pour … fiction"),
  "apport.numeraireHoraire.animation": min("12000", "311-9", 3, "12 000 € pour … animation"),
  "apport.numeraireHoraire.documentaire": min("12000", "311-9", 3, "12 000 € pour … documentaire de création"),
  "apport.numeraireHoraire.spectacle_vivant": min("20000", "311-9", 3, "20 000 € pour … spectacle vivant"),
  "apport.dureeDroitsSmadMois": max("72", "311-9", 2, "n'excède pas … soixante-douze mois"),
  "apport.dureeExclusiviteSmadMois": max("36", "311-9", 2, "dont trente-six mois à titre exclusif"),
  // 311-10 1°: 15 % for animation, a) presales ≥ the difference (× 1), b) 30 / 36 points; 2°: 20 % for documentary, presales ≥ double.
  "derogation.animation.taux": min("0.15", "311-10", "1°", "1° 15 % en ce qui concerne les œuvres appartenant au genre animation"),
  "derogation.animation.multiplePreventes": min("1", "311-10", "1° a)", "un montant au moins égal à la différence"),
  "derogation.animation.pointsCreation": min("30", "311-10", "1° b)", "30 points au titre du groupe « Création »"),
  "derogation.animation.pointsFabrication": min("36", "311-10", "1° b)", "36 points au titre du groupe « Fabrication »"),
  "derogation.documentaire.taux": min("0.20", "311-10", "2°", "2° 20 % en ce qui concerne … documentaire de création"),
  "derogation.documentaire.multiplePreventes": min("2", "311-10", "2°", "au moins égal au double de la différence"),
  "reference.taux": min("0.25", "311-29", "4°", "au moins égal à 25 % du coût définitif"),
  "reference.casReduits.animation.taux": min("0.15", "311-29", "4°", "ramenée à 15 % pour … animation"),
  "reference.casReduits.animation.multiplePreventes": min("1", "311-10", "1° a)", "au moins égal à la différence"),
  "reference.casReduits.animation.pointsCreation": min("30", "311-10", "1° b)", "30 points « Création »"),
  "reference.casReduits.animation.pointsFabrication": min("36", "311-10", "1° b)", "36 points « Fabrication »"),
  "reference.casReduits.documentaire.taux": min("0.20", "311-29", "4°", "et à 20 % pour … documentaire de création"),
  "reference.casReduits.documentaire.multiplePreventes": min("2", "311-10", "2°", "au moins égal au double de la différence"),
  "reference.dureeEpisodeMagazineMinutes": min("45", "311-29", "2°", "supérieure ou égale à 45 minutes"),
  "reference.numeraireHoraire.documentaire": min("12000", "311-29", "4°", "supérieur ou égal à 12 000 €"),
  "reference.numeraireHoraire.spectacle_vivant": min("20000", "311-29", "4°", "supérieur ou égal à 20 000 €"),
  // 311-51: the 80 % of the coût définitif (311-50 1° b) is gone; the postes condition becomes 1° b).
  "majoration.taux": { valeur: "0.25", article: "311-51", alinea: 1, sens: "taux", texte: "sont majorées de 25 %" },
  "majoration.depensesFrancePostes": min("0.80", "311-51", "1° b)", "pour au moins 80 % de l'ensemble des dépenses suivantes"),
  "majoration.depensesHorairesAnimation": min("350000", "311-51", "2° b)", "supérieur ou égal à 350 000 €"),
  "majoration.pointsCreationAnimation": min("30", "311-51", "2° c)", "30 points « Création »"),
  "majoration.pointsFabricationAnimation": min("45", "311-51", "2° c)", "45 points « Fabrication »"),
};

export const VERSIONS_LOI: Readonly<Record<string, VersionLoi>> = {
  "2023-01": { date: "2023-01-16", debut: "2023-01-01", fin: "2023-01-31" },
  "2023-02": { date: "2023-03-01", debut: "2023-02-01", fin: null },
};

export const FIGURES: Readonly<Record<string, FiguresVersion>> = {
  "2023-01": F2023_01,
  "2023-02": F2023_02,
};

/**
 * Where each condition is set in the text, by version: article and alinea as the verdict must cite
 * them. Keys name a condition of DOMAIN.md (and, where a code has several, which one).
 */
export type CleCitation =
  | "A1" | "A1 dérogation animation" | "A1 dérogation documentaire" | "A2" | "A3" | "A5" | "A6"
  | "A4 préventes animation" | "A4 points animation" | "A4 préventes documentaire"
  | "B1 1°" | "B1 2°" | "B2" | "B3" | "B préparation"
  | "C1" | "C2" | "C3" | "C4" | "C5" | "C6"
  | "D référence" | "D 1° a)" | "D 1° b) coût" | "D postes" | "D 2° a)" | "D 2° b)" | "D 2° c)";

export type Citation = readonly [article: string, alinea: number | string];

export const CITATIONS: Readonly<Record<string, Readonly<Partial<Record<CleCitation, Citation>>>>> = {
  "2023-01": {
    A1: ["311-11", 3], "A1 dérogation animation": ["311-11-1", 1], A2: ["311-11", 3], A3: ["311-11", 4],
    A5: ["311-11", 1], A6: ["311-11", 2],
    "A4 préventes animation": ["311-11-1", "a)"], "A4 points animation": ["311-11-1", "b)"],
    "B1 1°": ["311-12", "1°"], "B1 2°": ["311-12", "2°"], B2: ["311-12", 4], B3: ["311-12", 4], "B préparation": ["311-12", 5],
    C1: ["311-30", "1°"], C2: ["311-30", "2°"], C3: ["311-30", "3°"], C4: ["311-30", "4°"], C5: ["311-30", "4°"], C6: ["311-30", "5°"],
    "D référence": ["311-50", 1], "D 1° a)": ["311-50", "1° a)"], "D 1° b) coût": ["311-50", "1° b)"], "D postes": ["311-50", "1° c)"],
    "D 2° a)": ["311-50", "2° a)"], "D 2° b)": ["311-50", "2° b)"], "D 2° c)": ["311-50", "2° c)"],
  },
  "2023-02": {
    A1: ["311-9", 3], "A1 dérogation animation": ["311-10", "1°"], "A1 dérogation documentaire": ["311-10", "2°"],
    A2: ["311-9", 3], A3: ["311-9", 4], A5: ["311-9", 1], A6: ["311-9", 2],
    "A4 préventes animation": ["311-10", "1° a)"], "A4 points animation": ["311-10", "1° b)"], "A4 préventes documentaire": ["311-10", "2°"],
    C1: ["311-29", "1°"], C2: ["311-29", "2°"], C3: ["311-29", "3°"], C4: ["311-29", "4°"], C5: ["311-29", "4°"], C6: ["311-29", "5°"],
    "D référence": ["311-51", 1], "D 1° a)": ["311-51", "1° a)"], "D postes": ["311-51", "1° b)"],
    "D 2° a)": ["311-51", "2° a)"], "D 2° b)": ["311-51", "2° b)"], "D 2° c)": ["311-51", "2° c)"],
  },
};

/** The articles of each version (rga/README.md): a verdict cites no other. */
export const ARTICLES: Readonly<Record<string, readonly string[]>> = {
  "2023-01": ["311-11", "311-11-1", "311-12", "311-30", "311-50"],
  "2023-02": ["311-9", "311-10", "311-29", "311-51"],
};
