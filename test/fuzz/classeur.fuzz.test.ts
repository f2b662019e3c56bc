/**
 * Fuzzing the workbook reader through `cnc-rga calculer` and `cnc-rga verifier` (main() in-process):
 * the example plan truncated at any offset, with bytes overwritten, with one of its XML parts damaged
 * and re-zipped, with wrong content types; random bytes; forged references over the whole grid;
 * formulas that read sheets that do not exist; and a very large sheet. Each run ends — jest's timeout
 * bounds it — with exit 0, or exit 2 and a French message on stderr naming the file, sheet or cell;
 * never a stack trace, never "erreur inattendue", never a half-written output file.
 *
 * The large sheet is a catalogue of CNC_FUZZ_LIGNES rows (20 000 in `npm test`, 100 000 under
 * `npm run fuzz`); its memory (rss before and after, peak of the process) is written to
 * test-output/fuzz-classeur-memoire.json.
 */
import fc from "fast-check";
import * as fs from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { plagesTropGrandes } from "../../src/classeur/formules";
import { main } from "../../src/cli/main";
import { FUZZ } from "./parametres";

const RACINE = path.resolve(__dirname, "../..");
const PLAN = fs.readFileSync(path.join(RACINE, "examples/plan-financement.xlsx"));
const dossier = fs.mkdtempSync(path.join(tmpdir(), "cnc-fuzz-classeur-"));
/** Cases per property: a workbook run costs ~100 ms, a hundred times a JSON one. */
const CAS = Math.max(10, Math.ceil(FUZZ.numRuns / 10));
const LIGNES = Number(process.env.CNC_FUZZ_LIGNES ?? (process.env.CNC_FUZZ_RUNS ? 100_000 : 20_000));

interface Issue {
  code: number;
  /** The first 4 000 characters of stdout, and its full length. */
  out: string;
  longueur: number;
  err: string;
  sortie: string;
}

let n = 0;

/** Runs `cnc-rga <commande> fichier` on these bytes; stdout is kept short so a huge report costs nothing here. */
async function lancer(commande: "calculer" | "verifier", octets: Uint8Array, ...options: string[]): Promise<Issue> {
  const fichier = path.join(dossier, `c${n++}.xlsx`);
  fs.writeFileSync(fichier, octets);
  const sortie = path.join(dossier, `c${n}.calcule.xlsx`);
  const args = commande === "calculer" ? ["calculer", fichier, "-o", sortie, ...options] : ["verifier", fichier, ...options];
  let out = "";
  let longueur = 0;
  let err = "";
  const code = await main(["node", "cnc-rga", ...args], {
    out: (t) => {
      longueur += t.length;
      if (out.length < 4000) out += t.slice(0, 4000 - out.length);
    },
    err: (t) => { err += t; },
  });
  return { code, out, longueur, err, sortie };
}

/** What every run must give: 0, or 2 with a French message naming something; no trace, no stray file. */
function verifier(r: Issue, commande: "calculer" | "verifier"): void {
  expect([0, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/\n\s+at |erreur inattendue/);
  // exceljs's own reason, in parentheses after "lisible", may be technical; the rest is ours.
  expect(r.err.replace(/lisible \(.*\)\.\n$/s, "")).not.toMatch(/undefined|\[object |NaN/);
  if (r.code === 2) {
    expect(r.err).toMatch(/^cnc-rga : /);
    // The file, the sheet, the cell or the table at fault is named, between « ».
    expect(r.err).toMatch(/«[^»]+»/);
    expect(r.longueur).toBe(0);
    if (commande === "calculer") expect(fs.existsSync(r.sortie)).toBe(false);
  } else {
    expect(r.longueur).toBeGreaterThan(0);
    if (commande === "calculer") expect(fs.existsSync(r.sortie)).toBe(true);
  }
  // A stray temporary file fails this run; it is removed so that shrinking starts clean on the next.
  const temporaires = fs.readdirSync(dossier).filter((f) => f.endsWith(".tmp"));
  for (const f of temporaires) fs.rmSync(path.join(dossier, f), { force: true });
  expect(temporaires).toEqual([]);
}

const commande = fc.constantFrom<"calculer" | "verifier">("calculer", "verifier");

/** The plan with one part replaced (re-zipped as a valid archive). */
async function avecPartie(modifier: (zip: JSZip) => Promise<void> | void, depart: Buffer = PLAN): Promise<Buffer> {
  const zip = await JSZip.loadAsync(depart);
  await modifier(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function partie(zip: JSZip, nom: string): Promise<string> {
  return zip.file(nom)!.async("string");
}

const FEUILLE = "xl/worksheets/sheet1.xml";
let PARTIES: string[] = [];
let VERDICT_PLAN = "";

beforeAll(async () => {
  const zip = await JSZip.loadAsync(PLAN);
  PARTIES = Object.keys(zip.files).filter((nom) => !zip.files[nom].dir);
  const r = await lancer("verifier", PLAN, "--json");
  expect(r.code).toBe(0);
  VERDICT_PLAN = r.out;
}, 60_000);

afterAll(() => {
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe("fuzzing du lecteur de classeurs (calculer, verifier)", () => {
  it("le plan tronqué à n'importe quel octet : refusé, archive illisible, le fichier nommé", async () => {
    await fc.assert(fc.asyncProperty(fc.nat({ max: PLAN.length - 1 }), commande, async (longueur, cmd) => {
      const r = await lancer(cmd, PLAN.subarray(0, longueur));
      verifier(r, cmd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/n'est pas un classeur Excel \(\.xlsx\)/);
    }), { ...FUZZ, numRuns: CAS });
  }, 600_000);

  it("des octets quelconques, avec ou sans la signature d'une archive zip", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom("", "PK", "PK\u0003\u0004", "PK\u0005\u0006"), commande, async (octets, entete, cmd) => {
      const r = await lancer(cmd, Buffer.concat([Buffer.from(entete, "latin1"), octets]));
      verifier(r, cmd);
      expect(r.code).toBe(2);
    }), { ...FUZZ, numRuns: CAS });
  }, 600_000);

  it("le plan avec des octets écrasés n'importe où", async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: PLAN.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), commande, async (ecrasements, cmd) => {
      const octets = Buffer.from(PLAN);
      for (const [i, v] of ecrasements) octets[i] = v;
      verifier(await lancer(cmd, octets), cmd);
    }), { ...FUZZ, numRuns: CAS });
  }, 600_000);

  it("une partie XML abîmée (coupée, amputée, doublée, caractères et références hostiles), l'archive restant valide", async () => {
    const insertions = ["<", ">", "\"", "&", "\u0000", "]]>", "<c r=\"ZZZZ99999999\">", "<c r=\"A0\"><v>1</v></c>", "<f>Absente!A1</f>", "<f>#REF!</f>", "<v>abc</v>", "<f t=\"array\" ref=\"A1:XFD1048576\">SUM(1)</f>", "<definedName name=\"Tout\">Plan!$A$1:$XFD$1048576</definedName>"];
    const remplacements = ["0", "-1", "1048577", "99999999999", "1e9", "NaN", "A1:XFD1048576", "B2:A1", "", "Z", "A1:A9999999"];
    const operation = fc.oneof(
      fc.record({ type: fc.constant("couper" as const), a: fc.nat() }),
      fc.record({ type: fc.constant("amputer" as const), a: fc.nat(), l: fc.nat({ max: 300 }) }),
      fc.record({ type: fc.constant("doubler" as const), a: fc.nat(), l: fc.nat({ max: 300 }) }),
      fc.record({ type: fc.constant("inserer" as const), a: fc.nat(), texte: fc.oneof(fc.constantFrom(...insertions), fc.string({ maxLength: 8 })) }),
      fc.record({ type: fc.constant("attribut" as const), nom: fc.constantFrom("ref", "sqref", "r", "count", "sheetId", "t", "s", "name"), k: fc.nat({ max: 40 }), valeur: fc.constantFrom(...remplacements) }),
    );
    await fc.assert(fc.asyncProperty(fc.nat(), operation, commande, async (i, op, cmd) => {
      const nom = PARTIES[i % PARTIES.length];
      const octets = await avecPartie(async (zip) => {
        let t = await partie(zip, nom);
        const a = "a" in op ? op.a % (t.length + 1) : 0;
        if (op.type === "couper") t = t.slice(0, a);
        else if (op.type === "amputer") t = t.slice(0, a) + t.slice(a + op.l);
        else if (op.type === "doubler") t = t.slice(0, a + op.l) + t.slice(a, a + op.l) + t.slice(a + op.l);
        else if (op.type === "inserer") t = t.slice(0, a) + op.texte + t.slice(a);
        else {
          // The k-th attribute of that name gets the hostile value.
          let vus = 0;
          t = t.replace(new RegExp(`\\b${op.nom}="[^"]*"`, "g"), (x) => (vus++ === op.k ? `${op.nom}="${op.valeur}"` : x));
        }
        zip.file(nom, t);
      });
      verifier(await lancer(cmd, octets), cmd);
    }), { ...FUZZ, numRuns: CAS });
  }, 1_800_000);

  describe("types de contenu faux ou absents : exceljs ne les lit pas, le verdict ne change pas", () => {
    const cas: [string, (zip: JSZip) => Promise<void> | void][] = [
      ["sans [Content_Types].xml", (zip) => { zip.remove("[Content_Types].xml"); }],
      ["[Content_Types].xml illisible", (zip) => { zip.file("[Content_Types].xml", "<Types"); }],
      ["types d'un document Word", async (zip) => {
        const t = await partie(zip, "[Content_Types].xml");
        zip.file("[Content_Types].xml", t.replace(/spreadsheetml\.sheet\.main\+xml/g, "wordprocessingml.document.main+xml").replace(/spreadsheetml\.worksheet\+xml/g, "wordprocessingml.document+xml"));
      }],
    ];
    it.each(cas)("%s", async (_nom, modifier) => {
      const octets = await avecPartie(modifier);
      const r = await lancer("verifier", octets, "--json");
      verifier(r, "verifier");
      expect(r.code).toBe(0);
      expect(r.out).toBe(VERDICT_PLAN);
    });

    it("une archive Word (aucune feuille) : refusée, « ne contient aucune feuille »", async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      zip.file("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
      for (const cmd of ["calculer", "verifier"] as const) {
        const r = await lancer(cmd, await zip.generateAsync({ type: "nodebuffer" }));
        verifier(r, cmd);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/ne contient aucune feuille/);
      }
    });
  });
});

/**
 * What the fuzzing found: each of these exhausted memory (the process died, no message) or looped
 * over 17 billion cells before the fixes in src/classeur.
 */
describe("régressions : références sur toute la grille", () => {
  const remplacer = (nom: string, motif: string | RegExp, par: string) => avecPartie(async (zip) => {
    const t = await partie(zip, nom);
    const u = t.replace(motif, par);
    if (u === t) throw new Error(`motif absent de ${nom} : ${String(motif)}`);
    zip.file(nom, u);
  });

  it.each([
    ["une validation de données sur toute la feuille", () => remplacer(FEUILLE, /sqref="B45"/, 'sqref="A1:XFD1048576"'), /la feuille « Plan de financement », les validations de données .* couvrent 17\s179\s869\s\d+ cellules/],
    ["des cellules fusionnées sur toute la feuille", () => remplacer(FEUILLE, "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'), /la feuille « Plan de financement », les cellules fusionnées couvrent 17\s179\s869\s184 cellules/],
    ["une table à la référence illisible", () => remplacer("xl/tables/table2.xml", /ref="[^"]*"/, 'ref="Z"'), /table « Financements » de la feuille « Plan de financement » : référence « Z » illisible/],
    ["une table hors de la grille d'Excel", () => remplacer("xl/tables/table2.xml", /ref="[^"]*"/, 'ref="A1:A9999999"'), /la plage « A1:A9999999 » sort de la grille d'Excel/],
  ] as const)("%s : refusée avant de lire, la feuille nommée", async (_nom, fabriquer, message) => {
    const octets = await fabriquer();
    for (const cmd of ["calculer", "verifier"] as const) {
      const r = await lancer(cmd, octets);
      verifier(r, cmd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  }, 60_000);

  it.each([
    ["une table Dossier étendue à toute la grille", () => remplacer("xl/tables/table1.xml", /ref="A43:C\d+"/, 'ref="A43:XFD1048576"'), true],
    ["un débordement enregistré sur toute la grille", () => remplacer(FEUILLE, /<c r="E36"([^>]*)><f>/, '<c r="E36"$1><f t="array" ref="E36:XFD1048576">'), true],
    // Writing a million validation entries back takes exceljs ~20 s: calculer is left to the fuzz budget.
    ["une validation sur une colonne entière (courant dans Excel)", () => remplacer(FEUILLE, /sqref="B45"/, 'sqref="B1:B1048576"'), Boolean(process.env.CNC_FUZZ_RUNS)],
  ] as const)("%s : lu borné à ce que la feuille contient, même verdict", async (_nom, fabriquer, calculer) => {
    const octets = await fabriquer();
    const r = await lancer("verifier", octets, "--json");
    verifier(r, "verifier");
    expect(r.code).toBe(0);
    expect(r.out).toBe(VERDICT_PLAN);
    if (calculer) verifier(await lancer("calculer", octets), "calculer");
  }, 300_000);

  /** A workbook with a small dossier and one formula in D1. */
  /** A workbook with a small dossier, a note in A300 (so that whole columns hold 300 rows) and one formula in D1. */
  async function avecFormule(formule: string): Promise<Buffer> {
    const classeur = new ExcelJS.Workbook();
    const ws = classeur.addWorksheet("Plan");
    const lignes: [string, ExcelJS.CellValue][] = [["genre", "fiction"], ["coutDefinitif", 1_000_000], ["apportInitial", 250_000], ["dureeMinutes", 90], ["apportNumeraireTelevision", 200_000], ["dateDemande", "2023-03-01"]];
    lignes.forEach((l) => ws.addRow(l));
    ws.getCell("A300").value = "note";
    ws.getCell("D1").value = { formula: formule } as ExcelJS.CellFormulaValue;
    return Buffer.from(await classeur.xlsx.writeBuffer());
  }

  it.each([
    ["SUM(A1:XFD1048576)", "A1:XFD1048576"],
    ["_xldudf_CNC_STATUT(A1:XFD1048576,\"apport\")", "A1:XFD1048576"],
    ["SUM(1:1048576)", "1:1048576"],
    ["SUM($E$1:$F$1048576)", "$E$1:$F$1048576"],
    // Whole columns cost what the sheet uses of them: 16 384 columns × 300 rows.
    ["_xldudf_CNC_STATUT(A:XFD,\"apport\")", "A:XFD"],
  ])("une formule sur une plage immense =%s : refusée, la cellule et la plage nommées", async (formule, plage) => {
    const r = await lancer("calculer", await avecFormule(formule));
    verifier(r, "calculer");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`« Plan »!D1 : la plage « ${plage} » couvre`);
  }, 60_000);

  it.each([
    ["sur toute la grille", "'Plan de financement'!$A$1:$XFD$1048576", /les noms définis couvrent 17\s179\s869\s184 cellules \(le plus grand, « Tout »/],
    ["sur deux colonnes entières et un peu plus", "'Plan de financement'!$A$1:$B$1048576,'Plan de financement'!$D$1:$D$3", /les noms définis couvrent 2\s097\s155 cellules/],
  ])("un nom défini %s : refusé avant de lire, en le nommant", async (_nom, reference, message) => {
    // The example already holds defined names (its print area and titles): one more among them.
    const octets = await remplacer("xl/workbook.xml", "<definedNames>", `<definedNames><definedName name="Tout">${reference.replace(/'/g, "&apos;")}</definedName>`);
    for (const cmd of ["calculer", "verifier"] as const) {
      const r = await lancer(cmd, octets);
      verifier(r, cmd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  }, 60_000);

  it("un nom défini sur deux colonnes entières : lu (exceljs le permet), mais refusé au calcul en le nommant", async () => {
    const octets = await remplacer("xl/workbook.xml", "<definedNames>", "<definedNames><definedName name=\"Colonne\">'Plan de financement'!$E$1:$F$1048576</definedName>");
    const r = await lancer("verifier", octets);
    verifier(r, "verifier");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nom défini « Colonne » : la plage « \$E\$1:\$F\$1048576 » couvre 2\s097\s152 cellules/);
  }, 60_000);

  it("le repérage des plages : textes entre guillemets et noms de feuilles ignorés, colonnes et lignes entières comptées sur l'étendue utilisée", () => {
    const etendue = { lignes: 300, colonnes: 8 };
    expect(plagesTropGrandes('=COUNTIF(A1:A5,"A1:XFD9")+SUM(\'A1:XFD9\'!B2:C3)', etendue)).toEqual([]);
    expect(plagesTropGrandes("=SUM(A:Z)+SUM(Plan!A:B)+SUM(1:10)+SUM(A1:A1048576)", etendue)).toEqual([]);
    expect(plagesTropGrandes("=SUM(Plan!$A:$XFD)", etendue)).toEqual([{ plage: "$A:$XFD", cellules: 16_384 * 300 }]);
    expect(plagesTropGrandes("=SUM($1:$1048576)", etendue)).toEqual([{ plage: "$1:$1048576", cellules: 1_048_576 * 8 }]);
    expect(plagesTropGrandes("=SUM(A1 : B1048576)", etendue)).toEqual([{ plage: "A1:B1048576", cellules: 2 * 1_048_576 }]);
  });

  it("des colonnes entières (A:B) restent permises : CNC.STATUT(A:B) calcule le dossier", async () => {
    const r = await lancer("calculer", await avecFormule("_xldudf_CNC_STATUT(A:B,\"apport\")"));
    verifier(r, "calculer");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/« Plan »!D1 = « (non )?conforme »/);
  }, 60_000);
});

describe("formules qui lisent une feuille absente", () => {
  async function classeur(cellules: [string, ExcelJS.CellValue][]): Promise<Buffer> {
    const c = new ExcelJS.Workbook();
    const ws = c.addWorksheet("Plan");
    for (const [adresse, v] of cellules) ws.getCell(adresse).value = v;
    return Buffer.from(await c.xlsx.writeBuffer());
  }
  const dossierPlan: [string, ExcelJS.CellValue][] = [["A1", "genre"], ["B1", "fiction"], ["A2", "coutDefinitif"], ["B2", 1_000_000], ["A3", "apportInitial"], ["B3", 250_000], ["A4", "dureeMinutes"], ["B4", 90], ["A5", "dateDemande"], ["B5", "2023-03-01"]];

  it.each(["Absente!A1+1", "SUM('Feuille absente'!A1:A3)", "_xldudf_CNC_STATUT(Manque!A1:B5,\"apport\")"])("calculer =%s : calculé, #REF! signalé en français sur la cellule", async (formule) => {
    const r = await lancer("calculer", await classeur([...dossierPlan, ["D1", { formula: formule } as ExcelJS.CellFormulaValue]]));
    verifier(r, "calculer");
    expect(r.code).toBe(0);
    expect(r.out).toContain("« Plan »!D1 : #REF! — La formule fait référence à une feuille qui n'existe pas dans le classeur.");
  });

  it("verifier, un champ du dossier calculé depuis une feuille absente : refusé, la cellule, le champ et #REF! nommés", async () => {
    const cellules = dossierPlan.map(([a, v]): [string, ExcelJS.CellValue] => (a === "B2" ? [a, { formula: "Absente!B2*2" } as ExcelJS.CellFormulaValue] : [a, v]));
    const r = await lancer("verifier", await classeur(cellules));
    verifier(r, "verifier");
    expect(r.code).toBe(2);
    expect(r.err).toContain("« Plan »!B2, champ « coutDefinitif » : « #REF! (La formule fait référence à une feuille qui n'existe pas dans le classeur.) » n'est pas un nombre");
  });
});

describe(`une feuille de ${LIGNES.toLocaleString("fr-FR")} lignes`, () => {
  let fichier: string;
  const memoire: Record<string, unknown> = { lignes: LIGNES };
  const mo = (octets: number) => Math.round(octets / 1048576);

  beforeAll(async () => {
    fichier = path.join(dossier, `catalogue-${LIGNES}.xlsx`);
    // The streaming writer: the test's own workbook must not be what costs memory.
    const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: fichier, useSharedStrings: false });
    const ws = classeur.addWorksheet("Catalogue");
    ws.addRow(["titre", "genre", "coutDefinitif", "apportInitial", "apportNumeraireTelevision", "dureeMinutes", "dateDemande", "note"]).commit();
    for (let i = 0; i < LIGNES; i++) {
      ws.addRow([`Œuvre ${i}`, i % 2 ? "fiction" : "animation", 1_000_000 + i, 250_000 - (i % 3) * 1000, 200_000, 52, "2023-03-01", i % 5 ? i : "#N/A"]).commit();
    }
    await classeur.commit();
    memoire.octets = fs.statSync(fichier).size;
  }, 300_000);

  afterAll(() => {
    fs.mkdirSync(path.join(RACINE, "test-output"), { recursive: true });
    fs.writeFileSync(path.join(RACINE, "test-output/fuzz-classeur-memoire.json"), JSON.stringify(memoire, null, 2) + "\n");
  });

  /** rss before and after, and whether the process's peak (maxRSS) rose during the run. */
  async function mesurer(nom: string, f: () => Promise<Issue>): Promise<Issue> {
    const avant = process.memoryUsage().rss;
    const picAvant = process.resourceUsage().maxRSS * 1024;
    const r = await f();
    memoire[nom] = { rssAvantMo: mo(avant), rssApresMo: mo(process.memoryUsage().rss), picProcessusAvantMo: mo(picAvant), picProcessusApresMo: mo(process.resourceUsage().maxRSS * 1024) };
    return r;
  }

  it("verifier --json : une œuvre par ligne, dans l'ordre, écrites l'une après l'autre", async () => {
    const octets = fs.readFileSync(fichier);
    const r = await mesurer("verifier", () => lancer("verifier", octets, "--json"));
    verifier(r, "verifier");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("[\n  {\n    \"version\": \"2023-02\",\n    \"titre\": \"Œuvre 0\"")).toBe(true);
    // ~7.5 Ko of JSON per work: all of them were written.
    expect(r.longueur).toBeGreaterThan(LIGNES * 5000);
  }, 1_200_000);

  it("calculer : lu, calculé, écrit", async () => {
    const octets = fs.readFileSync(fichier);
    const r = await mesurer("calculer", () => lancer("calculer", octets));
    verifier(r, "calculer");
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 feuille, 0 formule");
  }, 1_200_000);
});
