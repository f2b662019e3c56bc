/**
 * The template definition (src/modele): pure data, every DOSSIER.md field with its French label,
 * drop-down lists the dossier readers accept, formulas for the fields fed by the financing lines,
 * CNC.* formulas for the results — and no Office or exceljs import, so the task pane can use it.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { CHAMPS, champDepuisLibelle, lireAide, lireBooleen, lireDestination, lireGenre } from "../../src/dossier";
import { FONCTIONS_CNC } from "../../src/functions/cnc";
import { CHAMPS_CALCULES, LISTE_AIDES, LISTE_BOOLEENS, LISTE_DESTINATIONS, LISTE_GENRES, LISTE_TYPES_APPORT, TYPES_APPORT, modeleCatalogue, modelePlan, rectangle } from "../../src/modele";

const plan = modelePlan();
const sansCommentaires = (t: string) => t.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const cellule = (a: string) => plan.cellules.find((c) => c.adresse === a);

describe("le modèle de plan de financement", () => {
  it("porte chaque champ du dossier, dans l'ordre de CHAMPS, avec son libellé français relu comme ce champ", () => {
    const dossier = rectangle(plan.tables.find((t) => t.nom === "Dossier")!.plage);
    expect(dossier.bas - dossier.haut).toBe(CHAMPS.length);
    CHAMPS.forEach((c, i) => {
      const libelle = cellule(`A${dossier.haut + 1 + i}`)!.valeur as string;
      expect([c.champ, champDepuisLibelle(libelle)]).toEqual([c.champ, c.champ]);
      expect(plan.valeurs[c.champ]).toBe(`B${dossier.haut + 1 + i}`);
    });
  });

  it("chaque liste déroulante ne propose que des valeurs que les lecteurs du dossier acceptent", () => {
    for (const g of LISTE_GENRES) expect(lireGenre(g).ok).toBe(true);
    for (const d of LISTE_DESTINATIONS) expect(lireDestination(d).ok).toBe(true);
    for (const a of LISTE_AIDES) expect(lireAide(a).ok).toBe(true);
    for (const b of LISTE_BOOLEENS) expect(lireBooleen(b).ok).toBe(true);
    expect(new Set(LISTE_GENRES.map((g) => (lireGenre(g) as { valeur: string }).valeur))).toEqual(new Set(["fiction", "animation", "documentaire", "spectacle_vivant", "autre"]));
    for (const v of plan.validations) {
      // Excel limits a list written in the rule to 255 characters, and a comma would split an item.
      if (v.type === "liste") {
        expect(v.valeurs.join(",").length).toBeLessThan(256);
        for (const x of v.valeurs) expect(x).not.toContain(",");
      }
    }
    const listes = plan.validations.filter((v) => v.type === "liste").map((v) => v.plage);
    for (const c of CHAMPS.filter((x) => ["genre", "destination", "aide", "booleen"].includes(x.nature))) expect(listes).toContain(plan.valeurs[c.champ]);
    expect(plan.validations.some((v) => v.type === "liste" && v.valeurs === LISTE_TYPES_APPORT)).toBe(true);
  });

  it("les champs alimentés par les lignes de financement sont des formules SUM / SUMIFS sur la table Financements", () => {
    for (const champ of CHAMPS_CALCULES) {
      const c = cellule(plan.valeurs[champ])!;
      expect(c.formule).toMatch(/SUM/);
      expect(c.formule).toContain("Financements[Montant (€)]");
    }
    expect(cellule(plan.valeurs.apportNumeraireTelevision)!.formule).toContain(`"${TYPES_APPORT.television}"`);
    expect(() => modelePlan({ valeurs: { apportInitial: 12 } })).toThrow("calculé à partir des lignes de financement");
    expect(() => modelePlan({ valeurs: { apportInitiale: 12 } as never })).toThrow("n'est pas un champ du dossier");
  });

  it("les résultats appellent des fonctions CNC.* qui existent, sur la plage Champ | Valeur du dossier", () => {
    for (const r of plan.resultats) {
      const noms = [...r.formule.matchAll(/CNC\.([A-Z_]+)\(/g)].map((m) => m[1]);
      expect(noms.length).toBeGreaterThan(0);
      for (const n of noms) expect(Object.keys(FONCTIONS_CNC)).toContain(n);
      expect(cellule(r.adresse)!.formule).toBe(r.formule);
    }
    expect(plan.misesEnForme.length).toBeGreaterThan(0);
  });

  it("d'autres noms de feuille et de tables pour un second modèle dans le même classeur", () => {
    const second = modelePlan({ nomFeuille: "Plan 2", nomTableDossier: "Dossier2", nomTableFinancements: "Financements2" });
    expect(second.tables.map((t) => t.nom)).toEqual(["Dossier2", "Financements2"]);
    expect(second.resultats.find((r) => r.cle === "statutApport")!.formule).toContain("Dossier2[[Champ]:[Valeur]]");
    expect(second.cellules.find((c) => c.adresse === second.equilibre.total)!.formule).toBe("SUM(Financements2[Montant (€)])");
  });

  it("le catalogue : les libellés français des champs en en-tête, relus comme ces champs, des formules CNC.* par ligne qui ne lisent pas leurs propres colonnes", () => {
    const cat = modeleCatalogue([{ titre: "A", genre: "fiction" }, { titre: "B", genre: "animation" }]);
    const entetes = cat.cellules.filter((c) => c.adresse.endsWith("1") && /^[A-Z]+1$/.test(c.adresse) && c.style === "entete").slice(0, CHAMPS.length).map((c) => c.valeur as string);
    expect(entetes).toEqual(CHAMPS.map((c) => c.libelle));
    expect(entetes.map((e) => champDepuisLibelle(e))).toEqual(CHAMPS.map((c) => c.champ));
    const formules = cat.cellules.filter((c) => c.formule);
    expect(formules.length).toBe(2 * 7);
    for (const f of formules) expect(rectangle(f.adresse).gauche).toBeGreaterThan(CHAMPS.length + 1);
  });

  it("reste des données pures : ni exceljs ni Office.js dans src/modele", () => {
    const dossier = join(__dirname, "../../src/modele");
    for (const f of readdirSync(dossier)) {
      const code = sansCommentaires(readFileSync(join(dossier, f), "utf8"));
      expect({ f, importe: /from "(exceljs|hyperformula)"|\b(Office|Excel)\.\w/.test(code) }).toEqual({ f, importe: false });
    }
  });
});

describe("HyperFormula (GPL-3.0) reste hors du complément", () => {
  it("aucun fichier du complément (fonctions, volet) n'importe le moteur ni src/classeur", () => {
    const racine = join(__dirname, "../../src");
    const fichiers = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fichiers(join(d, e.name)) : [join(d, e.name)]));
    for (const d of ["functions", "taskpane", "modele", "rules", "dossier", "render"]) {
      for (const f of fichiers(join(racine, d)).filter((x) => /\.(ts|js)$/.test(x))) {
        const code = sansCommentaires(readFileSync(f, "utf8"));
        expect({ f, importe: /from "hyperformula"|require\("hyperformula"\)|\/classeur["/]/.test(code) }).toEqual({ f, importe: false });
      }
    }
  });
});
