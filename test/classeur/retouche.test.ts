/**
 * The writer that patches the input archive (retouche.ts) against the exceljs writer (ecrire.ts +
 * fidelite.ts), on every workbook fixture: both outputs read back by exceljs and by the project's
 * reader give the same cells (values, formulas, results, types, styles), the same sheets and the
 * same parts the tool does not own; every part the patch does not touch is the input's, octet for
 * octet. And the patch is refused (the exceljs writer is taken) where it could not say the same.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { calculerFichier, enregistrerEcriture, preparerEcriture, preparerRetouche, Repli, VARIABLE_ECRITURE } from "../../src/classeur";
import { lireClasseur } from "../../src/classeur/lire";
import { METADONNEES_TABLEAUX_DYNAMIQUES } from "../../src/classeur/fidelite";
import { retoucherFeuille } from "../../src/classeur/retouche";
import { classeurExcel365, FEUILLE_EXPLICATIONS, PLAN_FICTION } from "../fixtures/excel365";
import { FUZZ } from "../fuzz/parametres";
import { dossierTemporaire, ecrireCellules, ecrireModele, EXEMPLES } from "./outils";

const dossier = dossierTemporaire();
const raisonDe = (r: unknown) => (r instanceof Repli ? r.raison : "retouche prise");
let numero = 0;

async function parties(octets: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(octets);
  const m = new Map<string, Buffer>();
  for (const [nom, f] of Object.entries(zip.files)) if (!f.dir) m.set(nom, await f.async("nodebuffer"));
  return m;
}

/** Parts exceljs rewrites (their octets differ between the writers even when they mean the same). */
const ECRITES_PAR_EXCELJS = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(app|core)\.xml|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|calcChain\.xml|comments\d*\.xml)|xl\/(worksheets|theme|tables|drawings|externalLinks)\/.*)$/;

interface Sorties {
  rapide: string;
  lent: string;
  retouchees: string[];
}

/** Both writers on one input; null when the patch is refused (with its reason). */
async function deuxEcritures(chemin: string): Promise<Sorties | Repli> {
  const n = ++numero;
  const a = await calculerFichier(chemin);
  const retouche = preparerRetouche(a.lu, a.calcul, a.cellules);
  if (retouche instanceof Repli) return retouche;
  const ecriture = preparerEcriture(a.lu, a.calcul, a.cellules, {});
  expect("retouche" in ecriture).toBe(true);
  const rapide = join(dossier, `${n}.rapide.xlsx`);
  await enregistrerEcriture(ecriture, rapide);
  const b = await calculerFichier(chemin);
  const lente = preparerEcriture(b.lu, b.calcul, b.cellules, { [VARIABLE_ECRITURE]: "exceljs" });
  expect("raison" in lente && lente.raison).toBe(`${VARIABLE_ECRITURE}=exceljs`);
  const lent = join(dossier, `${n}.lent.xlsx`);
  await enregistrerEcriture(lente, lent);
  return { rapide, lent, retouchees: retouche.retouchees };
}

/** What exceljs reads of a workbook: each sheet's cells (type, value, formula, result, style) and its settings. */
async function vuExcelJS(chemin: string): Promise<unknown> {
  const c = new ExcelJS.Workbook();
  await c.xlsx.readFile(chemin);
  const feuilles: unknown[] = [];
  c.eachSheet((ws) => {
    const cellules: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      const formule = cell.type === ExcelJS.ValueType.Formula;
      cellules[cell.address] = {
        type: cell.type,
        valeur: formule ? undefined : cell.value,
        formule: formule ? cell.formula : undefined,
        resultat: formule ? (cell as unknown as { result: unknown }).result : undefined,
        partage: formule ? [v?.shareType, v?.ref] : undefined,
        style: cell.style,
      };
    }));
    feuilles.push({ nom: ws.name, cellules });
  });
  return { feuilles, noms: c.definedNames.model };
}

/** A sheet's settings as exceljs reads them (page setup, views, columns, merges, validations…), without its cells. */
async function reglagesExcelJS(chemin: string): Promise<unknown> {
  const c = new ExcelJS.Workbook();
  await c.xlsx.readFile(chemin);
  return c.worksheets.map((ws) => {
    const { rows: _lignes, ...reglages } = ws.model as unknown as Record<string, unknown>;
    return JSON.parse(JSON.stringify(reglages));
  });
}

/** What the project's reader takes out of a workbook. */
async function vuLecteur(chemin: string): Promise<unknown> {
  const lu = await lireClasseur(chemin);
  return { feuilles: lu.feuilles, formules: lu.formules, tables: [...lu.tables.entries()], noms: lu.noms };
}

/** Both outputs mean the same; the patched one keeps every untouched part of the input, octet for octet. */
async function verifierEquivalence(entree: string, s: Sorties): Promise<void> {
  expect(await vuExcelJS(s.rapide)).toEqual(await vuExcelJS(s.lent));
  expect(await vuLecteur(s.rapide)).toEqual(await vuLecteur(s.lent));
  // The settings are the input's: the patch does not touch them (exceljs's rewriting alters some, e.g. useFirstPageNumber).
  expect(await reglagesExcelJS(s.rapide)).toEqual(await reglagesExcelJS(entree));
  const avant = await parties(readFileSync(entree));
  const rapide = await parties(readFileSync(s.rapide));
  const lent = await parties(readFileSync(s.lent));
  expect([...rapide.keys()]).toEqual([...avant.keys()]);
  for (const [nom, octets] of avant) {
    if (s.retouchees.includes(nom)) continue;
    expect({ nom, egal: rapide.get(nom)!.equals(octets) }).toEqual({ nom, egal: true });
  }
  // The parts fidelite.ts restores for the exceljs writer (add-in, metadata, custom XML…): the same octets.
  for (const [nom, octets] of lent) {
    if (ECRITES_PAR_EXCELJS.test(nom)) continue;
    expect({ nom, egal: rapide.get(nom)?.equals(octets) }).toEqual({ nom, egal: true });
  }
}

describe("écriture par retouche du XML : mêmes classeurs que l'écriture par exceljs", () => {
  it.each(["catalogue.xlsx", "plan-financement.xlsx"])("exemple %s : retouche prise, même contenu relu", async (nom) => {
    const chemin = join(EXEMPLES, nom);
    const s = await deuxEcritures(chemin);
    if (s instanceof Repli) throw new Error(`repli inattendu : ${s.raison}`);
    expect(s.retouchees).toEqual(["xl/worksheets/sheet1.xml"]);
    await verifierEquivalence(chemin, s);
  }, 60_000);

  it("classeur Excel 365 : repli (référence [1]! réparée, lien externe), puis, une fois calculé, retouche prise avec débordement, cm et parties du complément", async () => {
    const chemin = join(dossier, "excel365.xlsx");
    writeFileSync(chemin, await classeurExcel365());
    const premier = await deuxEcritures(chemin);
    expect(premier).toBeInstanceOf(Repli);
    expect((premier as Repli).raison).toMatch(/\[1\]!/);
    // The exceljs writer's output: spill at its real size, reference repaired, metadata and add-in parts kept.
    const a = await calculerFichier(chemin);
    const calcule = join(dossier, "excel365.calcule.xlsx");
    await enregistrerEcriture(preparerEcriture(a.lu, a.calcul, a.cellules, {}), calcule);
    // Its spill (CNC.EXPLIQUER) holds empty texts: an inline empty string would read back as a blank cell.
    expect(raisonDe(await deuxEcritures(calcule))).toMatch(/Explications!\w+\d+ : texte vide dans une plage de débordement/);
    // Without that spill (its formula turned into its value): the patch, and every part of the add-in kept.
    const zip = await JSZip.loadAsync(readFileSync(calcule));
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", xml.replace(/(<c r="A1"[^>]*>)<f\b[^>]*>[^<]*<\/f>/, "$1"));
    const sansDebordement = join(dossier, "excel365.calcule.sans-debordement.xlsx");
    writeFileSync(sansDebordement, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const s = await deuxEcritures(sansDebordement);
    if (s instanceof Repli) throw new Error(`repli inattendu : ${s.raison}`);
    expect(s.retouchees).toEqual(["xl/worksheets/sheet1.xml"]);
    await verifierEquivalence(sansDebordement, s);
    const noms = [...(await parties(readFileSync(s.rapide))).keys()];
    for (const p of ["xl/metadata.xml", "xl/webextensions/webextension1.xml", "customXml/item1.xml", "docProps/custom.xml"]) expect(noms).toContain(p);
  }, 90_000);

  it("formules écrites CNC.… : réécrites _xldudf_CNC_… par la retouche comme par exceljs", async () => {
    const modele = await ecrireModele(join(dossier, "point.xlsx"), [PLAN_FICTION], "point");
    // Written by exceljs, its dynamic arrays have no cm: fidelite.ts would add them (and xl/metadata.xml), the patch does not.
    const a = await calculerFichier(modele);
    expect(raisonDe(preparerRetouche(a.lu, a.calcul, a.cellules))).toMatch(/tableau dynamique sans attribut cm/);
    // As Excel saves it: cm="1" and the metadata part.
    const zip = await JSZip.loadAsync(readFileSync(modele));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace(/<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g, '<c r="$1"$2 cm="1"><f t="array"'));
    zip.file("xl/metadata.xml", METADONNEES_TABLEAUX_DYNAMIQUES);
    zip.file("xl/_rels/workbook.xml.rels", (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rIdMd1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'));
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'));
    const chemin = join(dossier, "point-cm.xlsx");
    writeFileSync(chemin, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const s = await deuxEcritures(chemin);
    if (s instanceof Repli) throw new Error(`repli inattendu : ${s.raison}`);
    await verifierEquivalence(chemin, s);
    const ecrit = (await parties(readFileSync(s.rapide))).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(ecrit).toContain("_xldudf_CNC_APPORT_MIN(");
    expect(ecrit).not.toMatch(/<f[^>]*>[^<]*CNC\.[A-Z_]+\(/);
  }, 60_000);

  it("classeurs quelconques (fuzzing) : valeurs, textes à échapper, erreurs, booléens, vides", async () => {
    const valeur = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      // Subnormal numbers aside: the engine's export rounds them to NaN (a non-finite result is left to exceljs).
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) > 1e-300),
      fc.boolean(),
      fc.constantFrom("a & b", "<x>", "\"q\" 'a'", " espace ", "é€", "", "&amp;"),
      fc.constant(null),
    );
    const formule = fc.constantFrom("=A1+B1", "=A1&B1", "=IF(C1,\"<oui & non>\",\"\")", "=1/0", "=SUM(A1:D1)", "=ISBLANK(D1)", "=\"  x  \"", "=B1", "=NA()", "=TRUE()", "=D1");
    let comparees = 0;
    const cas = Math.max(10, Math.ceil(FUZZ.numRuns / 20));
    await fc.assert(fc.asyncProperty(fc.array(valeur, { minLength: 4, maxLength: 4 }), fc.array(fc.array(fc.oneof(valeur, formule), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 3 }), async (premiere, suivantes) => {
      // Formulas read only the first row, which holds values: no circular reference.
      const lignes = [premiere, ...suivantes];
      const chemin = await ecrireCellules(join(dossier, `fuzz${++numero}.xlsx`), { Feuille: lignes });
      const s = await deuxEcritures(chemin);
      if (s instanceof Repli) throw new Error(`repli inattendu : ${s.raison}`);
      await verifierEquivalence(chemin, s);
      comparees++;
    }), { seed: FUZZ.seed, numRuns: cas });
    expect(comparees).toBe(cas);
  }, 120_000);
});

describe("repli vers l'écriture par exceljs : chaque cas que la retouche ne sait pas dire exactement", () => {
  const modif = (adresse: string, m: Partial<{ valeur: number | string | null; ancre: boolean; texte: string | null; ref: string | null; dynamique: boolean }>) =>
    new Map([[adresse, { valeur: 1, ancre: true, texte: null, ref: null, dynamique: false, ...m }]]);
  const feuille = (cellules: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cellules}</row></sheetData></worksheet>`;
  const raison = (r: unknown) => (r instanceof Repli ? r.raison : `retouchée : ${typeof r === "string" ? r : "archive"}`);

  it("une formule simple : seule sa valeur change, le reste de la feuille est gardé tel quel", () => {
    const xml = feuille('<c r="A1" s="3" t="str"><f>B1&amp;"x"</f><v>ancien</v></c><c r="B1"><v>2</v></c>');
    expect(retoucherFeuille(xml, modif("A1", { valeur: 7 }))).toBe(feuille('<c r="A1" s="3"><f>B1&amp;"x"</f><v>7</v></c><c r="B1"><v>2</v></c>'));
    expect(retoucherFeuille(xml, modif("A1", { valeur: "a<b & c" }))).toBe(feuille('<c r="A1" s="3" t="str"><f>B1&amp;"x"</f><v>a&lt;b &amp; c</v></c><c r="B1"><v>2</v></c>'));
    expect(retoucherFeuille(xml, modif("A1", { valeur: null }))).toBe(feuille('<c r="A1" s="3"><f>B1&amp;"x"</f></c><c r="B1"><v>2</v></c>'));
  });

  it("une cellule de débordement : valeur simple, texte en chaîne en ligne", () => {
    const xml = feuille('<c r="A1"><f t="array" ref="A1:B1">X()</f><v>1</v></c><c r="B1" t="s"><v>4</v></c>');
    const m = new Map([
      ["A1", { valeur: 2, ancre: true, texte: null, ref: "A1:B1", dynamique: false }],
      ["B1", { valeur: " deux ", ancre: false, texte: null, ref: null, dynamique: false }],
    ]);
    expect(retoucherFeuille(xml, m)).toBe(feuille('<c r="A1"><f t="array" ref="A1:B1">X()</f><v>2</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> deux </t></is></c>'));
  });

  it.each([
    ["cellule absente", feuille('<c r="B1"><v>2</v></c>'), modif("A1", {}), /absente/],
    ["cellule de débordement absente, avec une valeur", feuille(""), modif("A1", { ancre: false }), /absente/],
    ["cellule sans adresse", feuille('<c s="1"><v>2</v></c><c r="A1"><f>1</f></c>'), modif("A1", {}), /sans adresse/],
    ["feuille préfixée", feuille('<c r="A1"><f>1</f></c>').replace(/<(\/?)(sheetData|row|c|f)\b/g, "<$1x:$2"), modif("A1", {}), /sheetData/],
    ["formule partagée dont le texte change", feuille('<c r="A1"><f t="shared" ref="A1:A2" si="0">CNC.X()</f><v>1</v></c>'), modif("A1", { texte: "_xldudf_CNC_X()" }), /partagée/],
    ["table de données", feuille('<c r="A1"><f t="dataTable" ref="A1:B2" dt2D="1" r1="C1"/><v>1</v></c>'), modif("A1", {}), /dataTable/],
    ["plage matricielle différente", feuille('<c r="A1"><f t="array" ref="A1:A3">X()</f><v>1</v></c>'), modif("A1", { ref: "A1:A2" }), /plage/],
    ["tableau dynamique sans cm", feuille('<c r="A1"><f t="array" ref="A1">X()</f><v>1</v></c>'), modif("A1", { ref: "A1", dynamique: true }), /cm/],
    ["élément inattendu dans la cellule", feuille('<c r="A1"><f>1</f><v>1</v><extLst/></c>'), modif("A1", {}), /inattendu/],
    ["formule dans une cellule de débordement", feuille('<c r="A1"><f>1</f><v>1</v></c>'), modif("A1", { ancre: false }), /débordement/],
    ["attributs entre apostrophes", feuille("<c r='A1' t='str'><f>1</f><v>1</v></c><c r=\"A1\"/>"), modif("A1", {}), /adresse|apostrophes/],
  ])("%s", (_nom, xml, m, attendu) => {
    expect(raison(retoucherFeuille(xml, m))).toMatch(attendu);
  });

  it("débordement dont la taille change (classeur Excel 365) et cm absent : l'écriture par exceljs, qui les pose", async () => {
    // The fixture without its broken reference: the spill saved 5 rows high is what is left to refuse.
    const zip = await JSZip.loadAsync(await classeurExcel365());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace(/<c r="G7"[^>]*>[\s\S]*?<\/c>/, ""));
    const chemin = join(dossier, "excel365-sans-lien.xlsx");
    writeFileSync(chemin, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const a = await calculerFichier(chemin);
    const r = preparerRetouche(a.lu, a.calcul, a.cellules);
    expect(raison(r)).toMatch(/A1 : plage de débordement A1:G5 devenue A1:/);
    const e = preparerEcriture(a.lu, a.calcul, a.cellules, {});
    expect("raison" in e).toBe(true);
  }, 60_000);

  it(`${VARIABLE_ECRITURE}=exceljs force l'écriture par exceljs`, async () => {
    const a = await calculerFichier(join(EXEMPLES, "plan-financement.xlsx"));
    const e = preparerEcriture(a.lu, a.calcul, a.cellules, { [VARIABLE_ECRITURE]: "exceljs" });
    expect("raison" in e && e.raison).toBe(`${VARIABLE_ECRITURE}=exceljs`);
  }, 60_000);
});
