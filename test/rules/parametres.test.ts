/** The dated parameter table is the only home of thresholds (DOMAIN.md, STYLE.md). */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { VERSIONS, type Seuil } from "../../src/rules";

const DOSSIER_REGLES = join(__dirname, "../../src/rules");
/** Files allowed numeric literals: the table itself, and formatting/rounding (digits, not law). */
const EXEMPTES = new Set(["parametres.ts", "format.ts", "decimal.ts"]);

function sansCommentairesNiTextes(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`/g, "``")
    .replace(/"(?:\\.|[^"\\])*"/g, '""')
    .replace(/'(?:\\.|[^'\\])*'/g, "''");
}

describe("table de paramètres datée", () => {
  it("aucun fichier de règle ne contient de littéral numérique autre que 0 ou 1", () => {
    const fautes: string[] = [];
    for (const f of readdirSync(DOSSIER_REGLES).filter((x) => x.endsWith(".ts") && !EXEMPTES.has(x))) {
      const code = sansCommentairesNiTextes(readFileSync(join(DOSSIER_REGLES, f), "utf8"));
      for (const m of code.matchAll(/(?<![\w.$])\d[\d_]*(\.\d+)?(?![\w])/g)) {
        if (m[0] !== "0" && m[0] !== "1") fautes.push(`${f}: ${m[0]}`);
      }
    }
    expect(fautes).toEqual([]);
  });

  it("le test ci-dessus sait trouver un seuil écrit en dur", () => {
    const code = sansCommentairesNiTextes('const x = apport.times(0.25); // 12 000\nconst y = "45";');
    expect([...code.matchAll(/(?<![\w.$])\d[\d_]*(\.\d+)?(?![\w])/g)].map((m) => m[0])).toEqual(["0.25"]);
  });

  it("chaque seuil de chaque version cite un article de sa version et un alinéa", () => {
    for (const v of VERSIONS) {
      const articles = new Set(Object.values(v.articles).filter(Boolean));
      const seuils: Seuil[] = [];
      const parcourir = (o: unknown): void => {
        if (o && typeof o === "object") {
          if ("valeur" in o && "article" in o) seuils.push(o as Seuil);
          else Object.values(o).forEach(parcourir);
        }
      };
      parcourir(v);
      expect(seuils.length).toBeGreaterThan(20);
      for (const s of seuils) {
        expect(articles.has(s.article)).toBe(true);
        expect(s.alinea === "" || s.alinea === undefined).toBe(false);
      }
    }
  });

  it("2023-01 : 25 %, 20 %, 15 %, 12,5 %, 12 000 €, 15 000 €, 20 000 €, 350 000 €, 80 %, 30/36/45 points, 45 min, 72/36 mois", () => {
    const v = VERSIONS.find((x) => x.version === "2023-01")!;
    expect(v.apport.taux.valeur.toNumber()).toBe(0.25);
    expect(v.derogation.animation!.taux.valeur.toNumber()).toBe(0.2);
    expect(v.reference.casReduits.animation!.taux.valeur.toNumber()).toBe(0.15);
    expect(v.smad!.tauxEditeursAvecAutres.valeur.toNumber()).toBe(0.125);
    expect(v.apport.numeraireHoraire.fiction.valeur.toNumber()).toBe(12000);
    expect(v.smad!.numeraireHoraire.spectacle_vivant!.valeur.toNumber()).toBe(15000);
    expect(v.apport.numeraireHoraire.spectacle_vivant.valeur.toNumber()).toBe(20000);
    expect(v.majoration.depensesHorairesAnimation.valeur.toNumber()).toBe(350000);
    expect(v.majoration.depensesFranceCout!.valeur.toNumber()).toBe(0.8);
    expect(v.derogation.animation!.pointsFabrication!.valeur.toNumber()).toBe(36);
    expect(v.majoration.pointsFabricationAnimation.valeur.toNumber()).toBe(45);
    expect(v.reference.dureeEpisodeMagazineMinutes.valeur.toNumber()).toBe(45);
    expect(v.apport.dureeDroitsSmadMois.valeur.toNumber()).toBe(72);
    expect(v.apport.dureeExclusiviteSmadMois.valeur.toNumber()).toBe(36);
  });

  it("les versions se suivent sans trou ni chevauchement", () => {
    for (let i = 1; i < VERSIONS.length; i++) {
      const fin = new Date(`${VERSIONS[i - 1].fin}T00:00:00Z`);
      fin.setUTCDate(fin.getUTCDate() + 1);
      expect(fin.toISOString().slice(0, 10)).toBe(VERSIONS[i].debut);
    }
    expect(VERSIONS[VERSIONS.length - 1].fin).toBeNull();
  });
});
