/**
 * The public face of the core (src/rules/index.ts): which version and date a verdict uses, the
 * apport-only entry point, the verdict outside every version, and the section's gap in euros
 * (DOSSIER.md "Output"). Figures from the law table (./loi/textes.ts).
 */
import Decimal from "decimal.js";
import { parseDossier } from "../../src/dossier";
import { evaluer, evaluerApportInitial, type Verdict } from "../../src/rules";
import { FIGURES, VERSIONS_LOI } from "./loi/textes";
import { fictionConforme, oeuvreConforme, sansPartiesExcedentaires } from "./loi/scenarios";

type Brut = Record<string, unknown>;
const d = (brut: Brut) => parseDossier(sansPartiesExcedentaires(Object.fromEntries(Object.entries(brut).filter(([, v]) => v !== undefined))));
const resume = (v: Verdict) => [v.apportInitial, v.listeReference, v.majoration].map((s) => s.statut);

describe("version et date de référence", () => {
  const FEVRIER = fictionConforme("2023-02");
  it("dateDemande choisit la version et devient la date de référence", () => {
    const v = evaluer(d(FEVRIER), { aujourdhui: "2023-01-10" });
    expect([v.version, v.dateReference]).toEqual(["2023-02", VERSIONS_LOI["2023-02"].date]);
  });
  it("l'option version l'emporte sur les dates ; la date de référence reste celle du dossier", () => {
    const v = evaluer(d(FEVRIER), { version: "2023-01" });
    expect([v.version, v.dateReference, v.apportInitial.regime]).toEqual(["2023-01", VERSIONS_LOI["2023-02"].date, "311-11"]);
  });
  it("l'option date l'emporte sur dateDemande et devient la date de référence", () => {
    const v = evaluer(d(FEVRIER), { date: "2023-01-31", aujourdhui: "2023-03-01" });
    expect([v.version, v.dateReference]).toEqual(["2023-01", "2023-01-31"]);
  });
  it("sans dateDemande ni option date : la date « aujourd'hui » donnée", () => {
    const v = evaluer(d({ ...FEVRIER, dateDemande: undefined }), { aujourdhui: "2023-01-01" });
    expect([v.version, v.dateReference]).toEqual(["2023-01", "2023-01-01"]);
  });
  it("le titre du dossier est repris ; sans titre, pas de clé titre", () => {
    expect(evaluer(d(FEVRIER)).titre).toBe("Limite");
    expect("titre" in evaluer(d({ ...FEVRIER, titre: undefined }))).toBe(false);
    expect("titre" in evaluer(d({ ...FEVRIER, titre: undefined, dateDemande: "2022-12-31" }))).toBe(false);
  });
});

describe("hors de toute version (demande antérieure au 1er janvier 2023)", () => {
  it("non applicable partout, sans condition ni chiffre, version null, majoration à 0", () => {
    const v = evaluer(d({ ...fictionConforme("2023-01"), dateDemande: "2022-12-31" }));
    expect([v.version, v.dateReference, v.titre]).toEqual([null, "2022-12-31", "Limite"]);
    expect(resume(v)).toEqual(["non_applicable", "non_applicable", "non_applicable"]);
    for (const s of [v.apportInitial, v.listeReference, v.majoration]) {
      expect([s.conditions, s.ecart, typeof s.motif]).toEqual([[], null, "string"]);
    }
    const a = v.apportInitial;
    expect([a.regime, a.base, a.taux, a.tauxArticle, a.apportMinimum, a.apportMinimumAvecPreventes, a.numeraireMinimum, a.numeraire, a.numeraireHoraire, a.heures]).toEqual(Array(10).fill(null));
    expect([v.listeReference.taux, v.listeReference.tauxArticle, v.listeReference.apportMinimum]).toEqual([null, null, null]);
    expect([v.majoration.taux.toString(), v.majoration.montant]).toEqual(["0", null]);
  });
});

describe("evaluerApportInitial : la seule section de l'apport, la même qu'evaluer", () => {
  it.each(Object.keys(VERSIONS_LOI))("%s : mêmes conditions, dans le même ordre (la plus grave d'un code d'abord)", (version) => {
    const anim = { ...oeuvreConforme(version, "animation"), coutDefinitif: "1000000", apportInitial: "200000", apportNumeraireTelevision: "18000", preventesInternationales: "0", pointsCreation: 40, pointsFabrication: 1 };
    const seule = evaluerApportInitial(d(anim))!;
    const complete = evaluer(d(anim)).apportInitial;
    const lignes = (s: typeof seule) => s.conditions.map((c) => `${c.code} ${c.article} ${c.alinea} ${c.statut}`);
    expect(lignes(seule)).toEqual(lignes(complete));
    expect([seule.statut, seule.ecart?.toString()]).toEqual([complete.statut, complete.ecart?.toString()]);
    // Within A4, the failing conditions come before the compliant ones.
    const a4 = seule.conditions.filter((c) => c.code === "A4").map((c) => c.statut);
    expect(a4[0]).toBe("non_conforme");
    expect(a4.indexOf("conforme")).toBeGreaterThan(a4.lastIndexOf("non_conforme"));
  });
  it("les options date et version s'appliquent ; avant 2023 : null", () => {
    const f = d(fictionConforme("2023-02"));
    expect(evaluerApportInitial(f, { version: "2023-01" })!.regime).toBe("311-11");
    expect(evaluerApportInitial(f, { date: "2023-01-31" })!.regime).toBe("311-11");
    expect(evaluerApportInitial(f)!.regime).toBe("311-9");
    expect(evaluerApportInitial(d({ ...fictionConforme("2023-02"), dateDemande: "2022-12-31" }))).toBeNull();
  });
});

describe("l'écart d'une section en euros (verdict.ts)", () => {
  it.each(Object.keys(VERSIONS_LOI))("%s : le plus grand des écarts en euros, jamais un écart en points", (version) => {
    // A1 short by 100 000 €, A2 short by one cent: the section's gap is 100 000 €.
    const cash = new Decimal(FIGURES[version]["apport.numeraireHoraire.fiction"].valeur).times(1.5);
    const a = evaluer(d({ ...fictionConforme(version), apportInitial: "900000", apportNumeraireTelevision: cash.minus("0.01").toFixed() })).apportInitial;
    expect(a.ecart?.toString()).toBe("100000");
    // Majoration of an animation: French spend one cent short: the gap is the cent; 15 points short as
    // well: no amount makes it comply, so no gap (null), never one that would read "complies".
    const horaire = new Decimal(FIGURES[version]["majoration.depensesHorairesAnimation"].valeur).times(1.5);
    const anim = { ...oeuvreConforme(version, "animation"), depensesFrance: horaire.minus("0.01").toFixed() };
    const m = evaluer(d(anim)).majoration;
    expect([m.statut, m.ecart?.toString()]).toEqual(["non_conforme", "0.01"]);
    const mp = evaluer(d({ ...anim, pointsFabrication: 30 })).majoration;
    expect([mp.statut, mp.ecart]).toEqual(["non_conforme", null]);
  });
});
