/**
 * The dated parameter table: every threshold of the RGA that the rules use, by version, each with
 * the article and alinea that sets it. No rule file holds a threshold literal; a new version of the
 * law is a new dated entry here (and the few rules that changed), never an edited constant.
 * Reading of the texts: ../shared/DOMAIN.md; texts: ../shared/rga/.
 */
import { Decimal } from "./decimal";
import type { Genre } from "./dossier";

export type VersionId = "2023-01" | "2023-02";

/** One threshold: its value and where the law sets it. */
export interface Seuil {
  readonly valeur: Decimal;
  readonly article: string;
  /** Alinea number (3 for "al. 3") or the numbered point as the text writes it ("1° b)"). */
  readonly alinea: number | string;
}

/** A derogation case: presales of at least `multiplePreventes` × the shortfall at 25 %, and points. */
export interface CasDerogatoire {
  readonly taux: Seuil;
  readonly multiplePreventes: Seuil;
  /** null when the case asks for no points (documentary, 311-10 2°). */
  readonly pointsCreation: Seuil | null;
  readonly pointsFabrication: Seuil | null;
}

/** Where the law says something that is not a threshold (a waiver, say). */
export interface Citation {
  readonly article: string;
  readonly alinea: number | string;
}

export type GenreAidable = Exclude<Genre, "autre">;

export interface ParametresVersion {
  readonly version: VersionId;
  /** First day of aid requests this version applies to (ISO date). */
  readonly debut: string;
  /** Last day, inclusive, or null while in force. */
  readonly fin: string | null;
  readonly source: string;
  readonly articles: {
    readonly apport: string;
    readonly derogation: string;
    /** Works made for on-demand services: null when the version has no such regime. */
    readonly smad: string | null;
    readonly reference: string;
    readonly majoration: string;
  };
  readonly apport: {
    readonly taux: Seuil;
    readonly numeraireHoraire: Readonly<Record<GenreAidable, Seuil>>;
    readonly dureeDroitsSmadMois: Seuil;
    readonly dureeExclusiviteSmadMois: Seuil;
    /** 311-11 al. 3 (2023-01) applies "sous réserve de l'article 311-81", a text we do not have. */
    readonly reserveArticle: string | null;
    /** Where the law waives the share and the cash for selective aid (al. 4). */
    readonly aideSelective: Citation;
  };
  /** 311-11-1 / 311-10: lowered minimum share for automatic aid, by genre. */
  readonly derogation: Readonly<Partial<Record<GenreAidable, CasDerogatoire>>>;
  readonly smad: {
    readonly tauxEditeursAvecAutres: Seuil;
    readonly taux: Seuil;
    readonly numeraireHoraire: Readonly<Partial<Record<GenreAidable, Seuil>>>;
    /** Last alinea: no apport required for automatic preparation aid. */
    readonly aidePreparation: Citation;
  } | null;
  readonly reference: {
    readonly taux: Seuil;
    /** Lowered shares "dans les cas prévus à l'article 311-11-1 / 311-10", with the reading of those cases. */
    readonly casReduits: Readonly<Partial<Record<GenreAidable, CasDerogatoire>>>;
    /** True when the lowered rates of the list and of the derogation differ (DOMAIN.md C4). */
    readonly textesDivergents: boolean;
    readonly dureeEpisodeMagazineMinutes: Seuil;
    readonly numeraireHoraire: Readonly<Partial<Record<GenreAidable, Seuil>>>;
  };
  readonly majoration: {
    readonly taux: Seuil;
    /** a): "version originale en langue française" (311-50) became "d'expression originale française" (311-51). */
    readonly expressionOriginaleFrancaise: boolean;
    /** 311-50 1° b): 80 % of the coût définitif spent in France; null once removed (311-51). */
    readonly depensesFranceCout: Seuil | null;
    readonly depensesFrancePostes: Seuil;
    readonly depensesHorairesAnimation: Seuil;
    readonly pointsCreationAnimation: Seuil;
    readonly pointsFabricationAnimation: Seuil;
  };
}

function seuil(valeur: string, article: string, alinea: number | string): Seuil {
  return Object.freeze({ valeur: valeurUnique(valeur), article, alinea });
}

/**
 * One Decimal per value written in the table: the same hourly amount in 311-11 and 311-30 is the
 * same object, so the verdict computes its product with a duration once (`produit`, decimal.ts).
 */
function valeurUnique(valeur: string): Decimal {
  let v = VALEURS.get(valeur);
  if (v === undefined) {
    v = new Decimal(valeur);
    VALEURS.set(valeur, v);
  }
  return v;
}
const VALEURS = new Map<string, Decimal>();

/** A duration in minutes becomes hours by this divisor (dureeMinutes / 60): a unit, not a threshold. */
export const MINUTES_PAR_HEURE = new Decimal("60");
/** Days between two ISO dates: a unit, not a threshold. */
export const MS_PAR_JOUR = 86_400_000;

const V2023_01: ParametresVersion = {
  version: "2023-01",
  debut: "2023-01-01",
  fin: "2023-01-31",
  source: "RGA, délibération n° 2022/CA/32 du 8 décembre 2022 (demandes à compter du 1er janvier 2023)",
  articles: { apport: "311-11", derogation: "311-11-1", smad: "311-12", reference: "311-30", majoration: "311-50" },
  apport: {
    taux: seuil("0.25", "311-11", 3),
    numeraireHoraire: {
      fiction: seuil("12000", "311-11", 3),
      animation: seuil("12000", "311-11", 3),
      documentaire: seuil("12000", "311-11", 3),
      spectacle_vivant: seuil("20000", "311-11", 3),
    },
    dureeDroitsSmadMois: seuil("72", "311-11", 2),
    dureeExclusiviteSmadMois: seuil("36", "311-11", 2),
    reserveArticle: "311-81",
    aideSelective: { article: "311-11", alinea: 4 },
  },
  derogation: {
    animation: {
      taux: seuil("0.20", "311-11-1", 1),
      multiplePreventes: seuil("2", "311-11-1", "a)"),
      pointsCreation: seuil("30", "311-11-1", "b)"),
      pointsFabrication: seuil("36", "311-11-1", "b)"),
    },
  },
  smad: {
    tauxEditeursAvecAutres: seuil("0.125", "311-12", "2°"),
    taux: seuil("0.25", "311-12", 4),
    numeraireHoraire: {
      documentaire: seuil("12000", "311-12", 4),
      spectacle_vivant: seuil("15000", "311-12", 4),
    },
    aidePreparation: { article: "311-12", alinea: 5 },
  },
  reference: {
    taux: seuil("0.25", "311-30", "4°"),
    casReduits: {
      // 311-30 4° al. 2 sets the rate; the case is 311-11-1 a) and b) (DOMAIN.md C4).
      animation: {
        taux: seuil("0.15", "311-30", "4°"),
        multiplePreventes: seuil("2", "311-11-1", "a)"),
        pointsCreation: seuil("30", "311-11-1", "b)"),
        pointsFabrication: seuil("36", "311-11-1", "b)"),
      },
      // 311-11-1 has no documentary case in this version: a) alone, as the later text (311-10 2°) writes it.
      documentaire: {
        taux: seuil("0.20", "311-30", "4°"),
        multiplePreventes: seuil("2", "311-11-1", "a)"),
        pointsCreation: null,
        pointsFabrication: null,
      },
    },
    textesDivergents: true,
    dureeEpisodeMagazineMinutes: seuil("45", "311-30", "2°"),
    numeraireHoraire: {
      documentaire: seuil("12000", "311-30", "4°"),
      spectacle_vivant: seuil("20000", "311-30", "4°"),
    },
  },
  majoration: {
    taux: seuil("0.25", "311-50", 1),
    expressionOriginaleFrancaise: false,
    depensesFranceCout: seuil("0.80", "311-50", "1° b)"),
    depensesFrancePostes: seuil("0.80", "311-50", "1° c)"),
    depensesHorairesAnimation: seuil("350000", "311-50", "2° b)"),
    pointsCreationAnimation: seuil("30", "311-50", "2° c)"),
    pointsFabricationAnimation: seuil("45", "311-50", "2° c)"),
  },
};

const V2023_02: ParametresVersion = {
  version: "2023-02",
  debut: "2023-02-01",
  fin: null,
  source: "RGA refondu, délibération n° 2022/CA/38 du 8 décembre 2022 (en vigueur le 1er février 2023)",
  articles: { apport: "311-9", derogation: "311-10", smad: null, reference: "311-29", majoration: "311-51" },
  apport: {
    taux: seuil("0.25", "311-9", 3),
    numeraireHoraire: {
      fiction: seuil("12000", "311-9", 3),
      animation: seuil("12000", "311-9", 3),
      documentaire: seuil("12000", "311-9", 3),
      spectacle_vivant: seuil("20000", "311-9", 3),
    },
    dureeDroitsSmadMois: seuil("72", "311-9", 2),
    dureeExclusiviteSmadMois: seuil("36", "311-9", 2),
    reserveArticle: null,
    aideSelective: { article: "311-9", alinea: 4 },
  },
  derogation: {
    animation: {
      taux: seuil("0.15", "311-10", "1°"),
      multiplePreventes: seuil("1", "311-10", "1° a)"),
      pointsCreation: seuil("30", "311-10", "1° b)"),
      pointsFabrication: seuil("36", "311-10", "1° b)"),
    },
    documentaire: {
      taux: seuil("0.20", "311-10", "2°"),
      multiplePreventes: seuil("2", "311-10", "2°"),
      pointsCreation: null,
      pointsFabrication: null,
    },
  },
  smad: null,
  reference: {
    taux: seuil("0.25", "311-29", "4°"),
    // "dans les cas prévus à l'article 311-10": exactly the conditions of 311-10 (DOMAIN.md E4).
    casReduits: {
      animation: {
        taux: seuil("0.15", "311-29", "4°"),
        multiplePreventes: seuil("1", "311-10", "1° a)"),
        pointsCreation: seuil("30", "311-10", "1° b)"),
        pointsFabrication: seuil("36", "311-10", "1° b)"),
      },
      documentaire: {
        taux: seuil("0.20", "311-29", "4°"),
        multiplePreventes: seuil("2", "311-10", "2°"),
        pointsCreation: null,
        pointsFabrication: null,
      },
    },
    textesDivergents: false,
    dureeEpisodeMagazineMinutes: seuil("45", "311-29", "2°"),
    numeraireHoraire: {
      documentaire: seuil("12000", "311-29", "4°"),
      spectacle_vivant: seuil("20000", "311-29", "4°"),
    },
  },
  majoration: {
    taux: seuil("0.25", "311-51", 1),
    expressionOriginaleFrancaise: true,
    depensesFranceCout: null,
    depensesFrancePostes: seuil("0.80", "311-51", "1° b)"),
    depensesHorairesAnimation: seuil("350000", "311-51", "2° b)"),
    pointsCreationAnimation: seuil("30", "311-51", "2° c)"),
    pointsFabricationAnimation: seuil("45", "311-51", "2° c)"),
  },
};

/** Every implemented version, oldest first. */
export const VERSIONS: readonly ParametresVersion[] = Object.freeze([V2023_01, V2023_02]);

/** The version in force for an aid request dated `date` (ISO), or null before the first one. */
export function versionEnVigueur(date: string): ParametresVersion | null {
  let trouvee: ParametresVersion | null = null;
  for (const v of VERSIONS) {
    if (date >= v.debut && (v.fin === null || date <= v.fin)) trouvee = v;
  }
  return trouvee;
}

export function parametresVersion(id: VersionId): ParametresVersion {
  const v = VERSIONS.find((x) => x.version === id);
  if (!v) throw new Error(`Version du RGA inconnue : ${id}`);
  return v;
}
