/**
 * `cnc-rga calculer` in a worker thread whose heap is capped (BENCHMARKS.md, issue 15), when
 * `CNC_RGA_TAS_MIO` asks for it (in Mio). Without a cap, V8 lets the heap grow to about twice what
 * is alive before collecting; a cap makes the collector work sooner. It was the default (256 Mio)
 * while exceljs rebuilt the whole archive in memory at the end (a 5 000-work catalogue peaked near
 * 700 Mio uncapped); since `calculer` patches the input archive instead (src/classeur/retouche.ts),
 * the same catalogue peaks at ~360 Mio uncapped, and the worker only cost time (a second isolate
 * loading the modules again: +0,3 s) and, from ~10 000 works, an out-of-memory stop and a second
 * computation. So no cap by default; `CNC_RGA_TAS_MIO=256` sets one again. A workbook that needs
 * more is not refused: the worker stops cleanly, the half-written temporary file is removed, and
 * the computation runs again without a cap, saying so on stderr.
 *
 * V8 reads its heap limit when an isolate is created (`v8.setFlagsFromString` afterwards changes
 * nothing), and a re-executed `node` would hand the terminal and the pipes to another process:
 * a worker gets its own limit and leaves both to this process.
 */
import { readdirSync, rmSync } from "fs";
import { basename, dirname, resolve } from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import type { Resume } from "../classeur";
import { ErreurUtilisateur } from "./sortie";

export const VARIABLE_TAS = "CNC_RGA_TAS_MIO";
const TAS_MIN_MIO = 16;

/** The heap cap in Mio for `calculer`, or null for none (the default); a value that is not a number is the user's error (exit 2). */
export function tasMaximal(env: NodeJS.ProcessEnv = process.env): number | null {
  const brut = env[VARIABLE_TAS]?.trim();
  if (brut === undefined || brut === "") return null;
  if (brut === "0") return null;
  if (!/^\d+$/.test(brut) || Number(brut) < TAS_MIN_MIO) {
    throw new ErreurUtilisateur(`la variable ${VARIABLE_TAS} vaut « ${brut} » : indiquez la mémoire réservée au calcul en Mio (un nombre entier, au moins ${TAS_MIN_MIO}), ou 0 pour ne pas la limiter.`);
  }
  return Number(brut);
}

/** The worker ran out of the heap it was given. */
export class MemoireEpuisee extends Error {
  constructor(readonly limite: number) {
    super(`mémoire réservée épuisée (${limite} Mio)`);
    this.name = "MemoireEpuisee";
  }
}

/** Compiled JavaScript only: a worker cannot load the TypeScript sources the tests run in-process. */
export const ISOLABLE = __filename.endsWith(".js");

export type Tache = (fichier: string, destination: string, progression: ((faits: number, total: number) => void) | undefined) => Promise<Resume>;

type Message =
  | { type: "progression"; faits: number; total: number }
  | { type: "fin"; resume: Resume }
  | { type: "erreur"; message: string; utilisateur: boolean };

interface Donnees {
  cncRgaCalculer: true;
  fichier: string;
  destination: string;
  progression: boolean;
}

/** Runs `calculer`'s computation and writing in a worker capped at `limite` Mio; the summary comes back. */
export function calculerIsole(fichier: string, destination: string, limite: number, progression: ((faits: number, total: number) => void) | undefined): Promise<Resume> {
  return new Promise((fin, echec) => {
    const donnees: Donnees = { cncRgaCalculer: true, fichier, destination, progression: progression !== undefined };
    const w = new Worker(__filename, { workerData: donnees, resourceLimits: { maxOldGenerationSizeMb: limite } });
    let fini = false;
    w.on("message", (m: Message) => {
      if (m.type === "progression") progression?.(m.faits, m.total);
      else if (m.type === "fin") { fini = true; fin(m.resume); }
      else { fini = true; echec(m.utilisateur ? new ErreurUtilisateur(m.message) : new Error(m.message)); }
    });
    w.on("error", (e: Error & { code?: string }) => {
      if (fini) return;
      fini = true;
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        retirerTemporaires(destination);
        echec(new MemoireEpuisee(limite));
      } else echec(e);
    });
    w.on("exit", (code) => {
      if (!fini) echec(new Error(`le calcul s'est arrêté sans résultat (code ${code}).`));
    });
  });
}

/** The temporary files this process began beside the output (ecrire.ts names them `.NOM.PID.HEURE.tmp`). */
function retirerTemporaires(destination: string): void {
  const dossier = dirname(resolve(destination));
  const debut = `.${basename(destination)}.${process.pid}.`;
  try {
    for (const f of readdirSync(dossier)) if (f.startsWith(debut) && f.endsWith(".tmp")) rmSync(resolve(dossier, f), { force: true });
  } catch { /* the folder is gone: nothing left to remove */ }
}

/** Inside the worker: the task, its progress at most ten times a second, its summary or its error. */
async function executer(d: Donnees): Promise<void> {
  const port = parentPort!;
  const { calculerEtEcrire } = await import("./calculer");
  let dernier = 0;
  const progression = d.progression
    ? (faits: number, total: number) => {
      const maintenant = Date.now();
      if (faits < total && maintenant - dernier < 100) return;
      dernier = maintenant;
      port.postMessage({ type: "progression", faits, total } satisfies Message);
    }
    : undefined;
  try {
    const resume = await calculerEtEcrire(d.fichier, d.destination, progression);
    port.postMessage({ type: "fin", resume } satisfies Message);
  } catch (e) {
    port.postMessage({ type: "erreur", message: e instanceof Error ? e.message : String(e), utilisateur: e instanceof ErreurUtilisateur } satisfies Message);
  }
}

if (!isMainThread && (workerData as Partial<Donnees> | null)?.cncRgaCalculer === true) void executer(workerData as Donnees);
