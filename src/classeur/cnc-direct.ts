/**
 * CNC formulas computed straight from the cells they read, without the formula engine. A catalogue
 * holds seven CNC formulas per work, each reading the header and its row: given to HyperFormula, 35 000
 * formulas of a 5 000-work catalogue cost most of `calculer`'s time and memory (range vertices and
 * dependency edges, BENCHMARKS.md), though none of them needs a formula computed first.
 *
 * A formula is computed here only when nothing but the engine could change what it reads: it is one
 * CNC call (no spill range saved in the file beyond its own cell) whose arguments are literals or references to cells
 * holding plain values (no formula, no error, no cell of a spill range), and whose result is a single
 * value. Anything else — a name, a nested call, an operator, a reference to a formula — is left to
 * HyperFormula, as before. The engine then receives the result as the cell's value, so formulas that
 * read it compute as before; errors keep their French message here (the engine would only keep the
 * code). moteur.ts checks afterwards that no spill computed by the engine covers a cell read here.
 */
import { CellError, ErrorType } from "hyperformula";
import { ErreurExcel, FONCTIONS_CNC } from "../functions/cnc";
import type { Rectangle } from "../modele";
import type { ClasseurLu, FormuleLue, ValeurBrute } from "./lire";

export interface CalculDirect {
  /** What the engine receives in place of each formula computed here. */
  contenus: Map<FormuleLue, ValeurBrute>;
  /** Errors, with their French message, by cellule(indexFeuille, ligne, colonne). */
  erreurs: Map<string, CellError>;
  /** Every range read here, to check against the spill ranges the engine computes. */
  lus: { indexFeuille: number; zone: Rectangle }[];
}

export function cellule(indexFeuille: number, ligne: number, colonne: number): string {
  return `${indexFeuille}:${ligne}:${colonne}`;
}

export function chevauche(a: Rectangle, b: Rectangle): boolean {
  return a.haut <= b.bas && b.haut <= a.bas && a.gauche <= b.droite && b.gauche <= a.droite;
}

type Argument =
  | { type: "omis" }
  | { type: "valeur"; valeur: string | number | boolean }
  | { type: "reference"; indexFeuille: number; zone: Rectangle; plage: boolean };

const REFERENCE = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;
const NOMBRE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function numeroColonne(lettres: string): number {
  let n = 0;
  for (const c of lettres.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** The arguments between the call's parentheses, split at top-level commas (strings and sheet names skipped). */
function decouper(texte: string): string[] | null {
  const morceaux: string[] = [];
  let profondeur = 0;
  let debut = 0;
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < texte.length && !(texte[i] === c && texte[i + 1] !== c)) i += texte[i] === c ? 2 : 1;
      if (i >= texte.length) return null;
    } else if (c === "(" || c === "{") profondeur++;
    else if (c === ")" || c === "}") profondeur--;
    else if (c === "," && profondeur === 0) {
      morceaux.push(texte.slice(debut, i));
      debut = i + 1;
    }
  }
  morceaux.push(texte.slice(debut));
  return morceaux.map((m) => m.trim());
}

/** The function and its arguments, or null when the formula is not one this file computes. */
function analyser(f: FormuleLue, feuilles: Map<string, number>): { nom: string; args: Argument[] } | null {
  const m = /^=\s*CNC\.([A-Za-z0-9_]+)\(([\s\S]*)\)\s*$/i.exec(f.moteur);
  if (!m) return null;
  const nom = m[1].toUpperCase();
  if (!(nom in FONCTIONS_CNC)) return null;
  const textes = m[2].trim() === "" ? [] : decouper(m[2]);
  if (textes === null) return null;
  const args: Argument[] = [];
  for (const t of textes) {
    if (t === "") args.push({ type: "omis" });
    else if (/^"(?:[^"]|"")*"$/.test(t)) args.push({ type: "valeur", valeur: t.slice(1, -1).replace(/""/g, '"') });
    else if (NOMBRE.test(t)) args.push({ type: "valeur", valeur: Number(t) });
    else if (/^TRUE\(\)$/i.test(t)) args.push({ type: "valeur", valeur: true });
    else if (/^FALSE\(\)$/i.test(t)) args.push({ type: "valeur", valeur: false });
    else {
      const r = REFERENCE.exec(t);
      if (!r) return null;
      const feuille = r[1] !== undefined ? r[1].replace(/''/g, "'") : r[2];
      const indexFeuille = feuille === undefined ? f.indexFeuille : feuilles.get(feuille.toLowerCase());
      if (indexFeuille === undefined) return null;
      const [c1, l1] = [numeroColonne(r[3]), Number(r[4])];
      const [c2, l2] = r[5] === undefined ? [c1, l1] : [numeroColonne(r[5]), Number(r[6])];
      const zone = { haut: Math.min(l1, l2), bas: Math.max(l1, l2), gauche: Math.min(c1, c2), droite: Math.max(c1, c2) };
      // A 1×1 range written A1:A1 is left to the engine (range or value: its choice).
      if (r[5] !== undefined && zone.haut === zone.bas && zone.gauche === zone.droite) return null;
      if (zone.bas > 1_048_576 || zone.droite > 16_384 || zone.haut < 1 || zone.gauche < 1) return null;
      args.push({ type: "reference", indexFeuille, zone, plage: r[5] !== undefined });
    }
  }
  return { nom, args };
}

const ILLISIBLE = Symbol("illisible");

/** A cell's value as the engine hands it to a CNC function, or ILLISIBLE when only the engine knows it. */
function valeurCellule(v: ValeurBrute | undefined): ValeurBrute | typeof ILLISIBLE {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // Text is stored escaped with "'" (lire.ts); "=…" is a formula, anything else an error code.
  if (v.startsWith("'")) return v.slice(1);
  return ILLISIBLE;
}

/** The error types of plugin-cnc.ts, and the literal that makes the engine hold the same error in the cell. */
const CODES: Record<"na" | "valeur" | "num", { type: ErrorType; code: string }> = {
  na: { type: ErrorType.NA, code: "#N/A" },
  valeur: { type: ErrorType.VALUE, code: "#VALUE!" },
  num: { type: ErrorType.NUM, code: "#NUM!" },
};

function erreur(sorte: "na" | "valeur" | "num", message: string): { contenu: ValeurBrute; erreur: CellError } {
  const { type, code } = CODES[sorte];
  return { contenu: code, erreur: new CellError(type, message) };
}

/**
 * The result as the engine would hold it (plugin-cnc.ts), or null when it is not a single value: an
 * array that spills, or a blank (which the engine turns into 0), are left to the engine.
 */
function resultat(r: unknown): { contenu: ValeurBrute; erreur?: CellError } | null {
  let x = r;
  if (Array.isArray(x)) {
    if (x.length !== 1) return null;
    const l = x[0];
    if (Array.isArray(l) && l.length !== 1) return null;
    x = Array.isArray(l) ? l[0] : l;
  }
  if (x instanceof ErreurExcel) return erreur(x.code, x.message);
  if (typeof x === "number") return Number.isFinite(x) ? { contenu: x } : erreur("num", "Nombre hors de l'échelle d'Excel.");
  if (typeof x === "boolean") return { contenu: x };
  if (typeof x === "string") return { contenu: `'${x}` };
  return null;
}

/** The values of a range as the engine hands them to a function, or ILLISIBLE when one of its cells needs the engine. */
function lirePlage(donnees: readonly (ValeurBrute[] | undefined)[], zone: Rectangle): ValeurBrute[][] | typeof ILLISIBLE {
  const lignes: ValeurBrute[][] = [];
  for (let l = zone.haut; l <= zone.bas; l++) {
    const source = donnees[l - 1];
    const ligne: ValeurBrute[] = [];
    for (let c = zone.gauche; c <= zone.droite; c++) {
      const v = valeurCellule(source?.[c - 1]);
      if (v === ILLISIBLE) return ILLISIBLE;
      ligne.push(v);
    }
    lignes.push(ligne);
  }
  return lignes;
}

/** Whether the array range saved for `f` is its own cell alone. */
function uneCellule(f: FormuleLue): boolean {
  const t = f.tableau;
  return t !== undefined && t.haut === f.ligne && t.bas === f.ligne && t.gauche === f.colonne && t.droite === f.colonne;
}

/**
 * Computes every CNC formula of the workbook that can be computed from plain cells (see above).
 * `apresAppel` is called after each CNC call, as the engine's plugin does.
 */
export function calculerDirect(lu: ClasseurLu, apresAppel?: () => void): CalculDirect {
  const direct: CalculDirect = { contenus: new Map(), erreurs: new Map(), lus: [] };
  const feuilles = new Map(lu.feuilles.map((f, i) => [f.nom.toLowerCase(), i]));
  // Cells of the spill ranges saved in the file: the engine fills them, the sheet data holds blanks there.
  const spills = lu.formules.filter((f) => f.tableau && !uneCellule(f)).map((f) => ({ indexFeuille: f.indexFeuille, zone: f.tableau! }));
  const plages = new Map<string, ValeurBrute[][] | typeof ILLISIBLE>();
  for (const f of lu.formules) {
    // A dynamic array saved on its own cell only (how Excel 365 and the template write CNC formulas) is one value.
    if (!f.cncSeul || (f.tableau && !uneCellule(f))) continue;
    const appel = analyser(f, feuilles);
    if (!appel) continue;
    const valeurs: unknown[] = [];
    const lus: CalculDirect["lus"] = [];
    let lisible = true;
    for (const a of appel.args) {
      if (a.type === "omis") valeurs.push(undefined);
      else if (a.type === "valeur") valeurs.push(a.valeur);
      else {
        if (spills.some((s) => s.indexFeuille === a.indexFeuille && chevauche(s.zone, a.zone))) { lisible = false; break; }
        // A catalogue's formulas all read its header, and each work's row several times: a range is
        // read once and handed to every call (the CNC functions copy their ranges, never change them).
        const cle = a.plage ? `${a.indexFeuille}:${a.zone.haut}:${a.zone.gauche}:${a.zone.bas}:${a.zone.droite}` : null;
        let lignes = cle === null ? undefined : plages.get(cle);
        if (lignes === undefined) {
          lignes = lirePlage(lu.feuilles[a.indexFeuille].donnees, a.zone);
          if (cle !== null) plages.set(cle, lignes);
        }
        if (lignes === ILLISIBLE) { lisible = false; break; }
        valeurs.push(a.plage ? lignes : lignes[0][0]);
        lus.push({ indexFeuille: a.indexFeuille, zone: a.zone });
      }
    }
    if (!lisible) continue;
    let r: unknown;
    try {
      r = FONCTIONS_CNC[appel.nom](...valeurs);
    } catch (e) {
      r = new ErreurExcel("valeur", `CNC.${appel.nom} : erreur inattendue (${e instanceof Error ? e.message : String(e)}).`);
    }
    apresAppel?.();
    const res = resultat(r);
    if (!res) continue;
    direct.contenus.set(f, res.contenu);
    if (res.erreur) direct.erreurs.set(cellule(f.indexFeuille, f.ligne, f.colonne), res.erreur);
    direct.lus.push(...lus);
  }
  return direct;
}
