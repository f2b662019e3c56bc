/**
 * `cnc-rga verifier PLAN.xlsx [--json]`: computes the workbook (so fields fed by formulas are
 * read as computed), finds its dossier(s) — the `Dossier` table or range, a catalogue table — and
 * prints the same report as `evaluer`, one per work.
 */
import { nomCellule } from "../classeur/erreurs";
import { decrireLibelleIgnore, REFERENCE_CHAMPS, suggererLibelle } from "../dossier";
import { rapportTexte } from "../render/texte";
import { verdictJson } from "../render/json";
import { evaluer } from "../rules";
import { chargerClasseur, classeurOuErreur, progression } from "./calculer";
import { jsonAvecDate, rapportAvecDate } from "./date";
import { CODE_OK, type Sortie } from "./sortie";

export interface OptionsVerifier {
  json?: boolean;
  date?: string;
}

export async function commandeVerifier(fichier: string, options: OptionsVerifier, sortie: Sortie): Promise<number> {
  const { calculerFichier, trouverDossiers, controlerPlans, texteControles } = await chargerClasseur();
  const { calcule, trouves, controles } = await classeurOuErreur(async () => {
    const calcule = await calculerFichier(fichier, { progression: progression(sortie, "calcul") });
    const trouves = trouverDossiers(calcule.lu, calcule.calcul);
    return { calcule, trouves, controles: texteControles(controlerPlans(calcule.lu, calcule.calcul, trouves.dossiers)) };
  });
  calcule.calcul.detruire();
  const optionsEvaluer = options.date ? { date: options.date } : {};
  const unSeul = trouves.dossiers.length === 1 && trouves.dossiers[0].forme === "champ-valeur";
  const ignores = trouves.ignores.length ? `Libellés ignorés (ce ne sont pas des champs du dossier ; liste des champs : ${REFERENCE_CHAMPS}) : ${trouves.ignores.map(ignoreAvecSuggestion).join(", ")}` : null;
  // One work at a time, written as soon as evaluated: a verdict weighs ~16 KB and its JSON more, so a
  // catalogue of 100 000 rows held whole (verdicts, then one JSON string) would exhaust memory.
  if (options.json) {
    // stdout holds the contract's JSON only; what a person should see goes to stderr.
    if (ignores) sortie.err(`cnc-rga : ${ignores}\n`);
    if (controles.length) sortie.err(`${controles.map((l) => `cnc-rga : ${l}`).join("\n")}\n`);
    if (unSeul) {
      const d = trouves.dossiers[0].dossier;
      sortie.out(JSON.stringify(jsonAvecDate(verdictJson(evaluer(d, optionsEvaluer)), d, options.date), null, 2) + "\n");
      return CODE_OK;
    }
    sortie.out("[");
    trouves.dossiers.forEach((d, i) => {
      const json = JSON.stringify(jsonAvecDate(verdictJson(evaluer(d.dossier, optionsEvaluer)), d.dossier, options.date), null, 2).replace(/\n/g, "\n  ");
      sortie.out(`${i ? "," : ""}\n  ${json}`);
    });
    sortie.out(trouves.dossiers.length ? "\n]\n" : "]\n");
    return CODE_OK;
  }
  const statuts: string[][] = [];
  trouves.dossiers.forEach((d, i) => {
    const v = evaluer(d.dossier, optionsEvaluer);
    statuts.push([v.apportInitial.statut, v.listeReference.statut, v.majoration.statut]);
    sortie.out(`${i ? "\n\n" + "─".repeat(72) + "\n\n" : ""}Source : ${d.source}, ${nomCellule(d.feuille, d.plage)}\n${rapportAvecDate(rapportTexte(v), v, d.dossier, options.date)}`);
  });
  const lignes = [""];
  if (controles.length) lignes.push("", "Contrôles du plan de financement", ...controles.map((l) => `  ${l}`));
  if (ignores) lignes.push("", ignores);
  if (trouves.dossiers.length > 1) lignes.push("", synthese(statuts));
  sortie.out(lignes.join("\n") + "\n");
  return CODE_OK;
}

/**
 * The workbook reader lists an ignored label as "« Notes » (source)": add the nearest field's label
 * when one is near ("« Cout definitf » (source ; vouliez-vous dire « Coût définitif (€) » ?)").
 */
function ignoreAvecSuggestion(ignore: string): string {
  const m = /^« (.*) » \((.*)\)$/.exec(ignore);
  if (!m) return decrireLibelleIgnore(ignore);
  const s = suggererLibelle(m[1]);
  return s ? `« ${m[1]} » (${m[2]} ; vouliez-vous dire « ${s.texte} » ?)` : ignore;
}

/** For a catalogue: how many works comply, section by section. */
function synthese(statuts: string[][]): string {
  const titres = ["Apport initial", "Liste des œuvres de référence", "Majoration de 25 %"];
  const lignes = [`Synthèse : ${statuts.length} œuvres`];
  titres.forEach((t, k) => {
    const compte = (s: string) => statuts.filter((x) => x[k] === s).length;
    lignes.push(`  ${t.padEnd(32)} conformes ${compte("conforme")} · non conformes ${compte("non_conforme")} · incomplets ${compte("incomplet")} · non applicables ${compte("non_applicable")}`);
  });
  return lignes.join("\n");
}
