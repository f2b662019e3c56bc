/**
 * `verifier` on the shipped catalogue (examples/catalogue.xlsx, ≥ 200 works, four genres) gives the
 * same verdicts as `evaluer` on the same dossiers written as JSON — the JSON built straight from the
 * cells with exceljs, without the formula engine. `calculer` fills each row's CNC.* cells with the
 * verdict of that row.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { CHAMPS, champDepuisLibelle, parseDossier } from "../../src/dossier";
import { LIBELLES_STATUT } from "../../src/render/texte";
import { evaluer } from "../../src/rules";
import { COLONNES_RESULTATS, LISTE_AIDES, LISTE_BOOLEENS, LISTE_DESTINATIONS, LISTE_GENRES } from "../../src/modele";
import { dossierTemporaire, EXEMPLES, lancer, lireClasseurExcelJS, resultat } from "./outils";

const CATALOGUE = join(EXEMPLES, "catalogue.xlsx");
const dossier = dossierTemporaire();

/** The catalogue's rows as DOSSIER.md objects (dates as ISO text, other cells as they are). */
async function dossiersJson(): Promise<Record<string, unknown>[]> {
  const ws = (await lireClasseurExcelJS(CATALOGUE)).getWorksheet("Catalogue")!;
  // French labels in the header, read back as the fields.
  const entete = CHAMPS.map((_c, j) => champDepuisLibelle(String(ws.getCell(1, j + 1).value))!);
  expect(entete).toEqual(CHAMPS.map((c) => c.champ));
  const lignes: Record<string, unknown>[] = [];
  for (let l = 2; l <= ws.rowCount; l++) {
    const d: Record<string, unknown> = {};
    entete.forEach((champ, j) => {
      const v = ws.getCell(l, j + 1).value;
      if (v === null || v === undefined) return;
      d[champ] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    });
    if (Object.keys(d).length) lignes.push(d);
  }
  return lignes;
}

describe("le catalogue d'exemple", () => {
  let json: Record<string, unknown>[];
  beforeAll(async () => {
    json = await dossiersJson();
  });

  it("compte au moins 200 œuvres des quatre genres, sous les deux versions du RGA", () => {
    expect(json.length).toBeGreaterThanOrEqual(200);
    const dossiers = json.map((d) => parseDossier(d));
    expect(new Set(dossiers.map((d) => d.genre))).toEqual(new Set(["fiction", "animation", "documentaire", "spectacle_vivant"]));
    const versions = new Set(dossiers.map((d) => evaluer(d).version));
    expect(versions).toEqual(new Set(["2023-01", "2023-02"]));
  });

  it("un document de finance : en-têtes en français, libellés des listes du modèle, dates en dates, titres sans numéro de série", async () => {
    const ws = (await lireClasseurExcelJS(CATALOGUE)).getWorksheet("Catalogue")!;
    CHAMPS.forEach((c, j) => expect(ws.getCell(1, j + 1).value).toBe(c.libelle));
    const listes: Record<string, readonly string[]> = { genre: LISTE_GENRES, destination: LISTE_DESTINATIONS, aide: LISTE_AIDES, booleen: LISTE_BOOLEENS };
    for (let l = 2; l <= json.length + 1; l++) {
      CHAMPS.forEach((c, j) => {
        const v = ws.getCell(l, j + 1).value;
        if (v === null || v === undefined) return;
        if (c.nature === "date") expect({ l, champ: c.champ, date: v instanceof Date }).toEqual({ l, champ: c.champ, date: true });
        const liste = listes[c.nature];
        if (liste) expect(liste).toContain(v);
      });
      expect(String(ws.getCell(l, 1).value)).not.toMatch(/ \d+ \(|\d+ × \d+ min/);
    }
  });

  it("verifier --json = evaluer --json sur les mêmes dossiers en JSON, œuvre par œuvre", async () => {
    const fichier = join(dossier, "catalogue.json");
    writeFileSync(fichier, JSON.stringify(json));
    const [v, e] = await Promise.all([lancer("verifier", CATALOGUE, "--json"), lancer("evaluer", fichier, "--json")]);
    expect(v.code).toBe(0);
    expect(e.code).toBe(0);
    const obtenu = JSON.parse(v.out);
    expect(obtenu).toHaveLength(json.length);
    expect(obtenu).toEqual(JSON.parse(e.out));
    // Progress goes to stderr only on a terminal (issue 14; test/cli/processus.test.ts), never into the JSON.
    expect(v.err).toBe("");
  });

  it("verifier (texte) : un rapport par œuvre, sa ligne, et une synthèse", async () => {
    const r = await lancer("verifier", CATALOGUE);
    expect(r.code).toBe(0);
    expect(r.out.match(/^Source : table « Catalogue », ligne \d+/gm)).toHaveLength(json.length);
    expect(r.out).toContain(`Synthèse : ${json.length} œuvres`);
  });

  it("calculer remplit les colonnes CNC.* de chaque ligne avec le verdict de la ligne", async () => {
    const sortie = join(dossier, "catalogue.calcule.xlsx");
    const r = await lancer("calculer", CATALOGUE, "-o", sortie, "--json");
    expect(r.code).toBe(0);
    const resume = JSON.parse(r.out);
    expect(resume.formulesCnc).toBe(json.length * COLONNES_RESULTATS.length);
    expect(resume.sortie).toBe(sortie);
    const ws = (await lireClasseurExcelJS(sortie)).getWorksheet("Catalogue")!;
    const col = (titre: string) => CHAMPS.length + 2 + COLONNES_RESULTATS.findIndex((c) => c.titre === titre);
    json.forEach((d, i) => {
      const v = evaluer(parseDossier(d));
      const ligne = i + 2;
      const statut = (titre: string) => resultat(ws, ws.getCell(ligne, col(titre)).address);
      expect([ligne, statut("Statut apport initial")]).toEqual([ligne, LIBELLES_STATUT[v.apportInitial.statut]]);
      expect([ligne, statut("Statut liste de référence")]).toEqual([ligne, LIBELLES_STATUT[v.listeReference.statut]]);
      expect([ligne, statut("Statut majoration")]).toEqual([ligne, LIBELLES_STATUT[v.majoration.statut]]);
    });
  });
});
