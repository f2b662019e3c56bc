/**
 * What the summary at the top of the pane says (pure text, no browser): the one figure to act on is
 * the section's `ecart` from the core, rounded as the JSON and CNC.ECART round it; the presales are
 * offered as the other lever only when the core confirms they close the gap; field names become
 * French labels; an incomplete barème condition shows points. Expected figures come from the core's
 * verdicts computed here, or are written out where the core's reading is settled (25 % of the base).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { parseDossier } from "../../src/dossier";
import { ecartAuCentime, euros, evaluer, type Condition, type Verdict } from "../../src/rules";
import { preventesEnAlternative } from "../../src/taskpane/leviers";
import { apresDeuxPoints, consignes, listeARenseigner, parGravite } from "../../src/taskpane/vue/action";
import { libelleChamp, messageEnFrancais, uniteAffichee } from "../../src/taskpane/vue/libelles";

const EXEMPLES = path.resolve(__dirname, "../../examples");
const exemple = (nom: string) => parseDossier(JSON.parse(readFileSync(path.join(EXEMPLES, nom), "utf8")));
const montant = (d: { toString(): string }) => euros(ecartAuCentime(d as never));

/** A documentary under the recast (311-10 2°: 20 % when presales reach twice the gap at 25 %). */
function documentaire(apportInitial: number, preventesInternationales: number) {
  return parseDossier({
    titre: "Doc", dateDemande: "2024-05-15", genre: "documentaire", destination: "television", aide: "automatique",
    dureeMinutes: 52, coutDefinitif: 1000000, apportInitial, apportNumeraireTelevision: Math.min(apportInitial, 180000), preventesInternationales, engagementFerme: true,
  });
}

const euroNonConformes = (v: Verdict) => v.apportInitial.conditions.filter((c) => c.unite === "euros" && c.statut === "non_conforme");

describe("la consigne principale : le chiffre à ajouter", () => {
  test("311-9 al. 3 « au moins 25 % » : la coproduction à 480 000 € sur 2 000 000 € — ajoutez 20 000 € d'apport initial", () => {
    const v = evaluer(exemple("coproduction-internationale.json"));
    const { principale, autres } = consignes(v);
    expect(principale).toEqual({ section: "apportInitial", genre: "ajouter", texte: "Ajoutez 20\u202f000,00\u202f€ d'apport initial." });
    // The same figure as the JSON `ecart` and CNC.ECART.
    expect(principale.texte).toContain(euros(ecartAuCentime(v.apportInitial.ecart!)));
    // The liste lacks the same amount (not said twice) and the authorisation (said); what it also
    // needs filled is in its details (a failing section's fields to fill are not listed on top).
    expect(autres.map((c) => [c.section, c.genre])).toEqual([["listeReference", "corriger"], ["majoration", "corriger"]]);
    expect(autres[0].texte).toBe("Il manque l'autorisation définitive.");
  });

  test("311-11 al. 3 « part minimale en numéraire » : l'apport atteint 25 % mais pas son numéraire — ajoutez du numéraire", () => {
    const v = evaluer(parseDossier({ titre: "Num", dateDemande: "2023-01-16", genre: "fiction", dureeMinutes: 90, coutDefinitif: 1000000, apportInitial: 300000, apportNumeraireTelevision: 10000 }));
    const a2 = v.apportInitial.conditions.find((c) => c.code === "A2")!;
    expect(a2.statut).toBe("non_conforme");
    // 12 000 € per hour over 90 min is 18 000 €: 8 000 € are missing.
    expect(consignes(v).principale.texte).toBe("Ajoutez 8\u202f000,00\u202f€ d'apport en numéraire des éditeurs.");
  });

  test("un plan conforme dans les trois sections : rien à ajouter", () => {
    const { principale, autres } = consignes(evaluer(exemple("serie-fiction.json")));
    expect(principale).toEqual({ section: null, genre: "conforme", texte: "Le plan est conforme dans les trois sections : rien à ajouter." });
    expect(autres).toEqual([]);
  });

  test("une section qui échoue sans montant (des points) : son message, pas un montant", () => {
    const v = evaluer(exemple("serie-animation.json"));
    expect(v.majoration.statut).toBe("non_conforme");
    const { principale } = consignes(v);
    const premiere = parGravite(v.majoration.conditions)[0];
    expect(principale).toEqual({ section: "majoration", genre: "corriger", texte: premiere.message });
    expect(principale.texte).not.toContain("€");
  });

  test("311-10 2° « préventes … au moins égal au double de l'écart » : ajoutez l'écart d'apport, ou les préventes qui manquent", () => {
    const d = documentaire(200000, 60000);
    const v = evaluer(d);
    const a4 = v.apportInitial.conditions.find((c) => c.code === "A4" && c.unite === "euros")!;
    expect(a4.statut).toBe("non_conforme");
    const alternative = preventesEnAlternative(d, v);
    expect(alternative?.toString()).toBe(ecartAuCentime(a4.ecart!).toString());
    const { principale } = consignes(v, alternative);
    expect(principale.texte).toBe(`Ajoutez ${montant(v.apportInitial.ecart!)} d'apport initial, ou ${montant(a4.ecart!)} de préventes internationales.`);
    // Either lever, added as shown, leaves no amount condition failing — the core says so.
    expect(euroNonConformes(evaluer({ ...d, apportInitial: d.apportInitial!.plus(ecartAuCentime(v.apportInitial.ecart!)) }))).toEqual([]);
    expect(euroNonConformes(evaluer({ ...d, preventesInternationales: d.preventesInternationales!.plus(alternative!) }))).toEqual([]);
  });

  test("311-10 : sous le taux réduit (15 % < 20 %), des préventes seules ne suffisent pas — aucune alternative offerte", () => {
    const d = documentaire(150000, 0);
    const v = evaluer(d);
    const a4 = v.apportInitial.conditions.find((c) => c.code === "A4" && c.unite === "euros")!;
    expect(a4.statut).toBe("non_conforme");
    // Adding the presales the condition asks for would not make the apport comply…
    expect(euroNonConformes(evaluer({ ...d, preventesInternationales: d.preventesInternationales!.plus(ecartAuCentime(a4.ecart!)) })).length).toBeGreaterThan(0);
    // …so they are not offered.
    expect(preventesEnAlternative(d, v)).toBeNull();
    expect(consignes(v, preventesEnAlternative(d, v)).principale.texte).not.toContain("préventes internationales,");
  });

  test("311-11-1 b) : points insuffisants, la dérogation est fermée — pas d'alternative par les préventes", () => {
    const d = parseDossier({
      titre: "Anim", dateDemande: "2023-01-20", genre: "animation", dureeMinutes: 338, coutDefinitif: 6500000,
      apportInitial: 1365000, apportNumeraireTelevision: 1200000, preventesInternationales: 100000, pointsCreation: 20, pointsFabrication: 40,
    });
    const v = evaluer(d);
    expect(v.apportInitial.statut).toBe("non_conforme");
    expect(preventesEnAlternative(d, v)).toBeNull();
  });

  test("sur une grille d'apports et de préventes (documentaire, animation ; 2023-01 et 2023-02), chaque levier affiché suffit, selon le cœur", () => {
    let alternatives = 0;
    let consignesVues = 0;
    for (const [genre, date, cout] of [["documentaire", "2024-05-15", 1000000], ["animation", "2023-01-20", 1000000], ["animation", "2024-05-15", 1000000]] as const) {
      for (let apport = 100000; apport <= 260000; apport += 20000) {
        for (let preventes = 0; preventes <= 160000; preventes += 20000) {
          const d = parseDossier({ titre: "G", dateDemande: date, genre, dureeMinutes: 52, coutDefinitif: cout, apportInitial: apport, apportNumeraireTelevision: apport, preventesInternationales: preventes, pointsCreation: 32, pointsFabrication: 40 });
          const v = evaluer(d);
          const alternative = preventesEnAlternative(d, v);
          const { principale } = consignes(v, alternative);
          if (principale.section !== "apportInitial" || principale.genre !== "ajouter") continue;
          consignesVues++;
          expect(principale.texte.startsWith(`Ajoutez ${montant(v.apportInitial.ecart!)} d'apport initial`)).toBe(true);
          expect(euroNonConformes(evaluer({ ...d, apportInitial: d.apportInitial!.plus(ecartAuCentime(v.apportInitial.ecart!)), apportNumeraireTelevision: d.apportNumeraireTelevision!.plus(ecartAuCentime(v.apportInitial.ecart!)) }))).toEqual([]);
          if (alternative) {
            alternatives++;
            expect(principale.texte.endsWith(`, ou ${euros(alternative)} de préventes internationales.`)).toBe(true);
            expect(euroNonConformes(evaluer({ ...d, preventesInternationales: d.preventesInternationales!.plus(alternative) }))).toEqual([]);
          }
        }
      }
    }
    // The grid holds both kinds of plans: with and without the presales lever.
    expect(consignesVues).toBeGreaterThan(50);
    expect(alternatives).toBeGreaterThan(10);
    expect(alternatives).toBeLessThan(consignesVues);
  });

  test("un champ demandé une fois : les sections suivantes ne redemandent que les autres", () => {
    const v = evaluer(parseDossier({ titre: "Anim", dateDemande: "2023-01-20", genre: "animation", dureeMinutes: 338, coutDefinitif: 6500000, apportInitial: 1365000, apportNumeraireTelevision: 1200000, preventesInternationales: 600000 }));
    const { principale, autres } = consignes(v);
    expect(principale).toMatchObject({ section: "apportInitial", genre: "renseigner", champs: ["pointsCreation", "pointsFabrication"] });
    const demandes = [principale, ...autres].flatMap((c) => c.champs ?? []);
    expect(new Set(demandes).size).toBe(demandes.length);
    expect(autres.every((c) => !c.texte.includes("Points « Création »"))).toBe(true);
    expect(autres.length).toBeGreaterThan(0);
  });

  test("un dossier incomplet : les champs à renseigner, par leurs libellés", () => {
    const v = evaluer(parseDossier({ titre: "Vide", dateDemande: "2023-01-20", genre: "fiction" }));
    const { principale } = consignes(v);
    expect(principale.genre).toBe("renseigner");
    expect(principale.texte).toMatch(/^Renseignez : /);
    expect(principale.texte).not.toMatch(/[a-z][A-Z]/);
    expect(principale.texte).toContain(libelleChamp("coutDefinitif"));
  });
});

describe("libellés et unités", () => {
  test("les noms de champs d'un message deviennent leurs libellés ; les mots ordinaires restent", () => {
    expect(messageEnFrancais("renseignez pointsCreation, pointsFabrication.")).toBe(`renseignez ${libelleChamp("pointsCreation")}, ${libelleChamp("pointsFabrication")}.`);
    expect(messageEnFrancais("Renseignez le genre : il décide du montant.")).toBe("Renseignez le genre : il décide du montant.");
    // A parenthesis that only names fields goes: the pane lists them by label under "À renseigner".
    expect(messageEnFrancais("Indiquez si l'œuvre a été diffusée (diffuseeAnneePrecedente, versionDefinitiveAcceptee).")).toBe("Indiquez si l'œuvre a été diffusée.");
    expect(messageEnFrancais("(versionOriginaleFrancaise) et apportInitial")).toBe(` et ${libelleChamp("apportInitial")}`);
  });

  test("au plus trois champs nommés, puis le nombre des autres", () => {
    expect(listeARenseigner(["coutDefinitif", "apportInitial", "genre", "dureeMinutes", "titre"])).toBe(`${libelleChamp("coutDefinitif")}, ${libelleChamp("apportInitial")}, ${libelleChamp("genre")} et 2 autres`);
  });

  test("une condition de points incomplète se lit en points ; A1, qui attend ces points, reste en euros", () => {
    const v = evaluer(parseDossier({ titre: "Anim", dateDemande: "2023-01-20", genre: "animation", coutDefinitif: 6500000, apportInitial: 1365000, preventesInternationales: 600000 }));
    const points = v.apportInitial.conditions.filter((c) => c.libelle.startsWith("Points"));
    expect(points.map((c) => [c.statut, uniteAffichee(c)])).toEqual([["incomplet", "points"], ["incomplet", "points"]]);
    const a1 = v.apportInitial.conditions.find((c) => c.code === "A1") as Condition;
    expect(a1.manquants).toEqual(expect.arrayContaining(["pointsCreation"]));
    expect(uniteAffichee(a1)).not.toBe("points");
  });

  test("après deux-points, la majuscule tombe, sauf un sigle", () => {
    expect(apresDeuxPoints("Il manque l'autorisation définitive.")).toBe("il manque l'autorisation définitive.");
    expect(apresDeuxPoints("RGA : rien")).toBe("RGA : rien");
  });
});
