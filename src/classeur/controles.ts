/**
 * The checks of a financing plan that no verdict shows (issue 16), for `verifier`: the balance of
 * the plan (the coût définitif typed on its own against the total of the financing lines), and the
 * lines SUM / SUMIFS leave out without a word (an amount stored as text, a type not in the list),
 * each with its cell. The same checks as the template's cells (src/modele/plan.ts) and the pane's
 * (controlerFinancements, src/modele/controle.ts), on the computed values.
 */
import { COLONNES_FINANCEMENTS, controlerFinancements, type AlerteFinancement } from "../modele";
import { nomCellule } from "./erreurs";
import type { ClasseurLu } from "./lire";
import type { Calcul } from "./moteur";
import type { DossierTrouve } from "./dossiers";
import { estErreur, valeurCalculee } from "./resume";

export interface ControlePlan {
  feuille: string;
  table: string;
  /** null when no coût définitif was found on the sheet. */
  coutDefinitif: number | null;
  totalFinancements: number;
  equilibre: boolean | null;
  alertes: (AlerteFinancement & { feuille: string })[];
}

const EUROS = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const euros = (n: number) => `${EUROS.format(n)} €`;

export function controlerPlans(lu: ClasseurLu, calcul: Calcul, dossiers: readonly DossierTrouve[]): ControlePlan[] {
  const index = new Map(lu.feuilles.map((f, i) => [f.nom, i]));
  const controles: ControlePlan[] = [];
  const norme = (t: string) => t.trim().toLowerCase().replace(/[’']/g, "'");
  for (const t of lu.tables.values()) {
    const colonnes = t.colonnes.map(norme);
    const type = colonnes.indexOf(norme(COLONNES_FINANCEMENTS[1]));
    const montant = colonnes.indexOf(norme(COLONNES_FINANCEMENTS[2]));
    if (type < 0 || montant < 0) continue;
    const feuille = index.get(t.feuille)!;
    const haut = t.haut + (t.entete ? 1 : 0);
    const bas = t.bas - (t.totaux ? 1 : 0);
    const lignes: unknown[][] = [];
    for (let l = haut; l <= bas; l++) {
      const ligne: unknown[] = [];
      for (let c = t.gauche; c <= t.droite; c++) {
        const v = valeurCalculee(calcul.valeur(feuille, l, c));
        ligne.push(estErreur(v) ? v.erreur : v);
      }
      lignes.push(ligne);
    }
    const total = lignes.reduce((s: number, l) => s + (typeof l[montant] === "number" ? (l[montant] as number) : 0), 0);
    const dossier = dossiers.find((d) => d.feuille === t.feuille && d.forme === "champ-valeur");
    const cout = dossier?.dossier.coutDefinitif;
    const coutDefinitif = cout === undefined ? null : Number(cout);
    controles.push({
      feuille: t.feuille, table: t.nom, coutDefinitif, totalFinancements: total,
      equilibre: coutDefinitif === null ? null : Math.abs(coutDefinitif - total) < 0.005,
      alertes: controlerFinancements(lignes, haut, t.gauche, { type, montant }).map((a) => ({ ...a, feuille: t.feuille })),
    });
  }
  return controles;
}

/** The checks as French lines, for the text report. */
export function texteControles(controles: readonly ControlePlan[]): string[] {
  const lignes: string[] = [];
  for (const c of controles) {
    const ou = `table « ${c.table} » de la feuille « ${c.feuille} »`;
    if (c.equilibre === null) lignes.push(`Équilibre du plan (${ou}) : non vérifié, coût définitif non renseigné ; total des lignes de financement ${euros(c.totalFinancements)}.`);
    else if (c.equilibre) lignes.push(`Équilibre du plan (${ou}) : équilibré — coût définitif ${euros(c.coutDefinitif!)} = total des lignes de financement ${euros(c.totalFinancements)}.`);
    else {
      const ecart = c.coutDefinitif! - c.totalFinancements;
      lignes.push(`Équilibre du plan (${ou}) : DÉSÉQUILIBRÉ — coût définitif ${euros(c.coutDefinitif!)}, total des lignes de financement ${euros(c.totalFinancements)} : ${ecart > 0 ? `il manque ${euros(ecart)} de financement` : `les financements dépassent le coût de ${euros(-ecart)}`}.`);
    }
    if (c.alertes.length === 0) lignes.push("Lignes de financement écartées des totaux : aucune.");
    else {
      lignes.push(`Lignes de financement écartées des totaux : ${c.alertes.length} — le verdict ne les compte pas, corrigez-les :`);
      for (const a of c.alertes) lignes.push(`  ${nomCellule(a.feuille, a.adresse)} : ${a.message}`);
    }
  }
  return lignes;
}
