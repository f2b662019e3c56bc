/**
 * Financing lines that SUM / SUMIFS leave out without a word (issue 16): an amount stored as text
 * ("1 250 000,50 €" pasted from a mail), a line whose type is not in the list, a line without a
 * type. Pure: it takes the table's values as Office.js (`range.values`) or the CLI's engine gives
 * them, and the address of the table's first data cell, and names each cell to correct. The
 * template shows the same checks in its "Contrôle" column (plan.ts).
 */
import { adresse } from "./adresses";
import { LISTE_TYPES_APPORT } from "./listes";

export interface AlerteFinancement {
  /** A1 address of the cell to correct, e.g. "C24". */
  adresse: string;
  nature: "montant_texte" | "type_hors_liste" | "type_manquant";
  message: string;
}

export const MESSAGES_CONTROLE = {
  montant_texte: "montant saisi comme texte, exclu des totaux",
  type_hors_liste: "type d'apport hors liste, exclu des sommes par type",
  type_manquant: "type d'apport manquant, ligne exclue des sommes par type",
} as const;

const vide = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * `lignes`: the data rows of the Financements table (Source, Type d’apport, Montant (€), …);
 * `haut` / `gauche`: row and column (from 1) of the first data row's Source cell.
 */
export function controlerFinancements(lignes: readonly (readonly unknown[])[], haut: number, gauche: number, colonnes = { type: 1, montant: 2 }): AlerteFinancement[] {
  const alertes: AlerteFinancement[] = [];
  lignes.forEach((l, i) => {
    const type = l[colonnes.type];
    const montant = l[colonnes.montant];
    const ligne = haut + i;
    if (typeof montant === "string" && montant.trim() !== "") {
      alertes.push({ adresse: adresse(gauche + colonnes.montant, ligne), nature: "montant_texte", message: MESSAGES_CONTROLE.montant_texte });
    }
    if (vide(type)) {
      if (!vide(montant)) alertes.push({ adresse: adresse(gauche + colonnes.type, ligne), nature: "type_manquant", message: MESSAGES_CONTROLE.type_manquant });
    } else if (!LISTE_TYPES_APPORT.includes(String(type))) {
      alertes.push({ adresse: adresse(gauche + colonnes.type, ligne), nature: "type_hors_liste", message: MESSAGES_CONTROLE.type_hors_liste });
    }
  });
  return alertes;
}

/** "C24 : montant saisi comme texte, exclu des totaux", as the template's Contrôle column writes it. */
export function texteAlerte(a: AlerteFinancement): string {
  return `${a.adresse} : ${a.message}`;
}
