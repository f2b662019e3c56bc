/**
 * What `npm run build` puts in dist/, checked on the test build: the page hosting the functions
 * (shared runtime) loads office.js from Microsoft's CDN — or, with --env offline, from the copy of
 * node_modules — then functions.js; the icons and the manifest are there; HyperFormula and exceljs
 * (CLI only) are not in any bundle.
 */
import * as fs from "fs";
import * as path from "path";
import { construireBundle } from "../helpers/bundle";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The page's scripts, without their version query (`functions.js?<hash>`) nor the ES5 guard for old webviews. */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1].replace(/\?.*$/, "")).filter((s) => s !== "ancien-navigateur.js");
}

/** Every module that went into the bundles, from their source maps (kept apart from the site). */
function sourcesDesBundles(dossier: string): string[] {
  const cartes = `${dossier}-sourcemaps`;
  return fs.readdirSync(cartes).filter((n) => n.endsWith(".js.map"))
    .flatMap((n) => JSON.parse(fs.readFileSync(path.join(cartes, n), "utf8")).sources as string[]);
}

describe("production build (office.js from the CDN)", () => {
  let dossier: string;
  beforeAll(async () => {
    dossier = await construireBundle("cdn");
  }, 300_000);

  test("dist holds the functions, their metadata, the page, the manifest and the icons", () => {
    for (const f of ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml", ...[16, 32, 64, 80, 128].map((t) => `assets/icon-${t}.png`)]) {
      expect({ f, present: fs.existsSync(path.join(dossier, f)) }).toEqual({ f, present: true });
    }
  });

  test("the task pane page loads office.js from the CDN before the functions (shared runtime)", () => {
    const s = scripts(fs.readFileSync(path.join(dossier, "taskpane.html"), "utf8"));
    expect(s[0]).toBe(CDN);
    expect(s).toContain("functions.js");
    expect(s).toContain("taskpane.js");
    expect(fs.existsSync(path.join(dossier, "office-js"))).toBe(false);
  });

  test("the old-webview guard comes first, then office.js; the bundles carry a version so that Office's cache never serves old ones", () => {
    const html = fs.readFileSync(path.join(dossier, "taskpane.html"), "utf8");
    const tous = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(tous[0]).toMatch(/^ancien-navigateur\.js\?v=\d+\.\d+\.\d+$/);
    expect(tous[1]).toBe(CDN);
    for (const f of ["functions.js", "taskpane.js"]) expect(tous).toContainEqual(expect.stringMatching(new RegExp(`^${f.replace(".", "\\.")}\\?[0-9a-f]{8,}$`)));
  });

  test("no source map in the site: the maps are kept apart and the bundles do not point at them", () => {
    const site = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? site(path.join(d, e.name)) : [path.join(d, e.name)]));
    expect(site(dossier).filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of ["functions.js", "taskpane.js"]) expect(fs.readFileSync(path.join(dossier, f), "utf8")).not.toContain("sourceMappingURL");
    expect(fs.existsSync(path.join(`${dossier}-sourcemaps`, "functions.js.map"))).toBe(true);
  });

  test("the rules core is bundled; HyperFormula and exceljs are not", () => {
    const sources = sourcesDesBundles(dossier);
    expect(sources.some((s) => s.includes("src/rules/evaluer.ts"))).toBe(true);
    expect(sources.some((s) => s.includes("decimal.js"))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(hyperformula|exceljs)\//.test(s))).toEqual([]);
  });
});

describe("offline build (--env offline)", () => {
  let dossier: string;
  beforeAll(async () => {
    dossier = await construireBundle("offline");
  }, 300_000);

  test("the page loads the local copy of office.js, which is in dist with Excel's host scripts", () => {
    const html = fs.readFileSync(path.join(dossier, "taskpane.html"), "utf8");
    expect(html).not.toContain("appsforoffice.microsoft.com/lib");
    const s = scripts(html);
    expect(s[0]).toBe("office-js/office.js");
    for (const f of ["office-js/office.js", "office-js/excel-web-16.00.js", "office-js/excel-win32-16.01.js", "office-js/fr-fr/office_strings.js"]) {
      expect({ f, present: fs.existsSync(path.join(dossier, f)) }).toEqual({ f, present: true });
    }
    const original = path.join(require.resolve("@microsoft/office-js/package.json"), "..", "dist", "office.js");
    expect(fs.readFileSync(path.join(dossier, "office-js/office.js"))).toEqual(fs.readFileSync(original));
  });
});
