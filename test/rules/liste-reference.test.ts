/** 311-30 (C1–C6), version 2023-01: the list of reference works. */
import { ANIMATION, FICTION, cond, n, verdict } from "../outils";
import { conditionJson } from "../../src/render/json";

const DOC = {
  ...FICTION, genre: "documentaire", dureeMinutes: 52, dureeEpisodeMinutes: 52, coutDefinitif: 300000,
  apportInitial: 75000, apportNumeraireTelevision: 60000, caseMagazine: false,
  depensesFrance: 270000, coutPostes: 150000, depensesFrancePostes: 135000,
};

describe("C1 — 1° : genre", () => {
  it("les quatre genres ouvrent droit à la liste ; « autre » non ; genre absent : incomplet", () => {
    for (const genre of ["fiction", "animation", "documentaire", "spectacle_vivant"]) {
      expect(cond(verdict({ ...FICTION, genre }).listeReference, "C1").statut).toBe("conforme");
    }
    expect(cond(verdict({ ...FICTION, genre: "autre" }).listeReference, "C1").statut).toBe("non_conforme");
    const { genre, ...sans } = FICTION;
    void genre;
    expect(cond(verdict(sans).listeReference, "C1").manquants).toEqual(["genre"]);
  });
});

describe("C2 — 2° : format", () => {
  it("documentaire en case de magazine : 45 min par épisode conforme, 44 min 59 s non conforme", () => {
    expect(cond(verdict({ ...DOC, caseMagazine: true, dureeEpisodeMinutes: 45 }).listeReference, "C2").statut).toBe("conforme");
    const ko = cond(verdict({ ...DOC, caseMagazine: true, dureeEpisodeMinutes: "44.98333" }).listeReference, "C2");
    expect(ko.statut).toBe("non_conforme");
    expect(ko.unite).toBe("minutes");
  });
  it("documentaire hors case de magazine : pas de durée minimale ; case non renseignée : incomplet", () => {
    expect(cond(verdict({ ...DOC, dureeEpisodeMinutes: 26 }).listeReference, "C2").statut).toBe("non_applicable");
    const { caseMagazine, ...sans } = DOC;
    void caseMagazine;
    expect(cond(verdict(sans).listeReference, "C2").manquants).toEqual(["caseMagazine"]);
  });
  it("spectacle vivant : qualité artistique et technique exigée", () => {
    const sv = { ...FICTION, genre: "spectacle_vivant", apportNumeraireTelevision: 900000 };
    expect(cond(verdict({ ...sv, qualiteSpectacleVivant: true }).listeReference, "C2").statut).toBe("conforme");
    expect(cond(verdict({ ...sv, qualiteSpectacleVivant: false }).listeReference, "C2").statut).toBe("non_conforme");
    expect(cond(verdict(sv).listeReference, "C2").statut).toBe("incomplet");
  });
});

describe("C3 — 3° : autorisations", () => {
  it("les deux autorisations sont exigées", () => {
    expect(cond(verdict(FICTION).listeReference, "C3").statut).toBe("conforme");
    expect(cond(verdict({ ...FICTION, autorisationDefinitive: false }).listeReference, "C3").statut).toBe("non_conforme");
    const { autorisationPrealable, ...sans } = FICTION;
    void autorisationPrealable;
    expect(cond(verdict(sans).listeReference, "C3").manquants).toEqual(["autorisationPrealable"]);
  });
});

describe("C4 — 4° : apport initial de 25 %, 15 % (animation) ou 20 % (documentaire) dans les cas de 311-11-1", () => {
  it("fiction : 25 % exactement conforme, un centime sous non conforme", () => {
    expect(cond(verdict(FICTION).listeReference, "C4").statut).toBe("conforme");
    const ko = cond(verdict({ ...FICTION, apportInitial: 999999.99 }).listeReference, "C4");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.ecart)).toBe(0.01);
  });

  // Animation, base 1 000 000 €: 15 % = 150 000 €. With apport 150 000 €, the shortfall at 25 % is 100 000 €:
  // presales of 2 × 100 000 = 200 000 € and points 30/36 make the case of 311-11-1.
  it("animation : 150 000 € (15 %) avec préventes 200 000 € et points 30/36 : conforme, avec l'avertissement des textes divergents", () => {
    const v = verdict({ ...ANIMATION, apportInitial: 150000, preventesInternationales: 200000 });
    const c4 = cond(v.listeReference, "C4");
    expect(c4.statut).toBe("conforme");
    expect(n(c4.attendu)).toBe(150000);
    expect(v.listeReference.taux?.toNumber()).toBe(0.15);
    expect(c4.avertissement).toMatch(/15\s%.*311-30.*311-11-1.*20\s%/s);
    // The same dossier fails 311-11-1's own 20 % for the automatic aid: each text in its own rule.
    expect(cond(v.apportInitial, "A1").statut).toBe("non_conforme");
  });

  it("animation : 149 999,99 € : non conforme d'un centime ; préventes à 199 999,99 € : le moindre apport conforme est 250 000 − 199 999,99 / 2 = 150 000,005 € (4° al. 2, cas de 311-11-1 a)", () => {
    const sous = cond(verdict({ ...ANIMATION, apportInitial: 149999.99, preventesInternationales: 1000000 }).listeReference, "C4");
    expect(sous.statut).toBe("non_conforme");
    expect(n(sous.ecart)).toBe(0.01);
    const prev = cond(verdict({ ...ANIMATION, apportInitial: 150000, preventesInternationales: 199999.99 }).listeReference, "C4");
    expect(prev.statut).toBe("non_conforme");
    expect(n(prev.attendu)).toBe(150000.005);
    expect(n(prev.ecart)).toBe(0.005);
    expect(conditionJson(prev).ecart).toBe(0.01);
  });

  // Documentary, base 300 000 €: 20 % = 60 000 €, shortfall at 25 % = 15 000 €, presales 2 × 15 000 = 30 000 €.
  it("documentaire : 60 000 € (20 %) avec préventes 30 000 € : conforme, avec l'avertissement de lecture ; 29 999,99 € : moindre apport 75 000 − 29 999,99 / 2 = 60 000,005 €", () => {
    const ok = cond(verdict({ ...DOC, apportInitial: 60000, preventesInternationales: 30000 }).listeReference, "C4");
    expect(ok.statut).toBe("conforme");
    expect(n(ok.attendu)).toBe(60000);
    expect(ok.avertissement).toMatch(/documentaire/);
    const ko = cond(verdict({ ...DOC, apportInitial: 60000, preventesInternationales: 29999.99 }).listeReference, "C4");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.attendu)).toBe(60000.005);
  });

  it("œuvre SMAD (311-12 2°) : l'apport pris est le numéraire SMAD + les autres entreprises", () => {
    const v = verdict({ ...DOC, destination: "smad", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: 45000, apportAutresFrance: 30000, autresFranceDetiennentPartsProducteur: false });
    const c4 = cond(v.listeReference, "C4");
    expect(c4.statut).toBe("conforme");
    expect(n(c4.constate)).toBe(75000);
  });
});

describe("C5 — 4° : numéraire horaire, télévision OU SMAD, chaque groupe seul", () => {
  // 52 min documentary: 12 000 × 52 / 60 = 10 400 €.
  it("documentaire : 10 400 € de la télévision conforme ; 10 399,99 € non", () => {
    expect(cond(verdict({ ...DOC, apportNumeraireTelevision: 10400 }).listeReference, "C5").statut).toBe("conforme");
    const ko = cond(verdict({ ...DOC, apportNumeraireTelevision: 10399.99 }).listeReference, "C5");
    expect(ko.statut).toBe("non_conforme");
    expect(n(ko.ecart)).toBe(0.01);
  });
  it("les deux groupes ne s'additionnent pas : 6 000 € télé + 6 000 € SMAD pour 52 min : non conforme", () => {
    expect(cond(verdict({ ...DOC, apportNumeraireTelevision: 6000, apportNumeraireSmad: 6000 }).listeReference, "C5").statut).toBe("non_conforme");
  });
  it("le SMAD seul suffit s'il atteint le seuil", () => {
    expect(cond(verdict({ ...DOC, apportNumeraireTelevision: 0, apportNumeraireSmad: 10400 }).listeReference, "C5").statut).toBe("conforme");
  });
  it("spectacle vivant : 20 000 €/h ; fiction et animation : non applicable", () => {
    const sv = { ...FICTION, genre: "spectacle_vivant", dureeMinutes: 120, qualiteSpectacleVivant: true };
    expect(cond(verdict({ ...sv, apportNumeraireTelevision: 40000 }).listeReference, "C5").statut).toBe("conforme");
    expect(cond(verdict({ ...sv, apportNumeraireTelevision: 39999.99 }).listeReference, "C5").statut).toBe("non_conforme");
    expect(cond(verdict(FICTION).listeReference, "C5").statut).toBe("non_applicable");
    expect(cond(verdict(ANIMATION).listeReference, "C5").statut).toBe("non_applicable");
  });
});

describe("C6 — 5° : diffusion l'année précédente ou version définitive acceptée", () => {
  it("l'une ou l'autre suffit ; aucune : non conforme ; inconnu : incomplet", () => {
    const { diffuseeAnneePrecedente, ...sans } = FICTION;
    void diffuseeAnneePrecedente;
    expect(cond(verdict(FICTION).listeReference, "C6").statut).toBe("conforme");
    expect(cond(verdict({ ...sans, versionDefinitiveAcceptee: true }).listeReference, "C6").statut).toBe("conforme");
    expect(cond(verdict({ ...sans, diffuseeAnneePrecedente: false, versionDefinitiveAcceptee: false }).listeReference, "C6").statut).toBe("non_conforme");
    expect(cond(verdict({ ...sans, diffuseeAnneePrecedente: false }).listeReference, "C6").manquants).toEqual(["versionDefinitiveAcceptee"]);
  });
});

describe("Section", () => {
  it("toutes les conditions remplies : conforme ; une seule manquante : incomplet", () => {
    expect(verdict(FICTION).listeReference.statut).toBe("conforme");
    const { autorisationDefinitive, ...sans } = FICTION;
    void autorisationDefinitive;
    expect(verdict(sans).listeReference.statut).toBe("incomplet");
  });
});
