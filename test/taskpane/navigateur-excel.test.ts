/**
 * The pane's Excel mode in headless Chromium: the built page with a stand-in office.js (served in
 * place of the real one, from the same local server) that says "Excel" and hands over a small fake
 * workbook with a `Dossier` table. Checks the wiring the unit tests cannot: the summary of the
 * table, its refresh when Excel reports a change, and the "Insérer un plan de financement modèle"
 * button. Screenshot: test-output/taskpane/volet-excel.png.
 */
import { mkdirSync } from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { definition, lirePlage, type Cellule } from "../../src/dossier";
import { euros, evaluer } from "../../src/rules";
import { construireBundle, RACINE } from "../helpers/bundle";
import { lancerChromium, scriptViolations, servir, type Serveur, type Violation } from "./chromium";

const LIMITE = 60_000;
const libelle = (champ: string) => definition(champ)!.libelle;

const TABLE: Cellule[][] = [
  ["Champ", "Valeur", "Article"],
  [libelle("titre"), "Le Phare (unitaire)", ""],
  [libelle("dateDemande"), "16/01/2023", ""],
  [libelle("genre"), "Fiction", ""],
  [libelle("dureeMinutes"), 90, ""],
  [libelle("coutDefinitif"), 2000000, ""],
  [libelle("apportInitial"), 450000, ""],
  [libelle("apportNumeraireTelevision"), 450000, ""],
  ["Remarques", "", ""],
];

/** office.js as the page gets it in this test: Excel as host, and a workbook of one Dossier table. */
function officeFactice(valeurs: Cellule[][]): string {
  return `(() => {
  const etat = { valeurs: ${JSON.stringify(valeurs)}, feuilles: ["Feuil1"], tables: ["Dossier"], gestionnaires: [], ajoutees: [], cellules: 0 };
  window.__excel = etat;
  const nul = () => ({ isNullObject: true, load() { return this; } });
  const existe = (o) => Object.assign(o, { isNullObject: false, load() { return this; } });
  // Accepts any chain of writes and calls (format.fill.color = …, conditionalFormats.add(…)…).
  const partout = () => new Proxy(function () {}, { get: (c, p) => (p === "then" ? undefined : partout()), set: () => true, apply: () => partout() });
  const tableDossier = existe({ name: "Dossier", getRange: () => existe({ get values() { return etat.valeurs; }, address: "Feuil1!A1:C9" }) });
  const feuilleAjoutee = () => new Proxy({}, { get: (c, p) => p === "getRange" ? () => { etat.cellules++; return partout(); } : partout() });
  const ctx = {
    workbook: {
      getActiveCell: () => existe({ rowIndex: 0, getTables: () => ({ items: [], load() { return this; } }) }),
      worksheets: {
        getActiveWorksheet: () => ({ tables: { items: [tableDossier], load() { return this; } }, names: { getItemOrNullObject: nul } }),
        getItemOrNullObject: (n) => (etat.feuilles.includes(n) ? existe({}) : nul()),
        add: (n) => { etat.feuilles.push(n); etat.ajoutees.push(n); return feuilleAjoutee(); },
        onChanged: { add: (f) => { etat.gestionnaires.push(f); return {}; } },
        onSelectionChanged: { add: () => ({}) },
        onActivated: { add: () => ({}) },
      },
      tables: { getItemOrNullObject: (n) => (n === "Dossier" ? tableDossier : nul()) },
      names: { getItemOrNullObject: nul },
    },
    sync: async () => {},
  };
  window.Office = { onReady: async () => ({ host: "Excel", platform: "PC" }), HostType: { Excel: "Excel" } };
  window.Excel = { run: async (f) => f(ctx) };
  // In Excel, office.js also gives the page's custom functions (shared runtime) their registry.
  window.CustomFunctions = { associate: () => {}, Error: class extends Error {}, ErrorCode: {} };
  window.__declencher = async () => { for (const f of etat.gestionnaires) await f({}); };
})();`;
}

function verdictTable(valeurs: Cellule[][]) {
  const l = lirePlage(valeurs).lignes[0];
  if (l.ok !== true) throw new Error("table de test invalide");
  return evaluer(l.dossier);
}

let serveur: Serveur;
let navigateur: Browser;
let page: Page;
const requetes: string[] = [];
const erreursPage: string[] = [];

beforeAll(async () => {
  serveur = await servir(await construireBundle("offline"));
  navigateur = await lancerChromium();
  const contexte = await navigateur.newContext({ viewport: { width: 380, height: 900 }, locale: "fr-FR" });
  contexte.on("request", (r) => requetes.push(r.url()));
  await contexte.addInitScript(scriptViolations);
  await contexte.route(`${serveur.origine}/office-js/office.js`, (r) => r.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeFactice(TABLE) }));
  page = await contexte.newPage();
  page.on("pageerror", (e) => erreursPage.push(e.message));
  await page.goto(`${serveur.origine}/taskpane.html`);
  await page.locator(".resume").waitFor({ timeout: LIMITE });
}, 600_000);

afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

const statuts = (p: Page) => p.locator("[data-section]").evaluateAll((s) => s.map((e) => e.getAttribute("data-statut")));

test("dans Excel : le tableau « Dossier » du classeur, sa source, ses libellés ignorés et son verdict", async () => {
  const v = verdictTable(TABLE);
  expect(v.apportInitial.statut).toBe("non_conforme");
  await expect(page.locator("#mode").textContent()).resolves.toBe("Classeur Excel");
  await expect(page.locator('[data-role="source"]').textContent()).resolves.toBe("Source : tableau « Dossier » (Feuil1!A1:C9)");
  await expect(page.locator('[data-role="ignores"]').textContent()).resolves.toContain("« Remarques »");
  await expect(page.locator('[data-role="titre"]').textContent()).resolves.toBe("« Le Phare (unitaire) »");
  await expect(statuts(page)).resolves.toEqual([v.apportInitial.statut, v.listeReference.statut, v.majoration.statut]);
  await expect(page.locator('[data-section="apportInitial"] [data-role="manque"]').textContent()).resolves.toBe(`Il manque ${euros(v.apportInitial.ecart!)}`);
  await expect(page.locator('[data-action="inserer"]').textContent()).resolves.toBe("Insérer un plan de financement modèle");
  mkdirSync(path.join(RACINE, "test-output", "taskpane"), { recursive: true });
  await page.screenshot({ path: path.join(RACINE, "test-output", "taskpane", "volet-excel.png"), fullPage: true });
}, LIMITE);

test("une modification des cellules signalée par Excel met le résumé à jour", async () => {
  const nouvelles = TABLE.map((l) => (l[0] === libelle("apportInitial") ? [l[0], 500000, ""] : l));
  const v = verdictTable(nouvelles);
  expect(v.apportInitial.statut).toBe("conforme");
  await page.evaluate((valeurs) => {
    const w = window as unknown as { __excel: { valeurs: unknown }; __declencher: () => Promise<void> };
    w.__excel.valeurs = valeurs;
    return w.__declencher();
  }, nouvelles);
  await page.locator('[data-section="apportInitial"][data-statut="conforme"]').waitFor({ timeout: LIMITE });
  await expect(statuts(page)).resolves.toEqual([v.apportInitial.statut, v.listeReference.statut, v.majoration.statut]);
}, LIMITE);

test("« Insérer un plan de financement modèle » ajoute une feuille au nom libre et le dit", async () => {
  // The workbook already has a table "Dossier": the first free set of names is the second.
  await page.locator('[data-action="inserer"]').click();
  await page.locator('[data-role="notification"]', { hasText: "Feuille « Plan de financement (2) » ajoutée" }).waitFor({ timeout: LIMITE });
  const etat = await page.evaluate(() => (window as unknown as { __excel: { ajoutees: string[]; cellules: number } }).__excel);
  expect(etat.ajoutees).toEqual(["Plan de financement (2)"]);
  expect(etat.cellules).toBeGreaterThan(100);
  await page.locator('[data-action="inserer"]').click();
  await page.locator('[data-role="notification"]', { hasText: "Feuille « Plan de financement (3) » ajoutée" }).waitFor({ timeout: LIMITE });
}, LIMITE);

test("toujours rien hors de 127.0.0.1, ni erreur de script, ni entorse à la CSP venant du volet", async () => {
  expect(requetes.filter((u) => !u.startsWith(`${serveur.origine}/`))).toEqual([]);
  expect(erreursPage).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
  // See navigateur.test.ts: zod's one probe from functions.js is known and outside the pane.
  expect(violations.filter((v) => !(v.directive === "script-src" && v.bloque === "eval" && v.source === `${serveur.origine}/functions.js`))).toEqual([]);
}, LIMITE);
