/** 311-12 (B1–B3), version 2023-01: works made for on-demand services, automatic aid. */
import { cond, n, verdict } from "../outils";
import { manquantsSection } from "../../src/rules";

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

  it("2° : 50 000 € SMAD (= 12,5 %) + 50 000 € d'autres entreprises sans parts = 100 000 € (25 %) : conforme par le 2°", () => {
    const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 50000, apportAutresFrance: 50000, autresFranceDetiennentPartsProducteur: false });
    expect(v.apportInitial.statut).toBe("conforme");
    expect(v.apportInitial.route).toBe("2°");
    const part = v.apportInitial.conditions.find((c) => c.code === "B1" && c.alinea === "2°" && c.libelle.includes("12,5"))!;
    expect(n(part.attendu)).toBe(50000);
    expect(n(cond(v.apportInitial, "B2").constate)).toBe(100000);
  });

  it("2° « au moins égal à 12,5 % » : 49 999,99 € SMAD (un centime sous 12,5 %) : non conforme, même si le total atteint 25 % ; écart 0,01 €", () => {
    const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 49999.99, apportAutresFrance: 60000, autresFranceDetiennentPartsProducteur: false });
    const part = v.apportInitial.conditions.find((c) => c.code === "B1" && c.alinea === "2°" && c.libelle.includes("12,5"))!;
    expect(part.statut).toBe("non_conforme");
    expect(n(part.ecart)).toBe(0.01);
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(v.apportInitial.ecart?.toNumber()).toBe(0.01);
  });

  it("1° « soit d'un ou plusieurs éditeurs de services à la demande » : 25 % de numéraire SMAD suffit, même si les autres entreprises détiennent des parts ou si on l'ignore", () => {
    for (const parts of [{ autresFranceDetiennentPartsProducteur: true }, {}]) {
      const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 100000, apportAutresFrance: 40000, ...parts });
      expect(v.apportInitial.statut).toBe("conforme");
      expect(v.apportInitial.route).toBe("1°");
      // The others' money is not dropped silently: the verdict says it is not counted by the 1°.
      expect(cond(v.apportInitial, "B2").message).toMatch(/n'est pas compté/);
    }
  });

  it("2° : « les entreprises ou organismes ne détiennent pas … de parts de producteur » : parts détenues → le 2° échoue ; non renseigné → incomplet", () => {
    const base = { ...DOC_SMAD, apportNumeraireSmad: 60000, apportAutresFrance: 40000 };
    const avecParts = verdict({ ...base, autresFranceDetiennentPartsProducteur: true });
    expect(avecParts.apportInitial.statut).toBe("non_conforme");
    // Route 2° is closed: the least addition is the 1° gap, 100 000 − 60 000 = 40 000 € of SMAD cash.
    expect(avecParts.apportInitial.route).toBe("1°");
    expect(avecParts.apportInitial.ecart?.toNumber()).toBe(40000);
    const inc = verdict(base);
    expect(inc.apportInitial.statut).toBe("incomplet");
    expect(inc.apportInitial.route).toBe("2°");
    expect(inc.apportInitial.conditions.find((c) => c.statut === "incomplet")!.manquants).toEqual(["autresFranceDetiennentPartsProducteur"]);
  });

  it("2° : le numéraire des éditeurs de télévision compte avec les autres entreprises, avec un avertissement", () => {
    const v = verdict({ ...DOC_SMAD, apportNumeraireSmad: 50000, apportNumeraireTelevision: 50000, apportInitial: 100000, autresFranceDetiennentPartsProducteur: false });
    expect(v.apportInitial.statut).toBe("conforme");
    expect(v.apportInitial.route).toBe("2°");
    expect(cond(v.apportInitial, "B2").avertissement).toMatch(/télévision/);
  });

  it("1° : un numéraire SMAD de 0 € ne satisfait jamais le 1°, même sur une base de 0 €", () => {
    const v = verdict({ ...DOC_SMAD, coutDefinitif: 0, apportNumeraireSmad: 0 });
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(cond(v.apportInitial, "B1").statut).toBe("non_conforme");
  });

  it("1° : contrat d'achat de droits conclu avant la fin des prises de vues ; un jour après : non conforme ; pas d'engagement provisoire", () => {
    const tot = verdict({ ...DOC_SMAD, dateContrat: "2022-11-30", dateFinTournage: "2022-12-01" }).apportInitial;
    expect(tot.conditions.find((c) => c.libelle.startsWith("Contrat"))!.statut).toBe("conforme");
    expect(tot.statut).toBe("conforme");
    const tard = verdict({ ...DOC_SMAD, dateContrat: "2022-12-02", dateFinTournage: "2022-12-01" }).apportInitial;
    expect(tard.conditions.find((c) => c.libelle.startsWith("Contrat"))!.statut).toBe("non_conforme");
    expect(tard.statut).toBe("non_conforme");
    const engagement = verdict({ ...DOC_SMAD, engagementFerme: true }).apportInitial;
    const c = engagement.conditions.find((x) => x.libelle.startsWith("Contrat"))!;
    expect(c.statut).toBe("incomplet");
    expect(c.manquants).toEqual(["dateContrat"]);
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

  it("aide sélective : 311-12 ne vise que les aides automatiques ; 311-11 al. 4 : ni part ni numéraire, section non applicable", () => {
    const v = verdict({ ...DOC_SMAD, aide: "selective" });
    expect(v.apportInitial.statut).toBe("non_applicable");
    expect(v.apportInitial.regime).toBe("311-11");
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
    expect(manquantsSection(v.apportInitial)).toContain("apportNumeraireSmad");
  });
});
