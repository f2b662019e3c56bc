/** Reading values as French finance teams write them, and refusing what is not a value. */
import { lireBooleen, lireDate, lireGenre, lireMontant, lireNombre, parseDossier, parseDossiers, DossierInvalide, lirePlage, champDepuisLibelle } from "../../src/dossier";

describe("nombres et montants", () => {
  it.each([
    ["1 250 000,50 €", "1250000.5"],
    ["1\u00a0250\u00a0000,50\u00a0€", "1250000.5"],
    ["1\u202f250\u202f000,50\u202f€", "1250000.5"],
    ["1250000.50", "1250000.5"],
    ["1.250.000,50", "1250000.5"],
    ["0,1", "0.1"],
    [1250000.5, "1250000.5"],
    ["  42 ", "42"],
  ])("%s → %s", (entree, attendu) => {
    const lu = lireMontant(entree);
    expect(lu.ok && lu.valeur.toString()).toBe(attendu);
  });

  it("0.1 + 0.2 en entrée reste exact : 0,1 et 0,2 lus en décimal font 0,3", () => {
    const a = lireNombre(0.1); const b = lireNombre(0.2);
    expect(a.ok && b.ok && a.valeur.plus(b.valeur).toString()).toBe("0.3");
  });

  it.each([["-1"], ["abc"], ["12,5,3"], [NaN], [Infinity], [true], [[1]], ["1e999999999"]])("refuse %p", (v) => {
    expect(lireMontant(v).ok).toBe(false);
  });
});

describe("booléens", () => {
  it.each([[true, true], ["VRAI", true], ["vrai", true], ["oui", true], ["Oui", true], ["true", true], [false, false], ["FAUX", false], ["non", false], ["false", false]])("%p → %p", (v, attendu) => {
    const lu = lireBooleen(v);
    expect(lu.ok && lu.valeur).toBe(attendu);
  });
  it.each([["peut-être"], [1], [0], ["o"]])("refuse %p", (v) => expect(lireBooleen(v).ok).toBe(false));
});

describe("genres", () => {
  it.each([
    ["fiction", "fiction"], ["Animation", "animation"], ["Documentaire de création", "documentaire"],
    ["DOCUMENTAIRE DE CREATION", "documentaire"], ["Adaptation audiovisuelle de spectacle vivant", "spectacle_vivant"],
    ["spectacle_vivant", "spectacle_vivant"], ["autre", "autre"],
  ])("%s → %s", (v, attendu) => {
    const lu = lireGenre(v);
    expect(lu.ok && lu.valeur).toBe(attendu);
  });
  it("genre inconnu : erreur qui cite les genres attendus", () => {
    const lu = lireGenre("téléfilm");
    expect(lu.ok).toBe(false);
    expect(!lu.ok && lu.raison).toMatch(/genre inconnu/);
  });
});

describe("dates", () => {
  it.each([["2023-02-01", "2023-02-01"], ["01/02/2023", "2023-02-01"], [44958, "2023-02-01"], [new Date("2023-02-01T00:00:00Z"), "2023-02-01"]])("%p → %s", (v, attendu) => {
    const lu = lireDate(v);
    expect(lu.ok && lu.valeur).toBe(attendu);
  });
  it.each([["2023-02-30"], ["2023-13-01"], ["31/02/2023"], ["hier"], [1.5]])("refuse la date impossible %p", (v) => expect(lireDate(v).ok).toBe(false));
});

describe("dossier entier", () => {
  function erreurs(entree: unknown) {
    try {
      parseDossiers(entree);
    } catch (e) {
      if (e instanceof DossierInvalide) return e.erreurs;
      throw e;
    }
    throw new Error("aucune erreur");
  }

  it("champ inconnu, montant négatif, durée nulle, date impossible, genre inconnu : chaque erreur nomme son champ", () => {
    const e = erreurs({ coutDefinitf: 1, apportInitial: -5, dureeMinutes: 0, dateDemande: "2023-02-30", genre: "jeu" });
    expect(e.map((x) => x.champ).sort()).toEqual(["apportInitial", "coutDefinitf", "dateDemande", "dureeMinutes", "genre"]);
    expect(e.find((x) => x.champ === "coutDefinitf")!.message).toMatch(/inconnu/);
    expect(e.find((x) => x.champ === "apportInitial")!.message).toMatch(/négatif/);
  });

  it("un tableau : l'erreur donne l'index du dossier fautif", () => {
    const e = erreurs([{ genre: "fiction" }, { genre: "fiction", pointsCreation: 12.5 }]);
    expect(e).toEqual([{ index: 1, champ: "pointsCreation", message: expect.stringMatching(/entier/) }]);
  });

  it("ce qui n'est pas un objet est refusé", () => {
    expect(erreurs("bonjour")[0].message).toMatch(/objet/);
    expect(erreurs([null])[0].index).toBe(0);
  });

  it("null et chaînes vides valent « non renseigné », jamais zéro", () => {
    const d = parseDossier({ apportInitial: null, coutDefinitif: "", genre: "fiction" });
    expect(d).toEqual({ genre: "fiction" });
  });
});

describe("plages de cellules", () => {
  it("Champ | Valeur, libellés sans accents ni casse, libellés inconnus listés une fois", () => {
    const l = lirePlage([["Champ", "Valeur"], ["GENRE", "Animation"], ["Coût définitif (€)", "1 000 000 €"], ["coutdefinitif", 2], ["Notes", "x"], ["Notes", "y"]]);
    expect(l.forme).toBe("champ-valeur");
    expect(l.ignores).toEqual(["Notes"]);
    expect(l.lignes[0].ok).toBe(false); // coutDefinitif given twice
  });

  it("catalogue : une œuvre par ligne, ligne vide signalée, erreur confinée à sa ligne", () => {
    const l = lirePlage([["titre", "genre", "coutDefinitif", "Commentaire"], ["A", "fiction", 100], [null, null, null], ["C", "jeu", 5]]);
    expect(l.forme).toBe("catalogue");
    expect(l.ignores).toEqual(["Commentaire"]);
    expect(l.lignes.map((x) => x.ok)).toEqual([true, "vide", false]);
  });

  it("libellé français du modèle reconnu", () => {
    expect(champDepuisLibelle("Préventes internationales (€)")).toBe("preventesInternationales");
    expect(champDepuisLibelle("apport_initial")).toBe("apportInitial");
  });
});

describe("textes déjà lus (mémoire des lecteurs, issue 15)", () => {
  it("un texte relu donne la même réponse, même après que la mémoire s'est vidée, et chaque lecteur garde la sienne", () => {
    const premiere = [lireGenre("Documentaire de création"), lireBooleen("Oui"), lireDate("31/01/2023"), lireDate("2023-02-30"), lireGenre("téléfilm")];
    // More distinct texts than the memory holds (1 024): it is cleared on the way.
    for (let i = 0; i < 1500; i++) {
      lireGenre(`genre ${i}`);
      lireDate(`${String(1 + (i % 28)).padStart(2, "0")}/01/${2000 + (i % 50)}`);
    }
    const seconde = [lireGenre("Documentaire de création"), lireBooleen("Oui"), lireDate("31/01/2023"), lireDate("2023-02-30"), lireGenre("téléfilm")];
    expect(seconde).toStrictEqual(premiere);
    expect(premiere.map((l) => (l.ok ? l.valeur : "refus"))).toStrictEqual(["documentaire", true, "2023-01-31", "refus", "refus"]);
    // The same text read by another reader is read by that reader: "oui" is a yes, not a genre.
    expect(lireGenre("Oui").ok).toBe(false);
    expect(lireBooleen("fiction").ok).toBe(false);
  });
});
