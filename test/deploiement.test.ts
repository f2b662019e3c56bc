/**
 * The production build an IT team deploys (docs/deploiement.md): `npm run build -- --env url=…` writes
 * a production manifest whose every URL is at that https origin and carries the files' version, with
 * an Id of its own; it refuses http: and localhost; the site holds no source map; functions.json
 * points each function's help at its section of the hosted help page; `npm run package` makes one
 * archive. Also the ES5 guard for old webviews, parsed as ES5.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { RACINE } from "./helpers/bundle";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifeste = require("../scripts/manifeste") as {
  ID_PRODUCTION: string;
  verifierUrlProduction(u: string): string;
  manifesteProduction(xml: string, o: { origine: string; version: string }): string;
};

const ORIGINE = "https://conformite.example.org/";
const WEBPACK = require.resolve("webpack-cli/bin/cli.js", { paths: [RACINE] });
const XML_DEV = fs.readFileSync(path.join(RACINE, "manifest.xml"), "utf8");

function webpack(...env: string[]) {
  return spawnSync(process.execPath, [WEBPACK, "--mode", "production", ...env.flatMap((e) => ["--env", e])], { cwd: RACINE, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Every attribute value and text of a manifest, strictly parsed (saxes throws on malformed XML). */
function valeursXml(xml: string): { id: string; nom: string; urls: string[] } {
  const p = new SaxesParser({ xmlns: true });
  const urls: string[] = [];
  let id = "";
  let nom = "";
  let dansId = false;
  p.on("error", (e) => { throw e; });
  p.on("opentag", (t) => {
    dansId = t.local === "Id";
    if (t.local === "DisplayName") nom = t.attributes.DefaultValue.value;
    for (const a of Object.values(t.attributes)) if (/^https?:\/\//.test(a.value) && !a.value.startsWith("http://schemas.microsoft.com/") && !a.value.startsWith("http://www.w3.org/")) urls.push(a.value);
  });
  p.on("text", (t) => { if (dansId) id += t.trim(); });
  p.on("closetag", () => { dansId = false; });
  p.write(xml).close();
  return { id, nom, urls };
}

describe("the hosting URL", () => {
  test("https and a real host: normalised with a final /", () => {
    expect(manifeste.verifierUrlProduction("https://conformite.example.org")).toBe(ORIGINE);
    expect(manifeste.verifierUrlProduction("https://intranet.example.fr/complements/cnc")).toBe("https://intranet.example.fr/complements/cnc/");
  });

  test.each([
    ["http://conformite.example.org/", /https/],
    ["https://localhost:3000/", /localhost/],
    ["https://127.0.0.1/", /localhost/],
    ["https://[::1]/", /localhost/],
    ["https://cnc.localhost/", /localhost/],
    ["https://conformite.example.org/?x=1", /paramètres/],
    ["conformite.example.org", /invalide/],
  ])("%s is refused", (url, raison) => {
    expect(() => manifeste.verifierUrlProduction(url)).toThrow(raison);
  });

  test("a production build given http: or localhost stops before writing anything, saying why in French", () => {
    for (const [url, raison] of [["http://conformite.example.org/", "Office ne charge un complément qu'en https"], ["https://localhost:3000/", "pas vers ce poste (localhost)"]]) {
      const sortie = path.join("test-output", "deploiement-refus");
      fs.rmSync(path.join(RACINE, sortie), { recursive: true, force: true });
      const r = webpack(`url=${url}`, `sortie=${sortie}`);
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain(raison);
      expect(fs.existsSync(path.join(RACINE, sortie))).toBe(false);
    }
  }, 120_000);
});

describe("production build (--env url=https://conformite.example.org/)", () => {
  const relatif = path.join("test-output", "deploiement-production");
  const dist = path.join(RACINE, relatif);
  let xml: string;
  beforeAll(() => {
    const r = webpack(`url=${ORIGINE}`, `sortie=${relatif}`);
    if (r.status !== 0) throw new Error(`webpack : ${r.stdout}\n${r.stderr}`);
    xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  }, 300_000);

  test("every URL of the manifest is at the given origin, none on localhost", () => {
    const { urls } = valeursXml(xml);
    expect(urls.length).toBeGreaterThan(8);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(urls.filter((u) => !u.startsWith(ORIGINE))).toEqual([]);
  });

  test("every URL carries the version of the files, and names a file of the site", () => {
    const version = fs.readFileSync(path.join(dist, "version.txt"), "utf8").trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{10}$/);
    for (const u of valeursXml(xml).urls) {
      const url = new URL(u);
      expect({ u, v: url.searchParams.get("v") }).toEqual({ u, v: version });
      const fichier = path.join(dist, decodeURIComponent(url.pathname.slice(new URL(ORIGINE).pathname.length)));
      expect({ u, present: fs.existsSync(fichier) }).toEqual({ u, present: true });
    }
  });

  test("its own stable Id, distinct from the development manifest's; the development one says « (développement) »", () => {
    const prod = valeursXml(xml);
    const dev = valeursXml(XML_DEV);
    expect(prod.id).toBe(manifeste.ID_PRODUCTION);
    expect(prod.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(dev.id).not.toBe(prod.id);
    expect(dev.nom).toBe("CNC Conformité (développement)");
    expect(prod.nom).toBe("CNC Conformité");
  });

  test("the production manifest is the development one but for URLs, Id, name and the first comment", () => {
    const sansComm = (x: string) => x.replace(/<!--[\s\S]*?-->/, "");
    const ramene = sansComm(xml)
      .replace(/https:\/\/conformite\.example\.org\/([^"?]*)\?v=[^"#]*/g, "https://localhost:3000/$1")
      .replace(manifeste.ID_PRODUCTION, valeursXml(XML_DEV).id)
      .replace('DisplayName DefaultValue="CNC Conformité"', 'DisplayName DefaultValue="CNC Conformité (développement)"');
    expect(ramene).toBe(sansComm(XML_DEV));
  });

  test("a new version of the files is a new URL for Office's cache", () => {
    const a = manifeste.manifesteProduction(XML_DEV, { origine: ORIGINE, version: "0.1.0-aaaaaaaaaa" });
    const b = manifeste.manifesteProduction(XML_DEV, { origine: ORIGINE, version: "0.1.0-bbbbbbbbbb" });
    const ua = valeursXml(a).urls;
    const ub = valeursXml(b).urls;
    expect(ua).toHaveLength(ub.length);
    expect(ua.filter((u, i) => u === ub[i])).toEqual([]);
  });

  test("no source map in the site, none referenced", () => {
    const tous = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tous(path.join(d, e.name)) : [path.join(d, e.name)]));
    expect(tous(dist).filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of tous(dist).filter((x) => x.endsWith(".js"))) expect(fs.readFileSync(f, "utf8")).not.toContain("sourceMappingURL");
  });

  test("functions.json: errors in input ranges reach the functions, each function's help is its section of the hosted page", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    const aide = fs.readFileSync(path.join(dist, "aide.html"), "utf8");
    expect(meta.functions).toHaveLength(9);
    for (const f of meta.functions as { id: string; helpUrl?: string }[]) {
      expect(f.helpUrl).toBe(`${ORIGINE}aide.html#cnc-${f.id.toLowerCase()}`);
      expect({ id: f.id, ancre: aide.includes(`id="cnc-${f.id.toLowerCase()}"`) || aide.includes(`id=cnc-${f.id.toLowerCase()}`) }).toEqual({ id: f.id, ancre: true });
    }
  });
});

describe("the ES5 guard for Internet Explorer 11 / old Edge webviews", () => {
  const source = fs.readFileSync(path.join(RACINE, "src/taskpane/ancien-navigateur.js"), "utf8");

  test("parses as ES5 (the pane's bundle does not: the test can tell)", () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("const x = () => 1;", { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  test("says « Navigateur non pris en charge » in French, with what to install", () => {
    expect(source).toContain("Navigateur non pris en charge");
    expect(source).toMatch(/WebView2/);
    expect(source).toMatch(/Trident/);
  });
});

describe("npm run package", () => {
  test("one archive: the static site, the production manifest and a French note for the host", async () => {
    const sortie = path.join("test-output", "paquet");
    fs.rmSync(path.join(RACINE, sortie), { recursive: true, force: true });
    const r = spawnSync(process.execPath, [path.join(RACINE, "scripts/empaqueter.js"), "--url", ORIGINE, "--sortie", sortie], { cwd: RACINE, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    const archives = fs.readdirSync(path.join(RACINE, sortie)).filter((f) => f.endsWith(".zip"));
    expect(archives).toHaveLength(1);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(RACINE, sortie, archives[0])));
    const noms = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    for (const n of ["manifest.xml", "LISEZMOI.txt", "site/taskpane.html", "site/functions.js", "site/functions.json", "site/taskpane.js", "site/aide.html", "site/ancien-navigateur.js", "site/assets/icon-32.png"]) {
      expect({ n, present: noms.includes(n) }).toEqual({ n, present: true });
    }
    expect(noms.filter((n) => n.endsWith(".map"))).toEqual([]);
    const xml = await zip.file("manifest.xml")!.async("string");
    expect(valeursXml(xml).urls.every((u) => u.startsWith(ORIGINE))).toBe(true);
    const note = await zip.file("LISEZMOI.txt")!.async("string");
    expect(note).toContain(ORIGINE);
    expect(note).toMatch(/Centre d'administration Microsoft 365/);
    expect(note).toMatch(/Cache-Control/);

    const refus = spawnSync(process.execPath, [path.join(RACINE, "scripts/empaqueter.js"), "--url", "http://conformite.example.org/", "--sortie", sortie], { cwd: RACINE, encoding: "utf8" });
    expect(refus.status).toBe(2);
    expect(refus.stderr).toContain("https");
  }, 300_000);
});
