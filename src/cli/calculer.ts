/**
 * `cnc-rga calculer PLAN.xlsx [-o SORTIE.xlsx] [--json]`: computes every formula of every sheet
 * (native Excel functions and CNC.*) without Excel, writes the values into a copy of the workbook and
 * prints what changed. The input file is never modified.
 */
import { basename, dirname, extname, join } from "path";
import type { ClasseurCalcule, Ecriture, Resume, ValeurCalculee } from "../classeur";
import { nomCellule } from "../classeur/erreurs";
import { calculerIsole, ISOLABLE, MemoireEpuisee, tasMaximal, VARIABLE_TAS } from "./isole";
import { CODE_OK, ErreurUtilisateur, sortieProcessus, type Sortie } from "./sortie";

export interface OptionsCalculer {
  sortie?: string;
  json?: boolean;
}

/** Below this many CNC formulas, a workbook computes too fast for progress to help. */
const SEUIL_PROGRESSION = 200;

/**
 * Progress on stderr for long workbooks, only when stderr is a terminal (a person is waiting): a
 * line rewritten in place, at most ten times a second. Redirected to a file or a pipe, stderr stays
 * for errors, and stdout stays clean for --json.
 */
export function progression(
  sortie: Sortie,
  quoi: string,
  terminal: boolean = sortie === sortieProcessus && Boolean(process.stderr.isTTY),
  horloge: () => number = Date.now,
): ((faits: number, total: number) => void) | undefined {
  if (!terminal) return undefined;
  let dernierAffichage = -Infinity;
  return (faits, total) => {
    if (total < SEUIL_PROGRESSION) return;
    const n = Math.min(faits, total);
    const maintenant = horloge();
    if (n < total && maintenant - dernierAffichage < 100) return;
    dernierAffichage = maintenant;
    sortie.err(`\r${quoi} : ${n}/${total} formules CNC (${Math.floor((100 * n) / total)} %)${n >= total ? "\n" : ""}`);
  };
}

/**
 * The workbook modules (exceljs, HyperFormula) load only for the commands that use them, so
 * `cnc-rga evaluer` starts as fast as before.
 */
export function chargerClasseur(): Promise<typeof import("../classeur")> {
  return import("../classeur");
}

/** Runs `f`, turning a workbook fault into the CLI's user error (French message, exit 2). */
export async function classeurOuErreur<T>(f: () => Promise<T>): Promise<T> {
  const { ErreurClasseur } = await chargerClasseur();
  try {
    return await f();
  } catch (e) {
    if (e instanceof ErreurClasseur) throw new ErreurUtilisateur(e.message);
    throw e;
  }
}

function sortieParDefaut(fichier: string): string {
  const ext = extname(fichier);
  // Always .xlsx: from a .ods (refused with its own message when read) or a name without extension too.
  return join(dirname(fichier), `${basename(fichier, ext)}.calcule.xlsx`);
}

const NOMBRE = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 10 });

function texteValeur(v: ValeurCalculee | undefined): string {
  if (typeof v === "object" && v !== null && "erreur" in v) return v.erreur;
  if (v === null || v === undefined) return "(vide)";
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "string") return `« ${v} »`;
  return NOMBRE.format(v);
}

/** Up to this many CNC.* results, the summary lists them (a financing plan); a catalogue is only counted. */
const RESULTATS_LISTES = 30;

const LIGNES_MAX = 50;

export function resumeTexte(r: Resume, sortie: string | null): string {
  const s = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;
  const orthographe = r.orthographes.length ? ` (écrites ${r.orthographes.map((o) => (o === "xldudf" ? "_xldudf_CNC_…" : "CNC.…")).join(" et ")})` : "";
  const lignes = [
    `Classeur « ${r.fichier} » : ${s(r.feuilles, "feuille")}, ${s(r.formules, "formule")} dont ${r.formulesCnc} avec des fonctions CNC.*${orthographe}.`,
    `  Cellules calculées : ${r.cellulesCalculees}`,
    `  Valeurs différentes de celles enregistrées dans le fichier : ${r.differences.length}`,
  ];
  for (const d of r.differences.slice(0, LIGNES_MAX)) lignes.push(`    ${nomCellule(d.feuille, d.adresse)} : enregistré ${texteValeur(d.cache)}, calculé ${texteValeur(d.valeur)}`);
  if (r.differences.length > LIGNES_MAX) lignes.push(`    … et ${r.differences.length - LIGNES_MAX} autres`);
  if (r.sansCache) lignes.push(`  Cellules sans valeur enregistrée dans le fichier : ${r.sansCache}`);
  lignes.push(`  Erreurs : ${r.erreurs.length}`);
  for (const e of r.erreurs.slice(0, LIGNES_MAX)) lignes.push(`    ${nomCellule(e.feuille, e.adresse)} : ${e.erreur}${e.message ? ` — ${e.message}` : ""}`);
  if (r.erreurs.length > LIGNES_MAX) lignes.push(`    … et ${r.erreurs.length - LIGNES_MAX} autres`);
  if (r.referencesReparees.length) {
    lignes.push(`  Références au complément réparées : ${r.referencesReparees.length} (Excel les avait enregistrées comme un lien vers un autre classeur, « [1]! » ; elles sont calculées et réécrites sans ce lien)`);
    for (const x of r.referencesReparees.slice(0, LIGNES_MAX)) lignes.push(`    ${nomCellule(x.feuille, x.adresse)} : ${x.avant} → ${x.apres}`);
  }
  if (r.orthographeConvertie) lignes.push(`  Formules CNC.… réécrites _xldudf_CNC_… (la seule écriture qu'Excel relie au complément à l'ouverture d'un fichier) : ${r.orthographeConvertie}`);
  if (r.resultatsCnc.length && r.resultatsCnc.length <= RESULTATS_LISTES) {
    lignes.push("  Résultats des fonctions CNC.* :");
    for (const x of r.resultatsCnc) lignes.push(`    ${nomCellule(x.feuille, x.adresse)}${x.libelle ? `  ${x.libelle}` : ""} = ${texteValeur(x.valeur)}`);
  }
  if (sortie) lignes.push(`Classeur calculé écrit dans « ${sortie} ».`);
  return lignes.join("\n");
}

export function resumeJson(r: Resume, sortie: string | null): Record<string, unknown> {
  return { ...r, sortie };
}

/**
 * Reads, computes and writes the workbook; gives the summary. Run in the capped worker (isole.ts),
 * or here when the cap is lifted, when the worker ran out of memory, or in the tests (sources).
 */
export async function calculerEtEcrire(fichier: string, destination: string, suivre: ((faits: number, total: number) => void) | undefined): Promise<Resume> {
  const { enregistrerEcriture } = await chargerClasseur();
  const { ecriture, resume } = await calculerEtPreparer(fichier, suivre);
  await classeurOuErreur(() => enregistrerEcriture(ecriture, destination));
  return resume;
}

/**
 * Computes, then keeps only what writing needs: the patched archive (retouche.ts), or, when the
 * patch cannot say exactly the same thing, the exceljs workbook with the values put in it. The
 * engine, the cells read and the computed cells are left behind before the archive is compressed
 * (or built by exceljs: the peak of `calculer`).
 */
async function calculerEtPreparer(fichier: string, suivre: ((faits: number, total: number) => void) | undefined): Promise<{ ecriture: Ecriture; resume: Resume }> {
  const { calculerFichier, preparerEcriture } = await chargerClasseur();
  const { lu, calcul, cellules, resume }: ClasseurCalcule = await classeurOuErreur(() => calculerFichier(fichier, { progression: suivre }));
  const ecriture = await classeurOuErreur(async () => preparerEcriture(lu, calcul, cellules));
  calcul.detruire();
  return { ecriture, resume };
}

export async function commandeCalculer(fichier: string, options: OptionsCalculer, sortie: Sortie): Promise<number> {
  const destination = options.sortie ?? sortieParDefaut(fichier);
  if (extname(destination).toLowerCase() !== ".xlsx") {
    throw new ErreurUtilisateur(`le fichier de sortie « ${destination} » doit avoir l'extension .xlsx.`);
  }
  const limite = tasMaximal();
  const suivre = progression(sortie, "calcul");
  let resume: Resume;
  if (limite === null || !ISOLABLE) resume = await calculerEtEcrire(fichier, destination, suivre);
  else {
    try {
      resume = await calculerIsole(fichier, destination, limite, suivre);
    } catch (e) {
      if (!(e instanceof MemoireEpuisee)) throw e;
      sortie.err(`cnc-rga : ce classeur demande plus que les ${limite} Mio de mémoire réservés au calcul (variable ${VARIABLE_TAS}) ; le calcul est repris sans limite.\n`);
      resume = await calculerEtEcrire(fichier, destination, suivre);
    }
  }
  if (options.json) sortie.out(JSON.stringify(resumeJson(resume, destination), null, 2) + "\n");
  else sortie.out(resumeTexte(resume, destination) + "\n");
  return CODE_OK;
}
