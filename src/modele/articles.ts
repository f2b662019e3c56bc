/**
 * The article column of the template cites the numbers of the version the dossier falls under
 * (issue 17, item 10): the recast of 1 February 2023 (délibération n° 2022/CA/38) renumbered
 * 311-11 → 311-9, 311-11-1 → 311-10, 311-30 → 311-29, 311-50 → 311-51, the barème 311-45 → 311-44,
 * and repealed 311-12 (../shared/rga/README.md). CHAMPS (src/dossier) holds both numbers of each
 * field; the template chooses by the request date.
 */

/** The first day of the recast (version 2023-02). */
export const DEBUT_REFONTE = { annee: 2023, mois: 2, jour: 1 } as const;

/** How the template shows a 311-12 citation under the recast: the article no longer exists. */
export function articleAbroge(article: string): string {
  return `${article} (abrogé le 01/02/2023)`;
}
