/**
 * The pane's Excel mode in headless Chromium: the built page with a stand-in office.js (served in
 * place of the real one, from the same local server) that says "Excel" and hands over a small fake
 * workbook with a `Dossier` table. Checks the wiring the unit tests cannot: the summary of the
 * table, its refresh when Excel reports a change, and the "Insérer un plan de financement modèle"
 * button. Screenshot: test-output/taskpane/volet-excel.png.
 */
import { mkdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import ts from "typescript";
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

/**
 * office.js as the page gets it in this test: Excel as host, with the strict fake workbook of
 * ./classeur-factice.ts (the same file as the unit tests, transpiled) holding one Dossier table;
 * Office.addin's visibility messages and openBrowserWindow recorded for the test to drive and read.
 */
function officeFactice(valeurs: Cellule[][]): string {
  const source = readFileSync(path.join(__dirname, "classeur-factice.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(() => {
  const exports = {};
  ${js}
  const classeur = new exports.ClasseurFactice({ feuilles: ["Feuil1"], tables: [{ nom: "Dossier", feuille: "Feuil1", valeurs: ${JSON.stringify(valeurs)} }] });
  window.__classeur = classeur;
  window.__ouverts = [];
  let visibilite = null;
  window.__visibilite = (mode) => visibilite && visibilite({ visibilityMode: mode });
  window.Office = {
    onReady: async () => ({ host: "Excel", platform: "PC" }),
    HostType: { Excel: "Excel" },
    VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
    addin: { onVisibilityModeChanged: async (f) => { visibilite = f; return async () => {}; } },
    context: { ui: { openBrowserWindow: (url) => { window.__ouverts.push(url); } }, requirements: { isSetSupported: () => true } },
  };
  window.Excel = classeur.excel;
  // In Excel, office.js also gives the page's custom functions (shared runtime) their registry.
  window.CustomFunctions = { associate: () => {}, Error: class extends Error {}, ErrorCode: {} };
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
let contexte: BrowserContext;
const requetes: string[] = [];
const erreursPage: string[] = [];

beforeAll(async () => {
  serveur = await servir(await construireBundle("offline"));
  navigateur = await lancerChromium();
  contexte = await navigateur.newContext({ viewport: { width: 380, height: 900 }, locale: "fr-FR" });
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

type Fenetre = {
  __classeur: { modifier(f: string, a: string, v: unknown[][]): void; declencher(e: string): Promise<void>; syncs: number; gestionnaires: Record<string, unknown[]>; feuille(n: string): unknown; tables: { nom: string }[] };
  __visibilite(mode: string): void;
  __ouverts: string[];
};
const ligneApport = TABLE.findIndex((l) => l[0] === libelle("apportInitial")) + 1;

/** Excel changes the apport cell of the table and reports it (onChanged). */
async function changerApport(valeur: number): Promise<void> {
  await page.evaluate(([ligne, v]) => {
    const w = window as unknown as Fenetre;
    w.__classeur.modifier("Feuil1", `B${ligne}`, [[v]]);
    return w.__classeur.declencher("onChanged");
  }, [ligneApport, valeur]);
}

test("une modification des cellules signalée par Excel met le résumé à jour, en deux allers-retours au plus", async () => {
  const nouvelles = TABLE.map((l) => (l[0] === libelle("apportInitial") ? [l[0], 500000, ""] : l));
  const v = verdictTable(nouvelles);
  expect(v.apportInitial.statut).toBe("conforme");
  const avant = await page.evaluate(() => (window as unknown as Fenetre).__classeur.syncs);
  await changerApport(500000);
  await page.locator('[data-section="apportInitial"][data-statut="conforme"]').waitFor({ timeout: LIMITE });
  await expect(statuts(page)).resolves.toEqual([v.apportInitial.statut, v.listeReference.statut, v.majoration.statut]);
  expect(await page.evaluate(() => (window as unknown as Fenetre).__classeur.syncs) - avant).toBeLessThanOrEqual(2);
}, LIMITE);

test("volet caché : les gestionnaires sont retirés et rien n'est lu ; volet remontré : relu", async () => {
  await page.evaluate(() => (window as unknown as Fenetre).__visibilite("Hidden"));
  await page.waitForFunction(() => (window as unknown as Fenetre).__classeur.gestionnaires.onChanged.length === 0, undefined, { timeout: LIMITE });
  const avant = await page.evaluate(() => (window as unknown as Fenetre).__classeur.syncs);
  // Still above the cash (450 000 €): a part never exceeds its whole (DOMAIN.md), below 25 %.
  await changerApport(460000);
  expect(await page.evaluate(() => (window as unknown as Fenetre).__classeur.syncs)).toBe(avant);
  await expect(page.locator('[data-section="apportInitial"]').getAttribute("data-statut")).resolves.toBe("conforme");
  await page.evaluate(() => (window as unknown as Fenetre).__visibilite("Taskpane"));
  await page.locator('[data-section="apportInitial"][data-statut="non_conforme"]').waitFor({ timeout: LIMITE });
  expect(await page.evaluate(() => (window as unknown as Fenetre).__classeur.gestionnaires.onChanged.length)).toBe(1);
  // Back to the table of the first test for the ones after.
  await changerApport(500000);
  await page.locator('[data-section="apportInitial"][data-statut="conforme"]').waitFor({ timeout: LIMITE });
}, LIMITE);

test("un lien d'article s'ouvre dans le navigateur par Office.context.ui.openBrowserWindow, pas dans le volet", async () => {
  const pages = contexte.pages().length;
  // Details are collapsed by default (issue 14): open the section first, as a user would.
  await page.locator('[data-section="apportInitial"] summary').first().click();
  await page.locator('[data-role="article"]').first().click();
  await page.waitForFunction(() => (window as unknown as Fenetre).__ouverts.length > 0, undefined, { timeout: LIMITE });
  const ouverts = await page.evaluate(() => (window as unknown as Fenetre).__ouverts);
  expect(ouverts[0]).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\/search\/code\?/);
  expect(contexte.pages().length).toBe(pages);
  expect(page.url()).toMatch(/taskpane\.html$/);
}, LIMITE);

test("« Insérer un plan de financement modèle » ajoute une feuille au nom libre et le dit", async () => {
  // The workbook already has a table "Dossier": the first free set of names is the second.
  await page.locator('[data-action="inserer"]').click();
  await page.locator('[data-role="notification"]', { hasText: "Feuille « Plan de financement (2) » ajoutée" }).waitFor({ timeout: LIMITE });
  const tables = await page.evaluate(() => (window as unknown as Fenetre).__classeur.tables.map((t) => t.nom));
  expect(tables).toEqual(["Dossier", "Dossier_2", "Financements_2"]);
  await page.locator('[data-action="inserer"]').click();
  await page.locator('[data-role="notification"]', { hasText: "Feuille « Plan de financement (3) » ajoutée" }).waitFor({ timeout: LIMITE });
}, LIMITE);

test("dans Office mais office.js injoignable (CDN bloqué) : le volet le dit, au lieu du mode autonome", async () => {
  const c = await navigateur.newContext({ viewport: { width: 380, height: 700 }, locale: "fr-FR" });
  await c.route(`${serveur.origine}/office-js/office.js`, (r) => r.abort("internetdisconnected"));
  const p = await c.newPage();
  await p.goto(`${serveur.origine}/taskpane.html?_host_Info=Excel$Win32$16.01$fr-FR$$$$0`);
  await p.locator("#avis", { hasText: "office.js" }).waitFor({ timeout: LIMITE });
  await expect(p.locator("#avis").textContent()).resolves.toContain("appsforoffice.microsoft.com");
  await expect(p.locator("#mode").textContent()).resolves.toBe("Excel — hors ligne");
  await p.screenshot({ path: path.join(RACINE, "test-output", "taskpane", "volet-office-injoignable.png"), fullPage: true });
  // The same failure in an ordinary browser tab is the standalone mode, as before.
  const q = await c.newPage();
  await q.goto(`${serveur.origine}/taskpane.html`);
  await q.locator("#mode", { hasText: "Hors d'Excel : dossier JSON" }).waitFor({ timeout: LIMITE });
  await c.close();
}, LIMITE);

test("un ancien webview (sans customElements, comme Internet Explorer 11) : « Navigateur non pris en charge », pas un volet vide", async () => {
  const c = await navigateur.newContext({ viewport: { width: 380, height: 700 }, locale: "fr-FR" });
  await c.addInitScript(() => {
    Object.defineProperty(window, "customElements", { value: undefined, configurable: true });
  });
  await c.route(`${serveur.origine}/office-js/office.js`, (r) => r.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeFactice(TABLE) }));
  const p = await c.newPage();
  await p.goto(`${serveur.origine}/taskpane.html`);
  const avis = p.locator('[data-role="navigateur-non-pris-en-charge"]');
  await avis.waitFor({ timeout: LIMITE });
  await expect(avis.textContent()).resolves.toContain("Navigateur non pris en charge");
  await expect(avis.textContent()).resolves.toContain("WebView2");
  await p.waitForTimeout(300);
  // The modern pane did not draw over it.
  expect(await p.locator("#mode").count()).toBe(0);
  await p.screenshot({ path: path.join(RACINE, "test-output", "taskpane", "volet-ancien-navigateur.png"), fullPage: true });
  await c.close();
}, LIMITE);

test("toujours rien hors de 127.0.0.1, ni erreur de script, ni entorse à la CSP venant du volet", async () => {
  expect(requetes.filter((u) => !u.startsWith(`${serveur.origine}/`))).toEqual([]);
  expect(erreursPage).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
  // See navigateur.test.ts: zod's one probe from functions.js is known and outside the pane.
  expect(violations.filter((v) => !(v.directive === "script-src" && v.bloque === "eval" && v.source === `${serveur.origine}/functions.js`))).toEqual([]);
}, LIMITE);
