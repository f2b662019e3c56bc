/** The formula spellings (one module): `_xldudf_CNC_…` ↔ `CNC.…`, Excel's file syntax → HyperFormula's. */
import { orthographeDe, versFichier, versMoteur } from "../../src/classeur";
import { appelCncSeul } from "../../src/classeur/formules";
import type { TableClasseur } from "../../src/classeur/tables";

const FINANCEMENTS: TableClasseur = { nom: "Financements", feuille: "Plan de financement", haut: 5, gauche: 5, bas: 20, droite: 8, entete: true, totaux: false, colonnes: ["Source", "Type d’apport", "Montant (€)", "Numéraire"] };
const AVEC_TOTAUX: TableClasseur = { nom: "T2", feuille: "L'autre", haut: 1, gauche: 1, bas: 10, droite: 3, entete: true, totaux: true, colonnes: ["A", "B [x]", "C"] };
const tables = new Map([["financements", FINANCEMENTS], ["t2", AVEC_TOTAUX]]);
const ctx = (ligne = 30, colonne = 1, feuille = "Plan de financement") => ({ tables, feuille, ligne, colonne });

describe("orthographes des fonctions CNC", () => {
  it("le fichier écrit _xldudf_CNC_NOM ; le moteur lit CNC.NOM", () => {
    const f = 'CNC.STATUT(Dossier!A1:B3,"apport")+CNC.APPORT_MIN(B8,B13)';
    const fichier = versFichier(f, "xldudf");
    expect(fichier).toBe('_xldudf_CNC_STATUT(Dossier!A1:B3,"apport")+_xldudf_CNC_APPORT_MIN(B8,B13)');
    expect(versFichier(f, "point")).toBe(f);
    expect(orthographeDe(fichier)).toBe("xldudf");
    expect(orthographeDe(f)).toBe("point");
    expect(orthographeDe("SUM(A1:A3)")).toBeNull();
    expect(versMoteur(fichier, ctx())).toBe(f);
  });

  it("ne touche pas au texte entre guillemets ni aux noms de feuilles", () => {
    const f = `IF(A1="CNC.STATUT(x)",'CNC.X feuille'!A1,_xldudf_CNC_VERSION())`;
    expect(versMoteur(f, ctx())).toBe(`IF(A1="CNC.STATUT(x)",'CNC.X feuille'!A1,CNC.VERSION())`);
    expect(versFichier(`"CNC.A(1)"&CNC.VERSION()`, "xldudf")).toBe(`"CNC.A(1)"&_xldudf_CNC_VERSION()`);
  });

  it("retire les préfixes _xlfn. et rend TRUE / FALSE comme fonctions", () => {
    expect(versMoteur("_xlfn.IFS(A1=TRUE,1,FALSE,2)+_xlfn._xlws.FILTER(A1:A3,A1:A3>0)", ctx())).toBe("IFS(A1=TRUE(),1,FALSE(),2)+FILTER(A1:A3,A1:A3>0)");
    expect(versMoteur("TRUE!A1+SUM(A1)", ctx())).toBe("TRUE!A1+SUM(A1)");
  });

  it("reconnaît une formule qui n'est qu'un appel CNC (son résultat peut déborder)", () => {
    expect(appelCncSeul('=CNC.EXPLIQUER(A1:B30,")")')).toBe(true);
    expect(appelCncSeul("=ARRAYFORMULA(CNC.EXPLIQUER(A1:B30))")).toBe(true);
    expect(appelCncSeul("=CNC.ECART(A1:B3,\"apport\")*2")).toBe(false);
    expect(appelCncSeul("=SUM(A1)")).toBe(false);
  });
});

describe("références structurées → plages A1", () => {
  it("colonne, plage de colonnes, en-têtes, ligne courante", () => {
    expect(versMoteur("SUM(Financements[Montant (€)])", ctx())).toBe("SUM('Plan de financement'!$G$6:$G$20)");
    expect(versMoteur("Financements[[Source]:[Type d’apport]]", ctx())).toBe("'Plan de financement'!$E$6:$F$20");
    expect(versMoteur("Financements[#Headers]", ctx())).toBe("'Plan de financement'!$E$5:$H$5");
    expect(versMoteur("Financements[[#All],[Numéraire]]", ctx())).toBe("'Plan de financement'!$H$5:$H$20");
    expect(versMoteur("Financements[]", ctx())).toBe("'Plan de financement'!$E$6:$H$20");
    expect(versMoteur("financements[@Source]", ctx(7, 6))).toBe("'Plan de financement'!$E$7");
    expect(versMoteur("[@[Montant (€)]]*2", ctx(9, 8))).toBe("'Plan de financement'!$G$9*2");
    expect(versMoteur("Financements[[#This Row],[Numéraire]]", ctx(12, 2))).toBe("'Plan de financement'!$H$12");
  });

  it("ligne de totaux, caractères échappés, apostrophe dans le nom de feuille", () => {
    expect(versMoteur("T2[B '[x']]", ctx())).toBe("'L''autre'!$B$2:$B$9");
    expect(versMoteur("T2[[#Totals],[C]]", ctx())).toBe("'L''autre'!$C$10");
    expect(versMoteur("T2[[#Data],[#Totals],[A]]", ctx())).toBe("'L''autre'!$A$2:$A$10");
  });

  it("table ou colonne inconnue, ligne courante hors de la table : message en français", () => {
    expect(() => versMoteur("SUM(Inconnue[X])", ctx())).toThrow("table inconnue");
    expect(() => versMoteur("SUM(Financements[Montants])", ctx())).toThrow("colonne « Montants » inconnue dans la table « Financements »");
    expect(() => versMoteur("Financements[@Source]", ctx(40))).toThrow("n'est pas une ligne de la table");
    expect(() => versMoteur("[1]Feuille!A1", ctx())).toThrow("autre classeur");
  });
});
