/** `cnc-rga evaluer FICHIER [--json]`: one dossier or an array of them, as DOSSIER.md specifies. */
import { parseDossiers } from "../dossier";
import { rapportTexte } from "../render/texte";
import { verdictJson } from "../render/json";
import { evaluer } from "../rules";
import { jsonAvecDate, rapportAvecDate } from "./date";
import { lireFichierJson } from "./lire-json";
import { CODE_OK, type Sortie } from "./sortie";

export interface OptionsEvaluer {
  json?: boolean;
  date?: string;
}

export function commandeEvaluer(fichier: string, options: OptionsEvaluer, sortie: Sortie): number {
  const dossiers = parseDossiers(lireFichierJson(fichier));
  const liste = Array.isArray(dossiers) ? dossiers : [dossiers];
  const verdicts = liste.map((d) => evaluer(d, options.date ? { date: options.date } : {}));
  if (options.json) {
    const jsons = verdicts.map((v, i) => jsonAvecDate(verdictJson(v), liste[i], options.date));
    sortie.out(JSON.stringify(Array.isArray(dossiers) ? jsons : jsons[0], null, 2) + "\n");
  } else {
    sortie.out(verdicts.map((v, i) => rapportAvecDate(rapportTexte(v), v, liste[i], options.date)).join("\n\n" + "─".repeat(72) + "\n\n") + "\n");
  }
  return CODE_OK;
}
