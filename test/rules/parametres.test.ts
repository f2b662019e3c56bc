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

  // The figures of both versions are compared with the law's, article and alinea included, in
  // test/rules/seuils.test.ts (table written from the texts: test/rules/loi/textes.ts).

  it("les versions se suivent sans trou ni chevauchement", () => {
    for (let i = 1; i < VERSIONS.length; i++) {
      const fin = new Date(`${VERSIONS[i - 1].fin}T00:00:00Z`);
      fin.setUTCDate(fin.getUTCDate() + 1);
      expect(fin.toISOString().slice(0, 10)).toBe(VERSIONS[i].debut);
    }
    expect(VERSIONS[VERSIONS.length - 1].fin).toBeNull();
  });
});
