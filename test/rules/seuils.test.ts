/**
 * Every threshold of every version, at its boundary, through the public `evaluer`: a dossier exactly
 * at the law's figure complies, one unit beyond it (one cent, one point, one minute, one month) does
 * not. The figures come from the law table written from the texts (./loi/textes.ts), and the table
 * of the code must hold the same figures, articles and alineas — so a threshold changed or added in
 * src/rules/parametres.ts without its figure in the law table fails here.
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { evaluer, VERSIONS, type Condition, type Seuil, type Verdict } from "../../src/rules";
import { FIGURES, VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, limitesDeLaLoi, recette, sansPartiesExcedentaires } from "./loi/scenarios";

const evaluerBrut = (brut: Record<string, unknown>): Verdict => evaluer(parseDossier(sansPartiesExcedentaires(brut)), { aujourdhui: "2099-01-01" });

/** Every Seuil of a version of the code's table, by its dotted path. */
function seuilsDuCode(racine: unknown): Map<string, Seuil> {
  const trouves = new Map<string, Seuil>();
  const parcourir = (o: unknown, chemin: string[]): void => {
    if (!o || typeof o !== "object") return;
    if ("valeur" in o && "article" in o && "alinea" in o) trouves.set(chemin.join("."), o as Seuil);
    else for (const [k, x] of Object.entries(o)) parcourir(x, [...chemin, k]);
  };
  parcourir(racine, []);
  return trouves;
}

describe("la table de paramètres du code porte les chiffres de la loi", () => {
  it("les mêmes versions, aux mêmes dates", () => {
    expect(VERSIONS.map((v) => [v.version, v.debut, v.fin])).toEqual(Object.entries(VERSIONS_LOI).map(([id, v]) => [id, v.debut, v.fin]));
  });

  it.each(Object.keys(VERSIONS_LOI))("%s : chaque seuil du code a son chiffre dans la loi (même valeur, article, alinéa), et réciproquement", (id) => {
    const code = seuilsDuCode(VERSIONS.find((v) => v.version === id));
    const loi = FIGURES[id];
    const ecarts: string[] = [];
    for (const [chemin, s] of code) {
      const f = loi[chemin];
      if (!f) ecarts.push(`${chemin} = ${s.valeur.toString()} (${s.article} ${s.alinea}) : aucun chiffre de la loi`);
      else if (!new Decimal(f.valeur).equals(s.valeur.toString()) || f.article !== s.article || f.alinea !== s.alinea) {
        ecarts.push(`${chemin} : code ${s.valeur.toString()} (${s.article} ${s.alinea}), loi ${f.valeur} (${f.article} ${f.alinea})`);
      }
    }
    for (const chemin of Object.keys(loi)) if (!code.has(chemin)) ecarts.push(`${chemin} : chiffre de la loi absent du code`);
    expect(ecarts).toEqual([]);
    // The walk itself found something: both versions have more than 25 thresholds.
    expect(code.size).toBeGreaterThan(25);
  });

  it("chaque chiffre de la loi a sa recette de dossier limite", () => {
    expect(limitesDeLaLoi().filter(({ cle }) => !recette(cle)).map(({ version, cle }) => `${version} ${cle}`)).toEqual([]);
  });
});

const citant = (conditions: Condition[], [article, alinea]: readonly [string, number | string], code?: string) =>
  conditions.filter((c) => c.article === article && c.alinea === alinea && (code === undefined || c.code === code));
const resume = (conditions: Condition[]) => conditions.map((c) => `${c.code} ${c.article} ${c.alinea} ${c.statut} ${c.ecart?.toString() ?? "-"}`);

describe.each(limitesDeLaLoi().map(({ version, cle, f }) => [version, cle, f.valeur, f.article, f.alinea, f] as const))(
  "%s %s = %s (article %s, %s)",
  (version, cle, _valeur, _article, _alinea, f) => {
    const r = recette(cle)!(version, cle, f, FIGURES[version]);

    it(f.sens === "max" ? "exactement à la limite : conforme" : "exactement au seuil : conforme", () => {
      const v = evaluerBrut(r.juste);
      expect(v.version).toBe(version);
      const s = v[r.section];
      const cites = citant(s.conditions, r.cite, r.code);
      expect(resume(cites).length).toBeGreaterThan(0);
      expect(cites.filter((c) => c.statut !== "conforme" && c.statut !== "non_applicable")).toEqual([]);
      expect(cites.some((c) => c.statut === "conforme")).toBe(true);
      expect({ statut: s.statut, conditions: resume(s.conditions) }).toEqual({ statut: "conforme", conditions: expect.anything() });
    });

    it(f.sens === "max" ? "une unité au-dessus : non conforme" : "une unité en dessous : non conforme", () => {
      const v = evaluerBrut(r.horsLimite);
      const s = v[r.section];
      const echecs = citant(s.conditions, r.cite, r.code).filter((c) => c.statut === "non_conforme");
      expect(resume(echecs).length).toBeGreaterThan(0);
      if (r.ecart !== undefined) expect(echecs.map((c) => c.ecart?.toString())).toContain(new Decimal(r.ecart).toString());
      expect(s.statut).toBe("non_conforme");
    });
  },
);

describe.each(Object.keys(VERSIONS_LOI))("%s — majoration de 25 % des sommes du compte automatique", (version) => {
  const f = FIGURES[version]["majoration.taux"];
  it(`taux ${f.valeur} (article ${f.article}, alinéa ${f.alinea}) et montant = sommes × taux`, () => {
    const m = evaluerBrut(fictionConforme(version)).majoration;
    expect(m.statut).toBe("conforme");
    expect(m.taux.toString()).toBe(new Decimal(f.valeur).toString());
    expect(m.montant?.toString()).toBe(new Decimal(200000).times(f.valeur).toString());
    expect(citant(m.conditions, [f.article, f.alinea], "D").map((c) => c.statut)).toEqual(["conforme"]);
  });
  it("non conforme : taux 0 et montant 0", () => {
    const m = evaluerBrut({ ...fictionConforme(version), versionOriginaleFrancaise: false }).majoration;
    expect(m.statut).toBe("non_conforme");
    expect(m.taux.toString()).toBe("0");
    expect(m.montant?.toString()).toBe("0");
  });
});
