/**
 * Behaviour that DOMAIN.md describes and that issue 17 is landing (written from the texts and
 * DOMAIN.md, not from the code). These tests FAIL until issue 17 is merged; they are kept apart so
 * that `jest test/rules --testPathIgnorePatterns lois-issue17`, `npm run mutation` and
 * `npm run mutation:seuils` measure the rest. Each title quotes the alinea it reads.
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { evaluer, type Condition, type Verdict } from "../../src/rules";
import { verdictJson } from "../../src/render/json";
import { VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
const evaluerBrut = (brut: Brut): Verdict =>
  evaluer(parseDossier(sansPartiesExcedentaires(Object.fromEntries(Object.entries(brut).filter(([, v]) => v !== undefined)))), { aujourdhui: "2099-01-01" });
const J = VERSIONS_LOI["2023-01"].date;
const F = VERSIONS_LOI["2023-02"].date;
const codes = (v: Verdict, code: string): Condition[] => v.apportInitial.conditions.filter((c) => c.code === code);

describe("l'écart d'une section est la plus petite addition qui la rend conforme (311-11-1 a) « l'apport initial effectivement réalisé »)", () => {
  // Animation, coût 6 500 000 €, apport 165 000 €, préventes 600 000 €, points 32/40, 60 min (12 000 € de numéraire).
  const ANIM = { ...oeuvreConforme("2023-01", "animation"), dureeMinutes: 60, coutDefinitif: "6500000", apportInitial: "165000", apportNumeraireTelevision: "12000", preventesInternationales: "600000", pointsCreation: 32, pointsFabrication: 40 };
  it.each([
    // 2023-01: max(20 % × 6 500 000, 25 % × 6 500 000 − 600 000 / 2) = max(1 300 000, 1 325 000) = 1 325 000 → 1 160 000 to add.
    [J, "1160000"],
    // 2023-02: max(15 % × 6 500 000, 1 625 000 − 600 000 / 1) = max(975 000, 1 025 000) = 1 025 000 → 860 000 to add.
    [F, "860000"],
  ])("demande du %s : il manque %s € ; les ajouter rend l'apport conforme, un centime de moins non", (date, manque) => {
    const d = { ...ANIM, dateDemande: date };
    const v = evaluerBrut(d);
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(v.apportInitial.ecart?.toString()).toBe(manque);
    const plus = (x: Decimal.Value) => evaluerBrut({ ...d, apportInitial: new Decimal(165000).plus(x).toFixed() }).apportInitial;
    expect(plus(manque).statut).toBe("conforme");
    const presque = plus(new Decimal(manque).minus("0.01"));
    expect(presque.statut).toBe("non_conforme");
    expect(presque.ecart?.toString()).toBe("0.01");
  });
});

describe("minimums et écarts arrondis au centime supérieur (DOMAIN.md : payer le chiffre affiché suffit toujours)", () => {
  it("25 % × 1 000 000,01 € = 250 000,0025 € : apportMinimum affiché 250 000,01 €", () => {
    const j = verdictJson(evaluerBrut({ ...fictionConforme("2023-02"), coutDefinitif: "1000000.01" })) as { apportInitial: { apportMinimum: number } };
    expect(j.apportInitial.apportMinimum).toBe(250000.01);
  });
  it("spectacle vivant, 100 min × 20 000 €/h = 33 333,333… € : numeraireMinimum affiché 33 333,34 €, et ce numéraire est conforme", () => {
    const d = { ...oeuvreConforme("2023-02", "spectacle_vivant"), dureeMinutes: 100 };
    const j = verdictJson(evaluerBrut(d)) as { apportInitial: { numeraireMinimum: number } };
    expect(j.apportInitial.numeraireMinimum).toBe(33333.34);
    expect(codes(evaluerBrut({ ...d, apportNumeraireTelevision: "33333.34" }), "A2").map((c) => c.statut)).toEqual(["conforme"]);
  });
  it("311-11 al. 3 « comporter une part minimale en numéraire » : fiction de 100 000 € sur 600 min, l'apport minimum est au moins le numéraire minimum (120 000 €)", () => {
    const j = verdictJson(evaluerBrut({ ...fictionConforme("2023-02"), coutDefinitif: "100000", dureeMinutes: 600, apportInitial: "100000", apportNumeraireTelevision: "100000", depensesFrance: "100000", coutPostes: "100000", depensesFrancePostes: "100000" })) as { apportInitial: { apportMinimum: number } };
    expect(j.apportInitial.apportMinimum).toBe(120000);
  });
});

describe("311-12 1° et 2° (2023-01) : deux voies", () => {
  const SMAD = { ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined };
  it("1° « Soit d'un ou plusieurs éditeurs de services à la demande » : 25 % de numéraire SMAD suffit, même si d'autres apporteurs détiennent des parts", () => {
    const v = evaluerBrut({ ...SMAD, apportNumeraireSmad: "100000", apportAutresFrance: "50000", autresFranceDetiennentPartsProducteur: true });
    expect(v.apportInitial.statut).toBe("conforme");
  });
  it("1° : 25 % de numéraire SMAD, parts des autres non renseignées : conforme par le 1° (pas incomplet)", () => {
    const v = evaluerBrut({ ...SMAD, apportNumeraireSmad: "100000", apportAutresFrance: "50000" });
    expect(v.apportInitial.statut).toBe("conforme");
  });
  it("2° « au moins égal à 12,5 % » : le numéraire des éditeurs de télévision compte avec les autres, avec un avertissement", () => {
    const v = evaluerBrut({ ...SMAD, apportNumeraireSmad: "50000", apportNumeraireTelevision: "50000", autresFranceDetiennentPartsProducteur: false });
    expect(v.apportInitial.statut).toBe("conforme");
    const avertissements = [v.apportInitial.avertissement, ...v.apportInitial.conditions.map((c) => c.avertissement)].join(" ");
    expect(avertissements).toMatch(/télévision/);
  });
  it("1° « conclu avec l'entreprise de production avant la fin des prises de vues » : contrat après la fin du tournage, non conforme", () => {
    const v = evaluerBrut({ ...SMAD, apportNumeraireSmad: "100000", dateContrat: "2022-12-17", dateFinTournage: "2022-12-16" });
    expect(v.apportInitial.statut).toBe("non_conforme");
  });
});

describe("311-11 / 311-9 al. 1 : le contrat d'apport", () => {
  it.each([J, F])("al. 4 ne dispense que des 25 % et du numéraire : aide sélective, contrat après la fin des prises de vues → non conforme (%s)", (date) => {
    const v = evaluerBrut({ ...fictionConforme("2023-01"), dateDemande: date, aide: "selective", dateContrat: "2022-12-17", dateFinTournage: "2022-12-16" });
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(codes(v, "A5").map((c) => c.statut)).toEqual(["non_conforme"]);
  });
  it("al. 2 s'applique aussi à l'aide sélective : 73 mois de droits SMAD → non conforme", () => {
    const v = evaluerBrut({ ...fictionConforme("2023-02"), aide: "selective", dureeDroitsSmadMois: 73 });
    expect(codes(v, "A6").map((c) => c.statut)).toEqual(["non_conforme"]);
  });
  it("« lorsque le contrat n'a pas encore été conclu » : tournage fini avant la demande, engagement ferme sans date de contrat → incomplet, dateContrat demandée", () => {
    const a5 = codes(evaluerBrut({ ...fictionConforme("2023-02"), dateFinTournage: "2023-01-10", engagementFerme: true }), "A5");
    expect(a5.map((c) => [c.statut, c.manquants])).toEqual([["incomplet", ["dateContrat"]]]);
  });
  it("tournage pas encore fini à la date de la demande : l'engagement ferme vaut à titre provisoire", () => {
    const a5 = codes(evaluerBrut({ ...fictionConforme("2023-02"), dateFinTournage: "2023-06-10", engagementFerme: true }), "A5");
    expect(a5.map((c) => c.statut)).toEqual(["conforme"]);
  });
  it("« avant le début du montage pour les œuvres intégralement composées d'images préexistantes »", () => {
    const d = { ...oeuvreConforme("2023-02", "documentaire"), imagesPreexistantes: true, dateDebutMontage: "2022-10-01", dateFinTournage: "2022-12-16" };
    expect(codes(evaluerBrut({ ...d, dateContrat: "2022-11-01" }), "A5").map((c) => c.statut)).toEqual(["non_conforme"]);
    expect(codes(evaluerBrut({ ...d, dateContrat: "2022-09-30" }), "A5").map((c) => c.statut)).toEqual(["conforme"]);
  });
  it("rien sur le contrat : A5 non évaluée, mais la section rappelle l'al. 1", () => {
    const v = evaluerBrut(fictionConforme("2023-02"));
    expect(codes(v, "A5")).toEqual([]);
    expect(v.apportInitial.avertissement).toMatch(/contrat/i);
  });
});

describe("311-30 / 311-29 5°, dernière phrase : « après acceptation … de sa version définitive par l'ensemble de ces éditeurs »", () => {
  it.each([J, F])("apport conjoint télévision + SMAD, diffusée l'année précédente, sans acceptation renseignée : pas conforme (%s)", (date) => {
    const d = { ...fictionConforme("2023-01"), dateDemande: date, apportNumeraireTelevision: "500000", apportNumeraireSmad: "500000", diffuseeAnneePrecedente: true };
    const c6 = evaluerBrut(d).listeReference.conditions.filter((c) => c.code === "C6");
    expect(c6.map((c) => c.statut)).not.toContain("conforme");
    expect(evaluerBrut({ ...d, versionDefinitiveAcceptee: false }).listeReference.conditions.filter((c) => c.code === "C6").map((c) => c.statut)).toContain("non_conforme");
    expect(evaluerBrut({ ...d, versionDefinitiveAcceptee: true }).listeReference.conditions.filter((c) => c.code === "C6").map((c) => c.statut)).toEqual(["conforme"]);
  });
  it("plusieursEditeurs vrai, diffusée, acceptation refusée : non conforme", () => {
    const c6 = evaluerBrut({ ...fictionConforme("2023-02"), plusieursEditeurs: true, diffuseeAnneePrecedente: true, versionDefinitiveAcceptee: false }).listeReference.conditions.filter((c) => c.code === "C6");
    expect(c6.map((c) => c.statut)).toContain("non_conforme");
  });
});

describe("311-12 dernier alinéa : « La condition d'apport initial n'est pas requise … aux aides automatiques à la préparation »", () => {
  it("2023-01 : œuvre pour la télévision, aide à la préparation → section non applicable, avec l'avertissement de cette lecture", () => {
    const a = evaluerBrut({ ...fictionConforme("2023-01"), aide: "preparation", apportInitial: "100000", apportNumeraireTelevision: "100000" }).apportInitial;
    expect(a.statut).toBe("non_applicable");
    expect([a.avertissement, a.motif, ...a.conditions.map((c) => c.avertissement)].join(" ")).toMatch(/311-12/);
  });
  it("2023-02 (pas de 311-12) : vérifiée comme l'aide automatique, avec un avertissement", () => {
    const a = evaluerBrut({ ...fictionConforme("2023-02"), aide: "preparation", apportInitial: "100000", apportNumeraireTelevision: "100000" }).apportInitial;
    expect(a.statut).toBe("non_conforme");
    expect([a.avertissement, ...a.conditions.map((c) => c.avertissement)].join(" ")).toMatch(/préparation/);
  });
});

describe("des champs contradictoires sont une erreur qui nomme les deux, jamais un verdict (DOMAIN.md)", () => {
  const FICTION = fictionConforme("2023-02");
  it.each([
    ["participationFrancaise", "coutDefinitif", { coproductionInternationale: true, participationFrancaise: "3000000", coutDefinitif: "1000000", apportInitial: "500000", apportNumeraireTelevision: "100000", depensesFrance: "1000000", coutPostes: "500000", depensesFrancePostes: "500000" }],
    ["apportNumeraireTelevision", "apportInitial", { apportInitial: "100000", apportNumeraireTelevision: "100000.01" }],
    ["depensesFrance", "coutDefinitif", { depensesFrance: "4000000.01" }],
    ["depensesFrancePostes", "coutPostes", { depensesFrancePostes: "2000000.01" }],
    ["coutPostes", "coutDefinitif", { coutPostes: "4000000.01", depensesFrancePostes: "1" }],
    ["dureeEpisodeMinutes", "dureeMinutes", { dureeEpisodeMinutes: 91 }],
  ])("%s contre %s", (a, b, champs) => {
    let message = "";
    try {
      // As written, without the fixture clean-up: the contradiction is what is tested.
      evaluer(parseDossier({ ...FICTION, ...champs }), { aujourdhui: "2099-01-01" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(a);
    expect(message).toContain(b);
  });
});

describe("messages (issue 17, point 9)", () => {
  it("311-50 1° c) énumère les catégories exactement", () => {
    const c = evaluerBrut(fictionConforme("2023-01")).majoration.conditions.find((k) => k.alinea === "1° c)")!;
    expect(c.message).toMatch(/hors acquisition de droits d'exploitation d'images d'archives/);
    expect(c.message).toMatch(/charges sociales afférentes/);
  });
  it("311-51 1° a) dit « d'expression originale française »", () => {
    const c = evaluerBrut(fictionConforme("2023-02")).majoration.conditions.find((k) => k.alinea === "1° a)")!;
    expect(c.message).toMatch(/expression originale française/);
  });
});

describe("311-30 4° « l'apport initial prévu aux articles 311-10 et 311-11 » : C4 prend l'apport comme la section B le prend (DOMAIN.md C4)", () => {
  // Found by issue 18: today C4 counts apportAutresFrance even when those entities hold producer
  // shares, so the list (and the majoration) accept an apport that 311-12 2° refuses.
  it("SMAD 60 000 € + autres 40 000 € détenant des parts de producteur, base 400 000 € : C4 non conforme (seuls les 60 000 € du 1° comptent)", () => {
    const v = evaluerBrut({ ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "60000", apportAutresFrance: "40000", autresFranceDetiennentPartsProducteur: true });
    expect(v.apportInitial.statut).toBe("non_conforme");
    const c4 = v.listeReference.conditions.filter((c) => c.code === "C4");
    expect(c4.map((c) => c.statut)).toEqual(["non_conforme"]);
  });
});

describe("DOSSIER.md « ecart … 0 when it complies » : une section non conforme n'a jamais un écart de 0", () => {
  // Found by issue 18: a section that fails only on points or on a yes/no condition reports ecart 0
  // today (JSON, CNC.ECART), the figure that means "complies".
  it.each([
    ["majoration d'une animation à 30 points « Fabrication » sur 45", { ...oeuvreConforme("2023-02", "animation"), pointsFabrication: 30 }, "majoration"],
    ["liste d'une fiction sans autorisation définitive", { ...fictionConforme("2023-02"), autorisationDefinitive: false }, "listeReference"],
  ] as const)("%s", (_nom, d, section) => {
    const s = evaluerBrut(d)[section];
    expect(s.statut).toBe("non_conforme");
    expect(s.ecart === null || s.ecart.greaterThan(0)).toBe(true);
  });
});
