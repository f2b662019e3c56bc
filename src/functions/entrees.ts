/**
 * What Excel really hands a custom function, made plain before the CNC.* functions read it, and the
 * long catalogues cut into slices. No Office global here (tested without Excel).
 *
 * - Data types: the metadata sets `allowCustomDataForDataTypeAny` (custom-functions-metadata adds it),
 *   so a cell holding a formatted number, a linked entity… arrives as an object
 *   (`{ type: "FormattedNumber", basicValue: 1250000, … }`), not as its value
 *   (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts). It is read as
 *   its `basicValue`; an entity, whose basicValue is an error, as its displayed `text`.
 * - Errors: with `allowErrorForDataTypeAny` (set by webpack.config.js) an error in an input cell
 *   reaches the function instead of failing the whole call (custom-functions-json, "allowErrorForDataTypeAny").
 *   It becomes a `CelluleEnErreur`, which the readers of src/dossier refuse as they refuse any object,
 *   in the row it belongs to; `preciserErreurs` then names the Excel error in the message.
 */
import { champDepuisLibelle, type Cellule } from "../dossier";
import { ErreurExcel, type CelluleResultat, type Resultat } from "./excel";

/** An input cell holding an Excel error (#DIV/0!, #N/A…). */
export class CelluleEnErreur {
  constructor(readonly code: string) {}
}

type Objet = Record<string, unknown>;

function codeErreur(o: Objet): string | null {
  if (o.type === "Error") return typeof o.basicValue === "string" ? o.basicValue : "#VALUE!";
  // CustomFunctions.Error as the runtime builds it: a code such as "#DIV/0!".
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  return null;
}

// Globals read once, per module rather than per cell: where the global object is intercepted (the
// benchmark's `vm` context, BENCHMARKS.md issue 15) each read costs far more than the work per cell;
// in a browser it costs little, and reading a constant costs nothing either way.
const estTableau = Array.isArray;
const DateJs = Date;

/** One cell as a plain value: data types as their value, errors as CelluleEnErreur. */
export function valeurCellule(v: unknown): unknown {
  if (v === null || typeof v !== "object" || estTableau(v) || v instanceof DateJs || v instanceof CelluleEnErreur) return v;
  const o = v as Objet;
  const code = codeErreur(o);
  if (code !== null) return new CelluleEnErreur(code);
  if ((o.type === "Entity" || o.type === "LinkedEntity") && typeof o.text === "string") return o.text;
  if ("basicValue" in o) return valeurCellule(o.basicValue);
  return v;
}

function celluleNormalisee(c: unknown, codes: Set<string>): unknown {
  // A number, a text, a boolean or a blank is already plain.
  if (c === null || typeof c !== "object") return c;
  const v = valeurCellule(c);
  if (v instanceof CelluleEnErreur) codes.add(v.code);
  return v;
}

/** `l` with every cell made plain: `l` itself when every cell already is (a copy only when needed). */
function ligneNormalisee(l: readonly unknown[], codes: Set<string>): readonly unknown[] {
  let copie: unknown[] | null = null;
  for (let j = 0; j < l.length; j++) {
    const v = celluleNormalisee(l[j], codes);
    if (copie === null && v !== l[j]) copie = l.slice(0, j);
    if (copie !== null) copie.push(v);
  }
  return copie ?? l;
}

/**
 * An argument (a cell or a range) with every cell made plain; the error codes met are added to
 * `codes`. A range whose cells are all plain already (values, no data type nor error) is returned
 * as it is: copying the 370 000 cells of a 10 000-work catalogue on every recalculation cost more
 * than serving its rows from memory.
 */
export function normaliserArgument(e: unknown, codes: Set<string>): unknown {
  if (!estTableau(e)) return celluleNormalisee(e, codes);
  let copie: unknown[] | null = null;
  for (let i = 0; i < e.length; i++) {
    const l: unknown = e[i];
    const v = estTableau(l) ? ligneNormalisee(l, codes) : celluleNormalisee(l, codes);
    if (copie === null && v !== l) copie = e.slice(0, i);
    if (copie !== null) copie.push(v);
  }
  return copie ?? e;
}

/**
 * The readers say "reçu un objet" of a cell that is neither a value nor blank; after
 * normaliserArgument the only objects left are error cells: say which error.
 */
export function preciserErreurs(r: Resultat, codes: ReadonlySet<string>): Resultat {
  if (codes.size === 0) return r;
  const dit = codes.size === 1 ? `la cellule contient l'erreur ${[...codes][0]}` : `la cellule contient une erreur Excel (${[...codes].join(", ")})`;
  const cellule = (c: CelluleResultat): CelluleResultat => (c instanceof ErreurExcel && c.message.includes("reçu un objet") ? new ErreurExcel(c.code, c.message.split("reçu un objet").join(dit)) : c);
  return estTableau(r) ? r.map((l) => l.map(cellule)) : cellule(r);
}

/** Rows of a catalogue evaluated between two yields to Excel. */
export const TAILLE_TRANCHE = 500;

const estLibelleChamp = (c: unknown) => typeof c === "string" && c.trim() !== "" && champDepuisLibelle(c.trim()) !== undefined;

/** Whether the first column holds fewer field names than `seuil` (counting stops once it reaches it). */
function colonneEnDessousDe(plage: readonly (readonly unknown[])[], seuil: number): boolean {
  let n = 0;
  for (let i = 0; i < plage.length && n < seuil; i++) if (estLibelleChamp(plage[i][0])) n++;
  return n < seuil;
}

/**
 * A catalogue too long for one go, cut into catalogues of TAILLE_TRANCHE works, each with the header:
 * `dossier` a header row over the works (the catalogue form of lirePlage: more field names in the
 * first row than in the first column), or a header row with the works in `valeurs`. Null when the
 * argument is not such a catalogue or is short enough.
 */
export function tranches(dossier: unknown, valeurs: unknown, taille = TAILLE_TRANCHE): { dossier: unknown; valeurs: unknown; debut: number }[] | null {
  if (!estTableau(dossier) || !dossier.every(estTableau)) return null;
  const plage = dossier as Cellule[][];
  const avecValeurs = estTableau(valeurs) && valeurs.every(estTableau) ? (valeurs as Cellule[][]) : null;
  if (avecValeurs) {
    if (plage.length !== 1 || plage[0].length < 2 || avecValeurs.length <= taille) return null;
    const t = [];
    for (let i = 0; i < avecValeurs.length; i += taille) t.push({ dossier: plage, valeurs: avecValeurs.slice(i, i + taille), debut: i });
    return t;
  }
  if (valeurs !== null && valeurs !== undefined) return null;
  if (plage.length - 1 <= taille || plage[0].length < 2) return null;
  if (!colonneEnDessousDe(plage, plage[0].filter(estLibelleChamp).length)) return null;
  const t = [];
  for (let i = 1; i < plage.length; i += taille) t.push({ dossier: [plage[0], ...plage.slice(i, i + taille)], valeurs: null, debut: i - 1 });
  return t;
}

/** A slice's messages name its works from 1: the work's number in the whole catalogue instead. */
export function renumeroter(r: Resultat, debut: number): Resultat {
  if (debut === 0) return r;
  const cellule = (c: CelluleResultat): CelluleResultat => (c instanceof ErreurExcel && c.message.includes("œuvre n° ")
    ? new ErreurExcel(c.code, c.message.replace(/œuvre n° (\d+)/g, (_m, n: string) => `œuvre n° ${Number(n) + debut}`))
    : c);
  if (!estTableau(r)) return cellule(r);
  // Only the rows holding such an error are copied: most rows of a slice are values.
  return r.map((l) => (l.some((c) => c instanceof ErreurExcel) ? l.map(cellule) : l));
}

/** Lets Excel and the pane breathe between two slices (a macrotask: events and rendering run). */
export const ceder = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));
