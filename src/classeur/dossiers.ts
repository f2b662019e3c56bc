/**
 * Finding the dossier(s) of a computed workbook: the tables first (a `Champ | Valeur` table such as
 * the template's `Dossier`, or a catalogue table whose headers are DOSSIER.md field names), then the
 * defined names (a range named `Dossier`), and only when neither holds one, a scan of each sheet for
 * a column of field labels or a row of field names. Values are the computed ones, so a field fed by
 * a formula (SUMIFS over the financing lines) is read as computed.
 */
import { champDepuisLibelle, lirePlage, type Cellule, type ErreurChamp } from "../dossier";
import type { Dossier } from "../rules";
import { adresse, plage as plageA1, type Rectangle } from "../modele";
import { ErreurClasseur, nomCellule } from "./erreurs";
import type { ClasseurLu } from "./lire";
import type { Calcul } from "./moteur";
import { estErreur, valeurCalculee } from "./resume";

export interface DossierTrouve {
  /** "table « Dossier »", "nom « Dossier »", "catalogue « Catalogue », ligne 7"… */
  source: string;
  feuille: string;
  /** The cells the dossier was read from. */
  plage: string;
  forme: "champ-valeur" | "catalogue";
  dossier: Dossier;
}

export interface DossiersTrouves {
  dossiers: DossierTrouve[];
  /** Labels that are not fields, once each, with where they were found. */
  ignores: string[];
}

/** A block needs at least this many field labels to be taken for a dossier. */
const CHAMPS_MIN = 3;

interface Bloc {
  source: string;
  feuille: string;
  indexFeuille: number;
  rect: Rectangle;
}

function lireValeurs(calcul: Calcul, b: Bloc): Cellule[][] {
  const m: Cellule[][] = [];
  for (let l = b.rect.haut; l <= b.rect.bas; l++) {
    const ligne: Cellule[] = [];
    for (let c = b.rect.gauche; c <= b.rect.droite; c++) {
      const v = valeurCalculee(calcul.valeur(b.indexFeuille, l, c));
      // An error in a field is reported as the field's bad value, with its code.
      ligne.push(estErreur(v) ? `${v.erreur}${v.message ? ` (${v.message})` : ""}` : v);
    }
    m.push(ligne);
  }
  return m;
}

function compterChamps(cellules: readonly Cellule[]): number {
  return cellules.filter((c) => typeof c === "string" && champDepuisLibelle(c) !== undefined).length;
}

function estDossier(m: Cellule[][]): boolean {
  return compterChamps(m.map((l) => l[0])) >= CHAMPS_MIN || compterChamps(m[0] ?? []) >= CHAMPS_MIN;
}

function lireBloc(calcul: Calcul, b: Bloc, trouves: DossierTrouve[], erreurs: string[], ignores: Set<string>): void {
  const m = lireValeurs(calcul, b);
  const lecture = lirePlage(m);
  for (const i of lecture.ignores) ignores.add(`« ${i} » (${b.source})`);
  const celluleDuChamp = (champ: string | null, ligne: number): string => {
    if (champ === null) return plageA1(b.rect);
    if (lecture.forme === "catalogue") {
      const j = m[0].findIndex((c) => typeof c === "string" && champDepuisLibelle(c) === champ);
      return adresse(b.rect.gauche + Math.max(j, 0), b.rect.haut + 1 + ligne);
    }
    const i = m.findIndex((l) => typeof l[0] === "string" && champDepuisLibelle(l[0] as string) === champ);
    return adresse(b.rect.gauche + 1, b.rect.haut + Math.max(i, 0));
  };
  for (const l of lecture.lignes) {
    if (l.ok === "vide") continue;
    const ligneFeuille = b.rect.haut + 1 + l.ligne;
    if (l.ok === false) {
      for (const e of l.erreurs as ErreurChamp[]) {
        erreurs.push(`${nomCellule(b.feuille, celluleDuChamp(e.champ, l.ligne))}${e.champ ? `, champ « ${e.champ} »` : ""} : ${e.message}`);
      }
      continue;
    }
    if (lecture.forme === "catalogue") {
      trouves.push({ source: `${b.source}, ligne ${ligneFeuille}`, feuille: b.feuille, forme: "catalogue", dossier: l.dossier, plage: plageA1({ ...b.rect, haut: ligneFeuille, bas: ligneFeuille }) });
    } else {
      trouves.push({ source: b.source, feuille: b.feuille, forme: "champ-valeur", dossier: l.dossier, plage: plageA1(b.rect) });
    }
  }
}

function chevauche(a: Rectangle, b: Rectangle): boolean {
  return a.gauche <= b.droite && b.gauche <= a.droite && a.haut <= b.bas && b.haut <= a.bas;
}

/** A column of field labels or a row of field names in a sheet without tables or names for them. */
function blocsParBalayage(lu: ClasseurLu, calcul: Calcul): Bloc[] {
  const blocs: Bloc[] = [];
  lu.feuilles.forEach((f, indexFeuille) => {
    const lignes = f.donnees.length;
    const colonnes = Math.max(0, ...f.donnees.map((l) => l?.length ?? 0));
    const texte = (l: number, c: number): string | null => {
      const v = valeurCalculee(calcul.valeur(indexFeuille, l, c));
      return typeof v === "string" ? v : null;
    };
    // A header row: the first row with enough field names; the catalogue runs down to the last non-blank row.
    for (let l = 1; l <= lignes; l++) {
      const champs: number[] = [];
      for (let c = 1; c <= colonnes; c++) {
        const t = texte(l, c);
        if (t !== null && champDepuisLibelle(t)) champs.push(c);
      }
      if (champs.length >= CHAMPS_MIN) {
        let bas = l;
        for (let k = l + 1; k <= lignes; k++) if (f.donnees[k - 1]?.some((v) => v !== null && v !== undefined)) bas = k;
        blocs.push({ source: `catalogue de la feuille « ${f.nom} »`, feuille: f.nom, indexFeuille, rect: { haut: l, bas, gauche: champs[0], droite: champs[champs.length - 1] } });
        return;
      }
    }
    // A column of labels: the Champ | Valeur block is that column and the next.
    for (let c = 1; c <= colonnes; c++) {
      const champs: number[] = [];
      for (let l = 1; l <= lignes; l++) {
        const t = texte(l, c);
        if (t !== null && champDepuisLibelle(t)) champs.push(l);
      }
      if (champs.length >= CHAMPS_MIN) {
        blocs.push({ source: `plage Champ | Valeur de la feuille « ${f.nom} »`, feuille: f.nom, indexFeuille, rect: { haut: champs[0], bas: champs[champs.length - 1], gauche: c, droite: c + 1 } });
        return;
      }
    }
  });
  return blocs;
}

export function trouverDossiers(lu: ClasseurLu, calcul: Calcul): DossiersTrouves {
  const index = new Map(lu.feuilles.map((f, i) => [f.nom, i]));
  const candidats: Bloc[] = [
    ...[...lu.tables.values()].map((t) => ({ source: `table « ${t.nom} »`, feuille: t.feuille, indexFeuille: index.get(t.feuille)!, rect: { haut: t.haut, gauche: t.gauche, bas: t.bas - (t.totaux ? 1 : 0), droite: t.droite } })),
    ...lu.noms.map((n) => ({ source: `plage nommée « ${n.nom} »`, feuille: n.feuille, indexFeuille: index.get(n.feuille)!, rect: n.rectangle })),
  ].sort((a, b) => a.indexFeuille - b.indexFeuille || a.rect.haut - b.rect.haut || a.rect.gauche - b.rect.gauche);
  // A table or a name may span far more than the sheet holds (a name on whole columns, a damaged
  // table reference over the whole grid): only the cells the engine has, spilled results included, are read.
  for (const b of candidats) {
    const { width, height } = calcul.dimensions(b.indexFeuille);
    b.rect = { ...b.rect, bas: Math.max(b.rect.haut, Math.min(b.rect.bas, height)), droite: Math.max(b.rect.gauche, Math.min(b.rect.droite, width)) };
  }
  const retenus: Bloc[] = [];
  for (const b of candidats) {
    if (retenus.some((r) => r.feuille === b.feuille && chevauche(r.rect, b.rect))) continue;
    if (estDossier(lireValeurs(calcul, b))) retenus.push(b);
  }
  const blocs = retenus.length ? retenus : blocsParBalayage(lu, calcul);
  if (blocs.length === 0) {
    throw new ErreurClasseur(`aucun dossier dans « ${lu.chemin} » : ni table ou plage « Champ | Valeur » (libellés des champs de DOSSIER.md en première colonne), ni catalogue (une ligne d'en-tête de noms de champs, une œuvre par ligne). Voir examples/plan-financement.xlsx.`);
  }
  const dossiers: DossierTrouve[] = [];
  const erreurs: string[] = [];
  const ignores = new Set<string>();
  for (const b of blocs) lireBloc(calcul, b, dossiers, erreurs, ignores);
  if (erreurs.length) throw new ErreurClasseur(`dossier invalide :\n  ${erreurs.slice(0, 50).join("\n  ")}${erreurs.length > 50 ? `\n  … et ${erreurs.length - 50} autres erreurs` : ""}`);
  if (dossiers.length === 0) throw new ErreurClasseur(`aucune œuvre renseignée dans ${blocs.map((b) => `${b.source} (${nomCellule(b.feuille, plageA1(b.rect))})`).join(", ")}.`);
  return { dossiers, ignores: [...ignores] };
}
