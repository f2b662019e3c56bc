/**
 * Offline checks of manifest.xml (`npm run validate` needs Microsoft's validation service): well-formed
 * XML with the Office namespaces, elements in the schema's order, every resid defined and used, every
 * URL https on the dev server, every icon present at its size, a shared runtime, the CNC namespace
 * and function ids Excel accepts, and the URLs served by the build.
 */
import * as fs from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";
import { construireBundle, RACINE } from "./helpers/bundle";

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ORIGINE = "https://localhost:3000/";

interface Element {
  local: string;
  uri: string;
  attributs: Record<string, string>;
  enfants: Element[];
  texte: string;
}

/** A strict, namespace-aware parse (saxes): any well-formedness error throws. */
function lireXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const pile: Element[] = [];
  let racine: Element | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attributs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attributs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    const el: Element = { local: tag.local, uri: tag.uri, attributs, enfants: [], texte: "" };
    if (pile.length) pile[pile.length - 1].enfants.push(el);
    else racine = el;
    pile.push(el);
  });
  parser.on("text", (t) => {
    if (pile.length) pile[pile.length - 1].texte += t;
  });
  parser.on("closetag", () => {
    pile.pop();
  });
  parser.write(xml).close();
  if (!racine) throw new Error("document vide");
  return racine;
}

function tous(e: Element): Element[] {
  return [e, ...e.enfants.flatMap(tous)];
}

function enfant(e: Element, local: string): Element {
  const trouve = e.enfants.filter((x) => x.local === local);
  if (trouve.length !== 1) throw new Error(`${trouve.length} <${local}> sous <${e.local}>`);
  return trouve[0];
}

const XML = fs.readFileSync(path.join(RACINE, "manifest.xml"), "utf8");
const racine = lireXml(XML);
const elements = tous(racine);
const versionOverrides = enfant(racine, "VersionOverrides");
const ressources = enfant(versionOverrides, "Resources");
/** id → DefaultValue of every bt:Image, bt:Url and bt:String. */
const definies = new Map<string, string>();
for (const groupe of ressources.enfants) {
  for (const r of groupe.enfants) {
    if (definies.has(r.attributs.id)) throw new Error(`ressource ${r.attributs.id} définie deux fois`);
    definies.set(r.attributs.id, r.attributs.DefaultValue);
  }
}

test("well-formed XML: a TaskPaneApp in the Office namespaces", () => {
  expect(racine.local).toBe("OfficeApp");
  expect(racine.uri).toBe(NS_APP);
  expect(racine.attributs[`{${NS_XSI}}type`]).toBe("TaskPaneApp");
  expect(versionOverrides.uri).toBe(NS_OVERRIDES);
  expect(ressources.enfants.every((g) => g.uri === NS_BT)).toBe(true);
  expect(() => lireXml(XML.replace("</Hosts>", ""))).toThrow();
});

test("OfficeApp's elements come in the order of the schema", () => {
  const ORDRE = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  const presents = racine.enfants.map((e) => e.local);
  expect(presents.every((n) => ORDRE.includes(n))).toBe(true);
  expect(presents).toEqual([...presents].sort((a, b) => ORDRE.indexOf(a) - ORDRE.indexOf(b)));
});

test("identity: a GUID, the version of package.json, French name and description, fr-FR", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(RACINE, "package.json"), "utf8"));
  expect(enfant(racine, "Id").texte).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(enfant(racine, "Version").texte).toBe(`${pkg.version}.0`);
  expect(enfant(racine, "DefaultLocale").texte).toBe("fr-FR");
  // The development add-in says so, next to the deployed one (scripts/manifeste.js drops the suffix).
  expect(enfant(racine, "DisplayName").attributs.DefaultValue).toBe("CNC Conformité (développement)");
  expect(enfant(racine, "Description").attributs.DefaultValue).toMatch(/plans de financement .* RGA du CNC/);
  expect(enfant(racine, "Permissions").texte).toBe("ReadWriteDocument");
});

test("least permission: exactly ReadWriteDocument, explained (the task pane inserts the template sheet), nothing of mail or more", () => {
  const permissions = elements.filter((e) => e.local === "Permissions");
  expect(permissions.map((p) => p.texte.trim())).toEqual(["ReadWriteDocument"]);
  expect(XML).not.toMatch(/<Permissions>\s*(ReadWriteMailbox|ReadWriteItem|ReadItem|Restricted|ReadDocument)\s*<\/Permissions>/);
  // The comment just before says why ReadDocument is not enough: the pane writes the template sheet.
  const commentaire = /<!--((?:(?!-->)[\s\S])*)-->\s*<Permissions>/.exec(XML)?.[1] ?? "";
  expect(commentaire).toMatch(/ReadWriteDocument/);
  expect(commentaire).toMatch(/inserts the financing-plan template sheet/);
  expect(commentaire).toMatch(/no network or mailbox access/);
});

test("requirement sets: ExcelApi 1.9 (task pane), CustomFunctionsRuntime 1.2 (CustomFunctions.Error), SharedRuntime 1.1, in OfficeApp's Requirements", () => {
  const sets = enfant(enfant(racine, "Requirements"), "Sets");
  expect(sets.attributs.DefaultMinVersion).toBe("1.1");
  expect(sets.enfants.map((e) => [e.local, e.attributs.Name, e.attributs.MinVersion])).toEqual([
    ["Set", "ExcelApi", "1.9"],
    ["Set", "CustomFunctionsRuntime", "1.2"],
    ["Set", "SharedRuntime", "1.1"],
  ]);
  // Only there: VersionOverrides declares none of its own.
  expect(elements.filter((e) => e.local === "Requirements")).toHaveLength(1);
});

test("every resid is defined, and every resource is used", () => {
  const utilisees = elements.map((e) => e.attributs.resid).filter((r): r is string => r !== undefined);
  expect(utilisees.filter((r) => !definies.has(r))).toEqual([]);
  expect([...definies.keys()].filter((id) => !utilisees.includes(id))).toEqual([]);
});

test("every URL is https on the dev server", () => {
  const urls = [
    ...elements.flatMap((e) => Object.values(e.attributs)).filter((v) => /^[a-z]+:\/\//i.test(v) && !v.startsWith("http://schemas.microsoft.com/") && v !== NS_XSI),
    ...elements.map((e) => e.texte.trim()).filter((t) => /^[a-z]+:\/\//i.test(t)),
  ];
  expect(urls.length).toBeGreaterThan(8);
  expect(urls.filter((u) => !u.startsWith(ORIGINE))).toEqual([]);
});

/** Width and height of a PNG, from its IHDR chunk. */
function taillePng(fichier: string): [number, number] {
  const b = fs.readFileSync(fichier);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test("every icon file is present, a PNG of the size it is declared at", () => {
  const icones: [string, number][] = [
    [enfant(racine, "IconUrl").attributs.DefaultValue, 32],
    [enfant(racine, "HighResolutionIconUrl").attributs.DefaultValue, 64],
  ];
  for (const e of elements.filter((x) => x.local === "Image" && x.attributs.size)) {
    icones.push([definies.get(e.attributs.resid)!, Number(e.attributs.size)]);
  }
  for (const e of enfant(ressources, "Images").enfants) {
    const taille = Number(/icon-(\d+)\.png$/.exec(e.attributs.DefaultValue)?.[1]);
    icones.push([e.attributs.DefaultValue, taille]);
  }
  for (const [url, taille] of icones) {
    const fichier = path.join(RACINE, url.slice(ORIGINE.length));
    expect({ url, present: fs.existsSync(fichier) }).toEqual({ url, present: true });
    expect(taillePng(fichier)).toEqual([taille, taille]);
  }
});

test("one shared runtime: the functions' page is the task pane's, long-lived, SharedRuntime required", () => {
  const sets = elements.filter((e) => e.local === "Set").map((e) => [e.attributs.Name, e.attributs.MinVersion]);
  expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
  const runtimes = elements.filter((e) => e.local === "Runtime");
  expect(runtimes.map((r) => [r.attributs.resid, r.attributs.lifetime])).toEqual([["Taskpane.Url", "long"]]);
  const cf = elements.find((e) => e.local === "ExtensionPoint" && e.attributs[`{${NS_XSI}}type`] === "CustomFunctions")!;
  expect(enfant(enfant(cf, "Page"), "SourceLocation").attributs.resid).toBe("Taskpane.Url");
  const surBouton = elements.filter((e) => e.local === "Action").map((a) => enfant(a, "SourceLocation").attributs.resid);
  expect(surBouton).toEqual(["Taskpane.Url"]);
  expect(enfant(racine, "DefaultSettings").enfants[0].attributs.DefaultValue).toBe(definies.get("Taskpane.Url"));
});

describe("the manifest and the build agree", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await construireBundle("cdn");
  }, 300_000);

  test("the script, metadata and page URLs are files of the build", () => {
    for (const id of ["Functions.Script.Url", "Functions.Metadata.Url", "Taskpane.Url"]) {
      const url = definies.get(id)!;
      expect({ id, present: fs.existsSync(path.join(dist, url.slice(ORIGINE.length))) }).toEqual({ id, present: true });
    }
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(XML);
  });

  test("the functions live in the CNC namespace, with ids and names Excel accepts", () => {
    const cf = elements.find((e) => e.local === "ExtensionPoint" && e.attributs[`{${NS_XSI}}type`] === "CustomFunctions")!;
    const espace = definies.get(enfant(cf, "Namespace").attributs.resid);
    expect(espace).toBe("CNC");
    const meta = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
    for (const f of meta.functions as { id: string; name: string }[]) {
      // Excel: ids of letters, digits, underscores and periods; names starting with a letter, at least 3 characters.
      expect(f.id).toMatch(/^[A-Za-z0-9_.]+$/);
      expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9_.]{2,}$/);
      expect(`${espace}.${f.name}`.length).toBeLessThanOrEqual(128);
    }
  });
});
