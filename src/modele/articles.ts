/**
 * The article column of the template cites the numbers of the version the dossier falls under
 * (issue 17, item 10): the recast of 1 February 2023 (délibération n° 2022/CA/38) renumbered
 * 311-11 → 311-9, 311-11-1 → 311-10, 311-30 → 311-29, 311-50 → 311-51, the barème 311-45 → 311-44,
 * and repealed 311-12 (../shared/rga/README.md). CHAMPS (src/dossier) cites the January-2023
 * numbers; this module gives the recast's, so the template can choose by the request date.
 */

/** The first day of the recast (version 2023-02). */
export const DEBUT_REFONTE = { annee: 2023, mois: 2, jour: 1 } as const;

/** Alineas whose place changed in the recast: 311-50 1° b) (80 % of the coût définitif) was dropped. */
const ALINEAS_DEPLACES: Record<string, string> = {
  "311-50 1° c)": "311-51 1° b)",
  "311-50 1° b), 2° b)": "311-51 2° b)",
  "311-50 a)": "311-51 1° a), 2° a)",
  "311-11-1 a)": "311-10 1° a)",
  "311-11-1 b)": "311-10 1° b)",
};

const ARTICLES: [RegExp, string][] = [
  [/^311-11-1\b/, "311-10"],
  [/^311-11\b/, "311-9"],
  [/^311-30\b/, "311-29"],
  [/^311-50\b/, "311-51"],
  [/^311-45\b/, "311-44"],
];

/**
 * The recast's citation of a January-2023 citation: "311-11 al. 1" → "311-9 al. 1"; a 311-12
 * citation (repealed) → null; a citation already in the recast's numbers, or unknown → unchanged.
 */
export function articleRefonte(article: string): string | null {
  const a = article.trim();
  if (ALINEAS_DEPLACES[a]) return ALINEAS_DEPLACES[a];
  if (/^311-12\b/.test(a)) return null;
  for (const [motif, nouveau] of ARTICLES) if (motif.test(a)) return a.replace(motif, nouveau);
  return a;
}

/** How the template shows a 311-12 citation under the recast: the article no longer exists. */
export function articleAbroge(article: string): string {
  return `${article} (abrogé le 01/02/2023)`;
}
