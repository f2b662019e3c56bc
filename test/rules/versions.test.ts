/** Versions of the RGA (DOMAIN.md "Versions" and section E): 2023-01 and the recast of 1 February 2023. */
import { parseDossier } from "../../src/dossier";
import { evaluer, versionEnVigueur } from "../../src/rules";
import { ANIMATION, FICTION, cond, n, verdict } from "../outils";

describe("choix de la version", () => {
  it("2023-01-01 → 2023-01 ; 2023-01-31 → 2023-01 ; 2023-02-01 → 2023-02 ; 2026 → 2023-02", () => {
    expect(versionEnVigueur("2023-01-01")?.version).toBe("2023-01");
    expect(versionEnVigueur("2023-01-31")?.version).toBe("2023-01");
    expect(versionEnVigueur("2023-02-01")?.version).toBe("2023-02");
    expect(versionEnVigueur("2026-11-22")?.version).toBe("2023-02");
  });

  it("demande du 31 décembre 2022 : non applicable partout, version null, jamais une supposition", () => {
    const v = verdict({ ...FICTION, dateDemande: "2022-12-31" });
    expect(v.version).toBeNull();
    for (const s of [v.apportInitial, v.listeReference, v.majoration]) {
      expect(s.statut).toBe("non_applicable");
      expect(s.motif).toMatch(/aucune version/);
    }
    expect(v.majoration.taux.toNumber()).toBe(0);
  });

  it("sans dateDemande, la date du jour choisit la version", () => {
    const { dateDemande, ...sans } = FICTION;
    void dateDemande;
    expect(evaluer(parseDossier(sans), { aujourdhui: "2023-01-10" }).version).toBe("2023-01");
    expect(evaluer(parseDossier(sans), { aujourdhui: "2026-11-22" }).version).toBe("2023-02");
    expect(evaluer(parseDossier(sans)).version).toBe("2023-02");
  });

  it("le même dossier le 31/01/2023 et le 01/02/2023 : chaque version son verdict (animation à 17 % : 311-10 seulement)", () => {
    // Base 1 000 000 €, apport 170 000 € (17 %): shortfall 80 000 €. Presales 80 000 € = 1 × shortfall (311-10 1° a) but < 2 × (311-11-1 a).
    const d = { ...ANIMATION, apportInitial: 170000, preventesInternationales: 80000 };
    const janvier = verdict({ ...d, dateDemande: "2023-01-31" });
    const fevrier = verdict({ ...d, dateDemande: "2023-02-01" });
    expect(janvier.version).toBe("2023-01");
    expect(fevrier.version).toBe("2023-02");
    expect(cond(janvier.apportInitial, "A1").statut).toBe("non_conforme");
    const a1 = cond(fevrier.apportInitial, "A1");
    expect(a1.statut).toBe("conforme");
    expect(a1.article).toBe("311-10");
    expect(fevrier.apportInitial.taux?.toNumber()).toBe(0.15);
  });

  it("l'option date évalue un dossier sous une autre version (comparaison côte à côte)", () => {
    const d = parseDossier({ ...FICTION, dateDemande: "2023-01-16" });
    expect(evaluer(d, { date: "2024-01-01" }).version).toBe("2023-02");
    expect(evaluer(d).version).toBe("2023-01");
  });
});

describe("E1 — 311-9 : mêmes seuils, nouveaux numéros, sans la réserve de 311-81", () => {
  it("A1 et A2 citent 311-9 ; pas d'avertissement 311-81", () => {
    const v = verdict({ ...FICTION, dateDemande: "2023-02-01" });
    expect(cond(v.apportInitial, "A1").article).toBe("311-9");
    const a2 = cond(v.apportInitial, "A2");
    expect(a2.article).toBe("311-9");
    expect(a2.avertissement).toBeUndefined();
    expect(v.apportInitial.regime).toBe("311-9");
    expect(cond(verdict({ ...FICTION, dateDemande: "2023-02-01", apportInitial: 999999.99 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
});

describe("E2 — 311-10 : animation 15 % avec préventes = 1 × l'écart ; documentaire 20 % avec 2 × l'écart", () => {
  const F = "2023-03-01";
  // Animation, base 1 000 000 €: 15 % = 150 000 €; apport 150 000 € → shortfall 100 000 € → presales ≥ 100 000 €.
  it("animation : apport 150 000 € (15 %), préventes 100 000 € (= 1 × écart), points 30/36 : conforme à 15 %", () => {
    const v = verdict({ ...ANIMATION, dateDemande: F, apportInitial: 150000, preventesInternationales: 100000 });
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("conforme");
    expect(n(a1.attendu)).toBe(150000);
    expect(a1.article).toBe("311-10");
  });
  it("animation : préventes 99 999,99 € : non conforme, avec l'avertissement du minimum garanti non pris en compte", () => {
    const v = verdict({ ...ANIMATION, dateDemande: F, apportInitial: 150000, preventesInternationales: 99999.99 });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
    const a = cond(v.apportInitial, "A4", "1° a)");
    expect(a.statut).toBe("non_conforme");
    expect(a.avertissement).toMatch(/minimum garanti/);
  });
  it("animation : 149 999,99 € (un centime sous 15 %) : non conforme", () => {
    expect(cond(verdict({ ...ANIMATION, dateDemande: F, apportInitial: 149999.99, preventesInternationales: 1000000 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
  it("animation : points 29/36 : dérogation refusée", () => {
    expect(cond(verdict({ ...ANIMATION, dateDemande: F, apportInitial: 150000, preventesInternationales: 100000, pointsCreation: 29 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
  // Documentary, base 300 000 €: 20 % = 60 000 €, shortfall 15 000 €, presales 2 × 15 000 = 30 000 €.
  const DOC = { ...FICTION, dateDemande: F, genre: "documentaire", dureeMinutes: 52, coutDefinitif: 300000, apportNumeraireTelevision: 55000, caseMagazine: false, depensesFrance: 270000, coutPostes: 150000, depensesFrancePostes: 135000 };
  it("documentaire : apport 60 000 € (20 %), préventes 30 000 € : conforme à 20 % (311-10 2°), sans points", () => {
    const v = verdict({ ...DOC, apportInitial: 60000, preventesInternationales: 30000 });
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("conforme");
    expect(a1.article).toBe("311-10");
    expect(a1.alinea).toBe("2°");
    expect(v.apportInitial.taux?.toNumber()).toBe(0.2);
  });
  it("documentaire : préventes 29 999,99 € : non conforme ; apport 59 999,99 € : non conforme", () => {
    expect(cond(verdict({ ...DOC, apportInitial: 60000, preventesInternationales: 29999.99 }).apportInitial, "A1").statut).toBe("non_conforme");
    expect(cond(verdict({ ...DOC, apportInitial: 59999.99, preventesInternationales: 1000000 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
  it("documentaire en 2023-01 : pas de dérogation pour l'aide automatique (311-11-1 ne vise que l'animation)", () => {
    expect(cond(verdict({ ...DOC, dateDemande: "2023-01-20", apportInitial: 60000, preventesInternationales: 30000 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
});

describe("E3 — plus de régime 311-12 : l'œuvre SMAD relève de 311-9", () => {
  const SMAD = { ...FICTION, dateDemande: "2023-02-01", destination: "smad", apportInitial: 1000000, apportNumeraireTelevision: undefined, apportNumeraireSmad: 72000, apportAutresFrance: 500000 };
  it("apport initial et numéraire SMAD vérifiés comme en 311-9, avec l'avertissement de fin du régime", () => {
    const v = verdict(SMAD);
    expect(v.apportInitial.regime).toBe("311-9");
    expect(cond(v.apportInitial, "A1").statut).toBe("conforme");
    expect(cond(v.apportInitial, "A2").statut).toBe("conforme");
    expect(v.apportInitial.avertissement).toMatch(/31 janvier 2023/);
    expect(v.apportInitial.conditions.some((c) => c.code.startsWith("B"))).toBe(false);
  });
  it("pas de règle des 12,5 % ; apportAutresFrance ne compte pas dans l'apport initial", () => {
    const v = verdict({ ...SMAD, apportInitial: 500000 });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
    expect(n(cond(v.apportInitial, "A1").constate)).toBe(500000);
  });
  it("numéraire SMAD à 71 999,99 € pour 6 h : non conforme ; aide à la préparation : vérifiée comme automatique", () => {
    expect(cond(verdict({ ...SMAD, apportNumeraireSmad: 71999.99 }).apportInitial, "A2").statut).toBe("non_conforme");
    expect(verdict({ ...SMAD, aide: "preparation" }).apportInitial.statut).toBe("conforme");
  });
});

describe("E4 — 311-29 : cas réduits = conditions de 311-10, sans avertissement", () => {
  it("animation à 15 % avec préventes = 1 × écart : liste conforme, pas d'avertissement de textes divergents", () => {
    const v = verdict({ ...ANIMATION, dateDemande: "2023-02-01", apportInitial: 150000, preventesInternationales: 100000 });
    const c4 = cond(v.listeReference, "C4");
    expect(c4.statut).toBe("conforme");
    expect(c4.article).toBe("311-29");
    expect(c4.avertissement).toBeUndefined();
  });
  it("mais en 2023-01 le même dossier exige 2 × l'écart pour la liste", () => {
    expect(cond(verdict({ ...ANIMATION, dateDemande: "2023-01-31", apportInitial: 150000, preventesInternationales: 100000 }).listeReference, "C4").statut).toBe("non_conforme");
  });
});

describe("E5 — 311-51 : plus de condition de 80 % du coût définitif", () => {
  it("dépenses en France à 10 % du coût définitif : majoration conforme en 2023-02, non conforme en 2023-01", () => {
    const d = { ...FICTION, depensesFrance: 400000 };
    const fev = verdict({ ...d, dateDemande: "2023-02-01" }).majoration;
    expect(fev.statut).toBe("conforme");
    expect(fev.conditions.every((c) => c.article === "311-51")).toBe(true);
    expect(fev.conditions.some((c) => c.alinea === "1° c)")).toBe(false);
    expect(verdict({ ...d, dateDemande: "2023-01-31" }).majoration.statut).toBe("non_conforme");
  });
  it("80 % des postes toujours exigés (311-51 1° b) : 1 599 999,99 € sur 2 000 000 € non conforme", () => {
    const m = verdict({ ...FICTION, dateDemande: "2023-02-01", depensesFrancePostes: 1599999.99 }).majoration;
    const b = cond(m, "D", "1° b)");
    expect(b.statut).toBe("non_conforme");
    expect(n(b.ecart)).toBe(0.01);
  });
  // 338 min × 350 000 €/h / 60 = 1 971 666,67 €: 5 000 000 € is well above; 45 « Fabrication » points are still required.
  it("animation : 44 points « Fabrication » (sur 45) non conforme d'un point, dépenses horaires conformes, articles 311-51 2° b) et c)", () => {
    const m = verdict({ ...ANIMATION, dateDemande: "2023-02-01", coutDefinitif: 6000000, apportInitial: 1500000, pointsFabrication: 44, depensesFrance: 5000000 }).majoration;
    expect(m.statut).toBe("non_conforme");
    const b = cond(m, "D", "2° b)");
    expect([b.article, b.statut, n(b.attendu)]).toEqual(["311-51", "conforme", 1971666.6666666667]);
    const points = m.conditions.filter((c) => c.alinea === "2° c)" && c.statut === "non_conforme");
    expect(points.map((c) => [c.article, n(c.attendu), n(c.ecart), c.unite])).toEqual([["311-51", 45, 1, "points"]]);
  });
});
