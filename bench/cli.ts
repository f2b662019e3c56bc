/**
 * Benchmarks 5 and 6: `cnc-rga calculer` on the shipped catalogue and on a generated 5 000-work one,
 * as a person runs it (a new process each time): total time, reading with exceljs alone, the ratio,
 * and peak memory.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { mediane } from "./mesure";
import type { Ligne } from "./tableau";

function executer(racine: string, args: string[]): { ms: number; rss: number } {
  const rss = join(racine, "build", "bench", `rss-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--require", join(racine, "bench", "rss.js"), ...args], {
    cwd: racine, encoding: "utf8", env: { ...process.env, CNC_BENCH_RSS: rss }, maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} : code ${r.status}\n${r.stderr}`);
  const octets = Number(readFileSync(rss, "utf8"));
  rmSync(rss, { force: true });
  return { ms, rss: octets / 2 ** 20 };
}

function mesurerCommande(racine: string, args: string[], essais: number): { ms: number; rss: number } {
  const runs = Array.from({ length: essais }, () => executer(racine, args));
  return { ms: mediane(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rss)) };
}

export function benchCli(racine: string): Ligne[] {
  const build = join(racine, "build", "bench");
  mkdirSync(build, { recursive: true });
  const gros = join(build, "catalogue-5000.xlsx");
  if (!existsSync(gros)) {
    const r = spawnSync(process.execPath, [join(racine, "scripts", "generer-exemples.js"), "--catalogue", "5000", gros], { cwd: racine, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`génération du catalogue de 5 000 œuvres : ${r.stderr}`);
  }
  const lireSeul = join(racine, "bench", "lire-exceljs.js");
  const lignes: Ligne[] = [];
  for (const [nom, fichier, essais] of [["catalogue.xlsx (240 œuvres)", join(racine, "examples", "catalogue.xlsx"), 3], ["catalogue de 5 000 œuvres", gros, 1]] as const) {
    const calcul = mesurerCommande(racine, [join(racine, "bin", "cnc-rga.js"), "calculer", fichier, "-o", join(build, "sortie.xlsx"), "--json"], essais);
    const lecture = mesurerCommande(racine, [lireSeul, fichier], essais);
    lignes.push(
      { mesure: `5. cnc-rga calculer — ${nom}`, valeur: calcul.ms, unite: "ms", note: "processus complet" },
      { mesure: `5. lecture exceljs seule — ${nom}`, valeur: lecture.ms, unite: "ms", note: "processus complet" },
      { mesure: `5. Ratio calculer / lecture seule — ${nom}`, valeur: calcul.ms / lecture.ms, unite: "×", note: "" },
      { mesure: `6. Mémoire maximale (RSS) de calculer — ${nom}`, valeur: calcul.rss, unite: "Mio", note: `lecture seule : ${lecture.rss.toFixed(0)} Mio` },
    );
  }
  return lignes;
}
