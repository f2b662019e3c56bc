/**
 * The task pane in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core;
 * never a downloaded browser). The offline build (office.js from node_modules) is served from
 * 127.0.0.1; outside Office the page offers to load a dossier JSON file. Two example dossiers are
 * loaded through the file input and what the page shows — statuses, gaps, article links — is
 * checked against the core's verdicts computed here. Screenshots go to test-output/taskpane/
 * (ignored by git). No request may leave 127.0.0.1 and the page's CSP must not be violated.
 */
import { mkdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { parseDossier } from "../../src/dossier";
import { alineaTexte, ecartTexte, LIBELLES_STATUT, rapportTexte, SYMBOLES, valeurTexte } from "../../src/render/texte";
import { dateLongue, ecartAuCentime, euros, evaluer, type Section, type Verdict } from "../../src/rules";
import { urlArticle } from "../../src/taskpane/legifrance";
import { parGravite } from "../../src/taskpane/vue/action";
import { libelleChamp, messageEnFrancais, uniteAffichee } from "../../src/taskpane/vue/libelles";
import { construireBundle, RACINE } from "../helpers/bundle";
import { lancerChromium, scriptViolations, servir, type Serveur, type Violation } from "./chromium";

const CAPTURES = path.join(RACINE, "test-output", "taskpane");
const EXEMPLES = path.join(RACINE, "examples");
const LIMITE = 60_000;

const lireExemple = (nom: string) => JSON.parse(readFileSync(path.join(EXEMPLES, nom), "utf8")) as unknown;
const verdictDe = (nom: string) => evaluer(parseDossier(lireExemple(nom)));

let serveur: Serveur;
let origine: string;
let navigateur: Browser;
let contexte: BrowserContext;
let page: Page;
const requetes: string[] = [];
const erreursPage: string[] = [];

beforeAll(async () => {
  const dist = await construireBundle("offline");
  serveur = await servir(dist);
  origine = serveur.origine;
  mkdirSync(CAPTURES, { recursive: true });
  navigateur = await lancerChromium();
  contexte = await navigateur.newContext({ viewport: { width: 380, height: 900 }, locale: "fr-FR" });
  contexte.on("request", (r) => requetes.push(r.url()));
  await contexte.addInitScript(scriptViolations);
  page = await contexte.newPage();
  page.on("pageerror", (e) => erreursPage.push(e.message));
  await page.goto(`${origine}/taskpane.html`);
  await page.locator('[data-action="ouvrir"]').waitFor({ timeout: LIMITE });
}, 600_000);

afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
});

/** What the page shows, read from the DOM (text as rendered, links as in the anchors). */
async function lireResume(p: Page) {
  return p.evaluate(() => {
    const texte = (e: Element | null | undefined) => (e ? (e.textContent ?? "").trim() : null);
    const resume = document.querySelector(".resume");
    return {
      titre: texte(resume?.querySelector('[data-role="titre"]')),
      version: texte(resume?.querySelector('[data-role="version"]')),
      date: texte(resume?.querySelector('[data-role="date"]')),
      sections: Array.from(document.querySelectorAll("[data-section]")).map((s) => ({
        cle: s.getAttribute("data-section"),
        statut: s.getAttribute("data-statut"),
        badge: texte(s.querySelector('.section-entete [data-role="statut"]')),
        manque: texte(s.querySelector('[data-role="manque"]')),
        conditions: Array.from(s.querySelectorAll(".condition")).map((c) => {
          const lien = c.querySelector('[data-role="article"]');
          return {
            code: c.getAttribute("data-code"),
            statut: c.getAttribute("data-statut"),
            symbole: texte(c.querySelector('[data-role="symbole"]')),
            attendu: texte(c.querySelector('[data-role="attendu"] dd')),
            constate: texte(c.querySelector('[data-role="constate"] dd')),
            ecart: texte(c.querySelector('[data-role="ecart"] dd')),
            message: texte(c.querySelector('[data-role="message"]')),
            avertissement: texte(c.querySelector('[data-role="avertissement"]')),
            article: texte(lien),
            href: lien?.getAttribute("href") ?? null,
            target: lien?.getAttribute("target") ?? null,
            // The anchor Fluent UI renders in its shadow root: the one a click follows.
            hrefRendu: lien?.shadowRoot?.querySelector("a")?.getAttribute("href") ?? null,
          };
        }),
      })),
    };
  });
}

function majuscule(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * What the page must show for this verdict, from the core's own values: conditions failing first,
 * then incomplete ones; a shortfall only where there is one; figures in their unit; messages with
 * French labels instead of field names.
 */
function attendu(v: Verdict) {
  const section = (cle: string, s: Section) => ({
    cle,
    statut: s.statut,
    badge: majuscule(LIBELLES_STATUT[s.statut]),
    manque: s.statut === "non_conforme" && s.ecart !== null && s.ecart.greaterThan(0) ? `Il manque ${euros(ecartAuCentime(s.ecart))}` : null,
    conditions: parGravite(s.conditions).map((c) => {
      const applicable = c.statut !== "non_applicable";
      const unite = uniteAffichee(c);
      return {
        code: c.code,
        statut: c.statut,
        symbole: SYMBOLES[c.statut],
        attendu: applicable ? valeurTexte(c.attendu, unite) : null,
        constate: applicable ? valeurTexte(c.constate, unite) : null,
        ecart: c.statut === "non_conforme" && c.ecart !== null && c.ecart.greaterThan(0) && unite !== null ? ecartTexte(c.ecart, unite) : null,
        message: messageEnFrancais(c.message),
        avertissement: c.avertissement ? `⚠ ${messageEnFrancais(c.avertissement)}` : null,
        article: `art. ${c.article} ${alineaTexte(c.alinea)}`,
        href: urlArticle(c.article),
        target: "_blank",
        hrefRendu: urlArticle(c.article),
      };
    }),
  });
  return {
    titre: `« ${v.titre} »`,
    version: v.version,
    date: `demande du ${dateLongue(v.dateReference)}`,
    sections: [section("apportInitial", v.apportInitial), section("listeReference", v.listeReference), section("majoration", v.majoration)],
  };
}

async function chargerFichier(nom: string): Promise<void> {
  await page.setInputFiles('input[type="file"]', path.join(EXEMPLES, nom));
  await page.locator('.resume [data-role="titre"]', { hasText: verdictDe(nom).titre! }).waitFor({ timeout: LIMITE });
}

test("hors d'Excel, la page propose d'ouvrir un dossier JSON", async () => {
  await expect(page.locator("#mode").textContent()).resolves.toBe("Hors d'Excel : dossier JSON");
  await expect(page.locator('[data-action="copier"]').getAttribute("disabled")).resolves.not.toBeNull();
  await expect(page.locator("#avis").textContent()).resolves.toContain("Ouvrez un fichier de dossier (.json)");
}, LIMITE);

test("un dossier conforme : statuts, écarts et liens conformes au verdict du cœur", async () => {
  const v = verdictDe("serie-fiction.json");
  expect([v.apportInitial.statut, v.listeReference.statut, v.majoration.statut]).toEqual(["conforme", "conforme", "conforme"]);
  await chargerFichier("serie-fiction.json");
  const lu = await lireResume(page);
  expect(lu).toEqual(attendu(v));
  expect(lu.sections.flatMap((s) => s.conditions).filter((c) => c.statut === "conforme").length).toBeGreaterThan(8);
  await expect(page.locator('[data-role="source"]').textContent()).resolves.toBe("Source : serie-fiction.json");
  await page.screenshot({ path: path.join(CAPTURES, "dossier-conforme.png"), fullPage: true });
}, LIMITE);

test("un dossier non conforme : ce qui manque, en euros, et la version 2023-02 (311-9, 311-29, 311-51)", async () => {
  const v = verdictDe("coproduction-internationale.json");
  await chargerFichier("coproduction-internationale.json");
  const lu = await lireResume(page);
  expect(lu).toEqual(attendu(v));
  // Written out, so that a wrong figure in both the core and the page cannot pass unseen.
  const [apport, reference, majoration] = lu.sections;
  expect(lu.version).toBe("2023-02");
  expect(apport.statut).toBe("non_conforme");
  expect(apport.manque).toBe("Il manque 20\u202f000,00\u202f€");
  expect(apport.conditions[0]).toMatchObject({ code: "A1", symbole: "✗", article: "art. 311-9 al. 3", attendu: "500\u202f000,00\u202f€", constate: "480\u202f000,00\u202f€", ecart: "20\u202f000,00\u202f€" });
  // Failing first, then incomplete, then passing, then not applicable.
  expect(reference.conditions.map((c) => c.symbole)).toEqual(["✗", "✗", "?", "✓", "–", "–"]);
  expect(reference.conditions.map((c) => c.code)).toEqual(["C3", "C4", "C6", "C1", "C2", "C5"]);
  expect(majoration).toMatchObject({ statut: "non_conforme", badge: "Non conforme" });
  expect(apport.conditions[0].href).toBe("https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=NUM_ARTICLE&query=311-9");
  await expect(page.locator('[data-role="manquants"]').first().textContent()).resolves.toBe(`À renseigner : ${libelleChamp("diffuseeAnneePrecedente")}, ${libelleChamp("versionDefinitiveAcceptee")}`);
  // Field names never reach the page: only their French labels.
  expect(await page.locator(".resume").textContent()).not.toMatch(/diffuseeAnneePrecedente|versionDefinitiveAcceptee/);
  await page.screenshot({ path: path.join(CAPTURES, "dossier-non-conforme.png"), fullPage: true });
}, LIMITE);

test("« Copier le résumé » met le rapport texte du cœur dans le presse-papiers, avec une confirmation visible", async () => {
  await contexte.grantPermissions(["clipboard-read", "clipboard-write"], { origin: origine });
  await page.locator('[data-action="copier"]').click();
  await page.locator('[data-role="notification"]', { hasText: "Résumé copié dans le presse-papiers." }).waitFor({ timeout: LIMITE });
  const copie = await page.evaluate(() => navigator.clipboard.readText());
  expect(copie).toBe(rapportTexte(verdictDe("coproduction-internationale.json")));
}, LIMITE);

test("un fichier invalide : une erreur en français qui nomme le champ, et plus de résumé", async () => {
  const mauvais = { titre: "Essai", coutDefinitif: -5, genre: "western", budget: 3 };
  await page.setInputFiles('input[type="file"]', { name: "mauvais.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mauvais)) });
  const erreur = page.locator('#avis [data-genre="erreur"]');
  await erreur.waitFor({ timeout: LIMITE });
  const texte = await erreur.textContent();
  expect(texte).toContain("Le dossier « mauvais.json » n'est pas valide");
  expect(texte).toContain("champ « coutDefinitif »");
  expect(texte).toContain("champ « genre »");
  expect(texte).toContain("champ « budget » : champ inconnu du contrat de dossier");
  await expect(page.locator(".resume").count()).resolves.toBe(0);
  await expect(page.locator('[data-action="copier"]').getAttribute("disabled")).resolves.not.toBeNull();

  await page.setInputFiles('input[type="file"]', { name: "casse.json", mimeType: "application/json", buffer: Buffer.from("{ \"titre\": ") });
  await page.locator("#avis", { hasText: "n'est pas un JSON valide" }).waitFor({ timeout: LIMITE });
}, LIMITE);

test("un fichier de plusieurs dossiers : un sélecteur pour choisir celui qui s'affiche", async () => {
  const tous = [lireExemple("serie-fiction.json"), lireExemple("coproduction-internationale.json")];
  await page.setInputFiles('input[type="file"]', { name: "catalogue.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tous)) });
  const premier = verdictDe("serie-fiction.json");
  const second = verdictDe("coproduction-internationale.json");
  await page.locator('.resume [data-role="titre"]', { hasText: premier.titre! }).waitFor({ timeout: LIMITE });
  const options = page.locator('[data-role="choix-dossier"] fluent-option');
  await expect(options.allTextContents()).resolves.toEqual([`1. ${premier.titre}`, `2. ${second.titre}`]);
  await page.locator('[data-role="choix-dossier"]').click();
  await options.nth(1).click();
  await page.locator('.resume [data-role="titre"]', { hasText: second.titre! }).waitFor({ timeout: LIMITE });
  expect(await lireResume(page)).toEqual(attendu(second));
  await expect(page.locator('[data-role="source"]').textContent()).resolves.toBe("Source : catalogue.json, dossier 2 sur 2");
}, LIMITE);

test("rien n'a quitté 127.0.0.1, sans erreur de script ni entorse à la politique de sécurité (CSP)", async () => {
  expect(requetes.length).toBeGreaterThan(3);
  expect(requetes.filter((u) => !u.startsWith(`${origine}/`))).toEqual([]);
  // office.js itself was served locally, not from Microsoft's CDN.
  expect(requetes).toContain(`${origine}/office-js/office.js`);
  expect(erreursPage).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
  // zod is told not to probe `new Function` (src/dossier/schema.ts): not one violation is tolerated.
  expect(violations).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toMatch(/script-src 'self';/);
  // No inline script: every <script> of the page has a src.
  await expect(page.locator("script:not([src])").count()).resolves.toBe(0);
}, LIMITE);

test("le lien d'un article ne s'ouvre qu'au clic, dans une nouvelle fenêtre (réponse simulée : rien ne sort)", async () => {
  const avant = requetes.length;
  const url = urlArticle("311-9")!;
  await contexte.route(/^https:\/\/www\.legifrance\.gouv\.fr\//, (r) => r.fulfill({ status: 200, contentType: "text/plain; charset=utf-8", body: "Légifrance (simulé)" }));
  const fenetre = contexte.waitForEvent("page");
  // The conditions are in the section's details, collapsed until opened.
  await page.locator('[data-section="apportInitial"] summary').click();
  await page.locator('[data-section="apportInitial"] [data-role="article"]').first().click();
  const nouvelle = await fenetre;
  await nouvelle.waitForLoadState();
  expect(nouvelle.url()).toBe(url);
  expect(page.url()).toBe(`${origine}/taskpane.html`);
  expect(requetes.slice(avant).filter((u) => !u.startsWith(`${origine}/`))).toEqual([url]);
  await nouvelle.close();
}, LIMITE);
