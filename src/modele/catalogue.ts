/**
 * The catalogue sheet: one work per row under a header of the fields' French labels (the `Catalogue`
 * table; the readers take a label or a DOSSIER.md field name alike, and each header's note gives the
 * field name), and to its right, per row, the CNC.* formulas of that work. The formulas read the header
 * and the row's own cells only, never the result columns, so a row never depends on itself.
 */
import { CHAMPS } from "../dossier";
import type { ChampDossier } from "../rules";
import { adresse, lettreColonne } from "./adresses";
import { FORMATS, type CelluleModele, type FeuilleModele, type MiseEnFormeModele, type ValeurModele } from "./types";

export const NOM_FEUILLE_CATALOGUE = "Catalogue";
export const NOM_TABLE_CATALOGUE = "Catalogue";

export type LigneCatalogue = Partial<Record<ChampDossier, ValeurModele>>;

export interface ColonneResultat {
  titre: string;
  /** The formula of the row, given the absolute header range, the row's range and a field's cell. */
  formule: (entete: string, ligne: string, cellule: (champ: ChampDossier) => string) => string;
  format?: string;
  statut?: boolean;
}

export const COLONNES_RESULTATS: readonly ColonneResultat[] = [
  {
    titre: "Apport minimum (€)", format: FORMATS.euros,
    formule: (_e, _l, c) => `CNC.APPORT_MIN(${(["genre", "coutDefinitif", "participationFrancaise", "preventesInternationales", "pointsCreation", "pointsFabrication", "destination", "aide", "dateDemande"] as ChampDossier[]).map(c).join(",")})`,
  },
  {
    titre: "Numéraire minimum (€)", format: FORMATS.euros,
    formule: (_e, _l, c) => `CNC.NUMERAIRE_MIN(${(["genre", "dureeMinutes", "destination", "aide", "dateDemande"] as ChampDossier[]).map(c).join(",")})`,
  },
  { titre: "Statut apport initial", statut: true, formule: (e, l) => `CNC.STATUT(${e},"apport",${l})` },
  { titre: "Écart apport initial (€)", format: FORMATS.euros, formule: (e, l) => `CNC.ECART(${e},"apport",${l})` },
  { titre: "Statut liste de référence", statut: true, formule: (e, l) => `CNC.STATUT(${e},"reference",${l})` },
  { titre: "Statut majoration", statut: true, formule: (e, l) => `CNC.STATUT(${e},"majoration",${l})` },
  { titre: "Taux de majoration", format: FORMATS.pourcent, formule: (e, l) => `CNC.MAJORATION(${e},${l})` },
];

export interface CatalogueModele extends FeuilleModele {
  /** Column letter of each field. */
  colonnes: Record<ChampDossier, string>;
  /** First column of the results. */
  colonneResultats: number;
}

export function modeleCatalogue(lignes: readonly LigneCatalogue[], options: { nomFeuille?: string; nomTable?: string } = {}): CatalogueModele {
  const cellules: CelluleModele[] = [];
  const misesEnForme: MiseEnFormeModele[] = [];
  const colonnes = {} as Record<ChampDossier, string>;
  CHAMPS.forEach((c, j) => {
    colonnes[c.champ] = lettreColonne(j + 1);
    cellules.push({ adresse: adresse(j + 1, 1), valeur: c.libelle, style: "entete", aide: `Champ « ${c.champ} » du dossier (DOSSIER.md).` });
  });
  const derniere = lettreColonne(CHAMPS.length);
  // One blank column between the table and the results, so the table can be sorted and filtered alone.
  const colonneResultats = CHAMPS.length + 2;
  const entete = `$A$1:$${derniere}$1`;
  COLONNES_RESULTATS.forEach((r, k) => cellules.push({ adresse: adresse(colonneResultats + k, 1), valeur: r.titre, style: "entete" }));
  lignes.forEach((ligne, i) => {
    const n = i + 2;
    CHAMPS.forEach((c, j) => {
      const v = ligne[c.champ];
      if (v !== undefined && v !== null) {
        cellules.push({ adresse: adresse(j + 1, n), valeur: v, format: c.nature === "montant" ? FORMATS.euros : c.nature === "date" && v instanceof Date ? FORMATS.date : undefined });
      }
    });
    COLONNES_RESULTATS.forEach((r, k) => {
      cellules.push({
        adresse: adresse(colonneResultats + k, n),
        formule: r.formule(entete, `$A${n}:$${derniere}${n}`, (champ) => `$${colonnes[champ]}${n}`),
        style: "resultat", format: r.format,
      });
    });
  });
  const derniereLigne = Math.max(lignes.length + 1, 2);
  COLONNES_RESULTATS.forEach((r, k) => {
    if (!r.statut) return;
    const col = lettreColonne(colonneResultats + k);
    const plage = `${col}2:${col}${derniereLigne}`;
    misesEnForme.push(
      { plage, egal: '"conforme"', style: "conforme" },
      { plage, egal: '"non conforme"', style: "non_conforme" },
      { plage, egal: '"incomplet"', style: "incomplet" },
    );
  });
  const largeurs: Record<string, number> = {};
  // Headers wrap on two or three lines: a column is as wide as its values need, not as its label.
  CHAMPS.forEach((c, j) => { largeurs[lettreColonne(j + 1)] = c.champ === "titre" ? 30 : c.nature === "montant" ? 16 : c.nature === "genre" ? 40 : Math.min(Math.max(Math.ceil(c.libelle.length / 3) + 2, 12), 20); });
  largeurs[lettreColonne(colonneResultats - 1)] = 3;
  COLONNES_RESULTATS.forEach((r, k) => { largeurs[lettreColonne(colonneResultats + k)] = Math.max(r.titre.length + 2, 16); });
  return {
    nom: options.nomFeuille ?? NOM_FEUILLE_CATALOGUE,
    cellules,
    tables: [{ nom: options.nomTable ?? NOM_TABLE_CATALOGUE, plage: `A1:${derniere}${derniereLigne}`, colonnes: CHAMPS.map((c) => c.libelle) }],
    validations: [],
    misesEnForme,
    largeurs,
    lignesFigees: 1,
    // The header's French labels wrap on up to three lines.
    hauteurs: { 1: 45 },
    colonnes,
    colonneResultats,
  };
}
