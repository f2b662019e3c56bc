/**
 * The field list (src/dossier/champs.ts): labels and articles cite the recast's numbers with the
 * January-2023 ones (issue 17, point 10; DOMAIN.md E), former labels still read, and the committed
 * docs/champs.md is what the list generates (issue 14).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { CHAMPS, champDepuisLibelle, citerArticles, definition, parseDossier, referenceChamps } from "../../src/dossier";

describe("articles des deux versions (DOMAIN.md E : 311-11 → 311-9, 311-11-1 → 311-10, 311-30 → 311-29, 311-50 → 311-51, barème 311-45 → 311-44)", () => {
  it("les libellés des points citent le barème 311-44 (ex-311-45)", () => {
    expect(definition("pointsCreation")!.libelle).toBe("Points « Création » (barème 311-44, ex-311-45)");
    expect(definition("pointsFabrication")!.libelle).toBe("Points « Fabrication » (barème 311-44, ex-311-45)");
  });

  it("le coût des postes cite 311-51 1° b) (ex-311-50 1° c))", () => {
    expect(definition("coutPostes")!.libelle).toContain("311-51 1° b) (ex-311-50 1° c))");
    expect(definition("coutPostes")!.article).toBe("311-51 1° b) (ex-311-50 1° c))");
  });

  it.each([
    ["apportInitial", "311-9 al. 3 (ex-311-11 al. 3)"],
    ["participationFrancaise", "311-9 al. 5 (ex-311-11 al. 5)"],
    ["dateContrat", "311-9 al. 1 (ex-311-11 al. 1, 311-12 1°)"],
    ["dureeDroitsSmadMois", "311-9 al. 2 (ex-311-11 al. 2)"],
    ["preventesInternationales", "311-10 1° a), 2° (ex-311-11-1 a))"],
    ["caseMagazine", "311-29 2° (ex-311-30 2°)"],
    ["plusieursEditeurs", "311-29 5° (ex-311-30 5°)"],
    ["versionOriginaleFrancaise", "311-51 1° a), 2° a) (ex-311-50 1° a), 2° a))"],
    ["apportAutresFrance", "311-12 2° (jusqu'au 31/01/2023)"],
  ])("%s : %s", (champ, article) => {
    expect(definition(champ)!.article).toBe(article);
  });

  it("aucun article ni libellé ne cite un numéro de janvier 2023 sans le numéro refondu (sauf 311-12, sans successeur)", () => {
    const ancien = /(?<!ex-)\b311-(11|11-1|30|45|50)\b/;
    for (const c of CHAMPS) {
      expect([c.champ, ancien.test(c.libelle)]).toEqual([c.champ, false]);
      if (c.article) expect([c.champ, ancien.test(c.article.replace(/\(ex-[^)]*(\)[^)]*)*\)/g, ""))]).toEqual([c.champ, false]);
    }
  });

  it("citerArticles : le numéro refondu d'abord, l'ancien en « ex- »", () => {
    expect(citerArticles({ "2023-01": "311-30 3°", "2023-02": "311-29 3°" })).toBe("311-29 3° (ex-311-30 3°)");
    expect(citerArticles({ "2023-01": "311-12 2°", "2023-02": null })).toBe("311-12 2° (jusqu'au 31/01/2023)");
    expect(citerArticles({ "2023-01": "311-51", "2023-02": "311-51" })).toBe("311-51");
  });
});

describe("libellés : les anciens restent reconnus (classeurs faits avec le modèle de janvier 2023)", () => {
  it.each([
    ["Points « Création » (barème 311-45)", "pointsCreation"],
    ["Points « Fabrication » (barème 311-45)", "pointsFabrication"],
    ["Coût des postes 311-50 1° c) (€)", "coutPostes"],
    ["points « creation » (bareme 311-45)", "pointsCreation"],
  ])("« %s » → %s", (libelle, champ) => {
    expect(champDepuisLibelle(libelle)).toBe(champ);
  });

  it("chaque nom de champ et chaque libellé actuel désigne son champ, et deux champs ne partagent aucun libellé", () => {
    for (const c of CHAMPS) {
      expect(champDepuisLibelle(c.champ)).toBe(c.champ);
      expect(champDepuisLibelle(c.libelle)).toBe(c.champ);
      for (const a of c.alias ?? []) expect(champDepuisLibelle(a)).toBe(c.champ);
    }
  });
});

describe("docs/champs.md", () => {
  it("le fichier commité est celui que génère la liste des champs (npm run champs)", () => {
    const commite = readFileSync(join(__dirname, "../../docs/champs.md"), "utf8");
    expect(commite).toBe(referenceChamps());
  });

  it("une ligne par champ : nom, libellé, type, sens, article, exemple", () => {
    const lignes = referenceChamps().split("\n").filter((l) => l.startsWith("| `"));
    expect(lignes).toHaveLength(CHAMPS.length);
    for (const c of CHAMPS) {
      const ligne = lignes.find((l) => l.startsWith(`| \`${c.champ}\` |`))!;
      expect(ligne).toContain(c.libelle);
      expect(ligne).toContain(c.sens);
      expect(ligne).toContain(c.exemple);
      if (c.article) expect(ligne).toContain(c.article);
      expect(ligne.split(" | ")).toHaveLength(6);
    }
  });

  it("chaque exemple se lit sans erreur dans son champ", () => {
    const d = parseDossier(Object.fromEntries(CHAMPS.map((c) => [c.champ, c.exemple])));
    expect(Object.keys(d).sort()).toEqual(CHAMPS.map((c) => c.champ).sort());
  });
});
