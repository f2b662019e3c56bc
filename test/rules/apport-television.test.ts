/**
 * 311-11 (A1–A6) and 311-11-1 (A4), version 2023-01: worked examples with their arithmetic, and the
 * boundaries (exactly at the threshold: conforme; one cent / one point under: non conforme).
 */
import { ANIMATION, FICTION, cond, n, verdict } from "../outils";
import { conditionJson } from "../../src/render/json";

describe("A1 — 311-11 al. 3 : apport initial >= 25 % de la base", () => {
  it("4 000 000 € × 25 % = 1 000 000 € : un apport de exactement 1 000 000 € est conforme", () => {
    const v = verdict({ ...FICTION, apportInitial: 1000000 });
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("conforme");
    expect(a1.article).toBe("311-11");
    expect(a1.alinea).toBe(3);
    expect(n(a1.attendu)).toBe(1000000);
    expect(n(a1.ecart)).toBe(0);
    expect(v.apportInitial.statut).toBe("conforme");
    expect(v.apportInitial.taux?.toNumber()).toBe(0.25);
    expect(v.apportInitial.tauxArticle).toBe("311-11");
    expect(v.apportInitial.apportMinimum?.toNumber()).toBe(1000000);
    expect(v.apportInitial.base?.toNumber()).toBe(4000000);
  });

  it("un centime sous 1 000 000 € (999 999,99 €) est non conforme, écart 0,01 €", () => {
    const v = verdict({ ...FICTION, apportInitial: "999 999,99" });
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("non_conforme");
    expect(n(a1.ecart)).toBe(0.01);
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(v.apportInitial.ecart?.toNumber()).toBe(0.01);
  });

  it("base non ronde : 25 % × 1 234 567,89 € = 308 641,9725 €, comparé sans arrondi", () => {
    const petit = { ...FICTION, coutDefinitif: 1234567.89, depensesFrance: 1100000, coutPostes: 600000, depensesFrancePostes: 500000 };
    const juste = verdict({ ...petit, apportInitial: "308641.9725", apportNumeraireTelevision: 300000 });
    expect(cond(juste.apportInitial, "A1").statut).toBe("conforme");
    // 308 641,97 € would round to the same cent, but is 0,0025 € short: exact comparison says non conforme.
    const arrondi = verdict({ ...petit, apportInitial: 308641.97, apportNumeraireTelevision: 300000 });
    const a1 = cond(arrondi.apportInitial, "A1");
    expect(a1.statut).toBe("non_conforme");
    // DOMAIN.md: a shortfall is shown rounded UP to the cent, so that adding it complies: 0,01 €, never 0,00 €.
    expect(a1.message).toContain("il manque 0,01\u202f€");
    expect(a1.message).not.toContain("il manque 0,00\u202f€");
    // The minimum is shown rounded up too: 308 641,98 €, which complies; 308 641,97 € would not.
    expect(a1.message).toContain("308\u202f641,98\u202f€");
    expect(cond(verdict({ ...petit, apportInitial: 308641.98, apportNumeraireTelevision: 300000 }).apportInitial, "A1").statut).toBe("conforme");
    // In JSON and in CNC.ECART, a gap of 0 means "complies": the least whole cent that closes it is shown.
    expect(n(a1.ecart)).toBe(0.0025);
    expect(conditionJson(a1).ecart).toBe(0.01);
  });

  it("coproduction internationale : 25 % de la participation française (2 000 000 € → 500 000 €), pas du coût définitif", () => {
    const copro = { ...FICTION, coutDefinitif: 3200000, depensesFrance: 2900000, coproductionInternationale: true, participationFrancaise: 2000000, apportNumeraireTelevision: 400000 };
    expect(cond(verdict({ ...copro, apportInitial: 500000 }).apportInitial, "A1").statut).toBe("conforme");
    const v = verdict({ ...copro, apportInitial: 499999.99 });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
    expect(v.apportInitial.base?.toNumber()).toBe(2000000);
  });

  it("coproduction sans participation française : incomplet, participationFrancaise manquante", () => {
    const v = verdict({ ...FICTION, coproductionInternationale: true });
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("incomplet");
    expect(a1.manquants).toEqual(["participationFrancaise"]);
  });

  it("sans apport initial ni coût définitif : incomplet, les deux champs listés", () => {
    const { apportInitial, coutDefinitif, ...reste } = FICTION;
    void apportInitial; void coutDefinitif;
    const a1 = cond(verdict(reste).apportInitial, "A1");
    expect(a1.statut).toBe("incomplet");
    expect(a1.manquants).toEqual(["coutDefinitif", "apportInitial"]);
  });
});

describe("A2 — 311-11 al. 3 : part en numéraire par heure", () => {
  it("fiction 360 min = 6 h × 12 000 € = 72 000 € : exactement 72 000 € est conforme", () => {
    const v = verdict({ ...FICTION, apportNumeraireTelevision: 72000 });
    const a2 = cond(v.apportInitial, "A2");
    expect(a2.statut).toBe("conforme");
    expect(n(a2.attendu)).toBe(72000);
    expect(v.apportInitial.numeraireMinimum?.toNumber()).toBe(72000);
    expect(v.apportInitial.numeraireHoraire?.toNumber()).toBe(12000);
  });

  it("71 999,99 € pour 6 h est non conforme, écart 0,01 €", () => {
    const a2 = cond(verdict({ ...FICTION, apportNumeraireTelevision: 71999.99 }).apportInitial, "A2");
    expect(a2.statut).toBe("non_conforme");
    expect(n(a2.ecart)).toBe(0.01);
  });

  it("le numéraire des éditeurs SMAD s'ajoute à celui de la télévision : 50 000 + 22 000 = 72 000 €", () => {
    const a2 = cond(verdict({ ...FICTION, apportNumeraireTelevision: 50000, apportNumeraireSmad: 22000 }).apportInitial, "A2");
    expect(a2.statut).toBe("conforme");
    expect(n(a2.constate)).toBe(72000);
  });

  it("spectacle vivant : 20 000 €/h, 90 min → 30 000 € ; 29 999,99 € est non conforme", () => {
    const base = { ...FICTION, genre: "spectacle_vivant", dureeMinutes: 90, qualiteSpectacleVivant: true };
    expect(cond(verdict({ ...base, apportNumeraireTelevision: 30000 }).apportInitial, "A2").statut).toBe("conforme");
    const ko = cond(verdict({ ...base, apportNumeraireTelevision: 29999.99 }).apportInitial, "A2");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.attendu)).toBe(30000);
  });

  it("durée non ronde : 52 min de spectacle vivant → 20 000 × 52 / 60 = 17 333,33… € ; 17 333,33 € est sous le seuil", () => {
    const base = { ...FICTION, genre: "spectacle_vivant", dureeMinutes: 52, qualiteSpectacleVivant: true };
    expect(cond(verdict({ ...base, apportNumeraireTelevision: 17333.33 }).apportInitial, "A2").statut).toBe("non_conforme");
    expect(cond(verdict({ ...base, apportNumeraireTelevision: 17333.34 }).apportInitial, "A2").statut).toBe("conforme");
  });

  it("une seconde de moins (359,983 min = 5,9997 h) : 71 999,99 € font alors 12 000,55 €/h, conforme", () => {
    const v = verdict({ ...FICTION, dureeMinutes: "359.9833333", apportNumeraireTelevision: 71999.99 });
    expect(cond(v.apportInitial, "A2").statut).toBe("conforme");
  });

  it("sans numéraire renseigné : incomplet, les deux champs de numéraire listés", () => {
    const { apportNumeraireTelevision, ...reste } = FICTION;
    void apportNumeraireTelevision;
    const a2 = cond(verdict(reste).apportInitial, "A2");
    expect(a2.statut).toBe("incomplet");
    expect(a2.manquants).toEqual(["apportNumeraireTelevision", "apportNumeraireSmad"]);
  });

  it("porte l'avertissement de la réserve de l'article 311-81 en version 2023-01", () => {
    expect(cond(verdict(FICTION).apportInitial, "A2").avertissement).toMatch(/311-81/);
  });

  it("genre « autre » : pas de part horaire fixée, A2 non applicable, A1 toujours vérifiée", () => {
    const v = verdict({ ...FICTION, genre: "autre" });
    expect(cond(v.apportInitial, "A2").statut).toBe("non_applicable");
    expect(cond(v.apportInitial, "A1").statut).toBe("conforme");
  });
});

describe("A3 — 311-11 al. 4 : aide sélective", () => {
  it("ni part minimale ni numéraire : la section est non applicable, même avec un apport de 10 %", () => {
    const v = verdict({ ...FICTION, aide: "selective", apportInitial: 400000, apportNumeraireTelevision: 0 });
    expect(v.apportInitial.statut).toBe("non_applicable");
    expect(cond(v.apportInitial, "A1").statut).toBe("non_applicable");
    expect(cond(v.apportInitial, "A2").statut).toBe("non_applicable");
    expect(v.apportInitial.motif).toMatch(/sélective/);
    // No minimum: 0 €, for the share as for the cash, as CNC.APPORT_MIN and CNC.NUMERAIRE_MIN answer.
    expect(v.apportInitial.apportMinimum?.toNumber()).toBe(0);
    // No hourly minimum exists: null (shown "—"), never 0,00 €.
    expect(v.apportInitial.numeraireMinimum).toBeNull();
  });

  it("311-11 al. 4 n'écarte que la part de 25 % et le numéraire : al. 1 (contrat avant la fin des prises de vues) s'applique à l'aide sélective", () => {
    const v = verdict({ ...FICTION, aide: "selective", apportInitial: 400000, apportNumeraireTelevision: 0, dateContrat: "2022-12-20", dateFinTournage: "2022-12-16" });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_applicable");
    expect(cond(v.apportInitial, "A5").statut).toBe("non_conforme");
    expect(v.apportInitial.statut).toBe("non_conforme");
  });

  it("311-11 al. 2 (72 mois dont 36 exclusifs) s'applique aussi à l'aide sélective", () => {
    const v = verdict({ ...FICTION, aide: "selective", dureeDroitsSmadMois: 73 });
    expect(cond(v.apportInitial, "A6").statut).toBe("non_conforme");
    expect(v.apportInitial.statut).toBe("non_conforme");
  });

  it("311-12 dernier alinéa, « la condition d'apport initial n'est pas requise pour … les aides automatiques à la préparation » : en 2023-01, section non applicable pour une œuvre de télévision, avec l'avertissement de cette lecture", () => {
    const v = verdict({ ...FICTION, aide: "preparation", apportInitial: 900000 });
    expect(v.apportInitial.statut).toBe("non_applicable");
    expect(v.apportInitial.avertissement).toMatch(/préparation/);
    expect(v.apportInitial.avertissement).toMatch(/311-12/);
    expect(v.apportInitial.apportMinimum?.toNumber()).toBe(0);
  });

  it("aide à la préparation en 2023-02 (pas de 311-12) : vérifiée comme une aide automatique, avec un avertissement", () => {
    const v = verdict({ ...FICTION, dateDemande: "2023-02-01", aide: "preparation", apportInitial: 900000 });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
    expect(n(cond(v.apportInitial, "A1").ecart)).toBe(100000);
    expect(v.apportInitial.avertissement).toMatch(/préparation/);
  });
});

describe("A4 — 311-11-1 : dérogation à 20 % pour l'animation", () => {
  // Base 1 000 000 €: 25 % = 250 000 €; apport 220 000 € → écart 30 000 €; préventes requises 2 × 30 000 = 60 000 €.
  it("exemple : apport 22 %, préventes 60 000 € (= 2 × 30 000 €), points 30/36 → taux de 20 % (311-11-1), conforme", () => {
    const v = verdict(ANIMATION);
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("conforme");
    expect(a1.article).toBe("311-11-1");
    expect(n(a1.attendu)).toBe(200000);
    expect(v.apportInitial.taux?.toNumber()).toBe(0.2);
    expect(v.apportInitial.tauxArticle).toBe("311-11-1");
    expect(cond(v.apportInitial, "A4", "a)").statut).toBe("conforme");
    expect(n(cond(v.apportInitial, "A4", "a)").attendu)).toBe(60000);
  });

  it("préventes à 59 999,99 € (un centime sous le double de l'écart) : refusé ; 311-11-1 a) « l'apport initial effectivement réalisé » : le moindre apport conforme est 250 000 − 59 999,99 / 2 = 220 000,005 €", () => {
    const v = verdict({ ...ANIMATION, preventesInternationales: 59999.99 });
    const a4 = cond(v.apportInitial, "A4", "a)");
    expect(a4.statut).toBe("non_conforme");
    expect(n(a4.ecart)).toBe(0.01);
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("non_conforme");
    expect(n(a1.attendu)).toBe(220000.005);
    expect(n(a1.ecart)).toBe(0.005);
    // Shown rounded up: adding 0,01 € complies, not 30 000 € (the gap to 25 %).
    expect(v.apportInitial.ecart?.toNumber()).toBe(0.005);
    expect(cond(verdict({ ...ANIMATION, preventesInternationales: 59999.99, apportInitial: 220000.01 }).apportInitial, "A1").statut).toBe("conforme");
  });

  it("29 points « Création » ou 35 « Fabrication » : dérogation refusée, écart en points", () => {
    const creation = verdict({ ...ANIMATION, pointsCreation: 29 });
    expect(cond(creation.apportInitial, "A1").statut).toBe("non_conforme");
    const pc = creation.apportInitial.conditions.find((c) => c.code === "A4" && c.libelle.includes("Création"))!;
    expect(pc.statut).toBe("non_conforme");
    expect(n(pc.ecart)).toBe(1);
    expect(pc.unite).toBe("points");
    expect(cond(verdict({ ...ANIMATION, pointsFabrication: 35 }).apportInitial, "A1").statut).toBe("non_conforme");
  });

  it("apport exactement à 20 % (200 000 €, préventes 100 000 € = 2 × 50 000 €) : conforme ; 199 999,99 € : non conforme", () => {
    expect(cond(verdict({ ...ANIMATION, apportInitial: 200000, preventesInternationales: 100000 }).apportInitial, "A1").statut).toBe("conforme");
    const ko = cond(verdict({ ...ANIMATION, apportInitial: 199999.99, preventesInternationales: 1000000 }).apportInitial, "A1");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.attendu)).toBe(200000);
    expect(n(ko.ecart)).toBe(0.01);
  });

  it("sans préventes ni points et apport entre 20 et 25 % : A1 incomplet (la dérogation pourrait s'appliquer)", () => {
    const { preventesInternationales, pointsCreation, pointsFabrication, ...reste } = ANIMATION;
    void preventesInternationales; void pointsCreation; void pointsFabrication;
    const v = verdict(reste);
    const a1 = cond(v.apportInitial, "A1");
    expect(a1.statut).toBe("incomplet");
    expect(a1.manquants).toEqual(["preventesInternationales", "pointsCreation", "pointsFabrication"]);
    // DOSSIER.md: an incomplet A1 has a null gap.
    expect(a1.ecart).toBeNull();
    expect(v.apportInitial.statut).toBe("incomplet");
  });

  it("sans préventes et apport sous 20 % : non conforme quoi qu'il arrive", () => {
    const { preventesInternationales, ...reste } = ANIMATION;
    void preventesInternationales;
    expect(cond(verdict({ ...reste, apportInitial: 150000 }).apportInitial, "A1").statut).toBe("non_conforme");
  });

  it("apport à 25 % : la dérogation n'est pas nécessaire et le verdict le dit", () => {
    const v = verdict({ ...ANIMATION, apportInitial: 250000 });
    expect(cond(v.apportInitial, "A1").statut).toBe("conforme");
    const a4 = cond(v.apportInitial, "A4");
    expect(a4.statut).toBe("non_applicable");
    expect(a4.message).toMatch(/non nécessaire/);
  });

  it("pas de dérogation pour la fiction en 2023-01, même avec préventes et points", () => {
    const v = verdict({ ...FICTION, apportInitial: 900000, preventesInternationales: 5000000, pointsCreation: 40, pointsFabrication: 40 });
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
    expect(v.apportInitial.conditions.some((c) => c.code === "A4")).toBe(false);
  });

  it("genre manquant et apport entre 20 et 25 % : incomplet, genre demandé", () => {
    const { genre, ...reste } = ANIMATION;
    void genre;
    const a1 = cond(verdict(reste).apportInitial, "A1");
    expect(a1.statut).toBe("incomplet");
    expect(a1.manquants).toEqual(["genre"]);
  });

  it("apport minimum compte tenu des préventes : max(20 % × base, 25 % × base − préventes / 2)", () => {
    // 250 000 − 60 000 / 2 = 220 000 € (> 200 000 €)
    expect(verdict(ANIMATION).apportInitial.apportMinimumAvecPreventes?.toNumber()).toBe(220000);
    // 250 000 − 200 000 / 2 = 150 000 € → plancher 200 000 €
    expect(verdict({ ...ANIMATION, preventesInternationales: 200000 }).apportInitial.apportMinimumAvecPreventes?.toNumber()).toBe(200000);
  });
});

describe("A5 — 311-11 al. 1 : contrat avant la fin des prises de vues", () => {
  it("contrat le 05/09/2022, fin de tournage le 16/12/2022 : conforme", () => {
    expect(cond(verdict({ ...FICTION, dateContrat: "2022-09-05", dateFinTournage: "2022-12-16" }).apportInitial, "A5").statut).toBe("conforme");
  });
  it("contrat un jour après la fin du tournage : non conforme, écart 1 jour", () => {
    const a5 = cond(verdict({ ...FICTION, dateContrat: "2022-12-17", dateFinTournage: "2022-12-16" }).apportInitial, "A5");
    expect(a5.statut).toBe("non_conforme");
    expect(n(a5.ecart)).toBe(1);
    expect(a5.unite).toBe("jours");
  });
  it("contrat le jour même : conforme, avec un avertissement sur la lecture choisie", () => {
    const a5 = cond(verdict({ ...FICTION, dateContrat: "2022-12-16", dateFinTournage: "2022-12-16" }).apportInitial, "A5");
    expect(a5.statut).toBe("conforme");
    expect(a5.avertissement).toMatch(/jour même .*tenons pour conclu avant/);
  });
  it("pas encore de contrat mais un engagement ferme : conforme à titre provisoire ; sans engagement : non conforme", () => {
    expect(cond(verdict({ ...FICTION, engagementFerme: true }).apportInitial, "A5").statut).toBe("conforme");
    expect(cond(verdict({ ...FICTION, engagementFerme: false }).apportInitial, "A5").statut).toBe("non_conforme");
  });
  it("champs facultatifs : sans dates ni engagement, A5 n'est pas évaluée", () => {
    expect(verdict(FICTION).apportInitial.conditions.some((c) => c.code === "A5")).toBe(false);
  });
  it("al. 1 : sans rien sur le contrat, A5 n'est pas évaluée mais la section le rappelle", () => {
    const section = verdict(FICTION).apportInitial;
    expect(section.conditions.some((c) => c.code === "A5")).toBe(false);
    expect(section.avertissement).toMatch(/non vérifié/);
    expect(section.avertissement).toMatch(/dateContrat et dateFinTournage/);
  });
  it("al. 1 « lorsque le contrat n'a pas encore été conclu » : fin des prises de vues passée à la date de la demande, sans date de contrat → incomplet, dateContrat demandée, même avec un engagement ferme", () => {
    for (const engagement of [{}, { engagementFerme: true }, { engagementFerme: false }]) {
      const a5 = cond(verdict({ ...FICTION, dateDemande: "2023-01-16", dateFinTournage: "2022-12-16", ...engagement }).apportInitial, "A5");
      expect(a5.statut).toBe("incomplet");
      expect(a5.manquants).toEqual(["dateContrat"]);
    }
  });
  it("al. 1 : tournage pas encore fini à la date de la demande, engagement ferme → conforme à titre provisoire", () => {
    const a5 = cond(verdict({ ...FICTION, dateDemande: "2023-01-16", dateFinTournage: "2023-03-01", engagementFerme: true }).apportInitial, "A5");
    expect(a5.statut).toBe("conforme");
  });
  it("al. 1 : une date de contrat seule et un engagement ferme : l'engagement est jugé, avec un avertissement", () => {
    const oui = cond(verdict({ ...FICTION, dateContrat: "2022-09-05", engagementFerme: true }).apportInitial, "A5");
    expect(oui.statut).toBe("conforme");
    expect(oui.avertissement).toContain("dateContrat est donnée seule");
  });
  it("al. 1 « avant la fin de la fabrication de l'animation » pour l'animation : le libellé le dit", () => {
    const a5 = cond(verdict({ ...ANIMATION, dateContrat: "2022-12-17", dateFinTournage: "2022-12-16" }).apportInitial, "A5");
    expect(a5.statut).toBe("non_conforme");
    expect(a5.message).toContain("la fin de la fabrication de l'animation");
    expect(a5.message).not.toContain("prises de vues");
  });
  it("al. 1 « avant le début du montage pour les œuvres intégralement composées d'images préexistantes »", () => {
    const d = { ...FICTION, genre: "documentaire", imagesPreexistantes: true, dateFinTournage: "2022-06-01", dateDebutMontage: "2022-10-01" };
    expect(cond(verdict({ ...d, dateContrat: "2022-09-30" }).apportInitial, "A5").statut).toBe("conforme");
    const ko = cond(verdict({ ...d, dateContrat: "2022-10-02" }).apportInitial, "A5");
    expect(ko.statut).toBe("non_conforme");
    expect(ko.message).toContain("début du montage");
  });
  it("les deux dates priment sur l'engagement ferme", () => {
    const a5 = cond(verdict({ ...FICTION, dateContrat: "2022-12-17", dateFinTournage: "2022-12-16", engagementFerme: true }).apportInitial, "A5");
    expect(a5.statut).toBe("non_conforme");
  });
});

describe("A6 — 311-11 al. 2 : durée des droits SMAD", () => {
  it("72 mois dont 36 exclusifs : conforme ; 73 ou 37 : non conforme d'un mois", () => {
    const ok = verdict({ ...FICTION, dureeDroitsSmadMois: 72, dureeExclusiviteSmadMois: 36 });
    expect(ok.apportInitial.conditions.filter((c) => c.code === "A6").map((c) => c.statut)).toEqual(["conforme", "conforme"]);
    const ko = verdict({ ...FICTION, dureeDroitsSmadMois: 73, dureeExclusiviteSmadMois: 37 });
    const a6 = ko.apportInitial.conditions.filter((c) => c.code === "A6");
    expect(a6.map((c) => c.statut)).toEqual(["non_conforme", "non_conforme"]);
    expect(a6.map((c) => n(c.ecart))).toEqual([1, 1]);
    expect(a6[0].avertissement).toMatch(/convention/);
    expect(ko.apportInitial.statut).toBe("non_conforme");
  });
});
