/**
 * Re-reading on demand without piling up: events may fire many times while one reading is under
 * way (a paste changes hundreds of cells); they are folded into at most one more reading, which
 * starts when the current one ends, so the last state shown is always the latest.
 */
export function creerActualisation<T>(lire: () => Promise<T>, montrer: (resultat: T) => void, echec: (erreur: unknown) => void): () => Promise<void> {
  let enCours: Promise<void> | null = null;
  let encore = false;

  async function boucle(): Promise<void> {
    do {
      encore = false;
      try {
        montrer(await lire());
      } catch (e) {
        echec(e);
      }
    } while (encore);
    enCours = null;
  }

  return () => {
    if (enCours) {
      encore = true;
      return enCours;
    }
    enCours = boucle();
    return enCours;
  };
}
