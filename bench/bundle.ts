/**
 * Benchmarks 2 and 4: the built custom-functions bundle as Excel calls it. 10 000 works, one call per
 * cell (=CNC.APPORT_CONFORME(entête; ligne) on each row) versus one catalogue call that spills 10 000
 * rows; and the cold start: size of functions.js and the time to load it and register every function.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { CHAMPS } from "../src/dossier";
import { chargerFonctions, construireBundle } from "../test/helpers/bundle";
import { genererDossiers } from "./dossiers";
import { mediane, mesurer } from "./mesure";
import type { Ligne } from "./tableau";
import { performance } from "perf_hooks";

const NOMBRE = 10_000;

export async function benchBundle(): Promise<Ligne[]> {
  const dossier = await construireBundle("cdn");
  const code = readFileSync(join(dossier, "functions.js"));
  const entete = CHAMPS.map((c) => c.champ);
  const lignes = genererDossiers(NOMBRE).map((d) => entete.map((champ) => (d[champ] ?? null) as unknown));

  let ids = 0;
  const demarrage = mesurer(() => { ids = chargerFonctions(dossier).ids.length; }, { echauffement: 1, essais: 7 });

  // Each measurement starts from a freshly loaded bundle: the functions remember recent works
  // (src/functions/memoire.ts), and a first calculation must not be served from that memory.
  // A long catalogue answers with a Promise (slices of 500 works with a yield between them,
  // functions.ts): every call is awaited, as Excel awaits it.
  const premierCalcul = async (appel: (f: ReturnType<typeof chargerFonctions>) => Promise<void>, essais: number, royaume: "neuf" | "principal" = "neuf") => {
    const temps: number[] = [];
    for (let i = 0; i < essais; i++) {
      const f = chargerFonctions(dossier, { royaume });
      const t0 = performance.now();
      await appel(f);
      temps.push(performance.now() - t0);
    }
    return mediane(temps);
  };
  const chrono = async (appel: () => Promise<unknown>) => {
    const t0 = performance.now();
    await appel();
    return performance.now() - t0;
  };
  const parCellule = await premierCalcul(async (f) => { for (const l of lignes) await f.appeler("APPORT_CONFORME", [entete], [l], null); }, 3);
  const catalogue = await premierCalcul(async (f) => { await f.appeler("APPORT_CONFORME", [entete], lignes, null); }, 3);
  // The same first call with the bundle in this process's realm, as in a web page (no vm interceptor).
  const cataloguePrincipal = await premierCalcul(async (f) => { await f.appeler("APPORT_CONFORME", [entete], lignes, null); }, 5, "principal");

  // Recalculation after an edit: each run changes the apport of one row to a value never seen, so that
  // row is a miss and the 9 999 others are served from memory (src/functions/memoire.ts).
  const APPORT = entete.indexOf("apportInitial");
  let edition = 0;
  const apresEdition = () => {
    edition++;
    const i = (edition * 7919) % NOMBRE;
    return lignes.map((l, k) => (k === i ? l.map((v, j) => (j === APPORT ? (v as number) + edition : v)) : l));
  };
  const f = chargerFonctions(dossier);
  await f.appeler("APPORT_CONFORME", [entete], lignes, null);
  const recalculs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const modifiees = apresEdition();
    recalculs.push(await chrono(async () => f.appeler("APPORT_CONFORME", [entete], modifiees, null)));
  }
  const recalcul = mediane(recalculs);

  // The template's seven result columns (src/modele/catalogue.ts) as catalogue formulas over the
  // 10 000 works, all recalculated after one edit, as Excel does when a cell of the table changes.
  const colonne = (ls: unknown[][], champ: string) => ls.map((l) => [l[(entete as string[]).indexOf(champ)]]);
  const formulesModele = async (ls: unknown[][]) => {
    await Promise.all([
      f.appeler("APPORT_MIN", ...["genre", "coutDefinitif", "participationFrancaise", "preventesInternationales", "pointsCreation", "pointsFabrication", "destination", "aide", "dateDemande"].map((c) => colonne(ls, c))),
      f.appeler("NUMERAIRE_MIN", ...["genre", "dureeMinutes", "destination", "aide", "dateDemande"].map((c) => colonne(ls, c))),
      f.appeler("STATUT", [entete], "apport", ls, null),
      f.appeler("ECART", [entete], "apport", ls, null),
      f.appeler("STATUT", [entete], "reference", ls, null),
      f.appeler("STATUT", [entete], "majoration", ls, null),
      f.appeler("MAJORATION", [entete], ls, null),
    ]);
  };
  await formulesModele(lignes);
  const modele: number[] = [];
  for (let k = 0; k < 5; k++) {
    const modifiees = apresEdition();
    modele.push(await chrono(() => formulesModele(modifiees)));
  }
  const recalculModele = mediane(modele);
  // The template as it ships: one formula per cell, each reading the header and its row. After an edit
  // Excel recalculates the edited row only; a full recalculation (opening, Ctrl+Alt+F9) calls all 70 000.
  const parLigne = mesurer(() => {
    for (const l of lignes) {
      f.appeler("STATUT", [entete], "apport", [l], null);
      f.appeler("ECART", [entete], "apport", [l], null);
      f.appeler("STATUT", [entete], "reference", [l], null);
      f.appeler("STATUT", [entete], "majoration", [l], null);
      f.appeler("MAJORATION", [entete], [l], null);
    }
  }, { echauffement: 1, essais: 3 });

  return [
    { mesure: "2. Bundle : 10 000 appels, un par cellule", valeur: parCellule, unite: "ms", note: `${((parCellule * 1000) / NOMBRE).toFixed(0)} µs par appel` },
    { mesure: "2. Bundle : un appel catalogue qui renvoie 10 000 lignes", valeur: catalogue, unite: "ms", note: `${((catalogue * 1000) / NOMBRE).toFixed(0)} µs par œuvre` },
    { mesure: "2. Bundle : le même appel catalogue, bundle chargé comme une page (sans contexte vm)", valeur: cataloguePrincipal, unite: "ms", note: `${((cataloguePrincipal * 1000) / NOMBRE).toFixed(0)} µs par œuvre, médiane de 5` },
    { mesure: "2. Ratio un appel par cellule / un appel catalogue", valeur: parCellule / catalogue, unite: "×", note: "" },
    { mesure: "2. Recalcul de la formule catalogue, une ligne changée", valeur: recalcul, unite: "ms", note: `${((100 * recalcul) / catalogue).toFixed(1)} % du premier appel` },
    { mesure: "2. Les 7 formules du modèle en forme catalogue, après une modification", valeur: recalculModele, unite: "ms", note: "toutes ensemble, 10 000 œuvres" },
    { mesure: "2. Recalcul complet des 50 000 formules de verdict du modèle (une par cellule)", valeur: parLigne, unite: "ms", note: `${((parLigne * 1000) / (5 * NOMBRE)).toFixed(2)} µs par appel, œuvres en mémoire` },
    { mesure: "4. functions.js : taille brute", valeur: code.length / 1024, unite: "Kio", note: "" },
    { mesure: "4. functions.js : taille gzip", valeur: gzipSync(code).length / 1024, unite: "Kio", note: "" },
    { mesure: "4. Démarrage : charger functions.js et enregistrer les fonctions", valeur: demarrage, unite: "ms", note: `${ids} fonctions associées, contexte V8 neuf` },
  ];
}
