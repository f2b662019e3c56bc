/**
 * Inputs that contradict each other (DOMAIN.md "The figures a finance team acts on"): an error that
 * names both fields, never a verdict. A part cannot exceed its whole.
 */
import { type Decimal, comparer } from "./decimal";
import type { ChampDossier, Dossier } from "./dossier";
import { euros, nombre } from "./format";
import { sommeDonnee } from "./grandeurs";

export interface Contradiction {
  /** The two fields (or groups of fields) at odds, the part first. */
  champs: [ChampDossier, ...ChampDossier[]];
  message: string;
}

function depasse(partie: Decimal | null | undefined, tout: Decimal | undefined): boolean {
  return partie !== null && partie !== undefined && tout !== undefined && comparer(partie, tout) > 0;
}

export function contradictions(d: Dossier): Contradiction[] {
  const c: Contradiction[] = [];
  if (depasse(d.participationFrancaise, d.coutDefinitif)) {
    c.push({ champs: ["participationFrancaise", "coutDefinitif"], message: `la participation française (${euros(d.participationFrancaise!)}) dépasse le coût définitif (${euros(d.coutDefinitif!)}) : elle en est une part (311-11, dernier alinéa).` });
  }
  const numeraire = sommeDonnee(d.apportNumeraireTelevision, d.apportNumeraireSmad);
  if (depasse(numeraire, d.apportInitial)) {
    c.push({ champs: ["apportNumeraireTelevision", "apportNumeraireSmad", "apportInitial"], message: `le numéraire des éditeurs (télévision + SMAD : ${euros(numeraire!)}) dépasse l'apport initial (${euros(d.apportInitial!)}) dont il est la part en numéraire (311-11).` });
  }
  if (depasse(d.depensesFrance, d.coutDefinitif)) {
    c.push({ champs: ["depensesFrance", "coutDefinitif"], message: `les dépenses en France (${euros(d.depensesFrance!)}) dépassent le coût définitif (${euros(d.coutDefinitif!)}).` });
  }
  if (depasse(d.depensesFrancePostes, d.coutPostes)) {
    c.push({ champs: ["depensesFrancePostes", "coutPostes"], message: `les dépenses en France sur les postes (${euros(d.depensesFrancePostes!)}) dépassent le coût de ces postes (${euros(d.coutPostes!)}).` });
  }
  if (depasse(d.coutPostes, d.coutDefinitif)) {
    c.push({ champs: ["coutPostes", "coutDefinitif"], message: `le coût des postes (${euros(d.coutPostes!)}) dépasse le coût définitif (${euros(d.coutDefinitif!)}).` });
  }
  if (depasse(d.dureeEpisodeMinutes, d.dureeMinutes)) {
    c.push({ champs: ["dureeEpisodeMinutes", "dureeMinutes"], message: `la durée d'un épisode (${nombre(d.dureeEpisodeMinutes!)} min) dépasse la durée totale (${nombre(d.dureeMinutes!)} min).` });
  }
  return c;
}

/** Thrown by evaluer on contradictory inputs: the faces check first (src/dossier) and never reach it. */
export class DossierContradictoire extends Error {
  constructor(readonly contradictions: Contradiction[]) {
    super(contradictions.map((x) => `champs ${x.champs.map((f) => `« ${f} »`).join(" et ")} : ${x.message}`).join("\n"));
    this.name = "DossierContradictoire";
  }
}
