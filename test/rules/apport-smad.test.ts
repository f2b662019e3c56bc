/** 311-12 (B1–B3), version 2023-01: works made for on-demand services, automatic aid. */
import { cond, n, verdict } from "../outils";

// Documentary, 90 min, coût définitif 400 000 €: 25 % = 100 000 €, 12,5 % = 50 000 €, 12 000 €/h × 1,5 h = 18 000 €.
const DOC_SMAD = {
  dateDemande: "2023-01-25",
  genre: "documentaire",
  destination: "smad",
  dureeMinutes: 90,
  coutDefinitif: 400000,
  apportNumeraireSmad: 100000,
  caseMagazine: false,
  autorisationPrealable: true,
  autorisationDefinitive: true,
  versionDefinitiveAcceptee: true,
  versionOriginaleFrancaise: true,
};

describe("B — 311-12 : œuvres conçues pour les services à la demande", () => {
  it("éditeurs SMAD seuls (1°), 100 000 € = 25 % × 400 000 € : conforme, régime 311-12", () => {
    const v = verdict(DOC_SMAD);
    expect(v.apportInitial.regime).toBe("311-12");
    expect(v.apportInitial.statut).toBe("conforme");
    expect(cond(v.apportInitial, "B1").statut).toBe("conforme");
    expect(cond(v.apportInitial, "B2").statut).toBe("conforme");
    expect(n(cond(v.apportInitial, "B2").attendu)).toBe(100000);
  });

  it("99 999,99 € : B2 non conforme d'un centime", () => {
    const b2 = cond(verdict({ ...DOC_SMAD, apportNumeraireSmad: 99999.99 }).apportInitial, "B2");
    expect(b2.statut).toBe("non_conforme");
    expect(n(b2.ecart)).toBe(0.01);
  });

  it("seul le numéraire compte : un apportInitial déclaré de 300 000 € ne remplace pas le numéraire SMAD", () => {
    const v = verdict({ ...DOC_SMAD, apportInitial: 300000, apportNumeraireSmad: 60000 });
    expect(cond(v.apportInitial, "B2").statut).toBe("non_conforme");
    expect(n(cond(v.apportInitial, "B2").constate)).toBe(60000);
  });

  it("avec d'autres entreprises (2°) : 50 000 € SMAD (= 12,5 %) + 50 000 € autres = 100 000 € : conforme", () => {
    const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 50000, apportAutresFrance: 50000, autresFranceDetiennentPartsProducteur: false });
    expect(v.apportInitial.statut).toBe("conforme");
    expect(n(v.apportInitial.conditions.find((c) => c.libelle === "Part des éditeurs SMAD")!.attendu)).toBe(50000);
  });

  it("2° : 49 999,99 € SMAD (un centime sous 12,5 %) : non conforme, même si le total atteint 25 %", () => {
    const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 49999.99, apportAutresFrance: 60000, autresFranceDetiennentPartsProducteur: false });
    const part = v.apportInitial.conditions.find((c) => c.libelle === "Part des éditeurs SMAD")!;
    expect(part.statut).toBe("non_conforme");
    expect(n(part.ecart)).toBe(0.01);
    expect(cond(v.apportInitial, "B2").statut).toBe("conforme");
    expect(v.apportInitial.statut).toBe("non_conforme");
  });

  it("2° : les autres entreprises détiennent des parts de producteur : non conforme ; non renseigné : incomplet", () => {
    const base = { ...DOC_SMAD, apportNumeraireSmad: 60000, apportAutresFrance: 40000 };
    const parts = (v: ReturnType<typeof verdict>) => v.apportInitial.conditions.find((c) => c.libelle.startsWith("Autres apporteurs"))!;
    expect(parts(verdict({ ...base, autresFranceDetiennentPartsProducteur: true })).statut).toBe("non_conforme");
    const inc = parts(verdict(base));
    expect(inc.statut).toBe("incomplet");
    expect(inc.manquants).toEqual(["autresFranceDetiennentPartsProducteur"]);
  });

  it("B3 documentaire : 12 000 €/h × 1,5 h = 18 000 € ; 17 999,99 € non conforme (base 60 000 € pour rester à 25 %)", () => {
    const petit = { ...DOC_SMAD, coutDefinitif: 60000 };
    expect(cond(verdict({ ...petit, apportNumeraireSmad: 18000 }).apportInitial, "B3").statut).toBe("conforme");
    const ko = cond(verdict({ ...petit, apportNumeraireSmad: 17999.99 }).apportInitial, "B3");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.ecart)).toBe(0.01);
  });

  it("B3 spectacle vivant : 15 000 €/h (et non 20 000 €) : 22 500 € pour 90 min conforme, 22 499,99 € non", () => {
    const sv = { ...DOC_SMAD, genre: "spectacle_vivant", coutDefinitif: 80000, qualiteSpectacleVivant: true };
    const ok = cond(verdict({ ...sv, apportNumeraireSmad: 22500 }).apportInitial, "B3");
    expect(ok.statut).toBe("conforme");
    expect(n(ok.attendu)).toBe(22500);
    expect(cond(verdict({ ...sv, apportNumeraireSmad: 22499.99 }).apportInitial, "B3").statut).toBe("non_conforme");
  });

  it("B3 fiction et animation : pas de montant horaire", () => {
    expect(cond(verdict({ ...DOC_SMAD, genre: "fiction" }).apportInitial, "B3").statut).toBe("non_applicable");
    expect(cond(verdict({ ...DOC_SMAD, genre: "animation" }).apportInitial, "B3").statut).toBe("non_applicable");
  });

  it("pas de dérogation 311-11-1 en 311-12 : animation à 20 % avec préventes et points reste non conforme", () => {
    const v = verdict({ ...DOC_SMAD, genre: "animation", apportNumeraireSmad: 80000, preventesInternationales: 1000000, pointsCreation: 40, pointsFabrication: 40 });
    expect(cond(v.apportInitial, "B2").statut).toBe("non_conforme");
    expect(v.apportInitial.conditions.some((c) => c.code === "A4")).toBe(false);
  });

  it("aide à la préparation : l'apport initial n'est pas requis (section non applicable)", () => {
    const v = verdict({ ...DOC_SMAD, aide: "preparation", apportNumeraireSmad: 0 });
    expect(v.apportInitial.statut).toBe("non_applicable");
    expect(v.apportInitial.motif).toMatch(/préparation/);
  });

  it("aide sélective : non applicable", () => {
    expect(verdict({ ...DOC_SMAD, aide: "selective" }).apportInitial.statut).toBe("non_applicable");
  });

  it("coproduction : 12,5 % et 25 % de la participation française", () => {
    const v = verdict({ ...DOC_SMAD, coproductionInternationale: true, participationFrancaise: 200000, apportNumeraireSmad: 50000 });
    expect(cond(v.apportInitial, "B2").statut).toBe("conforme");
    expect(n(cond(v.apportInitial, "B2").attendu)).toBe(50000);
  });

  it("sans numéraire SMAD : incomplet", () => {
    const { apportNumeraireSmad, ...reste } = DOC_SMAD;
    void apportNumeraireSmad;
    const v = verdict(reste);
    expect(v.apportInitial.statut).toBe("incomplet");
    expect(cond(v.apportInitial, "B2").manquants).toEqual(["apportNumeraireSmad"]);
  });
});
