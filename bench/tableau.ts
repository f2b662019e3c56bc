/** The benchmark table: printed for a person, written as JSON for machines. */
import { mkdirSync, writeFileSync } from "fs";
import { cpus, totalmem } from "os";
import { join } from "path";

export interface Ligne {
  mesure: string;
  valeur: number;
  unite: string;
  note: string;
}

function chiffre(v: number): string {
  // A measure that could not be taken (no browser on the machine): its note says why.
  if (Number.isNaN(v)) return "—";
  if (v >= 100) return Math.round(v).toLocaleString("fr-FR");
  if (v >= 1) return v.toLocaleString("fr-FR", { maximumFractionDigits: 2 });
  return v.toLocaleString("fr-FR", { maximumSignificantDigits: 3 });
}

export function imprimer(lignes: Ligne[]): string {
  const largeur = Math.max(...lignes.map((l) => l.mesure.length));
  const texte = lignes.map((l) => `${l.mesure.padEnd(largeur)}  ${chiffre(l.valeur).padStart(12)} ${l.unite.padEnd(12)} ${l.note}`).join("\n");
  return texte;
}

export function machine(): Record<string, string | number> {
  return { node: process.version, processeur: cpus()[0]?.model ?? "inconnu", coeurs: cpus().length, memoireGo: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() };
}

export function ecrireJson(racine: string, lignes: Ligne[]): string {
  const dossier = join(racine, "bench", "results");
  mkdirSync(dossier, { recursive: true });
  const chemin = join(dossier, "latest.json");
  writeFileSync(chemin, JSON.stringify({ machine: machine(), mesures: lignes }, null, 2) + "\n");
  return chemin;
}
