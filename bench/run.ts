/**
 * `npm run bench`: every benchmark, side by side, median of several runs after warm-up.
 * Never part of `npm test`: speed is measured here, not asserted.
 */
import { join } from "path";
import { benchBundle } from "./bundle";
import { benchCli } from "./cli";
import { benchCoeur } from "./coeur";
import { benchNavigateur } from "./navigateur";
import { ecrireJson, imprimer, machine, type Ligne } from "./tableau";

const RACINE = join(__dirname, "..", "..", "..");

type Section = { nom: string; executer: () => Promise<Ligne[]> | Ligne[] };

const SECTIONS: Section[] = [
  { nom: "cœur et Publicodes", executer: benchCoeur },
  { nom: "bundle des fonctions personnalisées", executer: benchBundle },
  { nom: "bundle dans le navigateur", executer: benchNavigateur },
  { nom: "ligne de commande sur des classeurs", executer: () => benchCli(RACINE) },
];

/** `npm run bench -- bundle` runs only the sections whose name holds one of the words given. */
const choisies = process.argv.slice(2);

async function principal(): Promise<void> {
  const lignes: Ligne[] = [];
  process.stderr.write(`Machine : ${JSON.stringify(machine())}\n`);
  for (const s of SECTIONS.filter((x) => choisies.length === 0 || choisies.some((m) => x.nom.includes(m)))) {
    process.stderr.write(`… ${s.nom}\n`);
    lignes.push(...(await s.executer()));
  }
  process.stdout.write(imprimer(lignes) + "\n");
  process.stderr.write(`Résultats écrits dans ${ecrireJson(RACINE, lignes)}\n`);
}

principal().catch((e) => {
  process.stderr.write(`bench : ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
