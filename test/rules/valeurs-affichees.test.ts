/**
 * What a yes/no condition shows as expected and found (DOSSIER.md "Output": attendu, constate, unite),
 * and the gap shown to the cent (ecartAuCentime): the JSON and CNC.EXPLIQUER print these values.
 */
import { parseDossier } from "../../src/dossier";
import { Decimal, ecartAuCentime, evaluer, type Condition, type Verdict } from "../../src/rules";
import { VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
const evaluerBrut = (brut: Brut): Verdict =>
  evaluer(parseDossier(sansPartiesExcedentaires(Object.fromEntries(Object.entries(brut).filter(([, v]) => v !== undefined)))), { aujourdhui: "2099-01-01" });
const montre = (c: Condition) => [c.statut, c.attendu, c.constate, c.unite];
const code = (conditions: Condition[], k: string) => conditions.filter((c) => c.code === k);

describe.each(Object.keys(VERSIONS_LOI))("version %s : attendu et constaté des conditions oui / non", (version) => {
  const F = fictionConforme(version);
  it("C1 : attendu = les quatre genres ; constaté = le genre", () => {
    const c1 = code(evaluerBrut(F).listeReference.conditions, "C1")[0];
    for (const g of ["fiction", "animation", "documentaire de création", "adaptation audiovisuelle de spectacle vivant"]) expect(c1.attendu).toContain(g);
    expect(c1.attendu).not.toContain("autre");
    expect([c1.statut, c1.constate]).toEqual(["conforme", "fiction"]);
  });
  it("C3 : oui → attendu vrai, constaté vrai ; une refusée → constaté faux ; manquante → attendu vrai", () => {
    expect(code(evaluerBrut(F).listeReference.conditions, "C3").map(montre)).toEqual([["conforme", true, true, null]]);
    expect(code(evaluerBrut({ ...F, autorisationPrealable: false }).listeReference.conditions, "C3").map(montre)).toEqual([["non_conforme", true, false, null]]);
    expect(code(evaluerBrut({ ...F, autorisationPrealable: undefined }).listeReference.conditions, "C3").map(montre)).toEqual([["incomplet", true, null, null]]);
  });
  it("C6 : diffusée ou acceptée → vrai / vrai ; ni l'une ni l'autre → vrai / faux ; inconnu → attendu vrai", () => {
    expect(code(evaluerBrut(F).listeReference.conditions, "C6").map(montre)).toEqual([["conforme", true, true, null]]);
    expect(code(evaluerBrut({ ...F, diffuseeAnneePrecedente: undefined, versionDefinitiveAcceptee: true }).listeReference.conditions, "C6").map(montre)).toEqual([["conforme", true, true, null]]);
    expect(code(evaluerBrut({ ...F, diffuseeAnneePrecedente: false, versionDefinitiveAcceptee: false }).listeReference.conditions, "C6").map(montre)).toEqual([["non_conforme", true, false, null]]);
    expect(code(evaluerBrut({ ...F, diffuseeAnneePrecedente: undefined }).listeReference.conditions, "C6").map(montre)).toEqual([["incomplet", true, null, null]]);
  });
  it("C2 : documentaire hors case de magazine → non applicable, constaté faux ; spectacle vivant → vrai / vrai, manquant → attendu vrai", () => {
    const c2 = code(evaluerBrut(oeuvreConforme(version, "documentaire")).listeReference.conditions, "C2")[0];
    expect([c2.statut, c2.constate]).toEqual(["non_applicable", false]);
    expect(code(evaluerBrut(oeuvreConforme(version, "spectacle_vivant")).listeReference.conditions, "C2").map(montre)).toEqual([["conforme", true, true, null]]);
    expect(code(evaluerBrut({ ...oeuvreConforme(version, "spectacle_vivant"), qualiteSpectacleVivant: undefined }).listeReference.conditions, "C2").map(montre)).toEqual([["incomplet", true, null, null]]);
  });
  it("D, œuvre de référence : vrai / vrai ; liste non conforme → vrai / faux ; liste incomplète → attendu vrai", () => {
    const ref = (d: Brut) => evaluerBrut(d).majoration.conditions.filter((c) => c.alinea === 1).map(montre);
    expect(ref(F)).toEqual([["conforme", true, true, null]]);
    expect(ref({ ...F, autorisationDefinitive: false })).toEqual([["non_conforme", true, false, null]]);
    expect(ref({ ...F, autorisationDefinitive: undefined })).toEqual([["incomplet", true, null, null]]);
  });
  it("A5, engagement ferme : vrai / vrai, ou vrai / faux", () => {
    expect(code(evaluerBrut({ ...F, engagementFerme: true }).apportInitial.conditions, "A5").map(montre)).toEqual([["conforme", true, true, null]]);
    expect(code(evaluerBrut({ ...F, engagementFerme: false }).apportInitial.conditions, "A5").map(montre)).toEqual([["non_conforme", true, false, null]]);
  });
  it("C4 conforme ou non : écart en euros", () => {
    expect(code(evaluerBrut(F).listeReference.conditions, "C4").map((c) => [c.statut, c.unite])).toEqual([["conforme", "euros"]]);
    expect(code(evaluerBrut({ ...F, apportInitial: "1" }).listeReference.conditions, "C4").map((c) => [c.statut, c.unite])).toEqual([["non_conforme", "euros"]]);
  });
});

describe("311-12 2° (2023-01) : conditions de code B1 (DOMAIN.md B1)", () => {
  it("autres apporteurs : attendu « pas de parts » (faux), constaté ; part des éditeurs SMAD en euros", () => {
    const v = evaluerBrut({ ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "50000", apportAutresFrance: "50000", autresFranceDetiennentPartsProducteur: false });
    const b1 = code(v.apportInitial.conditions, "B1");
    expect(b1.map((c) => [c.article, c.alinea, c.statut])).toEqual([["311-12", "2°", "conforme"], ["311-12", "2°", "conforme"]]);
    expect(b1.map((c) => [c.attendu instanceof Decimal ? c.attendu.toString() : c.attendu, c.constate instanceof Decimal ? c.constate.toString() : c.constate])).toEqual([[false, false], ["50000", "50000"]]);
  });
});

describe("ecartAuCentime : l'écart montré au centime", () => {
  it.each([["0", "0"], ["30000", "30000"], ["0.0025", "0.01"], ["0.004", "0.01"], ["12.345", "12.35"]])("%s → %s", (ecart, montre) => {
    expect(ecartAuCentime(new Decimal(ecart)).toString()).toBe(montre);
  });
});
