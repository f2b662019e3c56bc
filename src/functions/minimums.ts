/**
 * CNC.APPORT_MIN and CNC.NUMERAIRE_MIN: the two minimums a producer asks for before the dossier is
 * complete, from a few cells. The figures come from the core (calculerApportMinimum,
 * calculerNumeraireMinimum); this file only reads the cells and rounds the result to the cent.
 */
import { lireAide, lireDestination, lireDuree, lireEntier, lireGenre, lireMontant, type Cellule } from "../dossier";
import { auCentimeSuperieur, calculerApportMinimum, calculerNumeraireMinimum, dateDuJour, manquantsApportMinimum } from "../rules";
import { lireArgument, lireDateArgument, manquants, verifier, versionPourDate } from "./arguments";
import { empreinte, MemoireBornee } from "./empreintes";
import { diffuser, ErreurExcel, type CelluleResultat, type Entree, type Resultat } from "./excel";

/**
 * Minimums already computed, by their raw arguments: a catalogue column of CNC.APPORT_MIN is called
 * again with every row when one cell changes (BENCHMARKS.md). A few numbers a row: 8 Mo is ~40 000 rows.
 */
const minimums = new MemoireBornee<CelluleResultat>(8 * 2 ** 20);

/**
 * `calcul` remembered by its arguments within this call's context: the function and today's date (the
 * RGA version when `date` is blank).
 */
function parValeurs(nom: string, calcul: (valeurs: Cellule[]) => CelluleResultat): (valeurs: Cellule[]) => CelluleResultat {
  const contexte = minimums.contexte(`${nom}|${dateDuJour()}`);
  // The arguments of one cell, in order: value i is valeurs[i].
  let courantes: readonly Cellule[] = [];
  const source = { colonnes: [] as number[], cellules: () => courantes };
  return (valeurs) => {
    courantes = valeurs;
    while (source.colonnes.length < valeurs.length) source.colonnes.push(source.colonnes.length);
    source.colonnes.length = valeurs.length;
    const h = empreinte(source, 0, contexte);
    const connu = minimums.lire(h, source, 0, contexte);
    if (connu !== undefined) return connu;
    const r = calcul(valeurs);
    minimums.ecrire(h, source, 0, contexte, r);
    return r;
  };
}

const NOMS_APPORT_MIN = ["genre", "cout_definitif", "participation_francaise", "preventes_internationales", "points_creation", "points_fabrication", "destination", "aide", "date", "duree_minutes"];

function apportMinCellule([genre, cout, participation, preventes, creation, fabrication, destination, aide, date, duree]: Cellule[]): number | ErreurExcel {
  const a = verifier({
    genre: lireArgument("genre", genre, lireGenre),
    cout: lireArgument("cout_definitif", cout, lireMontant),
    participation: lireArgument("participation_francaise", participation, lireMontant),
    preventes: lireArgument("preventes_internationales", preventes, lireMontant),
    pointsCreation: lireArgument("points_creation", creation, lireEntier),
    pointsFabrication: lireArgument("points_fabrication", fabrication, lireEntier),
    destination: lireArgument("destination", destination, lireDestination),
    aide: lireArgument("aide", aide, lireAide),
    date: lireDateArgument(date),
    duree: lireArgument("duree_minutes", duree, lireDuree),
  });
  if (a instanceof ErreurExcel) return a;
  if (a.participation !== undefined && a.cout !== undefined && a.participation.greaterThan(a.cout)) {
    return new ErreurExcel("valeur", "Arguments participation_francaise et cout_definitif incohérents : la participation française dépasse le coût définitif dont elle est une part.");
  }
  // The base is the participation française when given (international coproduction), else the coût définitif.
  const base = a.participation ?? a.cout;
  if (a.genre === undefined || base === undefined) return manquants({ genre: a.genre, cout_definitif: base })!;
  const p = versionPourDate(a.date);
  if (p instanceof ErreurExcel) return p;
  const entree = {
    genre: a.genre, base, preventesInternationales: a.preventes, pointsCreation: a.pointsCreation,
    pointsFabrication: a.pointsFabrication, destination: a.destination, aide: a.aide, dureeMinutes: a.duree,
  };
  // Presales given for a case that also asks for points: without them the minimum cannot be told (never a silent 25 %).
  const sansPoints = manquantsApportMinimum(p, entree);
  if (sansPoints.length) {
    const noms = sansPoints.map((c) => (c === "pointsCreation" ? "points_creation" : "points_fabrication"));
    return new ErreurExcel("na", `Arguments manquants : ${noms.join(", ")} (avec des préventes internationales, la dérogation de l'article ${p.articles.derogation} dépend aussi des points).`);
  }
  // Rounded up to the cent: paying exactly the figure shown always complies (DOMAIN.md).
  return auCentimeSuperieur(calculerApportMinimum(p, entree)).toNumber();
}

/**
 * CNC.APPORT_MIN(genre; cout_definitif; [participation_francaise]; [preventes_internationales];
 * [points_creation]; [points_fabrication]; [destination]; [aide]; [date]; [duree_minutes]) → euros:
 * the least apport initial that complies; with the duration, it also contains the minimum cash.
 */
export function APPORT_MIN(
  genre: Entree, cout_definitif: Entree, participation_francaise?: Entree, preventes_internationales?: Entree,
  points_creation?: Entree, points_fabrication?: Entree, destination?: Entree, aide?: Entree, date?: Entree, duree_minutes?: Entree,
): Resultat {
  return diffuser([genre, cout_definitif, participation_francaise, preventes_internationales, points_creation, points_fabrication, destination, aide, date, duree_minutes], NOMS_APPORT_MIN, parValeurs("APPORT_MIN", apportMinCellule));
}

const NOMS_NUMERAIRE_MIN = ["genre", "duree_minutes", "destination", "aide", "date"];

function numeraireMinCellule([genre, duree, destination, aide, date]: Cellule[]): number | ErreurExcel {
  const a = verifier({
    genre: lireArgument("genre", genre, lireGenre),
    duree: lireArgument("duree_minutes", duree, lireDuree),
    destination: lireArgument("destination", destination, lireDestination),
    aide: lireArgument("aide", aide, lireAide),
    date: lireDateArgument(date),
  });
  if (a instanceof ErreurExcel) return a;
  if (a.genre === undefined || a.duree === undefined) return manquants({ genre: a.genre, duree_minutes: a.duree })!;
  const p = versionPourDate(a.date);
  if (p instanceof ErreurExcel) return p;
  const minimum = calculerNumeraireMinimum(p, { genre: a.genre, dureeMinutes: a.duree, destination: a.destination, aide: a.aide });
  // Rounded up: 20 000 €/h × 100 min is 33 333,33… €, shown 33 333,34 € so that this cash complies.
  return auCentimeSuperieur(minimum).toNumber();
}

/** CNC.NUMERAIRE_MIN(genre; duree_minutes; [destination]; [aide]; [date]) → euros. */
export function NUMERAIRE_MIN(genre: Entree, duree_minutes: Entree, destination?: Entree, aide?: Entree, date?: Entree): Resultat {
  return diffuser([genre, duree_minutes, destination, aide, date], NOMS_NUMERAIRE_MIN, parValeurs("NUMERAIRE_MIN", numeraireMinCellule));
}
