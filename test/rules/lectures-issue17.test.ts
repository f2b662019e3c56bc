/** Issue 17: rules of the texts read in full (311-30 5°, contradictory inputs, wording of 311-50 / 311-51, 311-81). */
import { DossierInvalide, parseDossier } from "../../src/dossier";
import { ANIMATION, FICTION, cond, verdict } from "../outils";

describe("311-30 5°, dernière phrase : « financée au moyen de l'apport conjoint de plusieurs des éditeurs … qu'après acceptation … par l'ensemble de ces éditeurs »", () => {
  it("plusieurs éditeurs : diffusée l'année précédente ne suffit pas, l'acceptation de la version définitive est exigée", () => {
    const d = { ...FICTION, plusieursEditeurs: true, diffuseeAnneePrecedente: true };
    const c6 = cond(verdict({ ...d, versionDefinitiveAcceptee: false }).listeReference, "C6");
    expect(c6.statut).toBe("non_conforme");
    const manque = cond(verdict(d).listeReference, "C6");
    expect(manque.statut).toBe("incomplet");
    expect(manque.manquants).toEqual(["versionDefinitiveAcceptee"]);
    expect(cond(verdict({ ...d, versionDefinitiveAcceptee: true }).listeReference, "C6").statut).toBe("conforme");
  });

  it("numéraire de télévision et numéraire SMAD tous deux au-dessus de 0 : apport conjoint, même sans le champ plusieursEditeurs", () => {
    const d = { ...FICTION, apportNumeraireSmad: 50000, diffuseeAnneePrecedente: true };
    expect(cond(verdict(d).listeReference, "C6").statut).toBe("incomplet");
    expect(cond(verdict({ ...d, versionDefinitiveAcceptee: true }).listeReference, "C6").statut).toBe("conforme");
  });

  it("un seul éditeur : la diffusion l'année précédente suffit (première phrase du 5°)", () => {
    expect(cond(verdict({ ...FICTION, diffuseeAnneePrecedente: true }).listeReference, "C6").statut).toBe("conforme");
    expect(cond(verdict({ ...FICTION, diffuseeAnneePrecedente: false, versionDefinitiveAcceptee: true }).listeReference, "C6").statut).toBe("conforme");
  });
});

describe("entrées contradictoires : une erreur qui nomme les deux champs, jamais un verdict", () => {
  const cas: [string, Record<string, unknown>, string[]][] = [
    ["participation française 3 M€ sur une œuvre de 1 M€", { coutDefinitif: 1000000, coproductionInternationale: true, participationFrancaise: 3000000 }, ["participationFrancaise", "coutDefinitif"]],
    ["numéraire au-dessus de l'apport initial", { apportInitial: 100000, apportNumeraireTelevision: 80000, apportNumeraireSmad: 30000 }, ["apportNumeraireTelevision", "apportInitial"]],
    ["dépenses en France au-dessus du coût définitif", { coutDefinitif: 1000000, depensesFrance: 1000000.01 }, ["depensesFrance", "coutDefinitif"]],
    ["dépenses sur les postes au-dessus du coût des postes", { coutPostes: 500000, depensesFrancePostes: 600000 }, ["depensesFrancePostes", "coutPostes"]],
    ["coût des postes au-dessus du coût définitif", { coutDefinitif: 400000, coutPostes: 500000 }, ["coutPostes", "coutDefinitif"]],
    ["épisode plus long que l'œuvre", { dureeMinutes: 45, dureeEpisodeMinutes: 52 }, ["dureeEpisodeMinutes", "dureeMinutes"]],
  ];
  it.each(cas)("%s", (_nom, champs, noms) => {
    let erreur: unknown;
    try { parseDossier({ genre: "fiction", ...champs }); } catch (e) { erreur = e; }
    expect(erreur).toBeInstanceOf(DossierInvalide);
    for (const nom of noms) expect((erreur as Error).message).toContain(nom);
  });
  it("égalité permise : une partie égale au tout n'est pas une contradiction", () => {
    expect(() => parseDossier({ coutDefinitif: 1000000, depensesFrance: 1000000, coutPostes: 1000000, depensesFrancePostes: 1000000, apportInitial: 5, apportNumeraireTelevision: 5, dureeMinutes: 52, dureeEpisodeMinutes: 52 })).not.toThrow();
  });
});

describe("messages fidèles aux textes", () => {
  it("311-50 1° c) énumère les catégories exactement, « hors acquisition de droits d'exploitation d'images d'archives » et « charges sociales afférentes »", () => {
    const d = verdict({ ...FICTION, depensesFrancePostes: 1000000 }).majoration.conditions.find((c) => c.libelle === "Dépenses en France / postes")!;
    expect(d.alinea).toBe("1° c)");
    expect(d.message).toContain("droits artistiques hors acquisition de droits d'exploitation d'images d'archives, personnels techniques et charges sociales afférentes, artistes-interprètes et charges sociales afférentes, décors et costumes, moyens techniques");
  });
  it("311-51 a) « être d'expression originale française » (2023-02) ; 311-50 a) « version originale en langue française » (2023-01)", () => {
    const fev = verdict({ ...FICTION, dateDemande: "2023-02-15", versionOriginaleFrancaise: false }).majoration.conditions.find((c) => c.statut === "non_conforme" && c.code === "D" && c.alinea === "1° a)")!;
    expect(fev.message).toContain("expression originale française");
    const jan = verdict({ ...FICTION, versionOriginaleFrancaise: false }).majoration.conditions.find((c) => c.statut === "non_conforme" && c.code === "D" && c.alinea === "1° a)")!;
    expect(jan.message).toContain("version originale en langue française");
  });
  it("311-11-1 a) rappelle quels contrats comptent : conclus avant la fin de la fabrication de l'animation, avec un éditeur établi à l'étranger, par le producteur délégué ou le mandataire", () => {
    const a4 = cond(verdict({ ...ANIMATION, preventesInternationales: 1000 }).apportInitial, "A4", "a)");
    expect(a4.message).toContain("avant la fin de la fabrication de l'animation");
    expect(a4.message).toContain("établi à l'étranger");
    expect(a4.message).toContain("mandat de commercialisation");
  });
  it("311-11 al. 3 « Cette condition s'applique sous réserve … de l'article 311-81 » : la part de 25 % comme le numéraire (2023-01 seulement)", () => {
    const v = verdict(FICTION);
    expect(cond(v.apportInitial, "A1").avertissement).toMatch(/311-81/);
    expect(cond(v.apportInitial, "A2").avertissement).toMatch(/311-81/);
    expect(cond(verdict({ ...FICTION, dateDemande: "2023-02-15" }).apportInitial, "A1").avertissement).toBeUndefined();
  });
  it("points affichés en points (unité « points », même incomplets)", () => {
    const { pointsCreation, ...sans } = ANIMATION;
    void pointsCreation;
    const pc = verdict(sans).apportInitial.conditions.find((c) => c.libelle.includes("Création"))!;
    expect(pc.unite).toBe("points");
    expect(pc.statut).toBe("incomplet");
  });
});

describe("A4 fait partie de A1 : « the derogation could apply but its fields are missing » → incomplet", () => {
  it.each([["2023-01-20", 200000], ["2023-02-20", 150000]])("%s : apport exactement au taux réduit (%s € sur 1 000 000 €), préventes non renseignées → A1 incomplet, écart nul", (date, apport) => {
    const { preventesInternationales, ...sans } = ANIMATION;
    void preventesInternationales;
    const a1 = cond(verdict({ ...sans, dateDemande: date, apportInitial: apport }).apportInitial, "A1");
    expect(a1.statut).toBe("incomplet");
    expect(a1.manquants).toEqual(["preventesInternationales"]);
    expect(a1.ecart).toBeNull();
    // One cent under the reduced rate: no presales could save it.
    expect(cond(verdict({ ...sans, dateDemande: date, apportInitial: apport - 0.01 }).apportInitial, "A1").statut).toBe("non_conforme");
  });
});
