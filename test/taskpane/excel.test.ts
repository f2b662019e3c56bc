/**
 * The task pane's Excel-API layer against a fake workbook as strict as Excel (./classeur-factice.ts:
 * queued operations run at sync, properties readable only once loaded and synced, Excel's refusals,
 * every sync counted): reading a `Dossier` table, a catalogue row and named ranges in two syncs, in
 * both date systems; inserting the financing-plan template (tables before the formulas naming them,
 * never over an existing sheet, the half-made sheet removed on failure); reading again when Excel
 * reports a change, only while the pane is visible.
 */
import { CHAMPS, definition } from "../../src/dossier";
import { CHAMPS_CALCULES, COULEURS, LISTE_AIDES, LISTE_BOOLEENS, LISTE_DESTINATIONS, LISTE_GENRES, modelePlan } from "../../src/modele";
import { evaluer, type Dossier } from "../../src/rules";
import { creerActualisation } from "../../src/taskpane/actualisation";
import { suivreModifications } from "../../src/taskpane/excel/evenements";
import { couleur, ecrireFeuille, insererPlanFinancement, nomsPlan } from "../../src/taskpane/excel/insertion";
import { ECART_1904, estEnteteCatalogue, estNomDossier, lireDossierClasseur, type LectureClasseur } from "../../src/taskpane/excel/lecture";
import { creerSuivi, suivreVisibilite } from "../../src/taskpane/visibilite";
import { ClasseurFactice, referencesFormule, type DescriptionClasseur, type Valeurs } from "./classeur-factice";

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };

function installer(d: DescriptionClasseur): ClasseurFactice {
  const c = new ClasseurFactice(d);
  g.Excel = c.excel;
  return c;
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
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
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    const r = await lireDossierClasseur();
    expect(c.syncs).toBe(2);
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
        { nom: "Dossier", feuille: "Catalogue", valeurs: TABLE_DOSSIER, colonne: 10 },
      ],
      // Header on sheet row 4 (index 3): index 5 is the second work.
      celluleActive: { ligne: 5, colonne: 2 },
    });
    const r = await lireDossierClasseur();
    expect(r.trouve && r.source).toEqual({ genre: "catalogue", nom: "Catalogue", ligne: 2, adresse: "Catalogue!A6:H6" });
    if (!r.trouve) return;
    expect(r.lecture.forme).toBe("catalogue");
    expect(r.lecture.ignores).toEqual(["Commentaire"]);
    const d = dossierLu(r);
    expect(d).toMatchObject({ titre: "Deuxième œuvre", genre: "documentaire", dateDemande: "2023-03-01" });
    expect(evaluer(d).version).toBe("2023-02");
  });

  test("une ligne vide du catalogue, puis l'en-tête sélectionné sans tableau Dossier", async () => {
    installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }], celluleActive: { ligne: 3 } });
    const vide = await lireDossierClasseur();
    expect(vide.trouve && vide.lecture.lignes).toEqual([{ ok: "vide", ligne: 0 }]);
    installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }], celluleActive: { ligne: 0 } });
    expect(await lireDossierClasseur()).toEqual({ trouve: false, catalogue: "Catalogue" });
  });

  test("la cellule active dans le tableau Champ | Valeur lui-même n'en fait pas un catalogue", async () => {
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }], celluleActive: { ligne: 4 } });
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

  test("two syncs per reading, whatever the source; a chart selected (no active cell) costs one batch more, not an error", async () => {
    const cas: DescriptionClasseur[] = [
      { feuilles: ["Feuil1"] },
      { feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] },
      { feuilles: ["Feuil1"], noms: [{ nom: "Dossier", valeurs: TABLE_DOSSIER.slice(1), adresse: "Feuil1!B2" }] },
      { feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }], celluleActive: { ligne: 1 } },
      { feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: CATALOGUE }, { nom: "Dossier", feuille: "Catalogue", valeurs: TABLE_DOSSIER, colonne: 12 }], celluleActive: { ligne: 0 } },
    ];
    // Nothing to read (an empty workbook): one sync; anything found: two.
    const syncs = [];
    for (const d of cas) {
      const c = installer(d);
      await lireDossierClasseur();
      syncs.push(c.syncs);
    }
    expect(syncs).toEqual([1, 2, 2, 2, 2]);
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    c.selectionner(null);
    const r = await lireDossierClasseur();
    expect(dossierLu(r).titre).toBe("Les Gardiens du phare");
    expect(c.syncs).toBe(3);
  });

  test("a workbook in the 1904 date system (older Mac files): the same dates, in a table and in a catalogue", async () => {
    const en1904 = (iso: string) => serie(iso) - ECART_1904;
    const valeurs = TABLE_DOSSIER.map((l) => (l[0] === libelle("dateDemande") ? [l[0], en1904("2023-01-16"), l[2]] : l));
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs }], date1904: true });
    expect(dossierLu(await lireDossierClasseur()).dateDemande).toBe("2023-01-16");
    // Read as if 1900, the same cell is four years and a day earlier: the test can tell.
    installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs }] });
    expect(dossierLu(await lireDossierClasseur()).dateDemande).toBe("2019-01-15");
    const catalogue: Valeurs = [["titre", "genre", "dateDemande", "dureeMinutes"], ["Œuvre A", "fiction", en1904("2023-03-01"), 1462]];
    installer({ feuilles: ["C"], tables: [{ nom: "Catalogue", feuille: "C", valeurs: catalogue }], celluleActive: { ligne: 1 }, date1904: true });
    const d = dossierLu(await lireDossierClasseur());
    // Only date fields move: a duration of 1462 minutes stays 1462.
    expect(d.dateDemande).toBe("2023-03-01");
    expect(d.dureeMinutes?.toNumber()).toBe(1462);
  });
});

describe("the fake is as strict as Excel", () => {
  test("a property read before load and sync is refused; after the sync it holds that sync's value", async () => {
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    await c.excel.run(async (ctx) => {
      const plage = ctx.workbook.tables.getItemOrNullObject("Dossier").getRange();
      expect(() => plage.values).toThrow(/PropertyNotLoaded/);
      plage.load("values");
      expect(() => plage.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(plage.values[1][1]).toBe("Les Gardiens du phare");
      c.modifier("Feuil1", "B2", [["Autre"]]);
      expect(plage.values[1][1]).toBe("Les Gardiens du phare");
    });
  });

  test("refused at sync, what ran before staying done: a formula naming a table or a sheet that does not exist yet, a shape that differs, a table over another", async () => {
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    const essai = (f: (ctx: any) => void) => c.excel.run(async (ctx) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      f(ctx);
      await ctx.sync();
    });
    await expect(essai((ctx) => {
      const f = ctx.workbook.worksheets.getItemOrNullObject("Feuil1");
      f.getRange("E1").values = [["avant"]];
      f.getRange("E2").formulas = [["=SUM(Financements[Montant (€)])"]];
      f.getRange("E3").values = [["après"]];
    })).rejects.toThrow(/nomme le tableau « Financements », qui n'existe pas/);
    expect(c.contenu("Feuil1", "E1")).toBe("avant");
    expect(c.contenu("Feuil1", "E3")).toBeUndefined();
    await expect(essai((ctx) => { ctx.workbook.worksheets.getItemOrNullObject("Feuil1").getRange("E2").formulas = [["='Plan de financement'!B7"]]; })).rejects.toThrow(/nomme la feuille « Plan de financement »/);
    await expect(essai((ctx) => { ctx.workbook.worksheets.getItemOrNullObject("Feuil1").getRange("E1:F2").values = [["un"]]; })).rejects.toThrow(/1 × 1 pour la plage Feuil1!E1:F2 de 2 × 2/);
    await expect(essai((ctx) => { ctx.workbook.worksheets.getItemOrNullObject("Feuil1").tables.add("B5:D12", true); })).rejects.toThrow(/chevaucher un autre tableau \(« Dossier »/);
    await expect(essai((ctx) => { ctx.workbook.worksheets.getItemOrNullObject("Feuil1").getRange("A1").formulas = [["=1+1"]]; })).rejects.toThrow(/en-tête du tableau « Dossier »/);
    expect(referencesFormule('=IF(OR($B$14="oui"),SUM(Dossier_2[[Champ]:[Valeur]])+\'Plan (2)\'!B3+Feuil1!A1,"x[y]")')).toEqual({ tables: ["Dossier_2"], feuilles: ["Plan (2)", "Feuil1"] });
    expect(c.syncs).toBe(5);
  });
});

describe("insérer un plan de financement modèle", () => {
  test("une nouvelle feuille qui reprend la définition de src/modele : cellules, tableaux, listes, mises en forme ; deux syncs", async () => {
    const c = installer({ feuilles: ["Feuil1"] });
    const r = await insererPlanFinancement();
    expect(r).toMatchObject(nomsPlan(1));
    expect(c.syncs).toBe(2);
    const f = c.feuille("Plan de financement")!;
    expect(f).toBeDefined();
    expect(c.operations("worksheet.activate").map((o) => o.cible)).toEqual(["Plan de financement"]);
    const m = modelePlan();
    expect(r.modele).toEqual(m);
    expect(f.selection).toBe(m.valeurs.titre);

    // Every cell of the definition, as a value or a formula; typing cells stay empty.
    for (const def of m.cellules) {
      const contenu = c.contenu(f.nom, def.adresse);
      if (def.formule !== undefined) expect({ a: def.adresse, contenu }).toEqual({ a: def.adresse, contenu: `=${def.formule}` });
      else if (def.valeur instanceof Date) expect(contenu).toBe(serie(def.valeur.toISOString().slice(0, 10)));
      else if (def.valeur !== null && def.valeur !== undefined) expect({ a: def.adresse, contenu }).toEqual({ a: def.adresse, contenu: def.valeur });
      else expect({ a: def.adresse, contenu: contenu ?? "" }).toEqual({ a: def.adresse, contenu: "" });
      if (def.format) expect(f.mises).toContainEqual({ adresse: def.adresse, quoi: "numberFormat", valeur: [[def.format]] });
    }
    const labels = m.cellules.filter((x) => x.adresse.startsWith("A")).map((x) => c.contenu(f.nom, x.adresse));
    for (const ch of CHAMPS) expect(labels).toContain(ch.libelle);
    for (const champ of CHAMPS_CALCULES) expect(String(c.contenu(f.nom, m.valeurs[champ]))).toMatch(/^=.*Financements\[/);

    expect(c.tables.map((t) => ({ nom: t.nom, feuille: t.feuille.nom, bandes: t.showBandedRows }))).toEqual([
      { nom: "Dossier", feuille: "Plan de financement", bandes: false },
      { nom: "Financements", feuille: "Plan de financement", bandes: false },
    ]);

    const listes = f.mises.filter((x) => x.quoi === "dataValidation.rule" && (x.valeur as { list?: unknown }).list).map((x) => [x.adresse, (x.valeur as { list: { source: string } }).list.source]);
    expect(listes).toContainEqual([m.valeurs.genre, LISTE_GENRES.join(",")]);
    expect(listes).toContainEqual([m.valeurs.destination, LISTE_DESTINATIONS.join(",")]);
    expect(listes).toContainEqual([m.valeurs.aide, LISTE_AIDES.join(",")]);
    expect(listes).toContainEqual([m.valeurs.versionOriginaleFrancaise, LISTE_BOOLEENS.join(",")]);
    expect(f.mises.filter((x) => x.quoi === "dataValidation.rule")).toHaveLength(m.validations.length);
    expect(f.mises.filter((x) => x.quoi === "dataValidation.errorAlert").every((x) => (x.valeur as { style: string }).style === "Stop")).toBe(true);
    expect(f.mises.filter((x) => x.quoi === "conditionalFormats.add")).toHaveLength(m.misesEnForme.length);
    const statut = m.resultats.find((x) => x.cle === "statutApport")!.adresse;
    expect(f.mises).toContainEqual({ adresse: statut, quoi: "conditionalFormats.add(CellValue).cellValue.rule", valeur: { formula1: '="non conforme"', operator: "EqualTo" } });
    expect(f.mises).toContainEqual({ adresse: statut, quoi: "conditionalFormats.add(CellValue).cellValue.format.fill.color", valeur: couleur(COULEURS.non_conforme.fond) });
    expect(f.lignesFigees).toBe(m.lignesFigees);
    expect(f.largeurs.get(0)).toBe(m.largeurs.A * 7);
  });

  test("les tableaux sont créés avant toute formule qui les nomme (Excel refuse sinon)", async () => {
    const c = installer({ feuilles: ["Feuil1"] });
    await insererPlanFinancement();
    const j = c.journal;
    const dernierTableau = Math.max(...j.map((o, i) => (o.op === "table.name" ? i : -1)));
    const premiereReference = j.findIndex((o) => o.op === "range.formulas" && referencesFormule(String((o.detail as unknown[][])[0][0])).tables.length > 0);
    expect(premiereReference).toBeGreaterThan(dernierTableau);
    // The old order (every cell, then the tables) is what Excel refuses: the fake refuses it too.
    const c2 = installer({ feuilles: ["Feuil1"] });
    const m = modelePlan();
    await expect(c2.excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.add(m.nom);
      for (const cel of m.cellules) if (cel.formule) f.getRange(cel.adresse).formulas = [[`=${cel.formule}`]];
      for (const t of m.tables) f.tables.add(t.plage, true).name = t.nom;
      await ctx.sync();
    })).rejects.toThrow(/nomme le tableau « Financements », qui n'existe pas/);
    // ecrireFeuille on its own writes in the right order.
    const c3 = installer({ feuilles: ["Feuil1"] });
    await c3.excel.run(async (ctx) => {
      ecrireFeuille(ctx.workbook.worksheets.add(m.nom), m);
      await ctx.sync();
    });
    expect(c3.tables.map((t) => t.nom)).toEqual(["Dossier", "Financements"]);
  });

  test("Excel refuse une étape au milieu : la feuille à moitié faite est supprimée, et le message le dit en français", async () => {
    const c = installer({ feuilles: ["Feuil1"] });
    c.panne = (o) => o.op === "range.conditionalFormats.add";
    await expect(insererPlanFinancement()).rejects.toThrow(/Excel a refusé une étape de l'insertion .*La feuille « Plan de financement » commencée a été supprimée : le classeur est comme avant\./);
    expect(c.feuille("Plan de financement")).toBeUndefined();
    expect(c.tables).toEqual([]);
    expect(c.operations("worksheet.delete").map((o) => o.cible)).toEqual(["Plan de financement"]);
    // Once Excel accepts again, the first free names are still the first ones.
    c.panne = null;
    expect((await insererPlanFinancement()).feuille).toBe("Plan de financement");
  });

  test("n'écrase jamais : « Plan de financement (2) » avec les tableaux Dossier_2 et Financements_2, puis (3)", async () => {
    const c = installer({
      feuilles: ["Plan de financement"],
      tables: [{ nom: "Dossier", feuille: "Plan de financement", valeurs: TABLE_DOSSIER }],
    });
    const r2 = await insererPlanFinancement();
    expect(r2).toMatchObject({ feuille: "Plan de financement (2)", tableDossier: "Dossier_2", tableFinancements: "Financements_2" });
    expect(c.tables.filter((t) => t.feuille.nom === "Plan de financement (2)").map((t) => t.nom)).toEqual(["Dossier_2", "Financements_2"]);
    // The formulas refer to this sheet's own tables.
    const formules = [...c.feuille("Plan de financement (2)")!.cellules.values()].flatMap((x) => (x.formule ? [x.formule] : []));
    expect(formules.some((x) => x.includes("Dossier_2[[Champ]:[Valeur]]"))).toBe(true);
    expect(formules.some((x) => x.includes("Financements_2["))).toBe(true);
    expect(formules.some((x) => /\bDossier\[|\bFinancements\[/.test(x))).toBe(false);
    // The original table is untouched.
    expect(c.contenu("Plan de financement", "B2")).toBe("Les Gardiens du phare");

    const r3 = await insererPlanFinancement();
    expect(r3.feuille).toBe("Plan de financement (3)");
    expect(c.operations("worksheet.activate").map((o) => o.cible)).toEqual(["Plan de financement (2)", "Plan de financement (3)"]);
  });

  test("un nom de tableau déjà pris ailleurs fait passer au rang suivant", async () => {
    // No sheet named "Plan de financement", but a table "Financements" elsewhere.
    const c = installer({ feuilles: ["Budget"], tables: [{ nom: "Financements", feuille: "Budget", valeurs: [["Source"], ["x"]] }] });
    await insererPlanFinancement();
    expect(c.feuille("Plan de financement (2)")).toBeDefined();
    expect(c.tables.map((t) => t.nom)).toEqual(["Financements", "Dossier_2", "Financements_2"]);
  });
});

describe("actualisation quand le classeur change", () => {
  test("une modification des cellules du dossier relit le dossier en deux syncs au plus et donne le nouveau verdict", async () => {
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
    const ligne = TABLE_DOSSIER.findIndex((l) => l[0] === libelle("apportInitial"));
    c.modifier("Feuil1", `B${ligne + 1}`, [[2100000]]);
    const avant = c.syncs;
    await c.declencher("onChanged");
    await enCours;
    expect(c.syncs - avant).toBeLessThanOrEqual(2);
    expect(vus).toHaveLength(2);
    expect(dossierLu(vus[1]).apportInitial?.toNumber()).toBe(2100000);
    expect(evaluer(dossierLu(vus[1])).apportInitial.statut).toBe("conforme");
  });

  test("dans un catalogue, sélectionner une autre ligne affiche une autre œuvre (deux syncs)", async () => {
    const catalogue: Valeurs = [
      ["titre", "genre", "dateDemande"],
      ["Œuvre A", "fiction", "2023-01-16"],
      ["Œuvre B", "animation", "2023-02-16"],
    ];
    const c = installer({ feuilles: ["Catalogue"], tables: [{ nom: "Catalogue", feuille: "Catalogue", valeurs: catalogue }], celluleActive: { ligne: 1 } });
    const titres: (string | undefined)[] = [];
    const actualiser = creerActualisation(() => lireDossierClasseur(), (r) => titres.push(dossierLu(r).titre), (e) => { throw e; });
    let enCours: Promise<void> = Promise.resolve();
    await actualiser();
    await suivreModifications(() => { enCours = actualiser(); });
    c.selectionner({ ligne: 2, colonne: 1 });
    const avant = c.syncs;
    await c.declencher("onSelectionChanged");
    await enCours;
    expect(c.syncs - avant).toBe(2);
    expect(titres).toEqual(["Œuvre A", "Œuvre B"]);
  });

  test("volet caché : plus aucun gestionnaire ni lecture ; volet montré : gestionnaires remis et lecture faite", async () => {
    const c = installer({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: TABLE_DOSSIER }] });
    let ecouteur: ((m: { visibilityMode: string }) => void) | null = null;
    g.Office = {
      VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
      addin: { onVisibilityModeChanged: async (f: (m: { visibilityMode: string }) => void) => { ecouteur = f; return async () => {}; } },
    };
    let lectures = 0;
    const actualiser = creerActualisation(() => lireDossierClasseur(), () => { lectures++; }, (e) => { throw e; });
    const erreurs: unknown[] = [];
    const suivi = creerSuivi(async () => {
      await actualiser();
      return suivreModifications(() => void actualiser());
    }, (e) => erreurs.push(e));
    let derniere: Promise<void> = Promise.resolve();
    await suivreVisibilite((v) => { derniere = suivi.visible(v); });
    await derniere;
    expect(lectures).toBe(1);
    expect(c.gestionnaires.onChanged).toHaveLength(1);

    ecouteur!({ visibilityMode: "Hidden" });
    await derniere;
    expect(suivi.actif).toBe(false);
    expect(c.gestionnaires).toEqual({ onChanged: [], onSelectionChanged: [], onActivated: [] });
    const avant = c.syncs;
    await c.declencher("onChanged");
    expect(c.syncs).toBe(avant);
    expect(lectures).toBe(1);

    ecouteur!({ visibilityMode: "Taskpane" });
    ecouteur!({ visibilityMode: "Taskpane" });
    await derniere;
    expect(lectures).toBe(2);
    expect(c.gestionnaires.onChanged).toHaveLength(1);
    expect(erreurs).toEqual([]);
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
