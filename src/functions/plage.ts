/**
 * From a dossier argument (a `Champ | Valeur` range, or a header row of fields with one work per row)
 * to verdicts: read with ouvrirPlage (src/dossier), evaluate with evaluer (src/rules), and hand each
 * verdict to a function that turns it into one cell. A catalogue spills one cell per row; a bad row is
 * an error in its own cell and the other rows still compute.
 */
import { champDepuisLibelle, formaterErreur, ouvrirPlage, type Cellule, type ErreurChamp, type LecturePlage, type PlageOuverte } from "../dossier";
import { dateDuJour, evaluer, manquantsSection, type Section, type Verdict } from "../rules";
import { lireDateArgument } from "./arguments";
import { enMatrice, ErreurExcel, estMatrice, estVideCellule, protege, type CelluleResultat, type Entree, type Resultat } from "./excel";
import { contexteOeuvres, empreinte, memorisee, memoriser, VIDE } from "./memoire";

/** One cell where a single value is expected (a section, a date): a 1×1 range is that cell. */
export function uneCellule(nom: string, e: Entree | undefined): Cellule | ErreurExcel {
  if (!estMatrice(e)) return e as Cellule;
  const m = enMatrice(e);
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  return new ErreurExcel("valeur", `Argument ${nom} : attendu une seule cellule, reçu une plage de ${m.length} × ${m[0].length}.`);
}

/** The optional `date` argument of the dossier functions: the RGA version of that date, whatever dateDemande says. */
export function optionDate(e: Entree | undefined): { date?: string } | ErreurExcel {
  const c = uneCellule("date", e);
  if (c instanceof ErreurExcel) return c;
  const date = lireDateArgument(c);
  if (date instanceof ErreurExcel) return date;
  return date === undefined ? {} : { date };
}

/** A label as the user wrote it, quoted so that a label like "NaN" or "#N/A" reads as the user's text. */
const cite = (libelle: string) => `« ${libelle} »`;

/**
 * Opens the dossier argument (nothing parsed yet, see ouvrirPlage), or #VALUE! when it is not a range
 * of fields.
 */
export function ouvrirDossiers(dossier: Entree | undefined, valeurs: Entree | undefined): PlageOuverte | ErreurExcel {
  if (dossier === undefined || (!estMatrice(dossier) && estVideCellule(dossier))) {
    return new ErreurExcel("na", "Arguments manquants : dossier (une plage Champ | Valeur, ou une ligne d'en-tête de champs suivie d'une œuvre par ligne).");
  }
  const plage = enMatrice(dossier);
  const avecValeurs = valeurs === undefined || valeurs === null || (!estMatrice(valeurs) && estVideCellule(valeurs)) ? undefined : enMatrice(valeurs);
  // A column of labels and a column of values side by side: a shorter or longer `valeurs` would pair
  // labels with the wrong values, or with none, without a word.
  const enColonne = !(plage.length === 1 && plage[0].length > 1);
  if (avecValeurs && enColonne && avecValeurs.length !== plage.length) {
    return new ErreurExcel("valeur", `Argument valeurs : ${avecValeurs.length} ligne${avecValeurs.length > 1 ? "s" : ""} pour ${plage.length} libellé${plage.length > 1 ? "s" : ""} dans dossier ; les deux plages doivent avoir la même hauteur.`);
  }
  const ouverte = ouvrirPlage(plage, avecValeurs);
  if (ouverte.forme === "champ-valeur" && ouverte.ignores.length > 0) {
    // No label of the first column is a field (rather than fields whose values are all blank).
    const reconnu = plage.some((l) => typeof l[0] === "string" && l[0].trim() !== "" && champDepuisLibelle(l[0].trim()) !== undefined);
    if (!reconnu) {
      return new ErreurExcel("valeur", `Argument dossier : aucun champ du dossier reconnu (libellés lus : ${ouverte.ignores.slice(0, 5).map(cite).join(", ")}${ouverte.ignores.length > 5 ? "…" : ""}). Voir les noms de champs de DOSSIER.md.`);
    }
  }
  return ouverte;
}

/** Reads the dossier argument, every work parsed, or #VALUE! when it is not a range of fields. */
export function lireDossiers(dossier: Entree | undefined, valeurs: Entree | undefined): LecturePlage | ErreurExcel {
  const p = ouvrirDossiers(dossier, valeurs);
  if (p instanceof ErreurExcel) return p;
  return { forme: p.forme, lignes: Array.from({ length: p.nombre }, (_, n) => p.lire(n)), ignores: p.ignores };
}

/** The French message of a row that does not parse, naming the row in a catalogue and each field. */
export function erreurLigne(erreurs: readonly ErreurChamp[], ligne: number | null): ErreurExcel {
  const ou = ligne === null ? "Argument dossier" : `Argument dossier, œuvre n° ${ligne + 1}`;
  return new ErreurExcel("valeur", erreurs.map((e) => `${ou}, ${formaterErreur(e)}`).join(" ; "));
}

/**
 * Evaluates every work of the dossier argument and maps each verdict to one cell: a single value for
 * a `Champ | Valeur` range, a column (one cell per row, "" for an empty row) for a catalogue.
 * `fonction` names what `cellule` computes (with its section), so that a recalculation serves the
 * works whose raw cells did not change without parsing nor evaluating them (memoire.ts).
 */
export function parVerdict(dossier: Entree | undefined, valeurs: Entree | undefined, date: Entree | undefined, fonction: string, cellule: (v: Verdict) => CelluleResultat): Resultat {
  return protege(() => {
    const options = optionDate(date);
    if (options instanceof ErreurExcel) return options;
    const plage = ouvrirDossiers(dossier, valeurs);
    if (plage instanceof ErreurExcel) return plage;
    const catalogue = plage.forme === "catalogue";
    const aujourdhui = dateDuJour();
    const contexte = contexteOeuvres(plage, options.date, aujourdhui);
    const cellules: CelluleResultat[] = new Array(plage.nombre);
    for (let n = 0; n < plage.nombre; n++) {
      const h = empreinte(plage, n, contexte);
      if (catalogue && h === VIDE) {
        cellules[n] = "";
        continue;
      }
      const connue = memorisee(h, plage, n, contexte, fonction);
      if (connue !== undefined) {
        cellules[n] = connue;
        continue;
      }
      const l = plage.lire(n);
      if (l.ok === "vide") cellules[n] = "";
      else if (l.ok === false) cellules[n] = erreurLigne(l.erreurs, catalogue ? l.ligne : null);
      else {
        const d = l.dossier;
        cellules[n] = memoriser(h, plage, n, contexte, fonction, cellule, () => evaluer(d, { ...options, aujourdhui }));
      }
    }
    if (!catalogue) return cellules[0];
    if (cellules.length === 0) return new ErreurExcel("na", "Argument dossier : aucune œuvre sous la ligne d'en-tête.");
    return cellules.map((c) => [c]);
  });
}

/** #N/A listing the missing fields of an incomplete section. */
export function incomplet(section: Section): ErreurExcel {
  const manquants = manquantsSection(section);
  return new ErreurExcel("na", manquants.length ? `Champs manquants : ${manquants.join(", ")}.` : "Dossier incomplet.");
}

/** A verdict under no implemented version of the RGA: #N/A with the reason, never a guess. */
export function horsVersion(v: Verdict): ErreurExcel | null {
  return v.version === null ? new ErreurExcel("na", v.apportInitial.motif ?? "Aucune version implémentée du RGA ne s'applique à cette date.") : null;
}
