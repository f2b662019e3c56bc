/**
 * The CNC.* functions inside HyperFormula: every name of FONCTIONS_CNC (src/functions/cnc.ts, the
 * same plain functions the add-in registers in Excel) becomes `CNC.NAME` in the engine. Ranges
 * arrive as 2-D arrays, blank cells as null, omitted arguments as undefined; an ErreurExcel becomes
 * #VALUE! or #N/A with its French message, in its own cell of a spilled result.
 *
 * HyperFormula must know the size of an array result before computing it. The size of each
 * formula cell is taken from `contexte.tailles` (the spill range saved in the file, or learned on a
 * previous pass, see moteur.ts); the size actually returned is recorded in `contexte.naturelles`.
 * HyperFormula builds and evaluates synchronously, so one module-level context is enough.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";
import { ErreurExcel, FONCTIONS_CNC } from "../functions/cnc";
import { ESPACE_CNC } from "./formules";

export interface Taille {
  lignes: number;
  colonnes: number;
}

export interface ContexteCnc {
  /** Key `feuille:ligne:colonne` (HyperFormula's 0-based address) → size to reserve. */
  tailles: Map<string, Taille>;
  /** Same key → size of the array a CNC function returned there (only when not 1×1). */
  naturelles: Map<string, Taille>;
  /** Called after each CNC call, for progress on long workbooks. */
  apresAppel?: () => void;
}

let contexte: ContexteCnc | null = null;

/** Runs `f` (a HyperFormula build) with this context. */
export function avecContexte<T>(c: ContexteCnc, f: () => T): T {
  const avant = contexte;
  contexte = c;
  try {
    return f();
  } finally {
    contexte = avant;
  }
}

export function cle(a: { sheet: number; row: number; col: number }): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

type Entree = unknown;

function versCellule(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (v !== null && typeof v === "object" && "val" in v) return (v as { val: number }).val; // dates, currencies: HyperFormula's rich numbers
  return v;
}

/** An evaluated argument → what the plain functions take, or the first error it holds (Excel propagates it). */
/**
 * Cells a range argument may hold: four whole columns (`CNC.STATUT(A:B; …)` is two). A range over the
 * whole grid (17 billion cells) would be built cell by cell until memory runs out.
 */
export const CELLULES_ARGUMENT_MAX = 4 * 1_048_576;

function versEntree(v: unknown): Entree | CellError {
  if (v instanceof SimpleRangeValue) {
    if (v.width() * v.height() > CELLULES_ARGUMENT_MAX) {
      return new CellError(ErrorType.VALUE, `Plage de ${v.height().toLocaleString("fr-FR")} × ${v.width().toLocaleString("fr-FR")} cellules : au-delà de ${CELLULES_ARGUMENT_MAX.toLocaleString("fr-FR")} cellules, les fonctions CNC ne la lisent pas. Limitez la plage aux cellules du dossier.`);
    }
    const lignes: unknown[][] = [];
    for (const ligne of v.data) {
      const l: unknown[] = [];
      for (const c of ligne) {
        const x = versCellule(c);
        if (x instanceof CellError) return x;
        l.push(x);
      }
      lignes.push(l);
    }
    return lignes;
  }
  return versCellule(v);
}

function versErreur(e: ErreurExcel): CellError {
  return new CellError(e.code === "na" ? ErrorType.NA : ErrorType.VALUE, e.message);
}

function versMoteur(v: unknown): unknown {
  if (v instanceof ErreurExcel) return versErreur(v);
  if (v === null || v === undefined) return EmptyValue;
  if (typeof v === "number" && !Number.isFinite(v)) return new CellError(ErrorType.NUM, "Nombre hors de l'échelle d'Excel.");
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return new CellError(ErrorType.VALUE, `Valeur de type inattendu (${typeof v}).`);
}

export class PluginCnc extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  protected appeler(nom: string, ast: ProcedureAst, state: InterpreterState): unknown {
    const f = FONCTIONS_CNC[nom];
    const args: unknown[] = [];
    for (const a of ast.args) {
      // An empty argument (`CNC.X(A1;;B1)`) is an omitted optional one.
      if ((a as { type?: string }).type === "EMPTY") { args.push(undefined); continue; }
      const e = versEntree(this.evaluateAst(a, state));
      if (e instanceof CellError) return e;
      args.push(e);
    }
    let r: unknown;
    try {
      r = f(...args);
    } catch (e) {
      // The plain functions never throw; if one does, the cell says so rather than the whole run failing.
      r = new ErreurExcel("valeur", `${ESPACE_CNC}.${nom} : erreur inattendue (${e instanceof Error ? e.message : String(e)}).`);
    }
    contexte?.apresAppel?.();
    if (!Array.isArray(r)) return versMoteur(r);
    const lignes = r as unknown[][];
    const hauteur = lignes.length;
    const largeur = Math.max(0, ...lignes.map((l) => (Array.isArray(l) ? l.length : 1)));
    if (hauteur === 0 || largeur === 0) return EmptyValue;
    if (hauteur === 1 && largeur === 1) return versMoteur(Array.isArray(lignes[0]) ? lignes[0][0] : lignes[0]);
    contexte?.naturelles.set(cle(state.formulaAddress), { lignes: hauteur, colonnes: largeur });
    // The engine takes exactly the size reserved (a spill range saved smaller or larger than today's
    // result): this pass gets the result cut or padded to it, the next one the size recorded above.
    const reservee = contexte?.tailles.get(cle(state.formulaAddress));
    const hauteurRendue = reservee && (reservee.lignes > 1 || reservee.colonnes > 1) ? reservee.lignes : hauteur;
    const largeurRendue = reservee && (reservee.lignes > 1 || reservee.colonnes > 1) ? reservee.colonnes : largeur;
    const donnees = Array.from({ length: hauteurRendue }, (_x, i) => {
      const l = lignes[i];
      const ligne = l === undefined ? [] : (Array.isArray(l) ? l : [l]).slice(0, largeurRendue).map(versMoteur);
      while (ligne.length < largeurRendue) ligne.push(EmptyValue);
      return ligne;
    });
    // onlyValues takes the engine's own cell values, errors included.
    return SimpleRangeValue.onlyValues(donnees as never);
  }

  protected taille(_ast: ProcedureAst, state: InterpreterState): ArraySize {
    const t = contexte?.tailles.get(cle(state.formulaAddress));
    return t && (t.lignes > 1 || t.colonnes > 1) ? new ArraySize(t.colonnes, t.lignes) : ArraySize.scalar();
  }
}

/**
 * `_xlfn.SINGLE(x)`: the `@` of Excel 365 (implicit intersection), which Excel writes around a function
 * that may return an array in a formula entered the legacy way. A range gives its cell on the
 * formula's row (one column) or column (one row); an array result gives its first value.
 */
export class PluginIntersection extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SINGLE: { method: "single", vectorizationForbidden: true },
  };

  single(ast: ProcedureAst, state: InterpreterState): unknown {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, "L'opérateur @ (SINGLE) prend un seul argument.");
    const v = this.evaluateAst(ast.args[0], state);
    if (!(v instanceof SimpleRangeValue)) return v;
    if (v.width() === 1 && v.height() === 1) return v.data[0][0];
    const plage = v.range;
    if (!plage) return v.data[0]?.[0] ?? EmptyValue;
    const { row, col } = state.formulaAddress;
    if (v.width() === 1 && row >= plage.start.row && row < plage.start.row + v.height()) return v.data[row - plage.start.row][0];
    if (v.height() === 1 && col >= plage.start.col && col < plage.start.col + v.width()) return v.data[0][col - plage.start.col];
    return new CellError(ErrorType.VALUE, "L'opérateur @ ne trouve pas de cellule de la plage sur la ligne ou la colonne de la formule.");
  }
}

let enregistre = false;

/** Registers `CNC.NAME` for every function of FONCTIONS_CNC, once per process. */
export function enregistrerFonctionsCnc(): void {
  if (enregistre) return;
  const traductions: Record<string, string> = {};
  const prototype = PluginCnc.prototype as unknown as Record<string, unknown>;
  for (const nom of Object.keys(FONCTIONS_CNC)) {
    const id = `${ESPACE_CNC}.${nom}`;
    const methode = `cnc_${nom}`;
    prototype[methode] = function (this: PluginCnc, ast: ProcedureAst, state: InterpreterState) {
      return (this as unknown as { appeler: PluginCnc["appeler"] }).appeler(nom, ast, state);
    };
    PluginCnc.implementedFunctions[id] = { method: methode, sizeOfResultArrayMethod: "taille", vectorizationForbidden: true };
    traductions[id] = id;
  }
  HyperFormula.registerFunctionPlugin(PluginCnc, { enGB: traductions });
  HyperFormula.registerFunctionPlugin(PluginIntersection, { enGB: { SINGLE: "SINGLE" } });
  enregistre = true;
}
