/**
 * Standalone mode, pure part: a dossier JSON file to dossiers, or French errors naming the field;
 * and the Légifrance links of the articles.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { estClasseur, libelleDossier, lireFichierDossiers, TAILLE_MAX_OCTETS } from "../../src/taskpane/fichier";
import { numeroArticle, urlArticle } from "../../src/taskpane/legifrance";

const EXEMPLES = path.resolve(__dirname, "../../examples");
const octets = (texte: string) => new TextEncoder().encode(texte);

describe("lecture d'un fichier de dossier", () => {
  test("un dossier d'exemple", () => {
    const lu = lireFichierDossiers(readFileSync(path.join(EXEMPLES, "serie-fiction.json")), "serie-fiction.json");
    expect(lu.ok).toBe(true);
    if (!lu.ok) return;
    expect(lu.tableau).toBe(false);
    expect(lu.dossiers).toHaveLength(1);
    expect(lu.dossiers[0].titre).toBe("Les Gardiens du phare (saison 1)");
    expect(lu.dossiers[0].coutDefinitif?.toNumber()).toBe(8000000);
  });

  test("un tableau de dossiers, avec un BOM, et leurs libellés pour le sélecteur", () => {
    const lu = lireFichierDossiers(octets('\uFEFF[{"titre": "A", "genre": "fiction"}, {"genre": "animation"}]'), "catalogue.json");
    expect(lu).toMatchObject({ ok: true, tableau: true });
    if (!lu.ok) return;
    expect(lu.dossiers.map(libelleDossier)).toEqual(["1. A", "2. Dossier sans titre"]);
  });

  test("des champs invalides : chaque erreur nomme son champ (et l'indice du dossier)", () => {
    const lu = lireFichierDossiers(octets('[{"genre": "fiction"}, {"coutDefinitif": -5, "genre": "western", "budget": 3}]'), "mauvais.json");
    expect(lu.ok).toBe(false);
    if (lu.ok) return;
    expect(lu.titre).toBe("Le dossier « mauvais.json » n'est pas valide :");
    expect(lu.erreurs.map((e) => [e.index, e.champ])).toEqual(expect.arrayContaining([[1, "coutDefinitif"], [1, "genre"], [1, "budget"]]));
    expect(lu.erreurs).toHaveLength(3);
  });

  test.each([
    ["{ pas du json", "ce n'est pas un JSON valide"],
    ["[]", "il ne contient aucun dossier"],
    ["42", "un dossier doit être un objet JSON"],
  ])("refus clair pour %j", (texte, message) => {
    const lu = lireFichierDossiers(octets(texte), "f.json");
    expect(lu.ok).toBe(false);
    if (lu.ok) return;
    expect(lu.erreurs.map((e) => e.message).join(" ")).toContain(message);
  });

  test("un fichier qui n'est pas du texte UTF-8, ou trop gros", () => {
    const latin1 = lireFichierDossiers(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), "latin1.json");
    expect(!latin1.ok && latin1.erreurs[0].message).toContain("UTF-8");
    const gros = lireFichierDossiers(new Uint8Array(TAILLE_MAX_OCTETS + 1), "gros.json");
    expect(!gros.ok && gros.erreurs[0].message).toContain("trop volumineux");
  });
});

describe("liens vers Légifrance", () => {
  test.each([
    ["311-11", "311-11"], ["311-11-1", "311-11-1"], ["art. 311-9 al. 3", "311-9"], ["311-50 1° b)", "311-50"], ["RGA", null],
  ])("numéro de l'article « %s »", (article, numero) => {
    expect(numeroArticle(article)).toBe(numero);
  });

  test("une recherche Légifrance par numéro d'article, en https", () => {
    const u = new URL(urlArticle("311-11-1")!);
    expect(u.origin).toBe("https://www.legifrance.gouv.fr");
    expect(u.searchParams.get("query")).toBe("311-11-1");
    expect(u.searchParams.get("searchField")).toBe("NUM_ARTICLE");
    expect(urlArticle("sans numéro")).toBeNull();
  });
});

describe("un classeur choisi à la place d'un dossier JSON", () => {
  const classeur = readFileSync(path.join(EXEMPLES, "plan-financement.xlsx"));

  test.each([
    ["plan-financement.xlsx", classeur],
    // Renamed, a workbook is still one: its first bytes say so (ZIP, as xlsx and ods are).
    ["plan.bin", classeur],
    // The older binary Excel format (OLE2 compound file).
    ["ancien.dat", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ["budget.ods", octets("")],
    ["macro.XLSM", octets("x")],
  ])("%s : « c'est un classeur », pas « ce n'est pas un texte UTF-8 »", (nom, contenu) => {
    expect(estClasseur(contenu, nom)).toBe(true);
    const lu = lireFichierDossiers(contenu, nom);
    expect(lu.ok).toBe(false);
    if (lu.ok) return;
    expect(lu.titre).toBe(`Le fichier « ${nom} » n'est pas un dossier JSON.`);
    expect(lu.erreurs[0].message).toContain("c'est un classeur : ouvrez-le dans Excel");
    expect(lu.erreurs[0].message).toContain("cnc-rga verifier");
    expect(lu.erreurs[0].message).not.toContain("UTF-8");
  });

  test("un dossier JSON n'est pas pris pour un classeur", () => {
    expect(estClasseur(readFileSync(path.join(EXEMPLES, "serie-fiction.json")), "serie-fiction.json")).toBe(false);
    expect(estClasseur(octets("PK"), "court.json")).toBe(false);
  });
});
