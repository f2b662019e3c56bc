/**
 * A fake Excel for the task pane's Excel-API layer. What the layer reads (ranges' values and
 * addresses, row indexes, table names) is an office-addin-mock OfficeMockObject tree under
 * `context`, so a property read without `load` + `sync` comes back as the mock's error text and the
 * test fails; what the layer writes (the template sheet) goes to plain recorders that the test
 * inspects. Collections are plain objects whose `load("items/…")` is passed on to their items.
 */
import { OfficeMockObject } from "office-addin-mock";

export type Valeurs = (string | number | boolean | null)[][];

export interface TableFactice {
  nom: string;
  feuille: string;
  /** Header row first. */
  valeurs: Valeurs;
  /** Row of the header in the sheet, from 0 (Excel's rowIndex). */
  ligneEntete?: number;
  adresse?: string;
}

export interface NomFactice {
  nom: string;
  /** Null: the name stands for a constant, not cells. */
  valeurs: Valeurs | null;
  adresse?: string;
  /** Scoped to this sheet; workbook scope when absent. */
  feuille?: string;
}

export interface DescriptionClasseur {
  feuilles: string[];
  active?: string;
  tables?: TableFactice[];
  noms?: NomFactice[];
  /** Active cell: its sheet row (from 0) and the table it is in, if any. */
  celluleActive?: { ligne: number; table?: string };
}

/** What the layer wrote into a range. */
export interface PlageEcrite {
  adresse: string;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  format: { fill: Record<string, unknown>; font: Record<string, unknown>; columnWidth?: number };
  dataValidation: { rule?: Record<string, unknown>; errorAlert?: Record<string, unknown> };
  conditionalFormats: { type: string; cellValue: { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule?: Record<string, unknown> } }[];
}

export interface FeuilleEcrite {
  nom: string;
  plages: PlageEcrite[];
  tables: { plage: string; avecEntete: boolean; name?: string; showBandedRows?: boolean }[];
  lignesFigees?: number;
  active: boolean;
  selection?: string;
}

export type Evenement = "onChanged" | "onSelectionChanged" | "onActivated";

const nulle = () => ({ isNullObject: true, load() { return this; } });

function cle(nom: string): string {
  return nom.toLowerCase();
}

// The mock tree is typed loosely on purpose: it stands in for Excel's proxies.
/* eslint-disable @typescript-eslint/no-explicit-any */
export class ClasseurFactice {
  readonly excel: any;
  readonly ecrites: FeuilleEcrite[] = [];
  readonly gestionnaires: Record<Evenement, (() => Promise<unknown>)[]> = { onChanged: [], onSelectionChanged: [], onActivated: [] };
  private readonly feuilles = new Set<string>();
  private readonly nomsTables = new Set<string>();
  private active: string;

  constructor(d: DescriptionClasseur) {
    this.active = d.active ?? d.feuilles[0];
    for (const f of d.feuilles) this.feuilles.add(cle(f));
    const tables: Record<string, unknown> = {};
    (d.tables ?? []).forEach((t, i) => {
      const haut = t.ligneEntete ?? 0;
      tables[`t${i}`] = {
        name: t.nom,
        plage: { values: t.valeurs, address: t.adresse ?? `${t.feuille}!A${haut + 1}` },
        entete: { values: [t.valeurs[0]] },
        corps: {
          rowIndex: haut + 1, rowCount: t.valeurs.length - 1,
          ...Object.fromEntries(t.valeurs.slice(1).map((l, j) => [`ligne${j}`, { values: [l], address: `${t.feuille}!A${haut + 2 + j}` }])),
        },
      };
      this.nomsTables.add(cle(t.nom));
    });
    const noms: Record<string, unknown> = {};
    (d.noms ?? []).forEach((n, i) => {
      noms[`n${i}`] = { name: n.nom, plage: { values: n.valeurs ?? [[null]], address: n.adresse ?? "Feuil1!A1" } };
    });
    this.excel = new OfficeMockObject({
      context: {
        workbook: { tables, noms, celluleActive: { rowIndex: d.celluleActive?.ligne ?? 0 } },
      },
    });
    const wb = this.excel.context.workbook;
    const mocksTables = (d.tables ?? []).map((t, i) => ({ t, m: wb.tables[`t${i}`] }));
    for (const { m } of mocksTables) {
      m.isNullObject = false;
      m.getRange = () => m.plage;
      m.getHeaderRowRange = () => m.entete;
      m.getDataBodyRange = () => m.corps;
      m.corps.getRow = (j: number) => m.corps[`ligne${j}`];
    }
    const mocksNoms = (d.noms ?? []).map((n, i) => ({ n, m: wb.noms[`n${i}`] }));
    for (const { n, m } of mocksNoms) {
      m.isNullObject = false;
      m.plage.isNullObject = n.valeurs === null;
      m.getRangeOrNullObject = () => m.plage;
    }
    const collection = (items: any[]) => ({
      items,
      load(p: string) {
        for (const it of items) it.load(p.replace(/items\//g, ""));
        return this;
      },
    });
    const nomDans = (portee: string | undefined) => (nom: string) =>
      mocksNoms.find(({ n }) => n.feuille === portee && cle(n.nom) === cle(nom))?.m ?? nulle();
    const feuille = (nom: string) => ({
      name: nom,
      tables: collection(mocksTables.filter(({ t }) => t.feuille === nom).map(({ m }) => m)),
      names: { getItemOrNullObject: nomDans(nom) },
    });

    Object.assign(wb, {
      tables: Object.assign(wb.tables, {
        getItemOrNullObject: (nom: string) => mocksTables.find(({ t }) => cle(t.nom) === cle(nom))?.m ?? (this.nomsTables.has(cle(nom)) ? { isNullObject: false, load() { return this; } } : nulle()),
      }),
      names: { getItemOrNullObject: nomDans(undefined) },
      getActiveCell: () => {
        const c = wb.celluleActive;
        const table = d.celluleActive?.table;
        c.getTables = () => collection(mocksTables.filter(({ t }) => t.nom === table).map(({ m }) => m));
        return c;
      },
      worksheets: {
        getActiveWorksheet: () => feuille(this.active),
        getItemOrNullObject: (nom: string) => (this.feuilles.has(cle(nom)) ? { isNullObject: false, load() { return this; } } : nulle()),
        add: (nom: string) => this.ajouterFeuille(nom),
        onChanged: { add: (f: () => Promise<unknown>) => (this.gestionnaires.onChanged.push(f), {}) },
        onSelectionChanged: { add: (f: () => Promise<unknown>) => (this.gestionnaires.onSelectionChanged.push(f), {}) },
        onActivated: { add: (f: () => Promise<unknown>) => (this.gestionnaires.onActivated.push(f), {}) },
      },
    });
    this.excel.run = async (rappel: (ctx: unknown) => Promise<unknown>) => rappel(this.excel.context);
  }

  /** The mock of the i-th table given, to change its cells. */
  table(i: number): any {
    return this.excel.context.workbook.tables[`t${i}`];
  }

  /** Excel firing an event: every handler, awaited. */
  async declencher(evenement: Evenement): Promise<void> {
    for (const f of this.gestionnaires[evenement]) await f();
  }

  private ajouterFeuille(nom: string): unknown {
    if (this.feuilles.has(cle(nom))) throw new Error(`ItemAlreadyExists: la feuille « ${nom} » existe déjà`);
    this.feuilles.add(cle(nom));
    const ecrite: FeuilleEcrite = { nom, plages: [], tables: [], active: false };
    this.ecrites.push(ecrite);
    const plage = (adresse: string): PlageEcrite & { select(): void } => {
      const p: PlageEcrite & { select(): void } = {
        adresse, format: { fill: {}, font: {} }, dataValidation: {}, conditionalFormats: [],
        select: () => { ecrite.selection = adresse; },
      };
      (p.conditionalFormats as unknown as { add: unknown }).add = (type: string) => {
        const mf = { type, cellValue: { format: { fill: {}, font: {} } } };
        p.conditionalFormats.push(mf);
        return mf;
      };
      ecrite.plages.push(p);
      return p;
    };
    return {
      name: nom,
      getRange: plage,
      tables: {
        add: (adresse: string, avecEntete: boolean) => {
          const t: FeuilleEcrite["tables"][number] = { plage: adresse, avecEntete };
          ecrite.tables.push(t);
          return new Proxy(t, {
            set: (cible, prop, valeur) => {
              if (prop === "name") {
                if (this.nomsTables.has(cle(valeur))) throw new Error(`InvalidArgument: le nom de tableau « ${valeur} » existe déjà`);
                this.nomsTables.add(cle(valeur));
              }
              (cible as Record<string | symbol, unknown>)[prop] = valeur;
              return true;
            },
          });
        },
      },
      freezePanes: { freezeRows: (n: number) => { ecrite.lignesFigees = n; } },
      activate: () => {
        for (const e of this.ecrites) e.active = false;
        ecrite.active = true;
        this.active = nom;
      },
    };
  }
}
