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
  const premierCalcul = (appel: (f: ReturnType<typeof chargerFonctions>) => void, essais: number) => {
    const temps: number[] = [];
    for (let i = 0; i < essais; i++) {
      const f = chargerFonctions(dossier);
      const t0 = performance.now();
      appel(f);
      temps.push(performance.now() - t0);
    }
    return mediane(temps);
  };
  const parCellule = premierCalcul((f) => { for (const l of lignes) f.appeler("APPORT_CONFORME", [entete], [l], null); }, 3);
  const catalogue = premierCalcul((f) => { f.appeler("APPORT_CONFORME", [entete], lignes, null); }, 3);
  const f = chargerFonctions(dossier);
  f.appeler("APPORT_CONFORME", [entete], lignes, null);
  const recalcul = mesurer(() => { f.appeler("APPORT_CONFORME", [entete], lignes, null); }, { essais: 3 });

  return [
    { mesure: "2. Bundle : 10 000 appels, un par cellule", valeur: parCellule, unite: "ms", note: `${((parCellule * 1000) / NOMBRE).toFixed(0)} µs par appel` },
    { mesure: "2. Bundle : un appel catalogue qui renvoie 10 000 lignes", valeur: catalogue, unite: "ms", note: `${((catalogue * 1000) / NOMBRE).toFixed(0)} µs par œuvre` },
    { mesure: "2. Ratio un appel par cellule / un appel catalogue", valeur: parCellule / catalogue, unite: "×", note: "" },
    { mesure: "2. Recalcul du même catalogue (œuvres en mémoire)", valeur: recalcul, unite: "ms", note: "quand une seule cellule change" },
    { mesure: "4. functions.js : taille brute", valeur: code.length / 1024, unite: "Kio", note: "" },
    { mesure: "4. functions.js : taille gzip", valeur: gzipSync(code).length / 1024, unite: "Kio", note: "" },
    { mesure: "4. Démarrage : charger functions.js et enregistrer les fonctions", valeur: demarrage, unite: "ms", note: `${ids} fonctions associées, contexte V8 neuf` },
  ];
}
