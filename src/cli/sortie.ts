/** Where the CLI writes: swappable so tests can run `main` in-process and read what it printed. */
export interface Sortie {
  out(texte: string): void;
  err(texte: string): void;
}

/**
 * The reader of stdout went away (`cnc-rga verifier catalogue.xlsx | head -2`): there is no one left
 * to tell anything, so the command stops quietly with exit 0, as Unix tools do.
 */
export class SortieFermee extends Error {
  constructor() {
    super("sortie fermée");
    this.name = "SortieFermee";
  }
}

let stdoutFerme = false;
let ecoute = false;

/**
 * A write to a closed pipe fails with EPIPE, reported as an 'error' event: without a listener Node
 * prints a stack trace. The stream is destroyed at once, so the next write sees it and stops.
 */
export function ecouterFermetures(): void {
  if (ecoute) return;
  ecoute = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stdoutFerme = true;
  });
  process.stderr.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
}

export const sortieProcessus: Sortie = {
  out: (t) => {
    if (stdoutFerme || process.stdout.destroyed) throw new SortieFermee();
    process.stdout.write(t);
  },
  err: (t) => {
    if (!process.stderr.destroyed) process.stderr.write(t);
  },
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
