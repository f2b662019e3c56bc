/**
 * The figures a section shows beside its conditions (DOSSIER.md "Output": regime, base, taux,
 * tauxArticle, apportMinimum, numeraireMinimum…), both versions, compared with figures computed in
 * the test from the law table (./loi/textes.ts), never read back from the code. Hourly amounts are
 * compared to the millionth of a euro (the code divides at 40 digits, the test at 20).
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { evaluer, type Verdict } from "../../src/rules";
import { FIGURES, VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
const evaluerBrut = (brut: Brut): Verdict =>
  evaluer(parseDossier(sansPartiesExcedentaires(Object.fromEntries(Object.entries(brut).filter(([, v]) => v !== undefined)))), { aujourdhui: "2099-01-01" });
const x = (v: string, cle: string) => new Decimal(FIGURES[v][cle].valeur);
const art = (v: string, cle: string) => FIGURES[v][cle].article;
const s = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? null : new Decimal(d.toString()).toString());
const HEURES = new Decimal(90).dividedBy(60);

/** The derived figures of the apport section, as exact decimal strings. */
function derives(v: Verdict) {
  const a = v.apportInitial;
  return {
    regime: a.regime, base: s(a.base), taux: s(a.taux), tauxArticle: a.tauxArticle, apportMinimum: s(a.apportMinimum),
    apportMinimumAvecPreventes: s(a.apportMinimumAvecPreventes), numeraireMinimum: s(a.numeraireMinimum),
    numeraire: s(a.numeraire), numeraireHoraire: a.numeraireHoraire === null ? null : new Decimal(a.numeraireHoraire.toString()).toDecimalPlaces(6).toString(), heures: s(a.heures),
  };
}

describe.each(Object.keys(VERSIONS_LOI))("version %s", (version) => {
  const t25 = x(version, "apport.taux");
  const regime = art(version, "apport.taux");

  it("fiction pour la télévision : base, 25 %, numéraire télévision + SMAD, minimum horaire de 12 000 €/h", () => {
    const v = evaluerBrut({ ...fictionConforme(version), apportNumeraireTelevision: "700000", apportNumeraireSmad: "300000" });
    expect(derives(v)).toEqual({
      regime, base: "4000000", taux: t25.toString(), tauxArticle: regime, apportMinimum: t25.times(4000000).toString(),
      apportMinimumAvecPreventes: t25.times(4000000).toString(), numeraireMinimum: x(version, "apport.numeraireHoraire.fiction").times(HEURES).toString(),
      numeraire: "1000000", numeraireHoraire: new Decimal(1000000).dividedBy(HEURES).toDecimalPlaces(6).toString(), heures: HEURES.toString(),
    });
    expect([s(v.listeReference.taux), v.listeReference.tauxArticle, s(v.listeReference.apportMinimum)])
      .toEqual([x(version, "reference.taux").toString(), art(version, "reference.taux"), x(version, "reference.taux").times(4000000).toString()]);
  });

  it("coproduction internationale : la base est la participation française", () => {
    const v = evaluerBrut({ ...fictionConforme(version), coproductionInternationale: true, participationFrancaise: "3000000" });
    expect([s(v.apportInitial.base), s(v.apportInitial.apportMinimum), s(v.listeReference.apportMinimum)])
      .toEqual(["3000000", t25.times(3000000).toString(), x(version, "reference.taux").times(3000000).toString()]);
  });

  it("spectacle vivant : numéraire minimum à 20 000 €/h ; genre « autre » : aucun", () => {
    expect(s(evaluerBrut(oeuvreConforme(version, "spectacle_vivant")).apportInitial.numeraireMinimum)).toBe(x(version, "apport.numeraireHoraire.spectacle_vivant").times(HEURES).toString());
    const autre = evaluerBrut({ ...fictionConforme(version), genre: "autre" }).apportInitial;
    // No hourly minimum for this genre: null (shown "—"), never 0 € (issue 17, item 9).
    expect([s(autre.numeraireMinimum), s(autre.apportMinimumAvecPreventes)]).toEqual([null, t25.times(4000000).toString()]);
  });

  it("animation sous dérogation : taux et article de la dérogation ; apport minimum compte tenu des préventes = max(taux réduit × base, 25 % × base − préventes / multiple)", () => {
    const reduit = x(version, "derogation.animation.taux");
    const multiple = x(version, "derogation.animation.multiplePreventes");
    const base = new Decimal(1000000);
    for (const preventes of [new Decimal(60000), new Decimal(1000000)]) {
      const v = evaluerBrut({
        ...oeuvreConforme(version, "animation"), coutDefinitif: base.toFixed(), apportInitial: t25.times(base).toFixed(), apportNumeraireTelevision: "18000",
        preventesInternationales: preventes.toFixed(), pointsCreation: x(version, "derogation.animation.pointsCreation").toFixed(), pointsFabrication: x(version, "derogation.animation.pointsFabrication").toFixed(),
      }).apportInitial;
      expect(s(v.apportMinimumAvecPreventes)).toBe(Decimal.max(reduit.times(base), t25.times(base).minus(preventes.dividedBy(multiple))).toString());
    }
    const sous = evaluerBrut({
      ...oeuvreConforme(version, "animation"), coutDefinitif: base.toFixed(), apportInitial: reduit.times(base).toFixed(), apportNumeraireTelevision: "18000", preventesInternationales: base.toFixed(),
    });
    expect([s(sous.apportInitial.taux), sous.apportInitial.tauxArticle, s(sous.apportInitial.apportMinimum)]).toEqual([reduit.toString(), art(version, "derogation.animation.taux"), reduit.times(base).toString()]);
    // Points one under the case: no lowered minimum, whatever the presales.
    const points = evaluerBrut({
      ...oeuvreConforme(version, "animation"), coutDefinitif: base.toFixed(), apportInitial: t25.times(base).toFixed(), apportNumeraireTelevision: "18000", preventesInternationales: base.toFixed(),
      pointsCreation: x(version, "derogation.animation.pointsCreation").minus(1).toFixed(), pointsFabrication: "100",
    }).apportInitial;
    expect(s(points.apportMinimumAvecPreventes)).toBe(t25.times(base).toString());
    const fabrication = evaluerBrut({
      ...oeuvreConforme(version, "animation"), coutDefinitif: base.toFixed(), apportInitial: t25.times(base).toFixed(), apportNumeraireTelevision: "18000", preventesInternationales: base.toFixed(),
      pointsCreation: "100", pointsFabrication: x(version, "derogation.animation.pointsFabrication").minus(1).toFixed(),
    }).apportInitial;
    expect(s(fabrication.apportMinimumAvecPreventes)).toBe(t25.times(base).toString());
    const sansPreventes = evaluerBrut({ ...oeuvreConforme(version, "animation"), coutDefinitif: base.toFixed(), apportNumeraireTelevision: "18000" }).apportInitial;
    expect(s(sansPreventes.apportMinimumAvecPreventes)).toBe(t25.times(base).toString());
    expect(s(sous.listeReference.taux)).toBe(x(version, "reference.casReduits.animation.taux").toString());
  });

  it("aide sélective : minimums à 0 €, ni taux ni article de taux", () => {
    const a = evaluerBrut({ ...fictionConforme(version), aide: "selective" }).apportInitial;
    expect([a.statut, s(a.apportMinimum), s(a.numeraireMinimum), s(a.apportMinimumAvecPreventes), s(a.taux), a.tauxArticle]).toEqual(["non_applicable", "0", null, "0", null, null]);
  });

  it("sans genre ni durée : pas de minimum calculé, pas d'heures", () => {
    const d = { ...fictionConforme(version) } as Brut;
    delete d.genre;
    delete d.dureeMinutes;
    const a = evaluerBrut(d).apportInitial;
    expect([s(a.apportMinimumAvecPreventes), s(a.numeraireMinimum), s(a.heures), s(a.numeraireHoraire)]).toEqual([null, null, null, null]);
    expect(s(a.numeraire)).toBe("1000000");
  });

  it("sans aucun numéraire : numéraire et numéraire horaire nuls (null)", () => {
    const d = { ...fictionConforme(version) } as Brut;
    delete d.apportNumeraireTelevision;
    const a = evaluerBrut(d).apportInitial;
    expect([s(a.numeraire), s(a.numeraireHoraire)]).toEqual([null, null]);
  });
});

describe("œuvre conçue pour les services à la demande", () => {
  const SMAD = (version: string, genre: string, smad = "100000"): Brut => ({ ...oeuvreConforme(version, genre), destination: "smad", coutDefinitif: "400000", apportInitial: version === "2023-01" ? undefined : "400000", apportNumeraireTelevision: undefined, apportNumeraireSmad: smad });

  it("2023-01 (311-12) : régime 311-12, 25 % de 311-12, seul le numéraire SMAD, 12 000 €/h (documentaire) et 15 000 €/h (spectacle vivant), aucun pour la fiction", () => {
    const v = evaluerBrut(SMAD("2023-01", "documentaire"));
    expect(derives(v)).toEqual({
      regime: "311-12", base: "400000", taux: x("2023-01", "smad.taux").toString(), tauxArticle: "311-12", apportMinimum: x("2023-01", "smad.taux").times(400000).toString(),
      apportMinimumAvecPreventes: x("2023-01", "smad.taux").times(400000).toString(), numeraireMinimum: x("2023-01", "smad.numeraireHoraire.documentaire").times(HEURES).toString(),
      numeraire: "100000", numeraireHoraire: new Decimal(100000).dividedBy(HEURES).toDecimalPlaces(6).toString(), heures: HEURES.toString(),
    });
    expect(s(evaluerBrut(SMAD("2023-01", "spectacle_vivant")).apportInitial.numeraireMinimum)).toBe(x("2023-01", "smad.numeraireHoraire.spectacle_vivant").times(HEURES).toString());
    expect(s(evaluerBrut(SMAD("2023-01", "fiction")).apportInitial.numeraireMinimum)).toBeNull();
  });

  it("2023-01 : pas de dérogation en 311-12, l'apport minimum reste 25 % malgré préventes et points", () => {
    const a = evaluerBrut({ ...SMAD("2023-01", "animation"), preventesInternationales: "1000000" }).apportInitial;
    expect(s(a.apportMinimumAvecPreventes)).toBe(x("2023-01", "smad.taux").times(400000).toString());
  });

  it("2023-01 : aide à la préparation, minimums à 0 € (311-12 dernier alinéa)", () => {
    const a = evaluerBrut({ ...SMAD("2023-01", "documentaire", "0"), aide: "preparation" }).apportInitial;
    expect([a.statut, s(a.apportMinimum), s(a.apportMinimumAvecPreventes), s(a.numeraireMinimum)]).toEqual(["non_applicable", "0", "0", null]);
    expect(a.conditions.map((c) => [c.statut, c.article, c.alinea])).toEqual([["non_applicable", "311-12", 5]]);
  });

  it("2023-02 : vérifiée selon 311-9 comme toute œuvre (régime, 25 %, 12 000 €/h)", () => {
    const a = evaluerBrut(SMAD("2023-02", "documentaire")).apportInitial;
    expect([a.regime, s(a.numeraireMinimum), s(a.apportMinimum), s(a.numeraire)])
      .toEqual(["311-9", x("2023-02", "apport.numeraireHoraire.documentaire").times(HEURES).toString(), x("2023-02", "apport.taux").times(400000).toString(), "100000"]);
    expect(a.avertissement).toMatch(/311-12.*31 janvier 2023/s);
  });
});

describe("heures et numéraire horaire calculés à la lecture (issue 15)", () => {
  it("lus deux fois, ils sont les mêmes ; JSON.stringify de la section les écrit", () => {
    for (const version of Object.keys(VERSIONS_LOI)) {
      const a = evaluerBrut(fictionConforme(version)).apportInitial;
      expect(s(a.heures)).toBe(HEURES.toString());
      expect(a.heures).toBe(a.heures);
      expect(a.numeraireHoraire).toBe(a.numeraireHoraire);
      const brut = JSON.parse(JSON.stringify(a));
      expect(brut.heures).toBe(HEURES.toString());
      expect(new Decimal(brut.numeraireHoraire).toDecimalPlaces(6).toString()).toBe(new Decimal(a.numeraireHoraire!.toString()).toDecimalPlaces(6).toString());
      expect(Object.keys(brut)).toEqual(expect.arrayContaining(["statut", "conditions", "ecart", "regime", "base", "apportMinimum", "numeraire", "numeraireHoraire", "heures"]));
      expect(brut.duree).toBeUndefined();
    }
  });
});
