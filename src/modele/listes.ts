/**
 * The drop-down lists of the template. Each entry is a label a French finance team reads, and each
 * is read back by the dossier readers of src/dossier (test/classeur/modele.test.ts checks it), so a
 * choice from a list can never be refused by the core.
 */
import type { Nature } from "../dossier";

export const LISTE_GENRES = ["Fiction", "Animation", "Documentaire de création", "Adaptation audiovisuelle de spectacle vivant", "Autre"] as const;
export const LISTE_DESTINATIONS = ["Télévision", "SMAD"] as const;
export const LISTE_AIDES = ["Automatique", "Sélective", "Préparation"] as const;
export const LISTE_BOOLEENS = ["oui", "non"] as const;

/** The list offered for a field of this nature, if the field is chosen from a list. */
export function listePourNature(nature: Nature): readonly string[] | undefined {
  switch (nature) {
    case "genre": return LISTE_GENRES;
    case "destination": return LISTE_DESTINATIONS;
    case "aide": return LISTE_AIDES;
    case "booleen": return LISTE_BOOLEENS;
    default: return undefined;
  }
}

/**
 * Kinds of financing line. Four of them feed dossier fields through SUMIFS (see plan.ts); the others
 * are part of the plan's total (the coût définitif) and nothing else.
 */
export const TYPES_APPORT = {
  television: "Éditeur de télévision",
  smad: "Éditeur de SMAD",
  autresFrance: "Autre entreprise établie en France",
  preventes: "Prévente internationale",
  coproducteurEtranger: "Coproducteur étranger",
  producteur: "Apport du producteur",
  cnc: "Soutien du CNC",
  region: "Aide régionale",
  creditImpot: "Crédit d'impôt",
  autre: "Autre financement",
} as const;

export const LISTE_TYPES_APPORT: readonly string[] = Object.values(TYPES_APPORT);
