/** 311-50 (D), version 2023-01: the 25 % bonus on the automatic account. */
import { ANIMATION, FICTION, cond, n, verdict } from "../outils";

describe("D — 311-50 1° : fiction, documentaire, spectacle vivant", () => {
  it("œuvre de référence, VO française, 80 % du coût et 80 % des postes en France : 25 %, 200 000 € × 25 % = 50 000 €", () => {
    const m = verdict(FICTION).majoration;
    expect(m.statut).toBe("conforme");
    expect(m.taux.toNumber()).toBe(0.25);
    expect(m.montant?.toNumber()).toBe(50000);
  });

  it("dépenses en France exactement à 80 % du coût définitif (3 200 000 €) : conforme ; 3 199 999,99 € : non conforme, taux 0", () => {
    expect(verdict({ ...FICTION, depensesFrance: 3200000 }).majoration.statut).toBe("conforme");
    const m = verdict({ ...FICTION, depensesFrance: 3199999.99 }).majoration;
    expect(m.statut).toBe("non_conforme");
    expect(m.taux.toNumber()).toBe(0);
    expect(m.montant?.toNumber()).toBe(0);
    const b = cond(m, "D", "1° b)");
    expect(n(b.ecart)).toBe(0.01);
    expect(b.article).toBe("311-50");
  });

  it("80 % des postes : 1 600 000 € sur 2 000 000 € conforme ; 1 599 999,99 € non conforme", () => {
    expect(cond(verdict({ ...FICTION, depensesFrancePostes: 1600000 }).majoration, "D", "1° c)").statut).toBe("conforme");
    expect(cond(verdict({ ...FICTION, depensesFrancePostes: 1599999.99 }).majoration, "D", "1° c)").statut).toBe("non_conforme");
  });

  it("le 80 % porte sur le coût définitif même en coproduction (pas la participation française)", () => {
    const v = verdict({ ...FICTION, coproductionInternationale: true, participationFrancaise: 3000000, apportInitial: 1000000, depensesFrance: 3200000 });
    expect(n(cond(v.majoration, "D", "1° b)").attendu)).toBe(3200000);
  });

  it("pas en version originale française : non conforme", () => {
    expect(verdict({ ...FICTION, versionOriginaleFrancaise: false }).majoration.statut).toBe("non_conforme");
  });

  it("exige une œuvre de référence : liste non conforme → majoration non conforme ; liste incomplète → incomplet", () => {
    expect(verdict({ ...FICTION, autorisationDefinitive: false }).majoration.statut).toBe("non_conforme");
    const { autorisationDefinitive, ...sans } = FICTION;
    void autorisationDefinitive;
    const m = verdict(sans).majoration;
    expect(m.statut).toBe("incomplet");
    expect(m.taux.toNumber()).toBe(0);
    expect(cond(m, "D", 1).manquants).toEqual(["autorisationDefinitive"]);
  });

  it("sans sommes du compte automatique : taux seul, montant absent", () => {
    const { sommesCompteAutomatique, ...sans } = FICTION;
    void sommesCompteAutomatique;
    const m = verdict(sans).majoration;
    expect(m.taux.toNumber()).toBe(0.25);
    expect(m.montant).toBeNull();
  });
});

describe("D — 311-50 2° : animation", () => {
  // 338 min = 5,6333 h; 350 000 €/h × 338 / 60 = 1 971 666,67 € (exactly 1 971 666,666…).
  // 350 000 €/h × 338 min = 1 971 666,67 € of French spend: the cost (2 500 000 €) is above it.
  const ANIM = { ...ANIMATION, coutDefinitif: 2500000, apportInitial: 650000, pointsCreation: 30, pointsFabrication: 45, depensesFrance: 1971667 };
  it("dépenses horaires ≥ 350 000 € et points 30/45 : conforme", () => {
    expect(verdict(ANIM).majoration.statut).toBe("conforme");
  });
  it("1 971 666,66 € sur 338 min (349 999,999 €/h) : non conforme", () => {
    const m = verdict({ ...ANIM, depensesFrance: 1971666.66 }).majoration;
    expect(cond(m, "D", "2° b)").statut).toBe("non_conforme");
  });
  it("44 points « Fabrication » : non conforme d'un point ; 29 « Création » : non conforme", () => {
    const fab = verdict({ ...ANIM, pointsFabrication: 44 }).majoration;
    expect(fab.statut).toBe("non_conforme");
    const c = fab.conditions.find((x) => x.libelle.includes("Fabrication"))!;
    expect(n(c.ecart)).toBe(1);
    expect(verdict({ ...ANIM, pointsCreation: 29 }).majoration.statut).toBe("non_conforme");
  });
  it("la première condition D lue est celle qui échoue (les points), pas l'œuvre de référence conforme", () => {
    const m = verdict({ ...ANIM, pointsFabrication: 44 }).majoration;
    const premiere = m.conditions.find((x) => x.code === "D")!;
    expect(premiere.statut).toBe("non_conforme");
    expect(premiere.libelle).toContain("Fabrication");
    expect(m.conditions.filter((x) => x.code === "D")).toHaveLength(5);
  });
});
