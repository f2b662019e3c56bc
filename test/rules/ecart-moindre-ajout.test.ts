/**
 * Issue 17 / DOMAIN.md "The figures a finance team acts on": a section's `ecart` is the least addition
 * that makes it comply, the same figure everywhere, and every minimum shown is rounded up to the cent.
 */
import fc from "fast-check";
import { parseDossier } from "../../src/dossier";
import { APPORT_MIN, ECART, NUMERAIRE_MIN } from "../../src/functions/cnc";
import { verdictJson } from "../../src/render/json";
import { rapportTexte } from "../../src/render/texte";
import { Decimal, ecartAuCentime, evaluer, type ChampDossier, type Dossier, type Section, type Verdict } from "../../src/rules";
import { dossierComplet } from "../arbitraires";
import { cond, n, verdict } from "../outils";

// The animation series: base 6 500 000 €, apport 165 000 €, presales 600 000 €, points 32/40 (2023-01).
const SERIE = {
  titre: "Série d'animation", dateDemande: "2023-01-15", genre: "animation", dureeMinutes: 260,
  coutDefinitif: 6500000, apportInitial: 165000, apportNumeraireTelevision: 100000,
  preventesInternationales: 600000, pointsCreation: 32, pointsFabrication: 40,
};

describe("311-11-1 a) « l'apport initial effectivement réalisé » : le moindre apport conforme", () => {
  it("6 500 000 € d'animation, apport 165 000 €, préventes 600 000 €, points 32/40 : il manque 1 160 000 € (max(20 % × base, 25 % × base − préventes / 2) = 1 325 000 €), pas 2 320 000 €", () => {
    const v = verdict(SERIE);
    // 25 % × 6 500 000 = 1 625 000 ; 1 625 000 − 600 000 / 2 = 1 325 000 ; 20 % = 1 300 000.
    expect(v.apportInitial.ecart?.toNumber()).toBe(1160000);
    expect(n(cond(v.apportInitial, "A1").ecart)).toBe(1160000);
    expect(n(cond(v.apportInitial, "A1").attendu)).toBe(1325000);
    expect(v.apportInitial.apportMinimum?.toNumber()).toBe(1325000);
    expect(verdictJson(v).apportInitial).toMatchObject({ ecart: 1160000, apportMinimum: 1325000 });
    expect(rapportTexte(v)).toContain("il manque 1\u202f160\u202f000,00\u202f€ d'apport initial");
    expect(ECART([["genre", "animation"], ["dateDemande", "2023-01-15"], ["coutDefinitif", 6500000], ["apportInitial", 165000],
      ["apportNumeraireTelevision", 100000], ["dureeMinutes", 260], ["preventesInternationales", 600000], ["pointsCreation", 32], ["pointsFabrication", 40]], "apport")).toBe(1160000);
    expect(APPORT_MIN("animation", 6500000, undefined, 600000, 32, 40, undefined, undefined, "2023-01-15")).toBe(1325000);
  });

  it("ajouter exactement l'écart (1 160 000 €) rend conforme ; 1 159 999,99 € laisse 0,01 €, pas 300 000,01 €", () => {
    expect(verdict({ ...SERIE, apportInitial: 165000 + 1160000 }).apportInitial.statut).toBe("conforme");
    const presque = verdict({ ...SERIE, apportInitial: 1324999.99 });
    expect(presque.apportInitial.statut).toBe("non_conforme");
    expect(presque.apportInitial.ecart?.toNumber()).toBe(0.01);
  });

  it("l'autre levier est nommé quand l'apport atteint déjà le taux réduit : « ou X € de préventes internationales de plus »", () => {
    // Apport 1 310 000 € (≥ 20 %): presales needed 2 × (1 625 000 − 1 310 000) = 630 000 €, 30 000 € more;
    // or apport 1 325 000 €, 15 000 € more.
    const v = verdict({ ...SERIE, apportInitial: 1310000 });
    const a1 = cond(v.apportInitial, "A1");
    expect(n(a1.ecart)).toBe(15000);
    expect(a1.message).toContain("ou 30\u202f000,00\u202f€ de préventes internationales de plus");
    expect(v.apportInitial.ecart?.toNumber()).toBe(15000);
  });

  it("311-10 1° a) (2023-02, préventes = 1 × l'écart, 15 %) : moindre apport max(15 % × base, 25 % × base − préventes)", () => {
    const v = verdict({ ...SERIE, dateDemande: "2023-02-15" });
    // 1 625 000 − 600 000 = 1 025 000 ; 15 % = 975 000.
    expect(v.apportInitial.apportMinimum?.toNumber()).toBe(1025000);
    expect(v.apportInitial.ecart?.toNumber()).toBe(860000);
  });

  it("points sous 30/36 : la dérogation ne peut jouer, le moindre apport est 25 % de la base", () => {
    const v = verdict({ ...SERIE, pointsCreation: 29 });
    expect(v.apportInitial.ecart?.toNumber()).toBe(1625000 - 165000);
  });
});

describe("minimums arrondis au centime supérieur (DOMAIN.md) : payer exactement le chiffre affiché est conforme", () => {
  it("CNC.APPORT_MIN(\"fiction\"; 1 000 000,01) = 250 000,01 € (25 % = 250 000,0025 €), et 250 000,01 € est conforme", () => {
    expect(APPORT_MIN("fiction", 1000000.01)).toBe(250000.01);
    const base = { genre: "fiction", dateDemande: "2023-02-15", coutDefinitif: 1000000.01 };
    expect(cond(verdict({ ...base, apportInitial: 250000.01 }).apportInitial, "A1").statut).toBe("conforme");
    expect(cond(verdict({ ...base, apportInitial: 250000 }).apportInitial, "A1").statut).toBe("non_conforme");
  });

  it("CNC.NUMERAIRE_MIN(\"spectacle_vivant\"; 100) = 33 333,34 € (20 000 €/h × 100 min = 33 333,33… €), et ce numéraire est conforme", () => {
    expect(NUMERAIRE_MIN("spectacle_vivant", 100)).toBe(33333.34);
    const d = { genre: "spectacle_vivant", dateDemande: "2023-02-15", dureeMinutes: 100, coutDefinitif: 100000, apportInitial: 40000 };
    expect(cond(verdict({ ...d, apportNumeraireTelevision: 33333.34 }).apportInitial, "A2").statut).toBe("conforme");
    expect(cond(verdict({ ...d, apportNumeraireTelevision: 33333.33 }).apportInitial, "A2").statut).toBe("non_conforme");
    expect(verdictJson(verdict({ ...d, apportNumeraireTelevision: 1 })).apportInitial).toMatchObject({ numeraireMinimum: 33333.34 });
  });

  it("311-11 al. 3 « comporter une part minimale en numéraire » : CNC.APPORT_MIN avec la durée vaut au moins le numéraire minimum", () => {
    // Fiction 600 min: 12 000 €/h × 10 h = 120 000 € > 25 % × 200 000 € = 50 000 €.
    expect(APPORT_MIN("fiction", 200000, undefined, undefined, undefined, undefined, undefined, undefined, "2023-02-15", 600)).toBe(120000);
    expect(APPORT_MIN("fiction", 200000, undefined, undefined, undefined, undefined, undefined, undefined, "2023-02-15")).toBe(50000);
  });

  it("CNC.APPORT_MIN : préventes données pour l'animation sans les points → #N/A nommant les points, jamais 25 % en silence", () => {
    const r = APPORT_MIN("animation", 1000000, undefined, 100000, undefined, 36, undefined, undefined, "2023-01-15");
    expect(r).toMatchObject({ code: "na" });
    expect(String((r as { message: string }).message)).toContain("points_creation");
  });
});

/** Adds `montant` to every field of the section's lever, keeping the dossier coherent. */
function ajouter(d: Dossier, leviers: readonly ChampDossier[], montant: Decimal): Dossier {
  const r: Dossier = { ...d };
  for (const champ of leviers) {
    const v = (r[champ] as Decimal | undefined) ?? new Decimal(0);
    (r as Record<string, unknown>)[champ] = v.plus(montant);
  }
  return r;
}

const AUJOURDHUI = { aujourdhui: "2026-11-22" };
const montants = (s: Section) => s.conditions.filter((c) => c.unite === "euros" && c.levier === undefined);

describe("propriété : l'écart d'une section, ajouté au levier nommé, la rend conforme sur ses montants ; un centime de moins, non", () => {
  it("sur 3 000 dossiers générés (sections apport initial et liste de référence)", () => {
    let verifies = 0;
    fc.assert(fc.property(dossierComplet, (brut) => {
      const d = parseDossier(brut);
      const v = evaluer(d, AUJOURDHUI);
      for (const nom of ["apportInitial", "listeReference"] as const) {
        const s = v[nom];
        if (s.statut !== "non_conforme" || s.ecart === null || s.ecart.isZero() || !s.levier) continue;
        if (!montants(s).some((c) => c.statut === "non_conforme")) continue;
        const affiche = ecartAuCentime(s.ecart);
        // The same conditions after the addition, whatever their status (an incomplete one has no unit).
        const codes = new Set(montants(s).map((c) => `${c.code} ${c.libelle}`));
        const memes = (x: Section) => x.conditions.filter((c) => codes.has(`${c.code} ${c.libelle}`) && c.levier === undefined);
        const apres: Verdict = evaluer(ajouter(d, s.levier, affiche), AUJOURDHUI);
        for (const c of memes(apres[nom])) expect([nom, c.code, c.libelle, c.statut]).toEqual([nom, c.code, c.libelle, expect.stringMatching(/^(conforme|non_applicable)$/)]);
        const moins = evaluer(ajouter(d, s.levier, affiche.minus("0.01")), AUJOURDHUI);
        // One cent less does not comply (it may also become incomplete, when a lowered rate needs a missing field).
        expect(memes(moins[nom]).every((c) => c.statut === "conforme" || c.statut === "non_applicable")).toBe(false);
        verifies++;
      }
    }), { seed: 17, numRuns: 3000 });
    expect(verifies).toBeGreaterThan(250);
  });

  it("chaque CNC.APPORT_MIN / CNC.NUMERAIRE_MIN, pris comme apport / numéraire, est conforme (A1, A2)", () => {
    const entree = fc.record({
      genre: fc.constantFrom("fiction", "animation", "documentaire", "spectacle_vivant"),
      cout: fc.integer({ min: 1, max: 1_000_000_000 }).map((c) => c / 100),
      preventes: fc.option(fc.integer({ min: 0, max: 500_000_000 }).map((c) => c / 100), { nil: undefined }),
      points: fc.tuple(fc.integer({ min: 25, max: 50 }), fc.integer({ min: 30, max: 50 })),
      duree: fc.integer({ min: 1, max: 2000 }),
      date: fc.constantFrom("2023-01-15", "2023-02-15"),
    });
    fc.assert(fc.property(entree, (e) => {
      const min = APPORT_MIN(e.genre, e.cout, undefined, e.preventes, e.points[0], e.points[1], undefined, undefined, e.date, e.duree) as number;
      const cash = NUMERAIRE_MIN(e.genre, e.duree, undefined, undefined, e.date) as number;
      expect(typeof min).toBe("number");
      const v = verdict({
        genre: e.genre, dateDemande: e.date, coutDefinitif: e.cout, dureeMinutes: e.duree, apportInitial: min,
        apportNumeraireTelevision: cash, preventesInternationales: e.preventes, pointsCreation: e.points[0], pointsFabrication: e.points[1],
      });
      expect(cond(v.apportInitial, "A1").statut).toBe("conforme");
      expect(cond(v.apportInitial, "A2").statut).toBe("conforme");
    }), { seed: 1711, numRuns: 1500 });
  });
});
