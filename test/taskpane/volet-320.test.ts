/**
 * The pane as Excel shows it at its narrowest, 320 × 600 px, in a real headless Chromium (Debian's
 * /usr/bin/chromium, playwright-core): the summary — the three statuses side by side and the one
 * figure to act on — is on screen without scrolling; details are collapsed until clicked, and a
 * section opened stays open when the summary is redrawn and when the page is reloaded; conditions
 * read as a finance team reads them (failing first, points as points, French labels, no "Écart
 * 0,00 €"); a workbook chosen outside Excel is named as such. Every figure is checked against the
 * core's verdict computed here.
 *
 * Screenshots go to test-output/taskpane/; with CNC_CAPTURES_DOCS=1 the three shown in the README
 * (summary, collapsed, expanded) are also written to docs/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CHAMPS, parseDossier } from "../../src/dossier";
import { LIBELLES_STATUT, SYMBOLES } from "../../src/render/texte";
import { ecartAuCentime, euros, evaluer, type Dossier, type Verdict } from "../../src/rules";
import { preventesEnAlternative } from "../../src/taskpane/leviers";
import { parGravite } from "../../src/taskpane/vue/action";
import { construireBundle, RACINE } from "../helpers/bundle";
import { lancerChromium, scriptViolations, servir, type Serveur, type Violation } from "./chromium";

const CAPTURES = path.join(RACINE, "test-output", "taskpane");
const DOCS = path.join(RACINE, "docs");
const EXEMPLES = path.join(RACINE, "examples");
const LIMITE = 60_000;
const LARGEUR = 320;
const HAUTEUR = 600;

/** A documentary under the recast whose presales fall short of the 311-10 derogation: the example of the README. */
const DOCUMENTAIRE = {
  titre: "Les Voix du fleuve (documentaire, 52 min)",
  dateDemande: "2024-05-15", genre: "documentaire", destination: "television", aide: "automatique",
  dureeMinutes: 52, coutDefinitif: 1000000, apportInitial: 200000, apportNumeraireTelevision: 180000,
  preventesInternationales: 40000, engagementFerme: true, caseMagazine: false,
  autorisationPrealable: true, autorisationDefinitive: true, versionOriginaleFrancaise: true,
  depensesFrance: 900000, coutPostes: 600000, depensesFrancePostes: 520000, sommesCompteAutomatique: 80000,
};

/** An animation series whose points are not given yet, and a work of genre "autre" (no hourly minimum). */
const SANS_POINTS = { titre: "Série sans points", dateDemande: "2023-01-20", genre: "animation", dureeMinutes: 338, coutDefinitif: 6500000, apportInitial: 1365000, apportNumeraireTelevision: 1200000, preventesInternationales: 600000 };
const AUTRE_GENRE = { titre: "Œuvre d'un autre genre", dateDemande: "2023-01-20", genre: "autre", dureeMinutes: 90, coutDefinitif: 1000000, apportInitial: 300000 };

const lireExemple = (nom: string) => JSON.parse(readFileSync(path.join(EXEMPLES, nom), "utf8")) as Record<string, unknown>;

let serveur: Serveur;
let navigateur: Browser;
let contexte: BrowserContext;
let page: Page;
const requetes: string[] = [];
const erreursPage: string[] = [];
/** CSP violations of the pages already left (each reload starts a new list). */
const violationsPassees: Violation[] = [];

beforeAll(async () => {
  serveur = await servir(await construireBundle("offline"));
  mkdirSync(CAPTURES, { recursive: true });
  navigateur = await lancerChromium();
  contexte = await navigateur.newContext({ viewport: { width: LARGEUR, height: HAUTEUR }, locale: "fr-FR" });
  contexte.on("request", (r) => requetes.push(r.url()));
  await contexte.addInitScript(scriptViolations);
  page = await contexte.newPage();
  page.on("pageerror", (e) => erreursPage.push(e.message));
  await ouvrirPage();
}, 600_000);

afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

async function violationsPage(): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __violations?: Violation[] }).__violations ?? []);
}

async function ouvrirPage(): Promise<void> {
  if (page.url().startsWith("http")) violationsPassees.push(...await violationsPage());
  await page.goto(`${serveur.origine}/taskpane.html`);
  await page.locator('[data-action="ouvrir"]').waitFor({ timeout: LIMITE });
}

async function charger(dossier: Record<string, unknown>, nom = "dossier.json"): Promise<{ d: Dossier; v: Verdict }> {
  await page.setInputFiles('input[type="file"]', { name: nom, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(dossier)) });
  await page.locator('.resume [data-role="titre"]', { hasText: String(dossier.titre) }).waitFor({ timeout: LIMITE });
  const d = parseDossier(dossier);
  return { d, v: evaluer(d) };
}

/**
 * A screenshot of the viewport, or of the whole page: the viewport is then stretched to the page's
 * height (Chromium's full-page capture leaves cards below the fold blank) and put back.
 */
async function capture(nom: string, pleinePage: boolean): Promise<void> {
  if (pleinePage) await page.setViewportSize({ width: LARGEUR, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  const png = await page.screenshot({ path: path.join(CAPTURES, nom) });
  if (pleinePage) await page.setViewportSize({ width: LARGEUR, height: HAUTEUR });
  if (process.env.CNC_CAPTURES_DOCS === "1") writeFileSync(path.join(DOCS, nom), png);
}

/** Waits until the page has stored these open sections (the details' toggle event comes after the click). */
async function stockees(cles: string[]): Promise<void> {
  await page.waitForFunction((voulu) => localStorage.getItem("cnc-conformite.volet.sections-ouvertes") === voulu, JSON.stringify(cles), { timeout: LIMITE });
}

const ouvertes = () => page.locator("[data-section] details").evaluateAll((ds) => ds.map((d) => [d.closest("[data-section]")!.getAttribute("data-section"), (d as HTMLDetailsElement).open]));

test("à 320 × 600 px, la synthèse (trois statuts et le chiffre à ajouter) se voit sans défiler", async () => {
  const cas: [string, Record<string, unknown>][] = [
    ["volet-documentaire.json", DOCUMENTAIRE],
    ...["coproduction-internationale.json", "serie-animation.json", "serie-fiction.json", "documentaire-smad.json"].map((n): [string, Record<string, unknown>] => [n, lireExemple(n)]),
    ["sans-points.json", SANS_POINTS],
  ];
  for (const [nom, dossier] of cas) {
    const { d, v } = await charger(dossier, nom);
    const synthese = page.locator('[data-role="synthese"]');
    const boite = await synthese.boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(boite).not.toBeNull();
    // Within the viewport, not cut on any side: visible without scrolling.
    expect([nom, boite!.x >= 0, boite!.y >= 0, boite!.x + boite!.width <= LARGEUR, boite!.y + boite!.height <= HAUTEUR]).toEqual([nom, true, true, true, true]);
    // No horizontal scrolling either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LARGEUR);
    // The three tiles say the core's statuses.
    const tuiles = await page.locator("[data-tuile]").evaluateAll((ts) => ts.map((t) => [t.getAttribute("data-tuile"), t.getAttribute("data-statut"), t.querySelector('[data-role="statut-tuile"]')!.textContent]));
    expect(tuiles).toEqual((["apportInitial", "listeReference", "majoration"] as const).map((cle) => {
      const s = v[cle].statut;
      return [cle, s, `${SYMBOLES[s]} ${LIBELLES_STATUT[s].charAt(0).toUpperCase()}${LIBELLES_STATUT[s].slice(1)}`];
    }));
    // The figure to act on is the apport's ecart, the same figure as the JSON and CNC.ECART.
    const consigne = await page.locator('[data-role="consigne"]').textContent();
    const a = v.apportInitial;
    if (a.statut === "non_conforme" && a.ecart !== null && a.ecart.greaterThan(0)) {
      expect(consigne).toContain(`Ajoutez ${euros(ecartAuCentime(a.ecart))} `);
      const autre = preventesEnAlternative(d, v);
      if (autre) expect(consigne).toContain(`, ou ${euros(autre)} de préventes internationales`);
      else expect(consigne).not.toContain("préventes");
    }
    if ([a, v.listeReference, v.majoration].every((s) => s.statut === "conforme")) expect(consigne).toBe("Le plan est conforme dans les trois sections : rien à ajouter.");
  }
}, 4 * LIMITE);

test("un fichier de plusieurs dossiers : avec le sélecteur au-dessus, la synthèse se voit encore sans défiler", async () => {
  await page.setInputFiles('input[type="file"]', { name: "catalogue.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([DOCUMENTAIRE, lireExemple("coproduction-internationale.json")])) });
  await page.locator('.resume [data-role="titre"]', { hasText: DOCUMENTAIRE.titre }).waitFor({ timeout: LIMITE });
  await expect(page.locator('[data-role="choix-dossier"]').isVisible()).resolves.toBe(true);
  const boite = (await page.locator('[data-role="synthese"]').boundingBox())!;
  expect(boite.y + boite.height).toBeLessThanOrEqual(HAUTEUR);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}, LIMITE);

test("le documentaire du README : « Ajoutez … d'apport initial, ou … de préventes internationales », vérifié par le cœur", async () => {
  const { d, v } = await charger(DOCUMENTAIRE, "volet-documentaire.json");
  const a = v.apportInitial;
  expect(a.statut).toBe("non_conforme");
  const consigne = await page.locator('[data-role="consigne"]').textContent();
  expect(consigne).toMatch(/^Ajoutez \d[\d\u202f]*,\d\d\u202f€ (d'apport initial|de préventes internationales)/);
  expect(consigne).toContain(euros(ecartAuCentime(a.ecart!)));
  // Whatever lever is offered, adding it makes the section's amounts comply: the core says so.
  const alternative = preventesEnAlternative(d, v);
  if (consigne!.includes("d'apport initial")) {
    const apres = evaluer({ ...d, apportInitial: d.apportInitial!.plus(ecartAuCentime(a.ecart!)) }).apportInitial;
    expect(apres.conditions.filter((c) => c.unite === "euros" && c.statut === "non_conforme")).toEqual([]);
  }
  if (alternative) {
    const apres = evaluer({ ...d, preventesInternationales: d.preventesInternationales!.plus(alternative) }).apportInitial;
    expect(apres.conditions.filter((c) => c.unite === "euros" && c.statut === "non_conforme")).toEqual([]);
  }
  // The other things to do: the liste and the majoration, each named.
  const autres = await page.locator('[data-role="consignes-autres"] li').allTextContents();
  expect(autres.some((t) => t.startsWith("Majoration de 25 % : "))).toBe(true);
  await capture("volet-synthese.png", false);
}, LIMITE);

test("détails repliés par défaut, ouverts d'un clic, et gardés ouverts au rendu suivant comme au rechargement", async () => {
  await ouvrirPage();
  await page.evaluate(() => localStorage.clear());
  await ouvrirPage();
  await charger(DOCUMENTAIRE, "volet-documentaire.json");
  expect(await ouvertes()).toEqual([["apportInitial", false], ["listeReference", false], ["majoration", false]]);
  await expect(page.locator('[data-section="apportInitial"] .conditions').isVisible()).resolves.toBe(false);
  // Collapsed, a section's header still says what it lacks.
  await expect(page.locator('[data-section="apportInitial"] summary [data-role="manque"]').isVisible()).resolves.toBe(true);
  await capture("volet-replie.png", true);

  await page.locator('[data-section="apportInitial"] summary').click();
  await expect(page.locator('[data-section="apportInitial"] .conditions').isVisible()).resolves.toBe(true);
  expect(await ouvertes()).toEqual([["apportInitial", true], ["listeReference", false], ["majoration", false]]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture("volet-deplie.png", true);

  // Another dossier redraws the summary (as Excel does on every change): the section stays open.
  await charger(lireExemple("coproduction-internationale.json"), "coproduction-internationale.json");
  expect(await ouvertes()).toEqual([["apportInitial", true], ["listeReference", false], ["majoration", false]]);
  // A tile opens its section too.
  await page.locator('[data-tuile="majoration"]').click();
  expect(await ouvertes()).toEqual([["apportInitial", true], ["listeReference", false], ["majoration", true]]);
  await stockees(["apportInitial", "majoration"]);

  // Reloaded (the pane closed and reopened): the same sections open.
  await ouvrirPage();
  await charger(DOCUMENTAIRE, "volet-documentaire.json");
  expect(await ouvertes()).toEqual([["apportInitial", true], ["listeReference", false], ["majoration", true]]);
  // Closed again, and remembered closed.
  await page.locator('[data-section="apportInitial"] summary').click();
  await stockees(["majoration"]);
  await ouvrirPage();
  await charger(DOCUMENTAIRE, "volet-documentaire.json");
  expect(await ouvertes()).toEqual([["apportInitial", false], ["listeReference", false], ["majoration", true]]);
}, 3 * LIMITE);

/** The conditions as shown: statut, code, texts of the expected, found and missing values. */
async function conditionsAffichees(cle: string) {
  return page.locator(`[data-section="${cle}"] .condition`).evaluateAll((cs) => cs.map((c) => ({
    statut: c.getAttribute("data-statut"),
    code: c.getAttribute("data-code"),
    libelle: c.querySelector(".libelle")?.textContent ?? null,
    attendu: c.querySelector('[data-role="attendu"] dd')?.textContent ?? null,
    ecart: c.querySelector('[data-role="ecart"]')?.textContent ?? null,
    manquants: c.querySelector('[data-role="manquants"]')?.textContent ?? null,
  })));
}

test("les conditions : non remplies et incomplètes d'abord, points en points, libellés français, pas d'« Écart 0,00 € »", async () => {
  for (const dossier of [DOCUMENTAIRE, lireExemple("coproduction-internationale.json"), lireExemple("serie-animation.json"), SANS_POINTS]) {
    const { v } = await charger(dossier);
    for (const cle of ["apportInitial", "listeReference", "majoration"] as const) {
      const lues = await conditionsAffichees(cle);
      expect(lues.map((c) => [c.statut, c.code])).toEqual(parGravite(v[cle].conditions).map((c) => [c.statut, c.code]));
      // A gap appears only on a failing line, and never as zero.
      for (const c of lues) {
        if (c.statut !== "non_conforme") expect(c.ecart).toBeNull();
        expect(c.ecart ?? "").not.toMatch(/^(Écart|Manque)\s*0,00/);
      }
    }
    const texte = (await page.locator(".resume").textContent())!;
    expect(texte).not.toContain("Écart");
    // Points are points, never euros: every "Points" line shows its values in pts.
    const lignesPoints = await page.locator(".condition").filter({ has: page.locator(".libelle", { hasText: "Points" }) }).locator('[data-role="attendu"] dd').allTextContents();
    for (const t of lignesPoints) expect(t).toMatch(/^\d+ pts$/);
    // No camelCase field name reaches the page: only French labels.
    const noms = CHAMPS.map((c) => c.champ).filter((n) => /[A-Z]/.test(n));
    expect(noms.filter((n) => texte.includes(n))).toEqual([]);
  }
  // The animation series without points: the points asked for read as points, their fields by label.
  await charger(SANS_POINTS);
  const apport = await conditionsAffichees("apportInitial");
  const points = apport.filter((c) => c.libelle === "Points « Création »");
  expect(points.length).toBeGreaterThan(0);
  expect(points[0].attendu).toBe("30 pts");
  expect(points[0].manquants).toMatch(/^À renseigner : Points « Création »/);
  // A1, which waits for those points, still expects euros.
  expect(apport.find((c) => c.code === "A1")?.attendu).toMatch(/€$/);
  await expect(page.locator('[data-role="consigne"]').textContent()).resolves.toContain("Points « Création »");
}, 3 * LIMITE);

const chiffresSection = (cle: string) => page.locator(`[data-section="${cle}"] [data-role="chiffres"]`).evaluate((dl) => {
  const dts = Array.from(dl.querySelectorAll("dt"));
  return Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
});

test("un genre sans minimum horaire : l'en-tête dit « — », pas « 0,00 € » ; une majoration incomplète n'est pas « 0 % »", async () => {
  const { v } = await charger(AUTRE_GENRE);
  expect(v.apportInitial.numeraireMinimum).toBeNull();
  expect((await chiffresSection("apportInitial"))["Numéraire minimum"]).toBe("—");
  const sansPoints = await charger(SANS_POINTS);
  expect(sansPoints.v.majoration.statut).toBe("incomplet");
  expect((await chiffresSection("majoration"))["Taux de majoration"]).toBe("—");
  // A refused majoration is 0 %: that one is decided.
  const refusee = await charger(lireExemple("coproduction-internationale.json"));
  expect(refusee.v.majoration.statut).toBe("non_conforme");
  expect((await chiffresSection("majoration"))["Taux de majoration"]).toBe("0\u202f%");
}, LIMITE);

test("un classeur choisi hors d'Excel : « c'est un classeur », pas « ce n'est pas un texte UTF-8 »", async () => {
  await page.setInputFiles('input[type="file"]', path.join(EXEMPLES, "plan-financement.xlsx"));
  const erreur = page.locator('#avis [data-genre="erreur"]');
  await erreur.waitFor({ timeout: LIMITE });
  const texte = await erreur.textContent();
  expect(texte).toContain("c'est un classeur : ouvrez-le dans Excel");
  expect(texte).toContain("cnc-rga verifier");
  expect(texte).not.toContain("UTF-8");
  await expect(page.locator(".resume").count()).resolves.toBe(0);
}, LIMITE);

test("rien n'a quitté 127.0.0.1, sans erreur de script ni entorse à la CSP", async () => {
  expect(requetes.filter((u) => !u.startsWith(`${serveur.origine}/`))).toEqual([]);
  expect(erreursPage).toEqual([]);
  expect([...violationsPassees, ...await violationsPage()]).toEqual([]);
}, LIMITE);
