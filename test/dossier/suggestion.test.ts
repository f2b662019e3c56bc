/**
 * Issue 14: an unknown field or workbook label suggests the nearest known one, and a date like
 * 01/31/2023 says which formats are read. In src/dossier, so every face (CLI, functions, pane) gets it.
 */
import { CHAMPS, DossierInvalide, decrireLibelleIgnore, formaterErreur, lireDate, lirePlage, parseDossier, suggererChamp, suggererLibelle, type ErreurChamp } from "../../src/dossier";

function erreurs(entree: unknown): ErreurChamp[] {
  try {
    parseDossier(entree);
  } catch (e) {
    if (e instanceof DossierInvalide) return e.erreurs;
    throw e;
  }
  throw new Error("aucune erreur");
}

describe("champ inconnu dans un JSON : le champ le plus proche", () => {
  it("« champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » ? »", () => {
    const [e] = erreurs({ coutDefinitf: 1 });
    expect(e.suggestion).toBe("coutDefinitif");
    expect(formaterErreur(e)).toMatch(/^champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » \? \(liste des champs : docs\/champs\.md ou « cnc-rga champs »\)$/);
  });

  it.each([
    ["apportInital", "apportInitial"],
    ["dateDemnade", "dateDemande"],
    ["PointsCreation", "pointsCreation"],
    ["participation_francaise", "participationFrancaise"],
    ["preventeInternationales", "preventesInternationales"],
  ])("%s → %s", (saisi, attendu) => {
    expect(suggererChamp(saisi)?.champ).toBe(attendu);
  });

  it("un mot sans rapport n'a pas de suggestion : le message renvoie à la liste des champs", () => {
    expect(suggererChamp("budget")).toBeUndefined();
    const [e] = erreurs({ budget: 3 });
    expect(e.suggestion).toBeUndefined();
    expect(formaterErreur(e)).toBe("champ « budget » : champ inconnu du contrat de dossier (liste des champs : docs/champs.md ou « cnc-rga champs »)");
  });

  it("chaque champ connu est sa propre meilleure suggestion (aucun champ n'en masque un autre)", () => {
    for (const c of CHAMPS) expect(suggererChamp(c.champ)?.champ).toBe(c.champ);
  });

  it("dans un tableau, l'index du dossier précède", () => {
    const e: ErreurChamp = { ...erreurs({ genree: "fiction" })[0], index: 2 };
    expect(formaterErreur(e)).toMatch(/^dossier n° 3 \(index 2\), champ « genree » inconnu : vouliez-vous dire « genre » \?/);
  });
});

describe("libellé de classeur inconnu : le libellé le plus proche", () => {
  it("« Cout definitf (€) » → « Coût définitif (€) »", () => {
    expect(suggererLibelle("Cout definitf (€)")).toEqual({ champ: "coutDefinitif", texte: "Coût définitif (€)" });
    expect(decrireLibelleIgnore("Cout definitf (€)")).toBe("« Cout definitf (€) » (vouliez-vous dire « Coût définitif (€) » ?)");
  });

  it("un nom de champ mal écrit suggère le nom ; un libellé sans rapport reste seul", () => {
    expect(suggererLibelle("apportInital")?.texte).toBe("apportInitial");
    expect(decrireLibelleIgnore("Notes")).toBe("« Notes »");
  });

  it("lirePlage signale le libellé mal écrit comme ignoré, et la suggestion le nomme", () => {
    const l = lirePlage([["Cout definitf (€)", 1000], ["Genre", "fiction"]]);
    expect(l.ignores).toEqual(["Cout definitf (€)"]);
    expect(l.ignores.map(decrireLibelleIgnore)).toEqual(["« Cout definitf (€) » (vouliez-vous dire « Coût définitif (€) » ?)"]);
  });
});

describe("dates : les formats lus", () => {
  it("01/31/2023 (ordre américain) dit les formats lus et comment écrire ce jour-là", () => {
    const lu = lireDate("01/31/2023");
    expect(lu.ok).toBe(false);
    if (lu.ok) return;
    expect(lu.raison).toContain("il n'y a pas de mois 31");
    expect(lu.raison).toContain("AAAA-MM-JJ (2023-01-31) ou JJ/MM/AAAA (31/01/2023)");
    expect(lu.raison).toContain("pour le 31 janvier 2023, écrivez 31/01/2023 ou 2023-01-31");
  });

  it.each(["2023/01/31", "31.01.2023", "le 31 janvier", "2023-02-30"])("« %s » : le message dit les formats lus", (v) => {
    const lu = lireDate(v);
    expect(lu.ok).toBe(false);
    if (!lu.ok) expect(lu.raison).toContain("dates lues : AAAA-MM-JJ");
  });

  it("dans un dossier, l'erreur nomme le champ", () => {
    const [e] = erreurs({ dateDemande: "01/31/2023" });
    expect(formaterErreur(e)).toMatch(/^champ « dateDemande » : « 01\/31\/2023 » n'est pas une date JJ\/MM\/AAAA/);
  });
});
