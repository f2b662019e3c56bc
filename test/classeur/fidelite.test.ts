/**
 * Issue 16, file fidelity: a workbook shaped like what Excel 365 saves (test/fixtures/excel365.ts)
 * goes through `cnc-rga calculer`, and everything the tool does not own comes out as it went in —
 * the add-in's parts byte for byte, the dynamic-array metadata and `cm` attributes, custom parts,
 * the data validations as Excel wrote them — while `_xlfn.SINGLE(…)` and the broken reference
 * `[1]!_xldudf_CNC_…` are computed, and every formula of ours is written `_xldudf_CNC_…`.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { parseDossier } from "../../src/dossier";
import { LIBELLES_STATUT } from "../../src/render/texte";
import { evaluer } from "../../src/rules";
import { rectangle } from "../../src/modele";
import { CELLULE_CASSEE, CELLULE_SINGLE, classeurExcel365, classeurOds, PARTIES_ETRANGERES, PLAN_FICTION } from "../fixtures/excel365";
import { dossierTemporaire, ecrireModele, EXEMPLES, lancer, lireClasseurExcelJS, resultat } from "./outils";

const dossier = dossierTemporaire();

/** Parts the tool owns (rewritten by exceljs) or drops on purpose (calcChain, the repaired external link). */
const POSSEDEES = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(app|core)\.xml|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|calcChain\.xml|comments\d*\.xml)|xl\/(worksheets|theme|tables|drawings|externalLinks)\/.*)$/;

async function parties(octets: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(octets);
  const m = new Map<string, Buffer>();
  for (const [nom, f] of Object.entries(zip.files)) if (!f.dir) m.set(nom, await f.async("nodebuffer"));
  return m;
}

const texte = (m: Map<string, Buffer>, nom: string) => m.get(nom)?.toString("utf8") ?? "";

/** Every <f> of every sheet of an archive. */
function formules(m: Map<string, Buffer>): string[] {
  return [...m.entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).flatMap(([, b]) => [...b.toString("utf8").matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((x) => x[1]));
}

const validations = (xml: string) => /<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(xml)?.[0];

describe("calculer sur un classeur enregistré par Excel 365", () => {
  let entree: Map<string, Buffer>;
  let sortie: Map<string, Buffer>;
  let out: string;
  let cheminSortie: string;
  beforeAll(async () => {
    const octets = await classeurExcel365();
    const chemin = join(dossier, "excel365.xlsx");
    writeFileSync(chemin, octets);
    cheminSortie = join(dossier, "excel365.calcule.xlsx");
    const r = await lancer("calculer", chemin, "-o", cheminSortie);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    out = r.out;
    entree = await parties(octets);
    sortie = await parties(readFileSync(cheminSortie));
  }, 60_000);

  it("chaque partie que l'outil ne possède pas ressort octet pour octet (compléments, métadonnées, XML personnalisé)", () => {
    const etrangeres = [...entree.keys()].filter((n) => !POSSEDEES.test(n));
    expect(etrangeres.sort()).toEqual([...PARTIES_ETRANGERES].sort());
    for (const nom of etrangeres) expect({ nom, egal: sortie.get(nom)?.equals(entree.get(nom)!) }).toEqual({ nom, egal: true });
  });

  it("les parties restaurées restent reliées : relations du paquet et du classeur, types de contenu", () => {
    const paquet = texte(sortie, "_rels/.rels");
    expect(paquet).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2011\/relationships\/webextensiontaskpanes" Target="xl\/webextensions\/taskpanes\.xml"/);
    expect(paquet).toMatch(/relationships\/custom-properties" Target="docProps\/custom\.xml"/);
    const classeur = texte(sortie, "xl/_rels/workbook.xml.rels");
    expect(classeur).toMatch(/relationships\/sheetMetadata" Target="metadata\.xml"/);
    expect(classeur).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    // The broken link is repaired, not restored: no external link left.
    expect(classeur).not.toMatch(/externalLink/);
    const types = texte(sortie, "[Content_Types].xml");
    for (const p of ["/xl/metadata.xml", "/xl/webextensions/taskpanes.xml", "/xl/webextensions/webextension1.xml", "/customXml/itemProps1.xml", "/docProps/custom.xml"]) expect(types).toContain(`PartName="${p}"`);
  });

  it("tableaux dynamiques : cm=\"1\" et t=\"array\" gardés sur chaque formule CNC, le débordement à sa taille réelle", () => {
    const plan = texte(sortie, "xl/worksheets/sheet1.xml");
    for (const r of PLAN_FICTION.resultats) expect(plan).toMatch(new RegExp(`<c r="${r.adresse}"[^>]*\\scm="1"[^>]*><f t="array" ref="${r.adresse}">_xldudf_CNC_`));
    const explications = texte(sortie, "xl/worksheets/sheet2.xml");
    const ancre = /<c r="A1"[^>]*\scm="1"[^>]*><f t="array" ref="([A-Z0-9:]+)">_xldudf_CNC_EXPLIQUER/.exec(explications);
    expect(ancre).not.toBeNull();
    expect(rectangle(ancre![1]).bas).toBeGreaterThan(5);
  });

  it("validations de données telles qu'Excel les a écrites : ni doublées ni qui se chevauchent", () => {
    const avant = validations(texte(entree, "xl/worksheets/sheet1.xml"));
    const apres = validations(texte(sortie, "xl/worksheets/sheet1.xml"));
    expect(apres).toBe(avant);
    const plages = [...apres!.matchAll(/sqref="([^"]*)"/g)].flatMap((m) => m[1].split(" ")).map(rectangle);
    for (let i = 0; i < plages.length; i++) {
      for (let j = i + 1; j < plages.length; j++) {
        const [a, b] = [plages[i], plages[j]];
        expect({ i, j, chevauche: a.gauche <= b.droite && b.gauche <= a.droite && a.haut <= b.bas && b.haut <= a.bas }).toEqual({ i, j, chevauche: false });
      }
    }
  });

  it("_xlfn.SINGLE (l'opérateur @) est calculé : la valeur de la fonction", async () => {
    const ws = (await lireClasseurExcelJS(cheminSortie)).getWorksheet(PLAN_FICTION.nom)!;
    const v = evaluer(parseDossier({
      genre: "fiction", dateDemande: "2023-03-16", destination: "television", aide: "automatique", dureeMinutes: 416, dureeEpisodeMinutes: 52,
      coutDefinitif: 4000000, coproductionInternationale: false, apportInitial: 1070000, apportNumeraireTelevision: 800000, apportNumeraireSmad: 120000,
      dateContrat: "2022-09-01", dateFinTournage: "2023-05-31", pointsCreation: 34, pointsFabrication: 41,
    }));
    expect(resultat(ws, CELLULE_SINGLE)).toBe(LIBELLES_STATUT[v.apportInitial.statut]);
    expect(ws.getCell(CELLULE_SINGLE).formula).toMatch(/^_xlfn\.SINGLE\(_xldudf_CNC_STATUT\(/);
  });

  it("[1]!_xldudf_CNC_APPORT_MIN : calculé, réécrit sans le lien, et le résumé dit que la référence a été réparée", async () => {
    const ws = (await lireClasseurExcelJS(cheminSortie)).getWorksheet(PLAN_FICTION.nom)!;
    const minimum = PLAN_FICTION.resultats.find((r) => r.cle === "apportMinimum")!.adresse;
    expect(resultat(ws, CELLULE_CASSEE)).toBe(resultat(ws, minimum));
    expect(resultat(ws, CELLULE_CASSEE)).toBe(1000000);
    expect(ws.getCell(CELLULE_CASSEE).formula).toMatch(/^_xldudf_CNC_APPORT_MIN\(/);
    expect(out).toContain("Références au complément réparées : 1");
    expect(out).toContain(`« Plan de financement »!${CELLULE_CASSEE} : =[1]!_xldudf_CNC_APPORT_MIN(`);
  });

  it("un second passage ne change rien : mêmes valeurs, mêmes parties étrangères", async () => {
    const encore = join(dossier, "excel365.encore.xlsx");
    const r = await lancer("calculer", cheminSortie, "-o", encore, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.differences).toEqual([]);
    expect(j.referencesReparees).toEqual([]);
    const deux = await parties(readFileSync(encore));
    for (const nom of PARTIES_ETRANGERES) expect({ nom, egal: deux.get(nom)?.equals(entree.get(nom)!) }).toEqual({ nom, egal: true });
  }, 60_000);
});

describe("l'orthographe qu'Excel relie au complément", () => {
  it("chaque fichier écrit par nos outils appelle nos fonctions _xldudf_CNC_…, jamais CNC.… (octets lus dans l'archive)", async () => {
    // A workbook written with the add-in's spelling CNC.… (as Office.js shows it), then computed.
    const point = await ecrireModele(join(dossier, "point.xlsx"), [PLAN_FICTION], "point");
    expect(formules(await parties(readFileSync(point))).some((f) => /(^|[^_A-Za-z])CNC\.[A-Z_]+\(/.test(f))).toBe(true);
    const calcule = join(dossier, "point.calcule.xlsx");
    expect((await lancer("calculer", point, "-o", calcule)).code).toBe(0);
    for (const fichier of [calcule, join(EXEMPLES, "plan-financement.xlsx"), join(EXEMPLES, "catalogue.xlsx")]) {
      const f = formules(await parties(readFileSync(fichier)));
      expect({ fichier, point: f.filter((x) => /(^|[^_A-Za-z])CNC\.[A-Z_]+\(/.test(x)) }).toEqual({ fichier, point: [] });
      expect(f.some((x) => x.includes("_xldudf_CNC_"))).toBe(true);
    }
  }, 60_000);

  it("les exemples : formules CNC en tableaux dynamiques (cm=\"1\", xl/metadata.xml) et valeurs calculées enregistrées", async () => {
    for (const nom of ["plan-financement.xlsx", "catalogue.xlsx"]) {
      const m = await parties(readFileSync(join(EXEMPLES, nom)));
      expect(texte(m, "xl/metadata.xml")).toContain('name="XLDAPR"');
      expect(texte(m, "xl/_rels/workbook.xml.rels")).toContain("relationships/sheetMetadata");
      const feuille = texte(m, "xl/worksheets/sheet1.xml");
      const cnc = [...feuille.matchAll(/<c\b([^>]*)><f\b([^>]*)>(_xldudf_CNC_[^<]*)<\/f>(<v>[^<]*<\/v>)?/g)];
      expect(cnc.length).toBeGreaterThan(0);
      for (const c of cnc) {
        expect({ nom, cm: /\scm="1"/.test(c[1]), tableau: /t="array"/.test(c[2]) }).toEqual({ nom, cm: true, tableau: true });
        // A value saved with each result: a reader without the add-in shows it.
        expect({ nom, formule: c[3], valeur: c[4] !== undefined }).toEqual({ nom, formule: c[3], valeur: true });
      }
      // No full recalculation on opening: without the add-in, it would turn every result into #NAME?.
      expect(texte(m, "xl/workbook.xml")).not.toMatch(/fullCalcOnLoad="1"/);
    }
  });
});

describe("fichiers OpenDocument", () => {
  it("un .ods : message clair qui demande un .xlsx (et non « ne contient aucune feuille »)", async () => {
    const ods = join(dossier, "plan.ods");
    writeFileSync(ods, await classeurOds());
    // The same content under a .xlsx name: recognised by its bytes, not only by its extension.
    const deguise = join(dossier, "plan-ods.xlsx");
    writeFileSync(deguise, await classeurOds());
    for (const fichier of [ods, deguise]) {
      for (const cmd of ["calculer", "verifier"]) {
        const r = await lancer(cmd, fichier);
        expect(r.code).toBe(2);
        expect(r.err).toContain("est un classeur OpenDocument (.ods, le format de LibreOffice)");
        expect(r.err).toContain("Enregistrez-le au format .xlsx");
        expect(r.err).not.toContain("aucune feuille");
      }
    }
  });
});
