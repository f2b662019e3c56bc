/** Where the CLI writes: swappable so tests can run `main` in-process and read what it printed. */
export interface Sortie {
  out(texte: string): void;
  err(texte: string): void;
}

export const sortieProcessus: Sortie = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Exit codes of DOSSIER.md: 0 the command ran, whatever the verdicts; 2 invalid input. */
export const CODE_OK = 0;
export const CODE_ENTREE_INVALIDE = 2;

/** An error the user can fix, with a French message naming what is at fault. */
export class ErreurUtilisateur extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErreurUtilisateur";
  }
}
