/**
 * The one place where formula spellings are mapped (issue 5). In the add-in and in Office.js a
 * function of ours is written `CNC.APPORT_MIN(…)`; in the .xlsx file Excel stores an Office.js
 * custom function as `_xldudf_CNC_APPORT_MIN(…)`. Both are read; HyperFormula is always handed the
 * `CNC.` spelling (its lexer refuses names starting with "_"), and a workbook written back keeps the
 * formula text it had, so the spelling found is the spelling kept. The same scan also turns the
 * rest of Excel's file syntax into what HyperFormula parses: `_xlfn.` prefixes, TRUE/FALSE literals
 * and structured references to tables (`Financements[Montant (€)]`).
 */
import { traduireReferenceStructuree, type ContexteReference } from "./tables";

export const ESPACE_CNC = "CNC";
const PREFIXE_XLDUDF = "_xldudf_";

/** `CNC.APPORT_MIN` (add-in, Office.js) or `_xldudf_CNC_APPORT_MIN` (Excel's file format). */
export type Orthographe = "point" | "xldudf";

const IDENTIFIANT = /[A-Za-z0-9_.\\\u00C0-\u024F]/;
const DEBUT_IDENTIFIANT = /[A-Za-z_\\\u00C0-\u024F]/;

interface Jeton {
  /** An identifier (function, name, sheet, cell reference), with the character that follows it. */
  identifiant: string;
  suivant: string | undefined;
}

/**
 * Walks a formula, copying string literals, quoted sheet names and brackets untouched, and lets
 * `remplacer` rewrite each identifier (and, for a structured reference, its bracket part).
 */
function parcourir(formule: string, remplacer: (j: Jeton, crochets: string | null) => string | null, crochetsSeuls?: (contenu: string) => string): string {
  let sortie = "";
  let i = 0;
  const n = formule.length;
  const lireDelimite = (delimiteur: string): string => {
    let j = i + 1;
    while (j < n) {
      if (formule[j] === delimiteur) {
        if (formule[j + 1] === delimiteur) { j += 2; continue; }
        break;
      }
      j++;
    }
    const morceau = formule.slice(i, j + 1);
    i = j + 1;
    return morceau;
  };
  const lireCrochets = (): string => {
    let profondeur = 0;
    let j = i;
    for (; j < n; j++) {
      const c = formule[j];
      if (c === "'" && j + 1 < n) { j++; continue; } // escaped character inside a structured reference
      if (c === "[") profondeur++;
      else if (c === "]") {
        profondeur--;
        if (profondeur === 0) break;
      }
    }
    const contenu = formule.slice(i + 1, j);
    i = j + 1;
    return contenu;
  };
  while (i < n) {
    const c = formule[i];
    if (c === '"' || c === "'") {
      sortie += lireDelimite(c);
    } else if (c === "[") {
      const contenu = lireCrochets();
      sortie += crochetsSeuls ? crochetsSeuls(contenu) : `[${contenu}]`;
    } else if (DEBUT_IDENTIFIANT.test(c)) {
      let j = i + 1;
      while (j < n && IDENTIFIANT.test(formule[j])) j++;
      const identifiant = formule.slice(i, j);
      i = j;
      let crochets: string | null = null;
      const debutCrochets = i;
      if (formule[i] === "[") crochets = lireCrochets();
      const remplace = remplacer({ identifiant, suivant: crochets === null ? formule[i] : "[" }, crochets);
      if (remplace !== null) sortie += remplace;
      else sortie += identifiant + (crochets === null ? "" : formule.slice(debutCrochets, i));
    } else {
      sortie += c;
      i++;
    }
  }
  return sortie;
}

/** `_xldudf_CNC_APPORT_MIN` → `CNC.APPORT_MIN` (any namespace: an unknown one stays unknown to the engine). */
function depuisXldudf(identifiant: string): string | null {
  if (!identifiant.startsWith(PREFIXE_XLDUDF)) return null;
  const reste = identifiant.slice(PREFIXE_XLDUDF.length);
  const m = /^([A-Za-z][A-Za-z0-9]*)_(.+)$/.exec(reste);
  return m ? `${m[1]}.${m[2]}` : null;
}

/** The spelling the file uses for our functions, or null when the formula has none. */
export function orthographeDe(formule: string): Orthographe | null {
  let trouvee: Orthographe | null = null;
  parcourir(formule, ({ identifiant, suivant }) => {
    if (suivant !== "(" || trouvee) return null;
    const u = identifiant.toUpperCase();
    if (u.startsWith(`${PREFIXE_XLDUDF}${ESPACE_CNC}_`.toUpperCase())) trouvee = "xldudf";
    else if (u.startsWith(`${ESPACE_CNC}.`)) trouvee = "point";
    return null;
  });
  return trouvee;
}

/**
 * Functions newer than Excel 2007 are stored with a prefix (Office.js and the formula bar show them
 * without): a file holding a bare `TEXTJOIN(` shows #NAME? in Excel. Those the template may use.
 */
const PREFIXES_FICHIER: Record<string, string> = {
  TEXTJOIN: "_xlfn.", CONCAT: "_xlfn.", IFS: "_xlfn.", SWITCH: "_xlfn.", MAXIFS: "_xlfn.", MINIFS: "_xlfn.",
  XLOOKUP: "_xlfn.", XMATCH: "_xlfn.", UNIQUE: "_xlfn.", SEQUENCE: "_xlfn.", SINGLE: "_xlfn.",
  FILTER: "_xlfn._xlws.", SORT: "_xlfn._xlws.",
};

/**
 * A formula of the template (add-in spelling, as Office.js takes it) as a file stores it: our
 * functions as `orthographe` says, newer Excel functions with their `_xlfn.` prefix.
 */
export function versFichier(formule: string, orthographe: Orthographe): string {
  return parcourir(formule, ({ identifiant, suivant }) => {
    if (suivant !== "(") return null;
    const prefixe = PREFIXES_FICHIER[identifiant.toUpperCase()];
    if (prefixe) return `${prefixe}${identifiant}`;
    if (orthographe === "point" || !identifiant.toUpperCase().startsWith(`${ESPACE_CNC}.`)) return null;
    return `${PREFIXE_XLDUDF}${ESPACE_CNC}_${identifiant.slice(ESPACE_CNC.length + 1)}`;
  });
}

/**
 * A formula of a file as our tools write it back: our functions in the one spelling Excel binds to
 * the add-in when it opens a file, `_xldudf_CNC_…` (a file holding `CNC.APPORT_MIN(…)` as text does
 * not calculate until each cell is typed again: OfficeDev/Excel-Custom-Functions issue 108).
 * Everything else is left as the file had it.
 */
export function enXldudf(formule: string): string {
  return parcourir(formule, ({ identifiant, suivant }) => {
    if (suivant !== "(" || !identifiant.toUpperCase().startsWith(`${ESPACE_CNC}.`)) return null;
    return `${PREFIXE_XLDUDF}${ESPACE_CNC}_${identifiant.slice(ESPACE_CNC.length + 1)}`;
  });
}

/**
 * Excel stores `[1]!_xldudf_CNC_APPORT_MIN(…)` when a workbook moved to a machine where the add-in
 * was not loaded: the function is taken for a name of an external workbook (OfficeDev/
 * Excel-Custom-Functions issue 108). The `[n]!` before one of our functions is dropped; text in
 * quotes is left alone. Returns the formula unchanged when there is nothing to repair.
 */
export function reparerReferences(formule: string): string {
  const motif = new RegExp(`\\[\\d+\\]!(?=${PREFIXE_XLDUDF}${ESPACE_CNC}_)`, "gi");
  return formule.split(/("(?:[^"]|"")*")/).map((morceau, i) => (i % 2 === 1 ? morceau : morceau.replace(motif, ""))).join("");
}

/** Excel's prefixes for functions newer than Excel 2007, and for XLL add-ins. */
const PREFIXES_EXCEL = ["_xlfn._xlws.", "_xlfn.", "_xlws.", "_xll."];

/**
 * A formula as the file stores it → what HyperFormula parses. `contexte` locates the formula for
 * structured references (`[@Montant]` means the table's cell on the formula's row).
 */
export function versMoteur(formule: string, contexte: ContexteReference): string {
  return parcourir(
    formule,
    ({ identifiant, suivant }, crochets) => {
      if (crochets !== null) return traduireReferenceStructuree(identifiant, crochets, contexte);
      if (suivant === "(") {
        const udf = depuisXldudf(identifiant);
        if (udf) return udf;
        for (const p of PREFIXES_EXCEL) {
          if (identifiant.toLowerCase().startsWith(p)) return identifiant.slice(p.length);
        }
        return null;
      }
      // TRUE and FALSE are literals for Excel, functions for HyperFormula.
      const u = identifiant.toUpperCase();
      if ((u === "TRUE" || u === "FALSE") && suivant !== "!") return `${u}()`;
      return null;
    },
    (contenu) => traduireReferenceStructuree(null, contenu, contexte),
  );
}

/** Is the whole formula one call of a CNC function (possibly inside ARRAYFORMULA)? Its result may spill. */
export function appelCncSeul(formuleMoteur: string): boolean {
  const t = formuleMoteur.trim().replace(/^=/, "").trim();
  const m = /^(?:ARRAYFORMULA\(\s*)?CNC\.[A-Za-z0-9_]+\(/i.exec(t);
  if (!m) return false;
  // The call opened by the name must close at the end of the formula (strings skipped).
  let profondeur = 0;
  let fermeture = -1;
  for (let i = t.indexOf("(", m[0].lastIndexOf("CNC")); i < t.length; i++) {
    const c = t[i];
    if (c === '"' || c === "'") {
      const d = c;
      i++;
      while (i < t.length && !(t[i] === d && t[i + 1] !== d)) i += t[i] === d ? 2 : 1;
      continue;
    }
    if (c === "(") profondeur++;
    else if (c === ")") {
      profondeur--;
      if (profondeur === 0) { fermeture = i; break; }
    }
  }
  if (fermeture < 0) return false;
  const reste = t.slice(fermeture + 1).trim();
  return reste === "" || (/^ARRAYFORMULA/i.test(t) && reste === ")");
}

/**
 * Cells of the largest range a formula may read: one full column. HyperFormula builds a range cell by
 * cell (~500 to 800 octets each): an A1 range for its whole declared area (A1:XFD1048576 would
 * exhaust memory long before an answer), a range of whole columns (`A:Z`) or rows (`1:10`) for the
 * part of it the workbook uses.
 */
export const CELLULES_PLAGE_MAX = 1_048_576;

function numeroDeColonne(lettres: string): number {
  let n = 0;
  for (const c of lettres.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** How far the workbook's sheets go: what a range of whole columns or rows really covers. */
export interface Etendue {
  lignes: number;
  colonnes: number;
}

/** The ranges of a formula (as the engine reads it, text literals aside) over more than CELLULES_PLAGE_MAX cells. */
export function plagesTropGrandes(formuleMoteur: string, etendue: Etendue): { plage: string; cellules: number }[] {
  const sansTexte = formuleMoteur.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "F!");
  const trouvees: { plage: string; cellules: number }[] = [];
  const ajouter = (plage: string, cellules: number) => {
    if (cellules > CELLULES_PLAGE_MAX) trouvees.push({ plage: plage.replace(/\s+/g, ""), cellules });
  };
  for (const m of sansTexte.matchAll(/(?<![A-Za-z0-9_.$])\$?([A-Za-z]{1,3})\$?(\d+)\s*:\s*\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9_.(])/g)) {
    const lignes = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    const colonnes = Math.abs(numeroDeColonne(m[3]) - numeroDeColonne(m[1])) + 1;
    ajouter(m[0], lignes * colonnes);
  }
  for (const m of sansTexte.matchAll(/(?<![A-Za-z0-9_.$:])\$?([A-Za-z]{1,3})\s*:\s*\$?([A-Za-z]{1,3})(?![A-Za-z0-9_.(:])/g)) {
    const colonnes = Math.abs(numeroDeColonne(m[2]) - numeroDeColonne(m[1])) + 1;
    ajouter(m[0], colonnes * Math.max(1, etendue.lignes));
  }
  for (const m of sansTexte.matchAll(/(?<![A-Za-z0-9_.$:])\$?(\d+)\s*:\s*\$?(\d+)(?![A-Za-z0-9_.:])/g)) {
    const lignes = Math.abs(Number(m[2]) - Number(m[1])) + 1;
    ajouter(m[0], lignes * Math.max(1, etendue.colonnes));
  }
  return trouvees;
}
