/**
 * The task pane's Excel-API layer against office-addin-mock: reading a `Dossier` table, a catalogue
 * row and named ranges; inserting the financing-plan template (never over an existing sheet); and
 * reading again when Excel reports a change.
 */
// office-addin-mock only needs the OfficeApp enum of office-addin-manifest, whose entry point also
// loads an ES-module-only dependency that jest (CommonJS) cannot require: give it the enum alone.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import { CHAMPS, definition } from "../../src/dossier";
import { CHAMPS_CALCULES, COULEURS, LISTE_AIDES, LISTE_BOOLEENS, LISTE_DESTINATIONS, LISTE_GENRES, modelePlan } from "../../src/modele";
import { evaluer, type Dossier } from "../../src/rules";
import { creerActualisation } from "../../src/taskpane/actualisation";
import { suivreModifications } from "../../src/taskpane/excel/evenements";
import { couleur, insererPlanFinancement, nomsPlan } from "../../src/taskpane/excel/insertion";
import { estEnteteCatalogue, estNomDossier, lireDossierClasseur, type LectureClasseur } from "../../src/taskpane/excel/lecture";
import { ClasseurFactice, type DescriptionClasseur, type Valeurs } from "./classeur-factice";

const g = globalThis as unknown as { Excel?: unknown };

function installer(d: DescriptionClasseur): ClasseurFactice {
  const c = new ClasseurFactice(d);
  g.Excel = c.excel;
  return c;
}

afterEach(() => {
  delete g.Excel;
});

const serie = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
const libelle = (champ: string) => definition(champ)!.libelle;

/** A `Champ | Valeur | Article` table as the template lays it out, with French labels. */
const TABLE_DOSSIER: Valeurs = [
  ["Champ", "Valeur", "Article"],
  [libelle("titre"), "Les Gardiens du phare", ""],
  [libelle("dateDemande"), serie("2023-01-16"), ""],
  [libelle("genre"), "Fiction", ""],
  [libelle("dureeMinutes"), 416, ""],
  [libelle("coutDefinitif"), 8000000, ""],
  [libelle("apportInitial"), 1900000, "311-11"],
  [libelle("apportNumeraireTelevision"), 1900000, "311-11 al. 3"],
  [libelle("coproductionInternationale"), "non", ""],
  ["Notes internes", "à relire", ""],
];

function dossierLu(r: LectureClasseur): Dossier {
  if (!r.trouve) throw new Error("aucun dossier lu");
  const l = r.lecture.lignes[0];
  if (l.ok !== true) throw new Error(`lecture refusée : ${JSON.stringify(l)}`);
  return l.dossier;
}

describe("lecture du dossier du classeur", () => {
  test("un tableau « Dossier » Champ | Valeur : valeurs lues, dates Excel converties, libellés inconnus listés", async () => {
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER, adresse: "Feuil1!A1:C10" }] });
    const r = await lireDossierClasseur();
    expect(r.trouve).toBe(true);
    if (!r.trouve) return;
    expect(r.source).toEqual({ genre: "tableau", nom: "Dossier", adresse: "Feuil1!A1:C10" });
    expect(r.lecture.forme).toBe("champ-valeur");
    expect(r.lecture.ignores).toEqual(["Notes internes"]);
    const d = dossierLu(r);
    expect(d.titre).toBe("Les Gardiens du phare");
    expect(d.dateDemande).toBe("2023-01-16");
    expect(d.genre).toBe("fiction");
    expect(d.coutDefinitif?.toNumber()).toBe(8000000);
    expect(d.coproductionInternationale).toBe(false);
    // The read dossier goes to the core as is: 1 900 000 € is short of 25 % of 8 M€ by 100 000 €.
    const v = evaluer(d);
    expect(v.version).toBe("2023-01");
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(v.apportInitial.ecart?.toNumber()).toBe(100000);
  });

  test("une valeur invalide est refusée en nommant le champ", async () => {
    const valeurs = TABLE_DOSSIER.map((l) => [...l]);
    valeurs[5][1] = "-12";
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs }] });
    const r = await lireDossierClasseur();
    if (!r.trouve) throw new Error("aucun dossier lu");
    const l = r.lecture.lignes[0];
    expect(l.ok).toBe(false);
    if (l.ok !== false) return;
    expect(l.erreurs.map((e) => e.champ)).toEqual(["coutDefinitif"]);
  });

  test("sur la feuille active, le tableau Dossier_2 d'un second modèle passe avant le tableau Dossier d'une autre feuille", async () => {
    const autre = TABLE_DOSSIER.map((l) => (l[0] === libelle("titre") ? [l[0], "Autre œuvre", ""] : l));
    installer({
      feuilles: ["Plan de financement", "Plan de financement (2)"],
      active: "Plan de financement (2)",
      tables: [
        { nom: "Dossier", feuille: "Plan de financement", valeurs: TABLE_DOSSIER },
        { nom: "Dossier_2", feuille: "Plan de financement (2)", valeurs: autre },
      ],
    });
    const r = await lireDossierClasseur();
    expect(r.trouve && r.source).toMatchObject({ genre: "tableau", nom: "Dossier_2" });
    expect(dossierLu(r).titre).toBe("Autre œuvre");
  });

  test("une plage nommée « Dossier » (portée classeur) sans tableau", async () => {
    installer({ feuilles: ["Feuil1"], noms: [{ nom: "Dossier", valeurs: TABLE_DOSSIER.slice(1), adresse: "Feuil1!B2:D10" }] });
    const r = await lireDossierClasseur();
    expect(r.trouve && r.source).toEqual({ genre: "nom-classeur", nom: "Dossier", adresse: "Feuil1!B2:D10" });
    expect(dossierLu(r).apportInitial?.toNumber()).toBe(1900000);
  });

  test("un autre nom choisi dans le volet, et un nom qui désigne une constante plutôt que des cellules", async () => {
    installer({ feuilles: ["Feuil1"], noms: [{ nom: "MonDossier", valeurs: TABLE_DOSSIER }, { nom: "Dossier", valeurs: null }] });
    expect((await lireDossierClasseur("MonDossier")).trouve).toBe(true);
    expect(await lireDossierClasseur()).toEqual({ trouve: false });
  });

  test("rien de tel dans le classeur : aucun dossier", async () => {
    installer({ feuilles: ["Feuil1"] });
    expect(await lireDossierClasseur()).toEqual({ trouve: false });
  });

  const CATALOGUE: Valeurs = [
    ["titre", "dateDemande", "genre", "dureeMinutes", "coutDefinitif", "apportInitial", "apportNumeraireTelevision", "Commentaire"],
    ["Première œuvre", "2023-01-16", "fiction", 90, 1000000, 250000, 250000, ""],
    ["Deuxième œuvre", "2023-03-01", "Documentaire de création", 52, 400000, 60000, 60000, "à revoir"],
    [null, null, null, null, null, null, null, null],
  ];

  test("la ligne sélectionnée d'un tableau catalogue", async () => {
    installer({
      feuilles: ["Catalogue"],
      tables: [
        { nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE, ligneEntete: 3 },
        { nom: "Dossier", feuille: "Catalogue", valeurs: TABLE_DOSSIER },
      ],
      // Header on sheet row 4 (index 3): index 5 is the second work.
      celluleActive: { ligne: 5, table: "Catalogue" },
    });
    const r = await lireDossierClasseur();
    expect(r.trouve && r.source).toEqual({ genre: "catalogue", nom: "Catalogue", ligne: 2, adresse: "Catalogue!A6" });
    if (!r.trouve) return;
    expect(r.lecture.forme).toBe("catalogue");
    expect(r.lecture.ignores).toEqual(["Commentaire"]);
    const d = dossierLu(r);
    expect(d).toMatchObject({ titre: "Deuxième œuvre", genre: "documentaire", dateDemande: "2023-03-01" });
    expect(evaluer(d).version).toBe("2023-02");
  });

  test("une ligne vide du catalogue, puis l'en-tête sélectionné sans tableau Dossier", async () => {
    installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }], celluleActive: { ligne: 3, table: "Catalogue" } });
    const vide = await lireDossierClasseur();
    expect(vide.trouve && vide.lecture.lignes).toEqual([{ ok: "vide", ligne: 0 }]);
    installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }], celluleActive: { ligne: 0, table: "Catalogue" } });
    expect(await lireDossierClasseur()).toEqual({ trouve: false, catalogue: "Catalogue" });
  });

  test("la cellule active dans le tableau Champ | Valeur lui-même n'en fait pas un catalogue", async () => {
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }], celluleActive: { ligne: 4, table: "Dossier" } });
    const r = await lireDossierClasseur();
    expect(r.trouve && r.source.genre).toBe("tableau");
    expect(dossierLu(r).titre).toBe("Les Gardiens du phare");
  });

  test("reconnaître un en-tête de catalogue et les noms de tableaux Dossier", () => {
    expect(estEnteteCatalogue(CATALOGUE[0])).toBe(true);
    expect(estEnteteCatalogue(["Champ", "Valeur", "Article"])).toBe(false);
    expect(estEnteteCatalogue(["Titre de l'œuvre", "Notes"])).toBe(false);
    expect(estNomDossier("dossier_12", "Dossier")).toBe(true);
    expect(estNomDossier("Dossier2", "Dossier")).toBe(false);
    expect(estNomDossier("DossierX", "Dossier")).toBe(false);
    expect(estNomDossier("a.b", "a.b")).toBe(true);
    expect(estNomDossier("axb", "a.b")).toBe(false);
  });
});

describe("insérer un plan de financement modèle", () => {
  test("une nouvelle feuille qui reprend la définition de src/modele : cellules, tableaux, listes, mises en forme", async () => {
    const c = installer({ feuilles: ["Feuil1"] });
    const r = await insererPlanFinancement();
    expect(r).toMatchObject(nomsPlan(1));
    expect(c.ecrites).toHaveLength(1);
    const f = c.ecrites[0];
    expect(f.nom).toBe("Plan de financement");
    expect(f.active).toBe(true);
    const m = modelePlan();
    expect(r.modele).toEqual(m);
    const cellule = (a: string) => f.plages.find((p) => p.adresse === a && (p.values || p.formulas));

    // Every cell of the definition, written once, as a value or a formula.
    for (const def of m.cellules) {
      const p = cellule(def.adresse);
      if (def.formule !== undefined) expect(p?.formulas).toEqual([[`=${def.formule}`]]);
      else if (def.valeur !== null && def.valeur !== undefined) expect(p?.values).toEqual([[def.valeur]]);
      if (def.format) expect(f.plages.find((q) => q.adresse === def.adresse && q.numberFormat)?.numberFormat).toEqual([[def.format]]);
      // Typing cells stay empty: nothing written over them.
      if (def.formule === undefined && (def.valeur === null || def.valeur === undefined)) expect(p).toBeUndefined();
    }
    // Every DOSSIER.md field by its French label, with the fields fed by the financing lines as formulas.
    const labels = f.plages.filter((p) => p.adresse.startsWith("A") && p.values).map((p) => p.values![0][0]);
    for (const ch of CHAMPS) expect(labels).toContain(ch.libelle);
    for (const champ of CHAMPS_CALCULES) expect(cellule(m.valeurs[champ])?.formulas?.[0][0]).toMatch(/^=.*Financements\[/);
    expect(f.plages.filter((p) => p.formulas?.[0][0]?.toString().startsWith("=CNC.")).length).toBe(m.resultats.length);

    expect(f.tables).toEqual([
      { plage: m.tables[0].plage, avecEntete: true, name: "Dossier", showBandedRows: false },
      { plage: m.tables[1].plage, avecEntete: true, name: "Financements", showBandedRows: false },
    ]);

    const listes = f.plages.filter((p) => p.dataValidation.rule?.list).map((p) => [p.adresse, (p.dataValidation.rule!.list as { source: string }).source]);
    expect(listes).toContainEqual([m.valeurs.genre, LISTE_GENRES.join(",")]);
    expect(listes).toContainEqual([m.valeurs.destination, LISTE_DESTINATIONS.join(",")]);
    expect(listes).toContainEqual([m.valeurs.aide, LISTE_AIDES.join(",")]);
    expect(listes).toContainEqual([m.valeurs.versionOriginaleFrancaise, LISTE_BOOLEENS.join(",")]);
    expect(f.plages.filter((p) => p.dataValidation.rule).length).toBe(m.validations.length);
    for (const p of f.plages.filter((q) => q.dataValidation.rule)) expect(p.dataValidation.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });

    const mfs = f.plages.flatMap((p) => p.conditionalFormats.map((mf) => ({ plage: p.adresse, mf })));
    expect(mfs).toHaveLength(m.misesEnForme.length);
    const statut = m.resultats.find((x) => x.cle === "statutApport")!.adresse;
    expect(mfs).toContainEqual({
      plage: statut,
      mf: { type: "CellValue", cellValue: { format: { fill: { color: couleur(COULEURS.non_conforme.fond) }, font: { color: couleur(COULEURS.non_conforme.texte) } }, rule: { formula1: '="non conforme"', operator: "EqualTo" } } },
    });
    expect(f.lignesFigees).toBe(m.lignesFigees);
    expect(f.plages.find((p) => p.adresse === "A:A")?.format.columnWidth).toBe(m.largeurs.A * 7);
  });

  test("n'écrase jamais : « Plan de financement (2) » avec les tableaux Dossier_2 et Financements_2, puis (3)", async () => {
    const c = installer({
      feuilles: ["Plan de financement"],
      tables: [{ nom: "Dossier", feuille: "Plan de financement", valeurs: TABLE_DOSSIER }],
    });
    const r2 = await insererPlanFinancement();
    expect(r2).toMatchObject({ feuille: "Plan de financement (2)", tableDossier: "Dossier_2", tableFinancements: "Financements_2" });
    const f = c.ecrites[0];
    expect(f.nom).toBe("Plan de financement (2)");
    expect(f.tables.map((t) => t.name)).toEqual(["Dossier_2", "Financements_2"]);
    // The formulas refer to this sheet's own tables.
    const formules = f.plages.flatMap((p) => (p.formulas ? [String(p.formulas[0][0])] : []));
    expect(formules.some((x) => x.includes("Dossier_2[[Champ]:[Valeur]]"))).toBe(true);
    expect(formules.some((x) => x.includes("Financements_2["))).toBe(true);
    expect(formules.some((x) => /\bDossier\[|\bFinancements\[/.test(x))).toBe(false);

    const r3 = await insererPlanFinancement();
    expect(r3.feuille).toBe("Plan de financement (3)");
    expect(c.ecrites.map((e) => [e.nom, e.active])).toEqual([["Plan de financement (2)", false], ["Plan de financement (3)", true]]);
  });

  test("un nom de tableau déjà pris ailleurs fait passer au rang suivant", async () => {
    // No sheet named "Plan de financement", but a table "Financements" elsewhere.
    const c = installer({ feuilles: ["Budget"], tables: [{ nom: "Financements", feuille: "Budget", valeurs: [["Source"], ["x"]] }] });
    await insererPlanFinancement();
    expect(c.ecrites[0].nom).toBe("Plan de financement (2)");
    expect(c.ecrites[0].tables.map((t) => t.name)).toEqual(["Dossier_2", "Financements_2"]);
  });
});

describe("actualisation quand le classeur change", () => {
  test("une modification des cellules du dossier relit le dossier et donne le nouveau verdict", async () => {
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    const vus: LectureClasseur[] = [];
    const actualiser = creerActualisation(() => lireDossierClasseur(), (r) => vus.push(r), (e) => { throw e; });
    let enCours: Promise<void> = Promise.resolve();
    await actualiser();
    await suivreModifications(() => { enCours = actualiser(); });
    expect(c.gestionnaires.onChanged).toHaveLength(1);
    expect(c.gestionnaires.onSelectionChanged).toHaveLength(1);
    expect(c.gestionnaires.onActivated).toHaveLength(1);
    expect(evaluer(dossierLu(vus[0])).apportInitial.statut).toBe("non_conforme");

    // The person raises the apport initial to 2 100 000 €.
    const nouvelles = TABLE_DOSSIER.map((l) => (l[0] === libelle("apportInitial") ? [l[0], 2100000, l[2]] : l));
    c.table(0).plage.setValue("values", nouvelles);
    await c.declencher("onChanged");
    await enCours;
    expect(vus).toHaveLength(2);
    const v = evaluer(dossierLu(vus[1]));
    expect(dossierLu(vus[1]).apportInitial?.toNumber()).toBe(2100000);
    expect(v.apportInitial.statut).toBe("conforme");
  });

  test("dans un catalogue, sélectionner une autre ligne affiche une autre œuvre", async () => {
    const catalogue: Valeurs = [
      ["titre", "genre", "dateDemande"],
      ["Œuvre A", "fiction", "2023-01-16"],
      ["Œuvre B", "animation", "2023-02-16"],
    ];
    const c = installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: catalogue }], celluleActive: { ligne: 1, table: "Catalogue" } });
    const titres: (string | undefined)[] = [];
    const actualiser = creerActualisation(() => lireDossierClasseur(), (r) => titres.push(dossierLu(r).titre), (e) => { throw e; });
    let enCours: Promise<void> = Promise.resolve();
    await actualiser();
    await suivreModifications(() => { enCours = actualiser(); });
    c.excel.context.workbook.celluleActive.setValue("rowIndex", 2);
    await c.declencher("onSelectionChanged");
    await enCours;
    expect(titres).toEqual(["Œuvre A", "Œuvre B"]);
  });

  test("des événements en rafale pendant une lecture donnent une seule lecture de plus, la dernière", async () => {
    let n = 0;
    const liberer: (() => void)[] = [];
    const lectures: number[] = [];
    const actualiser = creerActualisation(
      () => new Promise<number>((ok) => { const k = ++n; liberer.push(() => ok(k)); }),
      (k) => lectures.push(k),
      (e) => { throw e; },
    );
    const premiere = actualiser();
    const autres = [actualiser(), actualiser(), actualiser()];
    expect(liberer).toHaveLength(1);
    liberer[0]();
    await new Promise((r) => setImmediate(r));
    expect(liberer).toHaveLength(2);
    liberer[1]();
    await Promise.all([premiere, ...autres]);
    expect(lectures).toEqual([1, 2]);
  });

  test("une lecture qui échoue est signalée et n'empêche pas la suivante", async () => {
    let essai = 0;
    const erreurs: unknown[] = [];
    const lectures: string[] = [];
    const actualiser = creerActualisation(
      async () => { if (++essai === 1) throw new Error("RichApi.Error"); return "ok"; },
      (r) => lectures.push(r),
      (e) => erreurs.push(e),
    );
    await actualiser();
    await actualiser();
    expect(erreurs.map((e) => (e as Error).message)).toEqual(["RichApi.Error"]);
    expect(lectures).toEqual(["ok"]);
  });
});
