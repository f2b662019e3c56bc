/**
 * Opening a workbook with exceljs and taking out what the engine needs: each sheet's values, each
 * formula (as written in the file and as HyperFormula reads it), the tables, the defined names and
 * the spill ranges. Every failure is a French message naming the file, the sheet or the cell.
 */
import { readFileSync, statSync } from "fs";
import ExcelJS from "exceljs";
import { rectangle, type Rectangle } from "../modele";
import { verifierArchive } from "./archive";
import { ErreurClasseur, nomCellule } from "./erreurs";
import { appelCncSeul, CELLULES_PLAGE_MAX, orthographeDe, plagesTropGrandes, reparerReferences, versMoteur, type Orthographe } from "./formules";
import { citerFeuille, type TableClasseur } from "./tables";

/** Beyond this, refuse rather than exhaust memory (a 40 000-row catalogue is a few Mo). */
const TAILLE_MAX_OCTETS = 100 * 1024 * 1024;

/** A value as the engine takes it: Excel serial numbers for dates, text as text, errors as "#N/A". */
export type ValeurBrute = number | string | boolean | null;

export interface FormuleLue {
  feuille: string;
  /** Index of the sheet in `feuilles`. */
  indexFeuille: number;
  /** From 1. */
  ligne: number;
  colonne: number;
  adresse: string;
  /** As the file stores it, without "=" (a broken add-in reference `[1]!_xldudf_…` repaired, see `avantReparation`). */
  texte: string;
  /** The text the file had when a broken reference to our functions was repaired. */
  avantReparation?: string;
  /** As HyperFormula parses it, with "=". */
  moteur: string;
  /** The spill range Excel saved for an array formula. */
  tableau?: Rectangle;
  /** The value cached in the file, converted like any value; undefined when the file has none. */
  cache: ValeurBrute | undefined;
  orthographe: Orthographe | null;
  /** The whole formula is one CNC.* call: its result may spill. */
  cncSeul: boolean;
}

export interface FeuilleLue {
  nom: string;
  /** Rows × columns, from [0][0] = A1; formulas as HyperFormula takes them ("=…"), text escaped with "'". */
  donnees: ValeurBrute[][];
}

export interface NomDefini {
  nom: string;
  /** "'Feuille'!$A$1:$B$3" */
  reference: string;
  feuille: string;
  rectangle: Rectangle;
}

export interface ClasseurLu {
  chemin: string;
  /** The file as read: what exceljs drops is taken back from it when writing (fidelite.ts). */
  octets: Buffer;
  classeur: ExcelJS.Workbook;
  feuilles: FeuilleLue[];
  formules: FormuleLue[];
  tables: Map<string, TableClasseur>;
  noms: NomDefini[];
}

const JOURS_1900 = 25569;
const MS_PAR_JOUR = 86_400_000;

/** The file's bytes, once its size and its first octets say it may be a .xlsx. */
function lireFichier(chemin: string): Buffer {
  let taille: number;
  try {
    const s = statSync(chemin);
    if (!s.isFile()) throw new ErreurClasseur(`« ${chemin} » n'est pas un fichier.`);
    taille = s.size;
  } catch (e) {
    if (e instanceof ErreurClasseur) throw e;
    throw new ErreurClasseur(`fichier introuvable ou illisible : « ${chemin} ».`);
  }
  if (taille > TAILLE_MAX_OCTETS) throw new ErreurClasseur(`« ${chemin} » est trop volumineux (${Math.round(taille / 1048576)} Mo) pour un plan de financement.`);
  let octets: Buffer;
  try {
    octets = readFileSync(chemin);
  } catch {
    throw new ErreurClasseur(`fichier introuvable ou illisible : « ${chemin} ».`);
  }
  if (octets.length >= 4 && octets.readUInt32BE(0) === 0xd0cf11e0) {
    throw new ErreurClasseur(`« ${chemin} » est un classeur Excel 97-2003 (.xls) : enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).`);
  }
  if (estOpenDocument(octets) || /\.(ods|fods|ots)$/i.test(chemin)) {
    throw new ErreurClasseur(`« ${chemin} » est un classeur OpenDocument (.ods, le format de LibreOffice) : l'outil lit les classeurs Excel. Enregistrez-le au format .xlsx (LibreOffice : Fichier › Enregistrer sous › Type « Excel 2007-365 (.xlsx) »), puis relancez la commande sur le .xlsx.`);
  }
  if (octets[0] !== 0x50 || octets[1] !== 0x4b) {
    throw new ErreurClasseur(`« ${chemin} » n'est pas un classeur Excel (.xlsx) : le fichier n'est pas une archive Office Open XML.`);
  }
  return octets;
}

/**
 * An OpenDocument file is a zip too; its first entry, stored uncompressed, is `mimetype` holding
 * "application/vnd.oasis.opendocument.…" (OpenDocument 1.2, part 3, 3.3). A flat XML .fods starts with XML.
 */
function estOpenDocument(octets: Buffer): boolean {
  const debut = octets.subarray(0, 200).toString("latin1");
  return debut.includes("mimetypeapplication/vnd.oasis.opendocument") || (debut.startsWith("<?xml") && octets.subarray(0, 2000).toString("latin1").includes("urn:oasis:names:tc:opendocument"));
}

/** Excel's grid: a reference beyond it comes from a damaged or forged file. */
const LIGNES_EXCEL = 1_048_576;
const COLONNES_EXCEL = 16_384;

/** A range of the file (table, spill range) as a rectangle of Excel's grid, or a French error saying where. */
function rectangleDuFichier(reference: string, ou: string): Rectangle {
  let r: Rectangle;
  try {
    r = rectangle(reference);
  } catch {
    throw new ErreurClasseur(`${ou} : référence « ${reference} » illisible (fichier endommagé ?).`);
  }
  if (r.haut < 1 || r.gauche < 1 || r.bas > LIGNES_EXCEL || r.droite > COLONNES_EXCEL) {
    throw new ErreurClasseur(`${ou} : la plage « ${reference} » sort de la grille d'Excel (fichier endommagé ?).`);
  }
  return r;
}

function plageTropGrande(ou: string, p: { plage: string; cellules: number }, quoi: string): ErreurClasseur {
  return new ErreurClasseur(`${ou} : la plage « ${p.plage} » couvre ${p.cellules.toLocaleString("fr-FR")} cellules ; au-delà de ${CELLULES_PLAGE_MAX.toLocaleString("fr-FR")} (une colonne entière), le calcul sans Excel épuiserait la mémoire. ${/\d/.test(p.plage.split(":")[0]) && /[A-Z]/i.test(p.plage) ? "Limitez-la aux lignes utiles, ou écrivez des colonnes entières (A:B)" : "Limitez-la aux lignes et aux colonnes utiles"} (${quoi}).`);
}

function texteRiche(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

/**
 * A cell value of exceljs (not a formula) → the engine's value. exceljs hands a date cell as an
 * absolute Date, having applied the file's 1900 or 1904 date system itself; the engine (HyperFormula)
 * and the readers of src/dossier count serial numbers from 1900, so a Date becomes a 1900 serial
 * whatever the file's system (a 1904 file's dates were read four years and a day early).
 */
function valeurBrute(v: unknown): ValeurBrute {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.getTime() / MS_PAR_JOUR + JOURS_1900;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return texteRiche(o as { richText: { text: string }[] });
    if (typeof o.error === "string") return o.error;
    if ("text" in o) {
      const t = o.text;
      return typeof t === "string" ? t : t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText) ? texteRiche(t as { richText: { text: string }[] }) : String(t ?? "");
    }
  }
  return String(v);
}

/** Text must stay text: "12" or "01/02/2023" typed as text are not numbers, "=x" is not a formula. */
function pourMoteur(v: ValeurBrute, estErreur: boolean): ValeurBrute {
  if (typeof v === "string" && !estErreur) return `'${v}`;
  return v;
}

function lireTables(classeur: ExcelJS.Workbook): Map<string, TableClasseur> {
  const tables = new Map<string, TableClasseur>();
  classeur.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown[]) {
      const m = ((t as { table?: unknown }).table ?? t) as { name?: string; displayName?: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean; columns?: { name: string }[] };
      const nom = m.displayName ?? m.name;
      const ref = m.tableRef ?? m.ref;
      if (!nom || !ref) continue;
      const r = rectangleDuFichier(ref, `table « ${nom} » de la feuille « ${ws.name} »`);
      // Excel keeps a table's reference to its rows and columns; one that runs past the sheet's last row
      // or its own columns comes from a damaged file, and would make every formula on the table read
      // millions of blank cells. Rows below the sheet's last one hold nothing: they are left out.
      const colonnes = (m.columns ?? []).length;
      if (colonnes > 0) r.droite = Math.min(r.droite, r.gauche + colonnes - 1);
      r.bas = Math.max(Math.min(r.bas, ws.rowCount), Math.min(r.bas, r.haut + 1));
      // exceljs leaves headerRow undefined for tables saved by Excel: Excel's default is one header row.
      tables.set(nom.toLowerCase(), {
        nom, feuille: ws.name, haut: r.haut, gauche: r.gauche, bas: r.bas, droite: r.droite,
        entete: m.headerRow !== false, totaux: m.totalsRow === true, colonnes: (m.columns ?? []).map((c) => String(c.name)),
      });
    }
  });
  return tables;
}

function lireNoms(classeur: ExcelJS.Workbook, feuilles: Set<string>): NomDefini[] {
  const noms: NomDefini[] = [];
  const modele = (classeur.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of modele) {
    if (name.startsWith("_xlnm") || ranges.length !== 1) continue;
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(ranges[0]);
    if (!m) continue;
    const feuille = (m[1] ?? m[2]).replace(/''/g, "'");
    if (!feuilles.has(feuille)) continue;
    const r = rectangle(m[3]);
    const cellules = (r.bas - r.haut + 1) * (r.droite - r.gauche + 1);
    if (cellules > CELLULES_PLAGE_MAX) throw plageTropGrande(`nom défini « ${name} »`, { plage: m[3], cellules }, `fait référence à ${ranges[0]}`);
    noms.push({ nom: name, feuille, rectangle: r, reference: `${citerFeuille(feuille)}!${m[3].includes("$") ? m[3] : m[3].replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}` });
  }
  return noms;
}

export async function lireClasseur(chemin: string): Promise<ClasseurLu> {
  const octets = lireFichier(chemin);
  verifierArchive(octets, chemin);
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(octets as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ErreurClasseur(`« ${chemin} » n'est pas un classeur Excel (.xlsx) lisible (${e instanceof Error ? e.message : String(e)}).`);
  }
  const feuillesExcel: ExcelJS.Worksheet[] = [];
  classeur.eachSheet((ws) => { feuillesExcel.push(ws); });
  if (feuillesExcel.length === 0) throw new ErreurClasseur(`« ${chemin} » ne contient aucune feuille.`);
  const tables = lireTables(classeur);
  const noms = lireNoms(classeur, new Set(feuillesExcel.map((w) => w.name)));
  const feuilles: FeuilleLue[] = [];
  const formules: FormuleLue[] = [];
  const etendue = {
    lignes: Math.max(0, ...feuillesExcel.map((ws) => ws.rowCount)),
    colonnes: Math.max(0, ...feuillesExcel.map((ws) => ws.columnCount)),
  };

  feuillesExcel.forEach((ws, indexFeuille) => {
    const donnees: ValeurBrute[][] = [];
    const poser = (ligne: number, colonne: number, v: ValeurBrute) => {
      const l = (donnees[ligne - 1] ??= []);
      while (l.length < colonne - 1) l.push(null);
      l[colonne - 1] = v;
    };
    const spills: Rectangle[] = [];
    ws.eachRow({ includeEmpty: false }, (row, ligne) => {
      row.eachCell({ includeEmpty: false }, (cell, colonne) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as unknown;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const modele = v as { formula?: string; sharedFormula?: string; result?: unknown; shareType?: string; ref?: string };
          const brut = (cell.formula ?? modele.formula ?? "").replace(/^=/, "");
          const texte = reparerReferences(brut);
          const adresse = cell.address;
          if (texte === "") {
            throw new ErreurClasseur(`${nomCellule(ws.name, adresse)} : formule partagée sans formule d'origine (fichier incohérent).`);
          }
          let moteur: string;
          try {
            moteur = versMoteur(texte, { tables, feuille: ws.name, ligne, colonne });
          } catch (e) {
            if (e instanceof ErreurClasseur) throw new ErreurClasseur(`${nomCellule(ws.name, adresse)} : ${e.message} (formule « =${texte} »).`);
            throw e;
          }
          const grande = plagesTropGrandes(moteur, etendue)[0];
          if (grande) throw plageTropGrande(nomCellule(ws.name, adresse), grande, `formule « =${texte} »`);
          const tableau = modele.shareType === "array" && modele.ref ? rectangleDuFichier(modele.ref, `${nomCellule(ws.name, adresse)} (formule matricielle)`) : undefined;
          if (tableau && (tableau.bas > tableau.haut || tableau.droite > tableau.gauche)) spills.push(tableau);
          const cncSeul = appelCncSeul(moteur);
          if (tableau && !cncSeul) moteur = `ARRAYFORMULA(${moteur})`;
          moteur = `=${moteur}`;
          // cell.result, not cell.value.result: exceljs's value copy drops results that are 0, false or "".
          const resultat = (cell as unknown as { result: unknown }).result;
          const cache = resultat === undefined ? undefined : valeurBrute(resultat);
          formules.push({ feuille: ws.name, indexFeuille, ligne, colonne, adresse, texte, avantReparation: texte !== brut ? brut : undefined, moteur, tableau, cache, orthographe: orthographeDe(texte), cncSeul });
          poser(ligne, colonne, moteur);
          return;
        }
        const estErreur = typeof v === "object" && v !== null && "error" in (v as object);
        poser(ligne, colonne, pourMoteur(valeurBrute(v), estErreur));
      });
    });
    // Values Excel saved inside a spill range belong to the array formula: the engine recomputes them.
    // Only the cells the sheet holds: a spill range saved over the whole grid must not cost 17 billion steps.
    for (const r of spills) {
      for (let l = r.haut; l <= Math.min(r.bas, donnees.length); l++) {
        const ligne = donnees[l - 1];
        if (!ligne) continue;
        for (let c = r.gauche; c <= Math.min(r.droite, ligne.length); c++) {
          if (l === r.haut && c === r.gauche) continue;
          ligne[c - 1] = null;
        }
      }
    }
    feuilles.push({ nom: ws.name, donnees });
  });
  return { chemin, octets, classeur, feuilles, formules, tables, noms };
}
