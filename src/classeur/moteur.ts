/**
 * Computing a workbook with HyperFormula (GPL-3.0, licence key "gpl-v3"; CLI only, never in the
 * add-in bundle): native Excel functions by the engine, CNC.* by the add-in's own functions
 * (plugin-cnc.ts). A CNC function whose result spills gets the size it really returned: when it
 * differs from the size reserved, the workbook is rebuilt with the sizes learned (at most a few
 * passes; a spill range normally settles on the second). The CNC formulas that read only plain
 * cells are computed without the engine (cnc-direct.ts), which then holds only the other formulas;
 * when none is left (a catalogue of the template), the engine is built only if a caller asks for a
 * cell that is not one of those formulas (`cnc-rga verifier` reading the dossiers).
 */
import { CellError, DetailedCellError, HyperFormula, type CellValue, type ConfigParams, type SerializedNamedExpression } from "hyperformula";
import { calculerDirect, cellule, chevauche, type CalculDirect } from "./cnc-direct";
import { ErreurClasseur } from "./erreurs";
import type { ClasseurLu, FormuleLue, ValeurBrute } from "./lire";
import { avecContexte, cle, enregistrerFonctionsCnc, type ContexteCnc, type Taille } from "./plugin-cnc";

export const CONFIGURATION: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel shows a reference to a blank cell as 0.
  evaluateNullToZero: true,
  // Excel's limits rather than HyperFormula's smaller defaults.
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

const PASSES_MAX = 4;

/** Cells of the largest spill range taken from the file as a size hint: a full column. */
const TAILLE_RESERVEE_MAX = 1_048_576;

export interface Calcul {
  /** Spill size of each array formula, by formula. */
  tailles: Map<FormuleLue, Taille>;
  /** Value of a cell (sheet index, row and column from 1), as the engine exports it. */
  valeur(indexFeuille: number, ligne: number, colonne: number): CellValue;
  /** Columns (width) and rows (height) of a sheet as the engine holds it, spilled results included. */
  dimensions(indexFeuille: number): { width: number; height: number };
  /** Frees the engine (its graph holds every cell), when one was built. */
  detruire(): void;
  /** Builds of the engine (0: every formula computed without it). */
  passes: number;
}

export interface OptionsCalcul {
  /** Called after each CNC call with the number done and the number of CNC formulas (a pass may call each more than once). */
  progression?: (faits: number, total: number) => void;
  /** false: every formula by the engine, none computed directly (cnc-direct.ts); for tests and benchmarks. */
  direct?: boolean;
}

function nomsDefinis(lu: ClasseurLu): SerializedNamedExpression[] {
  const essai = HyperFormula.buildFromSheets(Object.fromEntries(lu.feuilles.map((f) => [f.nom, []])), CONFIGURATION);
  const noms: SerializedNamedExpression[] = [];
  const ajouter = (name: string, expression: string) => {
    if (noms.some((n) => n.name.toLowerCase() === name.toLowerCase())) return;
    if (essai.isItPossibleToAddNamedExpression(name, expression)) {
      essai.addNamedExpression(name, expression);
      noms.push({ name, expression, options: {} });
    }
  };
  for (const n of lu.noms) ajouter(n.nom, `=${n.reference}`);
  // A table's name alone designates its data rows (`=SUM(Financements)`).
  for (const t of lu.tables.values()) {
    const haut = t.haut + (t.entete ? 1 : 0);
    const bas = t.bas - (t.totaux ? 1 : 0);
    ajouter(t.nom, `='${t.feuille.replace(/'/g, "''")}'!$${colonne(t.gauche)}$${haut}:$${colonne(t.droite)}$${bas}`);
  }
  essai.destroy();
  return noms;
}

function colonne(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function construire(lu: ClasseurLu, noms: SerializedNamedExpression[], ctx: ContexteCnc, direct: CalculDirect | null): HyperFormula {
  // Array.from, not map: a sheet's rows may have holes (blank rows), which HyperFormula refuses.
  const donnees = lu.feuilles.map((f) => Array.from(f.donnees, (l) => (l ? Array.from(l, (v) => v ?? null) : [])));
  // A formula computed without the engine is its value for the engine.
  if (direct) for (const [f, contenu] of direct.contenus) donnees[f.indexFeuille][f.ligne - 1][f.colonne - 1] = contenu;
  const feuilles = Object.fromEntries(lu.feuilles.map((f, i) => [f.nom, donnees[i]]));
  try {
    return avecContexte(ctx, () => HyperFormula.buildFromSheets(feuilles, CONFIGURATION, noms));
  } catch (e) {
    throw new ErreurClasseur(`le moteur de calcul refuse le classeur « ${lu.chemin} » (${e instanceof Error ? e.message : String(e)}).`);
  }
}

export function calculerClasseur(lu: ClasseurLu, options: OptionsCalcul = {}): Calcul {
  const totalCnc = lu.formules.filter((f) => f.orthographe !== null).length;
  let faits = 0;
  const apresAppel = options.progression ? () => options.progression!(++faits, totalCnc) : undefined;
  if (options.direct === false) return calculerAvecMoteur(lu, null, apresAppel);
  const direct = calculerDirect(lu, apresAppel);
  if (direct.contenus.size === lu.formules.length) return sansMoteur(lu, direct);
  const calcul = calculerAvecMoteur(lu, direct, apresAppel);
  if (direct.lus.length === 0 || !debordeSurLu(lu, calcul, direct)) return calcul;
  // A spill computed by the engine covers a cell read without it: everything by the engine, as before.
  calcul.detruire();
  return calculerAvecMoteur(lu, null, apresAppel);
}

/**
 * HyperFormula's export of a number (Exporter.cellValueRounding, `smartRounding` and
 * `precisionRounding` of its configuration, both left at their defaults): what `getCellValue` gives
 * for a cell holding that number, so a value computed without the engine reads exactly as before.
 */
const PRECISION_MOTEUR = 10;
function arrondiMoteur(v: number): number {
  if (v === 0) return v;
  const facteur = Math.pow(10, PRECISION_MOTEUR - Math.floor(Math.log10(Math.abs(v))));
  // The engine's own export gives NaN here (infinite factor); resume.ts turns that into #NUM!, and so do we.
  if (!Number.isFinite(facteur)) return Number.NaN;
  return v < 0 ? -Math.round(-v * facteur) / facteur : Math.round(v * facteur) / facteur;
}

/**
 * Every formula of the workbook was computed without the engine: their values are read from the
 * direct computation, exported as the engine would; any other cell (a value read by `verifier`)
 * builds the engine on first use, with the formulas' values as cell contents.
 */
function sansMoteur(lu: ClasseurLu, direct: CalculDirect): Calcul {
  const parCellule = new Map<string, ValeurBrute>();
  const tailles = new Map<FormuleLue, Taille>();
  for (const [f, contenu] of direct.contenus) {
    parCellule.set(cellule(f.indexFeuille, f.ligne, f.colonne), contenu);
    if (f.tableau) tailles.set(f, { lignes: 1, colonnes: 1 });
  }
  let moteur: Calcul | null = null;
  const avecMoteur = () => (moteur ??= calculerAvecMoteur(lu, direct, undefined));
  // Only for the address an error names: an engine without cells, which quotes sheet names as the full one.
  let adresses: HyperFormula | null = null;
  const adresse = (sheet: number, row: number, col: number) =>
    (adresses ??= HyperFormula.buildFromSheets(Object.fromEntries(lu.feuilles.map((f) => [f.nom, []])), CONFIGURATION)).simpleCellAddressToString({ sheet, row, col }, -1);
  return {
    tailles,
    passes: 0,
    valeur: (indexFeuille, ligne, col) => {
      const k = cellule(indexFeuille, ligne, col);
      const contenu = parCellule.get(k);
      if (contenu === undefined) return avecMoteur().valeur(indexFeuille, ligne, col);
      const erreur: CellError | undefined = direct.erreurs.get(k);
      // The error's code is the literal cnc-direct.ts gives the engine ("#N/A", "#VALUE!", "#NUM!").
      if (erreur !== undefined) return new DetailedCellError(erreur, String(contenu), adresse(indexFeuille, ligne - 1, col - 1));
      if (typeof contenu === "number") return arrondiMoteur(contenu);
      // Text is held escaped with "'" (lire.ts), as the engine reads it.
      if (typeof contenu === "string") return contenu.slice(1);
      return contenu;
    },
    dimensions: (indexFeuille) => avecMoteur().dimensions(indexFeuille),
    detruire: () => {
      moteur?.detruire();
      adresses?.destroy();
      moteur = null;
      adresses = null;
    },
  };
}

/** Whether an array result of the engine spills over a cell that a formula computed without it read. */
function debordeSurLu(lu: ClasseurLu, calcul: Calcul, direct: CalculDirect): boolean {
  for (const [f, t] of calcul.tailles) {
    if (t.lignes === 1 && t.colonnes === 1) continue;
    const zone = { haut: f.ligne, bas: f.ligne + t.lignes - 1, gauche: f.colonne, droite: f.colonne + t.colonnes - 1 };
    if (direct.lus.some((l) => l.indexFeuille === f.indexFeuille && chevauche(l.zone, zone))) return true;
  }
  return false;
}

function calculerAvecMoteur(lu: ClasseurLu, direct: CalculDirect | null, apresAppel: (() => void) | undefined): Calcul {
  enregistrerFonctionsCnc();
  const ids = new Map<number, number>();
  const tailles = new Map<string, Taille>();
  const parCle = new Map<string, FormuleLue>();
  const cncSeules = lu.formules.filter((f) => f.cncSeul && !direct?.contenus.has(f));
  const noms = nomsDefinis(lu);
  // HyperFormula numbers sheets in the order given: the sizes can be keyed before the first build.
  lu.feuilles.forEach((_f, i) => ids.set(i, i));
  for (const f of cncSeules) {
    const k = cle({ sheet: f.indexFeuille, row: f.ligne - 1, col: f.colonne - 1 });
    parCle.set(k, f);
    // The saved spill range is only a hint (the next pass learns the real size): one the engine would
    // have to allocate cell by cell beyond a full column is not taken.
    const lignes = f.tableau ? f.tableau.bas - f.tableau.haut + 1 : 1;
    const colonnes = f.tableau ? f.tableau.droite - f.tableau.gauche + 1 : 1;
    if (f.tableau && lignes * colonnes <= TAILLE_RESERVEE_MAX) tailles.set(k, { lignes, colonnes });
  }
  let hf: HyperFormula | null = null;
  let passes = 0;
  for (;;) {
    passes++;
    const ctx: ContexteCnc = { tailles, naturelles: new Map(), apresAppel };
    hf?.destroy();
    hf = construire(lu, noms, ctx, direct);
    lu.feuilles.forEach((f, i) => {
      if (hf!.getSheetId(f.nom) !== i) throw new Error(`numérotation inattendue des feuilles par le moteur (« ${f.nom} »)`);
    });
    let change = false;
    for (const k of parCle.keys()) {
      const naturelle = ctx.naturelles.get(k) ?? { lignes: 1, colonnes: 1 };
      const reservee = tailles.get(k) ?? { lignes: 1, colonnes: 1 };
      if (naturelle.lignes !== reservee.lignes || naturelle.colonnes !== reservee.colonnes) {
        tailles.set(k, naturelle);
        change = true;
      }
    }
    if (!change || passes >= PASSES_MAX) break;
  }
  const moteur = hf!;
  const parFormule = new Map<FormuleLue, Taille>();
  for (const f of lu.formules) {
    const sheet = ids.get(f.indexFeuille)!;
    // Computed without the engine: a single value, as the engine sizes a 1×1 array formula.
    if (direct?.contenus.has(f)) {
      if (f.tableau) parFormule.set(f, { lignes: 1, colonnes: 1 });
      continue;
    }
    const t = f.cncSeul ? tailles.get(cle({ sheet, row: f.ligne - 1, col: f.colonne - 1 })) : undefined;
    if (t) parFormule.set(f, t);
    else if (f.tableau) {
      // A native array formula: the engine's own array size.
      if (moteur.isCellPartOfArray({ sheet, row: f.ligne - 1, col: f.colonne - 1 })) parFormule.set(f, tailleTableau(moteur, sheet, f));
    }
  }
  return {
    tailles: parFormule,
    passes,
    dimensions: (indexFeuille) => moteur.getSheetDimensions(ids.get(indexFeuille)!),
    detruire: () => moteur.destroy(),
    valeur: (indexFeuille, ligne, col) => {
      const adresse = { sheet: ids.get(indexFeuille)!, row: ligne - 1, col: col - 1 };
      const erreur = direct?.erreurs.get(cellule(indexFeuille, ligne, col));
      if (erreur === undefined) return moteur.getCellValue(adresse);
      // As the engine exports an error of its own: its code from the cell, the message from the CNC function.
      const code = moteur.getCellValue(adresse);
      return new DetailedCellError(erreur, code instanceof DetailedCellError ? code.value : String(code), moteur.simpleCellAddressToString(adresse, -1));
    },
  };
}

/** How far a native array formula spills: the cells of the engine's array that start at the formula. */
function tailleTableau(hf: HyperFormula, sheet: number, f: FormuleLue): Taille {
  let lignes = 1;
  let colonnes = 1;
  const dans = (r: number, c: number) => hf.isCellPartOfArray({ sheet, row: r, col: c }) && hf.getCellFormula({ sheet, row: r, col: c }) === undefined;
  while (dans(f.ligne - 1 + lignes, f.colonne - 1)) lignes++;
  while (dans(f.ligne - 1, f.colonne - 1 + colonnes)) colonnes++;
  return { lignes, colonnes };
}

