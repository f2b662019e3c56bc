/**
 * A fake Excel as strict as Excel, for the task pane's Excel-API layer (jest) and for the built page
 * (navigateur-excel.test.ts injects this very file, transpiled, in place of office.js's Excel).
 *
 * It follows the Office.js proxy model (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts):
 * - nothing happens when the code sets a property or calls a method: the operation is queued, and
 *   `context.sync()` runs the queue in order, writing each operation to an ordered log (`journal`);
 * - a property can be read only once loaded AND synced (else PropertyNotLoaded, as Excel), and it
 *   holds the value of that sync, not a later one; `isNullObject` is known only after a sync;
 * - Excel's refusals surface at `sync`, the operations before them staying done (a batch is not a
 *   transaction): a formula naming a table or a sheet that does not exist yet (InvalidArgument),
 *   a table over another table's range, values / formulas / number formats whose shape differs from
 *   the range, a duplicate or invalid table or sheet name;
 * - every `sync` is counted (`syncs`), so a test can say how many round trips a task costs.
 * No import: the file must run alone in a browser page.
 */

export type Valeur = string | number | boolean | null;
export type Valeurs = Valeur[][];

export interface TableFactice {
  nom: string;
  feuille: string;
  /** Header row first. */
  valeurs: Valeurs;
  /** Row of the header in the sheet, from 0 (Excel's rowIndex). */
  ligneEntete?: number;
  /** First column, from 0. */
  colonne?: number;
}

export interface NomFactice {
  nom: string;
  /** Null: the name stands for a constant, not cells. */
  valeurs: Valeurs | null;
  /** Sheet and top-left cell of the values, e.g. "Feuil1!B2"; Feuil1!A1 by default. */
  adresse?: string;
  /** Scoped to this sheet; workbook scope when absent. */
  feuille?: string;
}

export interface DescriptionClasseur {
  feuilles: string[];
  active?: string;
  tables?: TableFactice[];
  noms?: NomFactice[];
  /** Active cell on the active sheet: row and column from 0 (column 0 by default). */
  celluleActive?: { ligne: number; colonne?: number };
  /** The date system of the workbook (Excel for Mac files of old: 1904). */
  date1904?: boolean;
}

export interface Operation {
  /** What was done, e.g. "range.formulas", "tables.add", "load", "worksheets.add". */
  op: string;
  /** Sheet!address, table or sheet name: what it was done to. */
  cible: string;
  detail?: unknown;
}

export type Evenement = "onChanged" | "onSelectionChanged" | "onActivated";

interface Plage { feuille: Feuille; l0: number; c0: number; l1: number; c1: number }
interface Cellule { valeur?: Valeur; formule?: string; format?: string }
interface Feuille {
  nom: string;
  cellules: Map<string, Cellule>;
  lignesFigees?: number;
  largeurs: Map<number, number>;
  /** What was written besides values: number formats, fills, fonts, validations, conditional formats. */
  mises: { adresse: string; quoi: string; valeur: unknown }[];
  selection?: string;
}
interface Table { nom: string; feuille: Feuille; plage: Plage; avecEntete: boolean; showBandedRows: boolean }
interface Nom { nom: string; plage: Plage | null; feuille?: string }

class ErreurExcel extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

const cle = (s: string) => s.toLowerCase();

function colonneEnIndice(lettres: string): number {
  let n = 0;
  for (const ch of lettres.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indiceEnColonne(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LIGNES_MAX = 1_048_576;

/** "A1", "A1:C10", "A:A", "3:3" → rows and columns from 0, inclusive. */
function lireA1(a1: string): { l0: number; c0: number; l1: number; c1: number } {
  const [debut, fin = debut] = a1.replace(/\$/g, "").split(":");
  const un = (s: string, bout: 0 | 1) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) throw new ErreurExcel("InvalidArgument", `adresse invalide « ${a1} »`);
    return {
      l: m[2] ? Number(m[2]) - 1 : bout === 0 ? 0 : LIGNES_MAX - 1,
      c: m[1] ? colonneEnIndice(m[1]) : bout === 0 ? 0 : 16383,
    };
  };
  const a = un(debut, 0);
  const b = un(fin, 1);
  return { l0: Math.min(a.l, b.l), c0: Math.min(a.c, b.c), l1: Math.max(a.l, b.l), c1: Math.max(a.c, b.c) };
}

/** Excel quotes a sheet name that is not a plain word. */
function nomFeuilleA1(nom: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(nom) ? nom : `'${nom.replace(/'/g, "''")}'`;
}

function adresseA1(p: Plage): string {
  const c = (l: number, k: number) => `${indiceEnColonne(k)}${l + 1}`;
  const a = p.l0 === p.l1 && p.c0 === p.c1 ? c(p.l0, p.c0) : `${c(p.l0, p.c0)}:${c(p.l1, p.c1)}`;
  return `${nomFeuilleA1(p.feuille.nom)}!${a}`;
}

const seCroisent = (a: Plage, b: Plage) => a.feuille === b.feuille && a.l0 <= b.l1 && b.l0 <= a.l1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const lignes = (p: Plage) => p.l1 - p.l0 + 1;
const colonnes = (p: Plage) => p.c1 - p.c0 + 1;

/** A table name Excel accepts: a letter, underscore or backslash first; letters, digits, _ and . after; not a cell reference. */
function nomTableValide(nom: string): boolean {
  return /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(nom) && !/^[A-Za-z]{1,3}\d+$/.test(nom) && !/^[RrCc]$/.test(nom);
}

/** A sheet name Excel accepts: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with '. */
function nomFeuilleValide(nom: string): boolean {
  return nom.length >= 1 && nom.length <= 31 && !/[:\\/?*[\]]/.test(nom) && !/^'|'$/.test(nom);
}

/**
 * The tables and sheets a formula names: `Table[…]` (structured references) and `Sheet!` / `'Sheet'!`,
 * outside string literals. Function names (CNC.APPORT_MIN) are neither.
 */
export function referencesFormule(formule: string): { tables: string[]; feuilles: string[] } {
  const sansTextes = formule.replace(/"(?:[^"]|"")*"/g, '""');
  const feuilles = [...sansTextes.matchAll(/'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!/gu)].map((m) => (m[1] ?? m[2]).replace(/''/g, "'"));
  const sansFeuilles = sansTextes.replace(/'(?:[^']|'')+'!/g, "");
  const tables = [...sansFeuilles.matchAll(/(?<![\p{L}\p{N}_.\]])([\p{L}_\\][\p{L}\p{N}_.]*)\[/gu)].map((m) => m[1]);
  return { tables: [...new Set(tables)], feuilles: [...new Set(feuilles)] };
}

/** The proxy-side state of an object: what was loaded, and its values as of the last sync. */
class Charge {
  private demandes = new Set<string>();
  private valeurs = new Map<string, unknown>();
  demander(props: string[]) {
    for (const p of props) this.demandes.add(p);
  }
  prendre(lire: (p: string) => unknown) {
    for (const p of this.demandes) this.valeurs.set(p, lire(p));
    this.demandes.clear();
  }
  lire(objet: string, p: string): unknown {
    if (!this.valeurs.has(p)) {
      throw new ErreurExcel("PropertyNotLoaded", `la propriété « ${p} » de ${objet} n'a pas été chargée (load puis sync)`);
    }
    return this.valeurs.get(p);
  }
}

function proprietes(arg: unknown): string[] {
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === "object") return Object.keys(arg);
  return [];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the proxies stand in for Office.js's classes */
export interface ExcelFactice {
  run<T>(batch: (ctx: any) => Promise<T>): Promise<T>;
  run<T>(ctx: any, batch: (ctx: any) => Promise<T>): Promise<T>;
}

export class ClasseurFactice {
  /** Every operation run by a sync, in order. */
  readonly journal: Operation[] = [];
  syncs = 0;
  /** A test may make Excel refuse one operation, to see what the code does with a batch failing midway. */
  panne: ((o: Operation) => boolean) | null = null;
  readonly feuilles: Feuille[] = [];
  readonly tables: Table[] = [];
  readonly noms: Nom[] = [];
  readonly gestionnaires: Record<Evenement, ((e: unknown) => Promise<unknown>)[]> = { onChanged: [], onSelectionChanged: [], onActivated: [] };
  private active: Feuille;
  private celluleActive: { ligne: number; colonne: number } | null;
  /** The global `Excel` as the page sees it. */
  readonly excel: ExcelFactice;
  private readonly date1904: boolean;

  constructor(d: DescriptionClasseur) {
    for (const f of d.feuilles) this.creerFeuille(f);
    this.active = this.feuille(d.active ?? d.feuilles[0])!;
    this.date1904 = d.date1904 ?? false;
    for (const t of d.tables ?? []) {
      const f = this.feuille(t.feuille) ?? this.creerFeuille(t.feuille);
      const l0 = t.ligneEntete ?? 0;
      const c0 = t.colonne ?? 0;
      this.ecrireValeurs(f, l0, c0, t.valeurs);
      const plage = { feuille: f, l0, c0, l1: l0 + t.valeurs.length - 1, c1: c0 + Math.max(...t.valeurs.map((l) => l.length)) - 1 };
      this.ajouterTable(t.nom, plage, true);
    }
    for (const n of d.noms ?? []) {
      const [feuille = "Feuil1", a1 = "A1"] = (n.adresse ?? "Feuil1!A1").split("!");
      const f = this.feuille(feuille.replace(/^'|'$/g, "")) ?? this.creerFeuille(feuille);
      let plage: Plage | null = null;
      if (n.valeurs) {
        const { l0, c0 } = lireA1(a1);
        this.ecrireValeurs(f, l0, c0, n.valeurs);
        plage = { feuille: f, l0, c0, l1: l0 + n.valeurs.length - 1, c1: c0 + Math.max(...n.valeurs.map((l) => l.length)) - 1 };
      }
      this.noms.push({ nom: n.nom, plage, feuille: n.feuille });
    }
    this.celluleActive = d.celluleActive ? { ligne: d.celluleActive.ligne, colonne: d.celluleActive.colonne ?? 0 } : { ligne: 0, colonne: 0 };
    // Excel.run(batch), or Excel.run(context, batch) to go on in an earlier context (removing a handler).
    this.excel = { run: async (a: any, b?: (ctx: any) => Promise<unknown>) => (typeof a === "function" ? a(this.contexte()) : b!(a)) } as ExcelFactice;
  }

  // ── What a test does to the workbook, as a person in Excel would ──────────────────────────────

  /** The person types values over cells (no event: call declencher). */
  modifier(feuille: string, a1: string, valeurs: Valeurs): void {
    const f = this.feuille(feuille)!;
    const { l0, c0 } = lireA1(a1);
    this.ecrireValeurs(f, l0, c0, valeurs);
  }

  /** The person selects a cell of the active sheet (or a chart: null). */
  selectionner(cellule: { ligne: number; colonne?: number } | null): void {
    this.celluleActive = cellule ? { ligne: cellule.ligne, colonne: cellule.colonne ?? 0 } : null;
  }

  /** Excel firing an event: every registered handler, awaited. */
  async declencher(evenement: Evenement): Promise<void> {
    for (const f of [...this.gestionnaires[evenement]]) await f({ type: evenement });
  }

  feuille(nom: string): Feuille | undefined {
    return this.feuilles.find((f) => cle(f.nom) === cle(nom));
  }

  table(nom: string): Table | undefined {
    return this.tables.find((t) => cle(t.nom) === cle(nom));
  }

  /** What a cell holds now: its formula ("=…") or its value. */
  contenu(feuille: string, a1: string): Valeur | undefined {
    const f = this.feuille(feuille);
    if (!f) return undefined;
    const { l0, c0 } = lireA1(a1);
    const c = f.cellules.get(`${l0},${c0}`);
    return c?.formule ?? c?.valeur;
  }

  /** The operations of the log matching `op`. */
  operations(op: string | RegExp): Operation[] {
    return this.journal.filter((o) => (typeof op === "string" ? o.op === op : op.test(o.op)));
  }

  // ── The model ─────────────────────────────────────────────────────────────────────────────────

  private creerFeuille(nom: string): Feuille {
    const f: Feuille = { nom, cellules: new Map(), largeurs: new Map(), mises: [] };
    this.feuilles.push(f);
    return f;
  }

  private ecrireValeurs(f: Feuille, l0: number, c0: number, valeurs: Valeurs): void {
    valeurs.forEach((ligne, i) => ligne.forEach((v, j) => {
      f.cellules.set(`${l0 + i},${c0 + j}`, { ...f.cellules.get(`${l0 + i},${c0 + j}`), valeur: v, formule: undefined });
    }));
  }

  private valeursDe(p: Plage): Valeurs {
    const r: Valeurs = [];
    for (let l = p.l0; l <= p.l1; l++) {
      const ligne: Valeur[] = [];
      for (let c = p.c0; c <= p.c1; c++) {
        const v = p.feuille.cellules.get(`${l},${c}`);
        // Formulas are not calculated here: a formula cell reads as blank.
        ligne.push(v?.valeur ?? "");
      }
      r.push(ligne);
    }
    return r;
  }

  private ajouterTable(nom: string, plage: Plage, avecEntete: boolean): Table {
    if (!nomTableValide(nom)) throw new ErreurExcel("InvalidArgument", `nom de tableau invalide « ${nom} »`);
    if (this.table(nom) || this.noms.some((n) => cle(n.nom) === cle(nom))) throw new ErreurExcel("InvalidArgument", `le nom « ${nom} » existe déjà dans le classeur`);
    const autre = this.tables.find((t) => seCroisent(t.plage, plage));
    if (autre) throw new ErreurExcel("InvalidArgument", `un tableau ne peut pas chevaucher un autre tableau (« ${autre.nom} », ${adresseA1(autre.plage)})`);
    const t: Table = { nom, feuille: plage.feuille, plage, avecEntete, showBandedRows: true };
    this.tables.push(t);
    return t;
  }

  private plageDe(f: Feuille, a1: string): Plage {
    const sans = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
    return { feuille: f, ...lireA1(sans) };
  }

  // ── The proxies ──────────────────────────────────────────────────────────────────────────────

  private contexte(): any {
    const file: { op: Operation; faire: () => void }[] = [];
    const differer = (op: Operation, faire: () => void = () => {}) => {
      file.push({ op, faire });
    };
    const classeur = this;

    /** A proxy whose loadable properties are read through `lire` at sync time. */
    const chargeable = (nom: string, lire: () => Record<string, unknown>, autres: Record<string, unknown>) => {
      const charge = new Charge();
      // Only an *OrNullObject result can be null, and Excel tells which only at the sync.
      let ouNul = false;
      let nul: boolean | undefined;
      // eslint-disable-next-line prefer-const
      let mandataire: any;
      const o: any = {
        load(arg: unknown) {
          const props = proprietes(arg);
          charge.demander(props);
          differer({ op: "load", cible: nom, detail: props.join(",") }, () => charge.prendre((p) => {
            // A null object loads without error; its properties are null (Excel's *OrNullObject methods).
            if (nul === true) return null;
            const v = lire();
            if (!(p in v)) throw new ErreurExcel("InvalidArgument", `${nom} n'a pas de propriété « ${p} »`);
            return v[p];
          }));
          return mandataire;
        },
        get isNullObject() {
          if (!ouNul) return false;
          if (nul === undefined) throw new ErreurExcel("PropertyNotLoaded", `isNullObject de ${nom} n'est connu qu'après sync`);
          return nul;
        },
        _nul(f: () => boolean) {
          ouNul = true;
          differer({ op: "resoudre", cible: nom }, () => {
            nul = f();
          });
          return mandataire;
        },
      };
      Object.defineProperties(o, Object.getOwnPropertyDescriptors(autres));
      mandataire = new Proxy(o, {
        get(cible, p) {
          if (typeof p !== "string" || p === "then" || p === "toJSON") return cible[p];
          const d = Object.getOwnPropertyDescriptor(cible, p);
          // A property the code may set (values, formulas, name…) is read like any other: loaded and synced.
          if (!d || (d.set && !d.get)) return charge.lire(nom, p);
          return cible[p];
        },
      });
      return mandataire;
    };

    const format = (p: () => Plage, chemin: string, nomObjet: string): any => new Proxy({}, {
      get: (_c, prop: string) => (prop === "then" ? undefined : format(p, `${chemin}.${prop}`, nomObjet)),
      set: (_c, prop: string, valeur) => {
        differer({ op: `range.${chemin}.${prop}`, cible: nomObjet, detail: valeur }, () => {
          const pl = p();
          if (`${chemin}.${prop}` === "format.columnWidth") for (let c = pl.c0; c <= pl.c1; c++) pl.feuille.largeurs.set(c, valeur as number);
          pl.feuille.mises.push({ adresse: adresseA1(pl).split("!")[1], quoi: `${chemin}.${prop}`, valeur });
        });
        return true;
      },
    });

    const verifierForme = (p: Plage, v: unknown, quoi: string) => {
      if (!Array.isArray(v)) return;
      if (v.length !== lignes(p) || v.some((l) => !Array.isArray(l) || l.length !== colonnes(p))) {
        const forme = `${v.length} × ${Array.isArray(v[0]) ? v[0].length : "?"}`;
        throw new ErreurExcel("InvalidArgument", `${quoi} : un tableau de ${forme} pour la plage ${adresseA1(p)} de ${lignes(p)} × ${colonnes(p)}`);
      }
    };

    const plage = (resoudre: () => Plage | null, nomObjet: string): any => {
      const p = () => {
        const r = resoudre();
        if (!r) throw new ErreurExcel("ItemNotFound", `${nomObjet} n'existe pas`);
        return r;
      };
      const r = chargeable(nomObjet, () => {
        const pl = p();
        return {
          values: classeur.valeursDe(pl), address: adresseA1(pl), rowIndex: pl.l0, columnIndex: pl.c0, rowCount: lignes(pl), columnCount: colonnes(pl),
          formulas: classeur.valeursDe(pl), numberFormat: [],
        };
      }, {
        set values(v: unknown) {
          differer({ op: "range.values", cible: nomObjet, detail: v }, () => {
            const pl = p();
            verifierForme(pl, v, "values");
            const m = Array.isArray(v) ? v : Array.from({ length: lignes(pl) }, () => Array(colonnes(pl)).fill(v));
            classeur.ecrireValeurs(pl.feuille, pl.l0, pl.c0, m as Valeurs);
          });
        },
        set formulas(v: unknown) {
          differer({ op: "range.formulas", cible: nomObjet, detail: v }, () => {
            const pl = p();
            verifierForme(pl, v, "formulas");
            const m = (Array.isArray(v) ? v : [[v]]) as unknown[][];
            m.forEach((ligne, i) => ligne.forEach((f, j) => {
              const texte = String(f);
              if (texte.startsWith("=")) {
                const refs = referencesFormule(texte);
                for (const t of refs.tables) {
                  if (!classeur.table(t)) throw new ErreurExcel("InvalidArgument", `la formule ${texte} de ${adresseA1(pl)} nomme le tableau « ${t} », qui n'existe pas`);
                }
                for (const s of refs.feuilles) {
                  if (!classeur.feuille(s)) throw new ErreurExcel("InvalidArgument", `la formule ${texte} de ${adresseA1(pl)} nomme la feuille « ${s} », qui n'existe pas`);
                }
              }
              // Excel refuses a formula in a table's header row (headers are constant text).
              const entete = classeur.tables.find((t) => t.avecEntete && t.feuille === pl.feuille && t.plage.l0 === pl.l0 + i && pl.c0 + j >= t.plage.c0 && pl.c0 + j <= t.plage.c1);
              if (entete && texte.startsWith("=")) throw new ErreurExcel("InvalidArgument", `formule dans la ligne d'en-tête du tableau « ${entete.nom} »`);
              pl.feuille.cellules.set(`${pl.l0 + i},${pl.c0 + j}`, { ...pl.feuille.cellules.get(`${pl.l0 + i},${pl.c0 + j}`), formule: texte.startsWith("=") ? texte : undefined, valeur: texte.startsWith("=") ? undefined : (f as Valeur) });
            }));
          });
        },
        set numberFormat(v: unknown) {
          differer({ op: "range.numberFormat", cible: nomObjet, detail: v }, () => {
            const pl = p();
            verifierForme(pl, v, "numberFormat");
            pl.feuille.mises.push({ adresse: adresseA1(pl).split("!")[1], quoi: "numberFormat", valeur: v });
          });
        },
        format: format(p, "format", nomObjet),
        dataValidation: format(p, "dataValidation", nomObjet),
        conditionalFormats: {
          add(type: string) {
            const mf = format(p, `conditionalFormats.add(${type})`, nomObjet);
            differer({ op: "range.conditionalFormats.add", cible: nomObjet, detail: type }, () => {
              p().feuille.mises.push({ adresse: adresseA1(p()).split("!")[1], quoi: "conditionalFormats.add", valeur: type });
            });
            return mf;
          },
        },
        select() {
          differer({ op: "range.select", cible: nomObjet }, () => {
            const pl = p();
            if (pl.feuille !== classeur.active) throw new ErreurExcel("InvalidOperation", "sélection sur une feuille qui n'est pas active");
            pl.feuille.selection = adresseA1(pl).split("!")[1];
          });
        },
        getEntireRow() {
          return plage(() => {
            const pl = p();
            return { feuille: pl.feuille, l0: pl.l0, l1: pl.l1, c0: 0, c1: 16383 };
          }, `${nomObjet}.getEntireRow()`);
        },
        getIntersectionOrNullObject(autre: any) {
          const inter = () => {
            const a = p();
            const b = autre._plage() as Plage;
            if (!seCroisent(a, b)) return null;
            return { feuille: a.feuille, l0: Math.max(a.l0, b.l0), l1: Math.min(a.l1, b.l1), c0: Math.max(a.c0, b.c0), c1: Math.min(a.c1, b.c1) };
          };
          return plage(inter, `${nomObjet}.getIntersection()`)._nul(() => inter() === null);
        },
        getRow(i: number) {
          return plage(() => {
            const pl = p();
            if (i < 0 || i >= lignes(pl)) throw new ErreurExcel("InvalidArgument", `ligne ${i} hors de ${adresseA1(pl)}`);
            return { ...pl, l0: pl.l0 + i, l1: pl.l0 + i };
          }, `${nomObjet}.getRow(${i})`);
        },
        getTables(_plein: boolean) {
          return collection(() => classeur.tables.filter((t) => seCroisent(t.plage, p())).map((t) => tableProxy(() => t, t.nom)), `${nomObjet}.getTables()`);
        },
        _plage: p,
      });
      return r;
    };

    /** A collection: `load("items/name")` loads each item; `items` readable after sync. */
    const collection = (elements: () => any[], nomObjet: string) => {
      let items: any[] | undefined;
      let demandes: string[] = [];
      const c: any = {
        load(arg: unknown) {
          demandes = proprietes(arg).map((p) => p.replace(/^items\//, ""));
          differer({ op: "load", cible: nomObjet, detail: demandes.join(",") }, () => {
            items = elements();
          });
          // The items' own loads are queued when the list is known, and run in this same sync.
          differer({ op: "load.items", cible: nomObjet }, () => {
            for (const it of items ?? []) it.load(demandes.join(","));
          });
          return c;
        },
        get items() {
          if (!items) throw new ErreurExcel("PropertyNotLoaded", `${nomObjet}.items n'a pas été chargé`);
          return items;
        },
      };
      return c;
    };

    const tableProxy = (resoudre: () => Table | null, nomObjet: string): any => {
      const t = () => {
        const r = resoudre();
        if (!r) throw new ErreurExcel("ItemNotFound", `le tableau ${nomObjet} n'existe pas`);
        return r;
      };
      let nomAttendu: string | undefined;
      const o = chargeable(`tableau ${nomObjet}`, () => ({ name: t().nom, showBandedRows: t().showBandedRows }), {
        getRange: () => plage(() => t().plage, `${nomObjet}.getRange()`),
        getHeaderRowRange: () => plage(() => ({ ...t().plage, l1: t().plage.l0 }), `${nomObjet}.getHeaderRowRange()`),
        getDataBodyRange: () => plage(() => ({ ...t().plage, l0: t().plage.l0 + 1 }), `${nomObjet}.getDataBodyRange()`),
        set name(v: string) {
          nomAttendu = v;
          differer({ op: "table.name", cible: nomObjet, detail: v }, () => {
            const tt = t();
            if (!nomTableValide(v)) throw new ErreurExcel("InvalidArgument", `nom de tableau invalide « ${v} »`);
            if (classeur.tables.some((x) => x !== tt && cle(x.nom) === cle(v)) || classeur.noms.some((n) => cle(n.nom) === cle(v))) {
              throw new ErreurExcel("InvalidArgument", `le nom « ${v} » existe déjà dans le classeur`);
            }
            tt.nom = v;
          });
        },
        set showBandedRows(v: boolean) {
          differer({ op: "table.showBandedRows", cible: nomAttendu ?? nomObjet, detail: v }, () => {
            t().showBandedRows = v;
          });
        },
      });
      return o;
    };

    const nomProxy = (trouver: () => Nom | undefined, nomObjet: string) => {
      const o = chargeable(`nom ${nomObjet}`, () => ({ name: trouver()!.nom }), {
        getRangeOrNullObject: () => plage(() => trouver()?.plage ?? null, `${nomObjet}.getRange()`)._nul(() => !trouver()?.plage),
      });
      return o._nul(() => trouver() === undefined);
    };

    const feuilleProxy = (trouver: () => Feuille | undefined, nomObjet: string): any => {
      const f = () => {
        const r = trouver();
        if (!r) throw new ErreurExcel("ItemNotFound", `la feuille « ${nomObjet} » n'existe pas`);
        return r;
      };
      return chargeable(`feuille ${nomObjet}`, () => ({ name: f().nom }), {
        getRange: (a1: string) => plage(() => classeur.plageDe(f(), a1), `${nomFeuilleA1(nomObjet)}!${a1}`),
        tables: Object.assign(collection(() => classeur.tables.filter((t) => t.feuille === f()).map((t) => tableProxy(() => t, t.nom)), `${nomObjet}.tables`), {
          add(a1: string, avecEntete: boolean) {
            let creee: Table | null = null;
            differer({ op: "tables.add", cible: `${nomFeuilleA1(nomObjet)}!${a1}`, detail: avecEntete }, () => {
              creee = classeur.ajouterTable(`Tableau${classeur.tables.length + 1}`, classeur.plageDe(f(), a1), avecEntete);
            });
            return tableProxy(() => creee, `tableau sur ${a1}`);
          },
        }),
        names: { getItemOrNullObject: (n: string) => nomProxy(() => classeur.noms.find((x) => x.feuille !== undefined && cle(x.feuille) === cle(f().nom) && cle(x.nom) === cle(n)), n) },
        freezePanes: {
          freezeRows(n: number) {
            differer({ op: "freezePanes.freezeRows", cible: nomObjet, detail: n }, () => {
              f().lignesFigees = n;
            });
          },
        },
        activate() {
          differer({ op: "worksheet.activate", cible: nomObjet }, () => {
            classeur.active = f();
          });
        },
        delete() {
          differer({ op: "worksheet.delete", cible: nomObjet }, () => {
            const ff = f();
            if (classeur.feuilles.length === 1) throw new ErreurExcel("InvalidOperation", "un classeur garde au moins une feuille");
            for (const t of classeur.tables.filter((x) => x.feuille === ff)) classeur.tables.splice(classeur.tables.indexOf(t), 1);
            classeur.feuilles.splice(classeur.feuilles.indexOf(ff), 1);
            if (classeur.active === ff) classeur.active = classeur.feuilles[0];
          });
        },
      });
    };

    const evenement = (quoi: Evenement) => ({
      add(h: (e: unknown) => Promise<unknown>) {
        let actif = false;
        differer({ op: `worksheets.${quoi}.add`, cible: "worksheets" }, () => {
          classeur.gestionnaires[quoi].push(h);
          actif = true;
        });
        return {
          remove() {
            differer({ op: `worksheets.${quoi}.remove`, cible: "worksheets" }, () => {
              if (!actif) throw new ErreurExcel("InvalidOperation", "gestionnaire jamais ajouté");
              classeur.gestionnaires[quoi].splice(classeur.gestionnaires[quoi].indexOf(h), 1);
              actif = false;
            });
          },
          get context() {
            return ctx;
          },
        };
      },
    });

    const ctx: any = {
      workbook: {
        worksheets: {
          getActiveWorksheet: () => {
            let f: Feuille | undefined;
            differer({ op: "getActiveWorksheet", cible: "worksheets" }, () => {
              f = classeur.active;
            });
            return feuilleProxy(() => f, "feuille active");
          },
          getItemOrNullObject: (nom: string) => feuilleProxy(() => classeur.feuille(nom), nom)._nul(() => !classeur.feuille(nom)),
          add: (nom: string) => {
            differer({ op: "worksheets.add", cible: nom }, () => {
              if (!nomFeuilleValide(nom)) throw new ErreurExcel("InvalidArgument", `nom de feuille invalide « ${nom} »`);
              if (classeur.feuille(nom)) throw new ErreurExcel("ItemAlreadyExists", `la feuille « ${nom} » existe déjà`);
              classeur.creerFeuille(nom);
            });
            return feuilleProxy(() => classeur.feuille(nom), nom);
          },
          onChanged: evenement("onChanged"),
          onSelectionChanged: evenement("onSelectionChanged"),
          onActivated: evenement("onActivated"),
        },
        tables: {
          getItemOrNullObject: (nom: string) => tableProxy(() => classeur.table(nom) ?? null, nom)._nul(() => !classeur.table(nom)),
        },
        names: { getItemOrNullObject: (n: string) => nomProxy(() => classeur.noms.find((x) => x.feuille === undefined && cle(x.nom) === cle(n)), n) },
        getActiveCell: () => {
          let cellule: Plage | null = null;
          differer({ op: "getActiveCell", cible: "workbook" }, () => {
            if (!classeur.celluleActive) throw new ErreurExcel("InvalidSelection", "la sélection n'est pas une plage");
            const { ligne, colonne } = classeur.celluleActive;
            cellule = { feuille: classeur.active, l0: ligne, l1: ligne, c0: colonne, c1: colonne };
          });
          return plage(() => cellule, "cellule active");
        },
        // Worksheet functions (ExcelApi 1.2): only DATE, which depends on the workbook's date system.
        functions: {
          date: (a: number, m: number, j: number) => chargeable(`DATE(${a};${m};${j})`, () => {
            const serie = (Date.UTC(a, m - 1, j) - Date.UTC(1899, 11, 30)) / 86_400_000 - (classeur.date1904 ? 1462 : 0);
            return { value: serie, error: null };
          }, {}),
        },
      },
      async sync() {
        classeur.syncs++;
        classeur.journal.push({ op: "sync", cible: `#${classeur.syncs}` });
        await Promise.resolve();
        while (file.length) {
          const { op, faire } = file.shift()!;
          if (classeur.panne?.(op)) {
            file.length = 0;
            throw new ErreurExcel("GeneralException", `Excel a refusé ${op.op} sur ${op.cible}`);
          }
          classeur.journal.push(op);
          try {
            faire();
          } catch (e) {
            // Excel drops the rest of the batch; what ran before stays done.
            file.length = 0;
            throw e;
          }
        }
      },
    };
    return ctx;
  }
}
