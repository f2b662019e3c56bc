/**
 * The paths around missing fields and the warnings, both versions (issue 18): a missing field is
 * `incomplet` with its name and a null gap, never a silent `non_conforme`; a value that fails
 * whatever the missing field says is `non_conforme`; a warning appears where its text applies, and
 * nowhere else. Figures from the law table (./loi/textes.ts).
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { manquantsSection, evaluer, type Condition, type Section, type Verdict } from "../../src/rules";
import { FIGURES, VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
const VERSIONS = Object.keys(VERSIONS_LOI);
const x = (v: string, cle: string) => new Decimal(FIGURES[v][cle].valeur);
const evaluerBrut = (brut: Brut): Verdict =>
  evaluer(parseDossier(sansPartiesExcedentaires(Object.fromEntries(Object.entries(brut).filter(([, val]) => val !== undefined)))), { aujourdhui: "2099-01-01" });
const sans = (d: Brut, ...champs: string[]): Brut => Object.fromEntries(Object.entries(d).filter(([k]) => !champs.includes(k)));
function une(section: Section, code: string): Condition {
  const c = section.conditions.filter((k) => k.code === code);
  if (c.length !== 1) throw new Error(`${c.length} condition(s) ${code}`);
  return c[0];
}

describe.each(VERSIONS)("version %s", (version) => {
  const FICTION = fictionConforme(version);
  const DOC = oeuvreConforme(version, "documentaire");

  describe("C5 (4°) : numéraire horaire des éditeurs", () => {
    it("documentaire sans aucun champ de numéraire : incomplet, les deux champs demandés, écart nul", () => {
      const c5 = une(evaluerBrut(sans(DOC, "apportNumeraireTelevision", "apportNumeraireSmad")).listeReference, "C5");
      expect(c5.statut).toBe("incomplet");
      expect(c5.manquants).toEqual(["apportNumeraireTelevision", "apportNumeraireSmad"]);
      expect(c5.ecart).toBeNull();
    });
    it("n'est pas le cas d'un numéraire télévision à 0 € : non conforme, écart = 12 000 €/h × 1,5 h", () => {
      const c5 = une(evaluerBrut({ ...DOC, apportNumeraireTelevision: 0 }).listeReference, "C5");
      expect(c5.statut).toBe("non_conforme");
      expect(c5.ecart?.toString()).toBe(x(version, "reference.numeraireHoraire.documentaire").times(1.5).toString());
    });
    it("sans durée : incomplet, dureeMinutes demandée", () => {
      const c5 = une(evaluerBrut(sans(DOC, "dureeMinutes")).listeReference, "C5");
      expect(c5.statut).toBe("incomplet");
      expect(c5.manquants).toEqual(["dureeMinutes"]);
    });
    it("le numéraire SMAD seul, exactement au seuil horaire, suffit ; un centime de moins non (télévision absente)", () => {
      const seuil = x(version, "reference.numeraireHoraire.documentaire").times(1.5);
      const d = { ...sans(DOC, "apportNumeraireTelevision"), apportNumeraireSmad: seuil.toFixed() };
      expect(une(evaluerBrut(d).listeReference, "C5").statut).toBe("conforme");
      const ko = une(evaluerBrut({ ...d, apportNumeraireSmad: seuil.minus("0.01").toFixed() }).listeReference, "C5");
      expect(ko.statut).toBe("non_conforme");
      expect(ko.ecart?.toString()).toBe("0.01");
    });
    it("télévision sous le seuil et SMAD au seuil : conforme par le SMAD (chaque groupe seul)", () => {
      const seuil = x(version, "reference.numeraireHoraire.documentaire").times(1.5);
      const c5 = une(evaluerBrut({ ...DOC, apportNumeraireTelevision: "1", apportNumeraireSmad: seuil.toFixed() }).listeReference, "C5");
      expect(c5.statut).toBe("conforme");
      expect(c5.constate?.toString()).toBe(seuil.toString());
    });
  });

  describe("genre inconnu : A1 et C4 selon le plus bas des taux réduits", () => {
    // The lowest lowered rate of the version, for the apport (A1) and for the list (C4).
    const plusBas = (prefixe: string) => Object.entries(FIGURES[version]).filter(([k]) => k.startsWith(prefixe) && k.endsWith(".taux")).map(([, f]) => new Decimal(f.valeur)).reduce((a, b) => Decimal.min(a, b));
    const base = new Decimal(1000000);
    const inconnu = (apport: Decimal) => ({ ...sans(FICTION, "genre"), coutDefinitif: base.toFixed(), apportInitial: apport.toFixed(), apportNumeraireTelevision: "1000" });

    it("apport un centime sous le plus bas taux réduit : non conforme (aucun genre ne le sauverait)", () => {
      const v = evaluerBrut(inconnu(plusBas("derogation.").times(base).minus("0.01")));
      expect(une(v.apportInitial, "A1").statut).toBe("non_conforme");
      const vl = evaluerBrut(inconnu(plusBas("reference.casReduits.").times(base).minus("0.01")));
      expect(une(vl.listeReference, "C4").statut).toBe("non_conforme");
    });
    it("apport exactement au plus bas taux réduit : incomplet, le genre demandé, écart nul", () => {
      const a1 = une(evaluerBrut(inconnu(plusBas("derogation.").times(base))).apportInitial, "A1");
      expect([a1.statut, a1.manquants, a1.ecart]).toEqual(["incomplet", ["genre"], null]);
      const c4 = une(evaluerBrut(inconnu(plusBas("reference.casReduits.").times(base))).listeReference, "C4");
      expect([c4.statut, c4.manquants, c4.ecart]).toEqual(["incomplet", ["genre"], null]);
    });
    it("apport à 25 % : conforme sans le genre", () => {
      expect(une(evaluerBrut(inconnu(x(version, "apport.taux").times(base))).apportInitial, "A1").statut).toBe("conforme");
    });
  });

  describe("un A1 ou un C4 incomplet a un écart nul (DOSSIER.md)", () => {
    const ANIM = { ...oeuvreConforme(version, "animation"), coutDefinitif: "1000000", apportNumeraireTelevision: "18000" };
    const entre = (taux: string) => x(version, taux).plus(x(version, "apport.taux")).dividedBy(2).times(1000000).toFixed();
    it.each([
      ["sans apport initial", sans(FICTION, "apportInitial"), ["apportInitial"]],
      ["sans coût définitif", sans(FICTION, "coutDefinitif"), ["coutDefinitif"]],
      ["coproduction sans participation française", { ...FICTION, coproductionInternationale: true }, ["participationFrancaise"]],
    ])("%s : A1 et C4 incomplets", (_nom, d, manquants) => {
      const v = evaluerBrut(d);
      for (const c of [une(v.apportInitial, "A1"), une(v.listeReference, "C4")]) {
        expect([c.statut, c.ecart, c.unite]).toEqual(["incomplet", null, null]);
        expect(c.manquants).toEqual(manquants);
      }
    });
    it("animation entre le taux réduit et 25 %, sans préventes ni points : A1 incomplet (la dérogation pourrait s'appliquer)", () => {
      const a1 = une(evaluerBrut({ ...sans(ANIM, "pointsCreation", "pointsFabrication"), apportInitial: entre("derogation.animation.taux") }).apportInitial, "A1");
      expect([a1.statut, a1.ecart, a1.unite]).toEqual(["incomplet", null, null]);
      expect(a1.manquants).toEqual(["preventesInternationales", "pointsCreation", "pointsFabrication"]);
    });
    it("animation entre le taux réduit de la liste et 25 %, sans préventes : C4 incomplet", () => {
      const c4 = une(evaluerBrut({ ...ANIM, apportInitial: entre("reference.casReduits.animation.taux") }).listeReference, "C4");
      expect([c4.statut, c4.ecart, c4.unite]).toEqual(["incomplet", null, null]);
      expect(c4.manquants).toEqual(["preventesInternationales"]);
    });
    it("animation sous le taux réduit, sans préventes : non conforme (aucune prévente ne suffirait)", () => {
      const sous = x(version, "derogation.animation.taux").times(1000000).minus("0.01").toFixed();
      const a1 = une(evaluerBrut({ ...ANIM, apportInitial: sous }).apportInitial, "A1");
      expect(a1.statut).toBe("non_conforme");
      expect(a1.ecart?.isPositive()).toBe(true);
    });
  });

  describe("avertissements : là où leur texte s'applique, et nulle part ailleurs", () => {
    const ANIM = { ...oeuvreConforme(version, "animation"), coutDefinitif: "1000000", apportNumeraireTelevision: "18000", pointsCreation: 40, pointsFabrication: 50 };
    const apportDerog = x(version, "derogation.animation.taux").plus(x(version, "apport.taux")).dividedBy(2).times(1000000);
    const preventesJustes = x(version, "derogation.animation.multiplePreventes").times(x(version, "apport.taux").times(1000000).minus(apportDerog));
    const avecPreventes = (p: Decimal) => evaluerBrut({ ...ANIM, apportInitial: apportDerog.toFixed(), preventesInternationales: p.toFixed() });
    const preventesA4 = (v: Verdict) => v.apportInitial.conditions.filter((c) => c.code === "A4" && c.unite !== "points" && c.attendu !== null && typeof c.attendu === "object");

    it("minimum garanti (311-10, rédaction ultérieure) : seulement en 2023-02, pour l'animation dont les préventes échouent", () => {
      const echec = preventesA4(avecPreventes(preventesJustes.minus("0.01")));
      expect(echec.map((c) => c.statut)).toEqual(["non_conforme"]);
      if (version === "2023-02") expect(echec[0].avertissement).toMatch(/minimum garanti/);
      else expect(echec[0].avertissement).toBeUndefined();
      const ok = preventesA4(avecPreventes(preventesJustes));
      expect(ok.map((c) => [c.statut, c.avertissement])).toEqual([["conforme", undefined]]);
      // Points failing, presales holding: no minimum-guarantee warning anywhere in the section.
      const points = evaluerBrut({ ...ANIM, apportInitial: apportDerog.toFixed(), preventesInternationales: preventesJustes.toFixed(), pointsCreation: 1 });
      expect(points.apportInitial.conditions.filter((c) => /minimum garanti/.test(c.avertissement ?? ""))).toEqual([]);
    });

    it("documentaire dont les préventes échouent : pas d'avertissement de minimum garanti (réservé à l'animation)", () => {
      const d = evaluerBrut({ ...DOC, coutDefinitif: "1000000", apportInitial: "225000", apportNumeraireTelevision: "18000", preventesInternationales: "0" });
      expect([...d.apportInitial.conditions, ...d.listeReference.conditions].filter((c) => /minimum garanti/.test(c.avertissement ?? ""))).toEqual([]);
    });

    it("textes divergents (311-30 4° / 311-11-1) : en 2023-01 seulement, et seulement quand C4 dépend du taux réduit", () => {
      const reduit = x(version, "reference.casReduits.animation.taux").times(1000000);
      const depend = une(evaluerBrut({ ...ANIM, apportInitial: reduit.toFixed(), preventesInternationales: "1000000" }).listeReference, "C4");
      expect(depend.statut).toBe("conforme");
      if (version === "2023-01") expect(depend.avertissement).toMatch(/311-30.*311-11-1/s);
      else expect(depend.avertissement).toBeUndefined();
      const a25 = une(evaluerBrut({ ...ANIM, apportInitial: "250000" }).listeReference, "C4");
      expect([a25.statut, a25.avertissement]).toEqual(["conforme", undefined]);
      expect(une(evaluerBrut(FICTION).listeReference, "C4").avertissement).toBeUndefined();
      const docReduit = une(evaluerBrut({ ...DOC, coutDefinitif: "1000000", apportInitial: "200000", apportNumeraireTelevision: "18000", preventesInternationales: "1000000" }).listeReference, "C4");
      expect(docReduit.statut).toBe("conforme");
      if (version === "2023-01") expect(docReduit.avertissement).toMatch(/documentaire/);
      else expect(docReduit.avertissement).toBeUndefined();
    });

    it("réserve de l'article 311-81 : sur A2 en 2023-01, absente en 2023-02", () => {
      const a2 = une(evaluerBrut(FICTION).apportInitial, "A2");
      if (version === "2023-01") expect(a2.avertissement).toMatch(/sous réserve .*311-81/);
      else expect(a2.avertissement).toBeUndefined();
    });

    it("contrat daté du jour même de la fin des prises de vues : avertissement ; la veille : aucun", () => {
      const meme = une(evaluerBrut({ ...FICTION, dateContrat: "2022-12-16", dateFinTournage: "2022-12-16" }).apportInitial, "A5");
      expect(meme.statut).toBe("conforme");
      expect(meme.avertissement).toMatch(/jour même/);
      const veille = une(evaluerBrut({ ...FICTION, dateContrat: "2022-12-15", dateFinTournage: "2022-12-16" }).apportInitial, "A5");
      expect([veille.statut, veille.avertissement]).toEqual(["conforme", undefined]);
    });

    it("durées SMAD dans les limites : pas d'avertissement de convention ; au-delà : avertissement", () => {
      const dans = evaluerBrut({ ...FICTION, dureeDroitsSmadMois: FIGURES[version]["apport.dureeDroitsSmadMois"].valeur }).apportInitial.conditions.filter((c) => c.code === "A6");
      expect(dans.map((c) => [c.statut, c.avertissement])).toEqual([["conforme", undefined]]);
      const au = evaluerBrut({ ...FICTION, dureeExclusiviteSmadMois: x(version, "apport.dureeExclusiviteSmadMois").plus(1).toFixed() }).apportInitial.conditions.filter((c) => c.code === "A6");
      expect(au.map((c) => c.statut)).toEqual(["non_conforme"]);
      expect(au[0].avertissement).toMatch(/convention/);
    });

    it("œuvre pour la télévision : pas d'avertissement de section sur le régime SMAD", () => {
      expect(evaluerBrut(FICTION).apportInitial.avertissement ?? "").not.toMatch(/311-12|services à la demande/);
    });
  });
});

describe("311-12 1° (2023-01) : un numéraire SMAD de 0 € ne satisfait jamais le 1°", () => {
  const SMAD = { ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", apportInitial: undefined, apportNumeraireTelevision: undefined };
  const premier = (v: Verdict) => v.apportInitial.conditions.filter((c) => c.article === "311-12" && c.alinea === "1°");
  it.each([["coût définitif de 400 000 €", "400000"], ["coût définitif de 0 € (25 % de 0 serait atteint)", "0"]])("%s : 1° non conforme, section non conforme", (_nom, cout) => {
    const v = evaluerBrut({ ...SMAD, coutDefinitif: cout, apportNumeraireSmad: "0" });
    expect(premier(v).map((c) => c.statut)).toContain("non_conforme");
    expect(premier(v).map((c) => c.statut)).not.toContain("conforme");
    expect(v.apportInitial.statut).toBe("non_conforme");
  });
  it("un centime d'éditeur SMAD sur une œuvre à 0 € : le 1° est rempli", () => {
    const v = evaluerBrut({ ...SMAD, coutDefinitif: "0", apportNumeraireSmad: "0.01" });
    expect(premier(v).map((c) => c.statut)).toContain("conforme");
  });
  it("sans numéraire SMAD : incomplet, apportNumeraireSmad demandé", () => {
    const v = evaluerBrut({ ...SMAD, coutDefinitif: "400000" });
    expect(v.apportInitial.statut).toBe("incomplet");
    expect(premier(v).flatMap((c) => c.manquants ?? [])).toContain("apportNumeraireSmad");
  });
});

describe.each(VERSIONS)("version %s : autres champs manquants, chacun nommé", (version) => {
  const FICTION = fictionConforme(version);
  const ANIM = oeuvreConforme(version, "animation");
  const statutEtManquants = (c: Condition[]) => c.map((k) => [k.statut, k.manquants ?? [], k.ecart]);
  const postes = (v: Verdict) => v.majoration.conditions.filter((c) => c.alinea === FIGURES[version]["majoration.depensesFrancePostes"].alinea);

  it("majoration 1° : dépenses des postes ou coût des postes absent → incomplet, le champ nommé", () => {
    expect(statutEtManquants(postes(evaluerBrut(sans(FICTION, "depensesFrancePostes"))))).toEqual([["incomplet", ["depensesFrancePostes"], null]]);
    expect(statutEtManquants(postes(evaluerBrut(sans(FICTION, "coutPostes"))))).toEqual([["incomplet", ["coutPostes"], null]]);
    expect(statutEtManquants(postes(evaluerBrut(sans(FICTION, "coutPostes", "depensesFrancePostes"))))).toEqual([["incomplet", ["depensesFrancePostes", "coutPostes"], null]]);
    expect(evaluerBrut(sans(FICTION, "coutPostes")).majoration.statut).toBe("incomplet");
  });
  if (version === "2023-01") {
    it("311-50 1° b) : dépenses en France absentes → incomplet", () => {
      const b = evaluerBrut(sans(FICTION, "depensesFrance")).majoration.conditions.filter((c) => c.alinea === "1° b)");
      expect(statutEtManquants(b)).toEqual([["incomplet", ["depensesFrance"], null]]);
    });
  }
  it("majoration 2° : dépenses ou durée absentes, points absents → incomplet, chacun nommé", () => {
    const b = (d: Brut) => evaluerBrut(d).majoration.conditions.filter((c) => c.alinea === "2° b)");
    expect(statutEtManquants(b(sans(ANIM, "depensesFrance")))).toEqual([["incomplet", ["depensesFrance"], null]]);
    expect(statutEtManquants(b(sans(ANIM, "dureeMinutes")))).toEqual([["incomplet", ["dureeMinutes"], null]]);
    const c = evaluerBrut(sans(ANIM, "pointsCreation")).majoration.conditions.filter((k) => k.alinea === "2° c)");
    expect(c.map((k) => [k.statut, k.manquants ?? []])).toContainEqual(["incomplet", ["pointsCreation"]]);
    const seuil = c.find((k) => k.statut === "incomplet")!;
    expect(seuil.attendu?.toString()).toBe(FIGURES[version]["majoration.pointsCreationAnimation"].valeur);
  });
  it("majoration sans genre : incomplet, genre demandé ; version originale non renseignée : incomplet", () => {
    const m = evaluerBrut(sans(FICTION, "genre")).majoration;
    expect(m.statut).toBe("incomplet");
    expect(m.conditions.flatMap((c) => c.manquants ?? [])).toContain("genre");
    const vo = evaluerBrut(sans(FICTION, "versionOriginaleFrancaise")).majoration;
    expect(vo.conditions.filter((c) => c.statut === "incomplet").flatMap((c) => c.manquants ?? [])).toEqual(["versionOriginaleFrancaise"]);
    expect(vo.taux.toString()).toBe("0");
  });
  it("C2 : documentaire en case de magazine sans durée d'épisode → incomplet, 45 min attendues", () => {
    const c2 = une(evaluerBrut({ ...oeuvreConforme(version, "documentaire"), caseMagazine: true }).listeReference, "C2");
    expect([c2.statut, c2.manquants, c2.attendu?.toString()]).toEqual(["incomplet", ["dureeEpisodeMinutes"], FIGURES[version]["reference.dureeEpisodeMagazineMinutes"].valeur]);
    expect(une(evaluerBrut(sans(FICTION, "genre")).listeReference, "C2").manquants).toEqual(["genre"]);
  });
  it("C3 : une autorisation refusée l'emporte sur l'autre manquante (non conforme) ; les deux manquantes → incomplet, les deux nommées", () => {
    expect(une(evaluerBrut({ ...sans(FICTION, "autorisationPrealable"), autorisationDefinitive: false }).listeReference, "C3").statut).toBe("non_conforme");
    const c3 = une(evaluerBrut(sans(FICTION, "autorisationPrealable", "autorisationDefinitive")).listeReference, "C3");
    expect([c3.statut, c3.manquants]).toEqual(["incomplet", ["autorisationPrealable", "autorisationDefinitive"]]);
  });
  it("C6 : ni diffusion ni acceptation renseignées → incomplet, les deux nommées ; diffusion refusée et acceptation oui → conforme", () => {
    const c6 = une(evaluerBrut(sans(FICTION, "diffuseeAnneePrecedente")).listeReference, "C6");
    expect([c6.statut, c6.manquants]).toEqual(["incomplet", ["diffuseeAnneePrecedente", "versionDefinitiveAcceptee"]]);
    expect(une(evaluerBrut({ ...FICTION, diffuseeAnneePrecedente: false, versionDefinitiveAcceptee: true }).listeReference, "C6").statut).toBe("conforme");
  });
  it("C4 sans apport ni base : incomplet, les deux nommés", () => {
    const c4 = une(evaluerBrut(sans(FICTION, "apportInitial", "coutDefinitif")).listeReference, "C4");
    expect([c4.statut, c4.manquants]).toEqual(["incomplet", ["coutDefinitif", "apportInitial"]]);
  });
  it("A2 sans genre ni durée : incomplet, les deux nommés", () => {
    const a2 = une(evaluerBrut(sans(FICTION, "genre", "dureeMinutes")).apportInitial, "A2");
    expect([a2.statut, a2.manquants]).toEqual(["incomplet", ["genre", "dureeMinutes"]]);
  });
});

describe("311-12 (2023-01) : champs manquants", () => {
  const SMAD = { ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "100000" };
  it("B3 sans durée : incomplet, dureeMinutes ; sans genre : incomplet, genre", () => {
    expect(une(evaluerBrut(sans(SMAD, "dureeMinutes")).apportInitial, "B3").manquants).toEqual(["dureeMinutes"]);
    expect(une(evaluerBrut(sans(SMAD, "genre")).apportInitial, "B3").manquants).toEqual(["genre"]);
  });
  it("B2 sans base : incomplet, coutDefinitif ; en coproduction, participationFrancaise", () => {
    expect(une(evaluerBrut(sans(SMAD, "coutDefinitif")).apportInitial, "B2").manquants).toEqual(["coutDefinitif"]);
    expect(une(evaluerBrut({ ...SMAD, coproductionInternationale: true }).apportInitial, "B2").manquants).toEqual(["participationFrancaise"]);
  });
});

describe("chemins restants, deux versions", () => {
  it.each(VERSIONS)("%s : C5 sans genre → incomplet, genre ; A5 jugée sur le seul engagement ferme → pas d'avertissement de date seule", (version) => {
    const FICTION = fictionConforme(version);
    expect(une(evaluerBrut(sans(FICTION, "genre")).listeReference, "C5").manquants).toEqual(["genre"]);
    const a5 = une(evaluerBrut({ ...FICTION, engagementFerme: true }).apportInitial, "A5");
    expect([a5.statut, a5.avertissement]).toEqual(["conforme", undefined]);
  });
  it.each(VERSIONS)("%s : préventes non renseignées pour une animation entre les taux : la condition a) attend multiple × (25 % × base − apport), écart nul", (version) => {
    const apport = x(version, "derogation.animation.taux").plus(x(version, "apport.taux")).dividedBy(2).times(1000000);
    const v = evaluerBrut({ ...oeuvreConforme(version, "animation"), coutDefinitif: "1000000", apportInitial: apport.toFixed(), apportNumeraireTelevision: "18000" });
    const a = v.apportInitial.conditions.filter((c) => c.code === "A4" && c.statut === "incomplet");
    expect(a.map((c) => [c.attendu?.toString(), c.ecart, c.manquants])).toEqual([[
      x(version, "derogation.animation.multiplePreventes").times(x(version, "apport.taux").times(1000000).minus(apport)).toString(), null, ["preventesInternationales"],
    ]]);
  });
  it("2023-01, œuvre SMAD sans numéraire SMAD : C4 incomplet, apportNumeraireSmad ; 2° sans base : incomplet, coutDefinitif", () => {
    const SMAD = { ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined };
    expect(une(evaluerBrut(SMAD).listeReference, "C4").manquants).toEqual(["apportNumeraireSmad"]);
    const v = evaluerBrut({ ...sans(SMAD, "coutDefinitif"), apportNumeraireSmad: "50000", apportAutresFrance: "50000", autresFranceDetiennentPartsProducteur: false });
    expect(v.apportInitial.statut).toBe("incomplet");
    expect(manquantsSection(v.apportInitial)).toContain("coutDefinitif");
  });
});

describe("derniers chemins mesurés par mutation", () => {
  const SMAD = { ...oeuvreConforme("2023-01", "documentaire"), destination: "smad", coutDefinitif: "400000", apportInitial: undefined, apportNumeraireTelevision: undefined, apportNumeraireSmad: "100000" };
  it("311-12 al. 4, B3 : sans numéraire SMAD → apportNumeraireSmad ; sans rien → la durée et le numéraire", () => {
    expect(une(evaluerBrut(sans(SMAD, "apportNumeraireSmad")).apportInitial, "B3").manquants).toEqual(["apportNumeraireSmad"]);
    expect(une(evaluerBrut(sans(SMAD, "apportNumeraireSmad", "dureeMinutes")).apportInitial, "B3").manquants).toEqual(["dureeMinutes", "apportNumeraireSmad"]);
  });
  it.each(VERSIONS)("%s, al. 1 : fin des prises de vues seule avec un engagement ferme → l'avertissement nomme dateFinTournage ; les deux dates → pas d'avertissement de section", (version) => {
    const F = fictionConforme(version);
    // Shooting not yet over on the request date: the commitment is judged, and the date given alone is named.
    expect(une(evaluerBrut({ ...F, dateFinTournage: "2099-12-16", engagementFerme: false }).apportInitial, "A5").avertissement).toContain("dateFinTournage");
    expect(evaluerBrut({ ...F, dateContrat: "2022-09-01", dateFinTournage: "2022-12-16" }).apportInitial.avertissement).toBeUndefined();
  });
  it("311-10 (2023-02) : animation dont les préventes échouent, l'avertissement du minimum garanti est aussi sur C4", () => {
    const c4 = une(evaluerBrut({ ...oeuvreConforme("2023-02", "animation"), coutDefinitif: "1000000", apportInitial: "200000", apportNumeraireTelevision: "18000", preventesInternationales: "0" }).listeReference, "C4");
    expect(c4.statut).toBe("non_conforme");
    expect(c4.avertissement).toMatch(/minimum garanti/);
  });
  it("2023-02, œuvre SMAD : l'avertissement dit que l'apport d'autres entreprises n'est pas compté, seulement s'il y en a (DOMAIN.md E3)", () => {
    const S = { ...oeuvreConforme("2023-02", "documentaire"), destination: "smad" };
    expect(evaluerBrut({ ...S, apportAutresFrance: "50000" }).apportInitial.avertissement).toMatch(/autres entreprises/);
    expect(evaluerBrut(S).apportInitial.avertissement).not.toMatch(/autres entreprises/);
  });
});
