/**
 * Issue 16, "a financing plan a finance team would send": the budget taken on its own and the
 * balance shown; amounts stored as text and types not in the list flagged, with their cell, by the
 * template's cells, by `verifier` and by the pure check the pane uses; the article column citing
 * the version the request date falls under (issue 17, item 10); the page set up for A4 portrait.
 * Real .xlsx files, computed by `cnc-rga calculer`.
 */
import { join } from "path";
import { controlerFinancements, modelePlan, TYPES_APPORT, type LigneFinancement, type PlanModele } from "../../src/modele";
import { CHAMPS } from "../../src/dossier";
import { dossierTemporaire, ecrireModele, lancer, lireClasseurExcelJS, resultat } from "./outils";

const dossier = dossierTemporaire();
const jour = (a: number, m: number, j: number) => new Date(Date.UTC(a, m - 1, j));

const SAISIE = {
  titre: "Les Veilleurs", dateDemande: jour(2023, 3, 16), genre: "Fiction", destination: "Télévision", aide: "Automatique",
  dureeMinutes: 416, coproductionInternationale: "non", dateContrat: jour(2022, 9, 1), dateFinTournage: jour(2023, 5, 31),
};
const LIGNES: LigneFinancement[] = [
  { source: "Chaîne A — préachat", type: TYPES_APPORT.television, montant: 800000, numeraire: true },
  { source: "Plateforme B", type: TYPES_APPORT.smad, montant: 120000, numeraire: true },
  { source: "Crédit d'impôt", type: TYPES_APPORT.creditImpot, montant: 900000, numeraire: true },
  { source: "Producteur", type: TYPES_APPORT.producteur, montant: 2180000, numeraire: true },
];

async function calculer(plan: PlanModele, nom: string) {
  const entree = await ecrireModele(join(dossier, `${nom}.xlsx`), [plan]);
  const sortie = join(dossier, `${nom}.calcule.xlsx`);
  const r = await lancer("calculer", entree, "-o", sortie);
  expect(r.code).toBe(0);
  const ws = (await lireClasseurExcelJS(sortie)).getWorksheet(plan.nom)!;
  return { ws, entree, sortie };
}

describe("le budget et l'équilibre du plan", () => {
  it("le coût définitif est saisi à part, jamais la somme des lignes", () => {
    const plan = modelePlan();
    const cout = plan.cellules.find((c) => c.adresse === plan.valeurs.coutDefinitif)!;
    expect(cout.formule).toBeUndefined();
    expect(cout.style).toBe("saisie");
    expect(() => modelePlan({ valeurs: { coutDefinitif: 4000000 } })).not.toThrow();
  });

  it.each([
    [4000000, "équilibré", 0, ""],
    [4100000, "déséquilibré", 100000, "Financements inférieurs au coût définitif"],
    [3900000, "déséquilibré", -100000, "Financements supérieurs au coût définitif"],
  ])("coût définitif %d € pour 4 000 000 € de lignes : %s", async (cout, statut, ecart, detail) => {
    const plan = modelePlan({ valeurs: { ...SAISIE, coutDefinitif: cout }, financements: LIGNES });
    const { ws, entree } = await calculer(plan, `equilibre-${cout}`);
    expect(resultat(ws, plan.equilibre.total)).toBe(4000000);
    expect(resultat(ws, plan.equilibre.ecart)).toBe(ecart);
    expect(resultat(ws, plan.equilibre.statut)).toBe(statut);
    const voisin = ws.getCell(plan.equilibre.statut).address.replace("B", "C");
    expect(String(resultat(ws, voisin) ?? "")).toContain(detail);
    const v = await lancer("verifier", entree);
    expect(v.code).toBe(0);
    const euros = (n: number) => `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2 }).format(n)} €`;
    if (ecart === 0) expect(v.out).toContain(`équilibré — coût définitif ${euros(4000000)} = total des lignes de financement ${euros(4000000)}`);
    else expect(v.out).toContain(`DÉSÉQUILIBRÉ — coût définitif ${euros(cout)}, total des lignes de financement ${euros(4000000)} : ${ecart > 0 ? `il manque ${euros(ecart)} de financement` : `les financements dépassent le coût de ${euros(-ecart)}`}`);
  });

  it("sans coût définitif : « incomplet », et la cellule dit où le saisir", async () => {
    const plan = modelePlan({ valeurs: SAISIE, financements: LIGNES });
    const { ws } = await calculer(plan, "sans-cout");
    expect(resultat(ws, plan.equilibre.statut)).toBe("incomplet");
    expect(String(resultat(ws, plan.equilibre.statut.replace("B", "C")))).toContain(`Saisissez le coût définitif en ${plan.valeurs.coutDefinitif}`);
  });
});

describe("rien d'écarté en silence : montant en texte, type hors liste", () => {
  const lignes: LigneFinancement[] = [
    ...LIGNES.slice(0, 3),
    // Pasted from a mail: text, that SUM and SUMIFS skip.
    { source: "Chaîne C — préachat", type: TYPES_APPORT.television, montant: "1 250 000,50 €" as unknown as number, numeraire: true },
    { source: "Mécène", type: "Mécénat", montant: 50000, numeraire: true },
  ];
  const plan = modelePlan({ valeurs: { ...SAISIE, coutDefinitif: 4000000 }, financements: lignes });
  const ligne = (i: number) => plan.financements.premiereLigne + i;

  it("la colonne Contrôle de chaque ligne et la cellule de synthèse nomment les cellules", async () => {
    const { ws } = await calculer(plan, "ecartees");
    const controle = (i: number) => resultat(ws, `E${ligne(i)}`);
    // exceljs reads an empty text result back as no result.
    expect(controle(0) ?? "").toBe("");
    expect(controle(3)).toBe(`C${ligne(3)} : montant saisi comme texte, exclu des totaux`);
    expect(controle(4)).toBe(`B${ligne(4)} : type d'apport hors liste, exclu des sommes par type`);
    expect(resultat(ws, plan.equilibre.ecartees)).toBe("à corriger");
    expect(resultat(ws, plan.equilibre.ecartees.replace("B", "C"))).toBe(`C${ligne(3)} : montant saisi comme texte, exclu des totaux; B${ligne(4)} : type d'apport hors liste, exclu des sommes par type`);
    // The apport leaves out the text amount: the verdict sees 800 000 + 120 000.
    expect(resultat(ws, plan.valeurs.apportInitial)).toBe(920000);
  });

  it("verifier les liste avec leur adresse, en texte et (sur stderr) avec --json", async () => {
    const entree = await ecrireModele(join(dossier, "ecartees-v.xlsx"), [plan]);
    const v = await lancer("verifier", entree);
    expect(v.code).toBe(0);
    expect(v.out).toContain("Lignes de financement écartées des totaux : 2 — le verdict ne les compte pas, corrigez-les :");
    expect(v.out).toContain(`« Plan de financement »!C${ligne(3)} : montant saisi comme texte, exclu des totaux`);
    expect(v.out).toContain(`« Plan de financement »!B${ligne(4)} : type d'apport hors liste, exclu des sommes par type`);
    const j = await lancer("verifier", entree, "--json");
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out).apportInitial).toBeDefined();
    expect(j.err).toContain(`« Plan de financement »!C${ligne(3)} : montant saisi comme texte`);
  });

  it("controlerFinancements (ce que le volet appelle) : mêmes cellules sur les valeurs de la table", () => {
    const valeurs = lignes.map((l) => [l.source, l.type, l.montant, l.numeraire ? "oui" : "non", ""]);
    valeurs.push(["Sans type", "", 1000, "oui", ""], ["", "", null as unknown as number, "", ""]);
    expect(controlerFinancements(valeurs, ligne(0), 1).map((a) => [a.adresse, a.nature])).toEqual([
      [`C${ligne(3)}`, "montant_texte"], [`B${ligne(4)}`, "type_hors_liste"], [`B${ligne(5)}`, "type_manquant"],
    ]);
  });
});

describe("la colonne Article : les numéros de la version de la demande (issue 17, point 10)", () => {
  it.each([
    [jour(2023, 1, 16), { apportInitial: "311-11 al. 3", pointsCreation: "311-11-1 b), 311-50 2° c)", apportAutresFrance: "311-12 2°", coutPostes: "311-50 1° c)", caseMagazine: "311-30 2°" }],
    [jour(2023, 2, 1), { apportInitial: "311-9 al. 3", pointsCreation: "311-10 1° b), 311-51 2° c)", apportAutresFrance: "311-12 2° (abrogé le 01/02/2023)", coutPostes: "311-51 1° b)", caseMagazine: "311-29 2°" }],
  ])("demande du %s", async (date, attendus) => {
    const plan = modelePlan({ valeurs: { ...SAISIE, dateDemande: date, coutDefinitif: 4000000 }, financements: LIGNES });
    const { ws } = await calculer(plan, `articles-${date.toISOString().slice(0, 10)}`);
    for (const [champ, article] of Object.entries(attendus)) {
      const a = plan.valeurs[champ as keyof typeof plan.valeurs].replace("B", "C");
      const v = ws.getCell(a).formula ? resultat(ws, a) : ws.getCell(a).value;
      expect({ champ, article: v }).toEqual({ champ, article });
    }
  });

  it("chaque article de CHAMPS a son équivalent dans la refonte, ou est dit abrogé (311-12)", () => {
    for (const c of CHAMPS.filter((x) => x.articles)) {
      const r = c.articles!["2023-02"];
      if (r === null) expect(c.articles!["2023-01"]).toMatch(/^311-12/);
      else expect({ champ: c.champ, r }).not.toEqual({ champ: c.champ, r: expect.stringMatching(/^311-(11|30|50|45)\b/) });
    }
  });
});

describe("imprimable", () => {
  it("A4 portrait ajusté à la largeur, titre répété, saut de page avant le dossier, libellés entiers", async () => {
    const plan = modelePlan({ valeurs: { ...SAISIE, coutDefinitif: 4000000 }, financements: [...LIGNES, { source: "Distributeur international — minimum garanti", type: TYPES_APPORT.autre, montant: 1, numeraire: true }] });
    const { ws } = await calculer(plan, "impression");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    // Every column of the plan within A:E, the print area.
    for (const c of plan.cellules) expect(c.adresse).toMatch(/^[A-E]\d+$/);
    // The longest source and every label fit their column (wrapping where longer, never cut).
    expect(plan.largeurs.A).toBeGreaterThanOrEqual("Distributeur international — minimum garanti".length + 1);
    for (const c of plan.cellules.filter((x) => x.style === "libelle")) expect(ws.getCell(c.adresse).alignment?.wrapText).toBe(true);
  });
});
