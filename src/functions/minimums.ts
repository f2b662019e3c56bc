/**
 * CNC.APPORT_MIN and CNC.NUMERAIRE_MIN: the two minimums a producer asks for before the dossier is
 * complete, from a few cells. The figures come from the core (calculerApportMinimum,
 * calculerNumeraireMinimum); this file only reads the cells and rounds the result to the cent.
 */
import { lireAide, lireDestination, lireDuree, lireEntier, lireGenre, lireMontant, type Cellule } from "../dossier";
import { auCentime, calculerApportMinimum, calculerNumeraireMinimum, dateDuJour } from "../rules";
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
  const source = { champs: [] as Cellule[], brute: (_n: number, i: number) => source.champs[i] };
  return (valeurs) => {
    source.champs = valeurs;
    const h = empreinte(source, 0, contexte);
    const connu = minimums.lire(h, source, 0, contexte);
    if (connu !== undefined) return connu;
    const r = calcul(valeurs);
    minimums.ecrire(h, source, 0, contexte, r);
    return r;
  };
}

const NOMS_APPORT_MIN = ["genre", "cout_definitif", "participation_francaise", "preventes_internationales", "points_creation", "points_fabrication", "destination", "aide", "date"];

function apportMinCellule([genre, cout, participation, preventes, creation, fabrication, destination, aide, date]: Cellule[]): number | ErreurExcel {
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
  });
  if (a instanceof ErreurExcel) return a;
  // The base is the participation française when given (international coproduction), else the coût définitif.
  const base = a.participation ?? a.cout;
  if (a.genre === undefined || base === undefined) return manquants({ genre: a.genre, cout_definitif: base })!;
  const p = versionPourDate(a.date);
  if (p instanceof ErreurExcel) return p;
  const minimum = calculerApportMinimum(p, {
    genre: a.genre, base, preventesInternationales: a.preventes, pointsCreation: a.pointsCreation,
    pointsFabrication: a.pointsFabrication, destination: a.destination, aide: a.aide,
  });
  return auCentime(minimum).toNumber();
}

/**
 * CNC.APPORT_MIN(genre; cout_definitif; [participation_francaise]; [preventes_internationales];
 * [points_creation]; [points_fabrication]; [destination]; [aide]; [date]) → euros.
 */
export function APPORT_MIN(
  genre: Entree, cout_definitif: Entree, participation_francaise?: Entree, preventes_internationales?: Entree,
  points_creation?: Entree, points_fabrication?: Entree, destination?: Entree, aide?: Entree, date?: Entree,
): Resultat {
  return diffuser([genre, cout_definitif, participation_francaise, preventes_internationales, points_creation, points_fabrication, destination, aide, date], NOMS_APPORT_MIN, parValeurs("APPORT_MIN", apportMinCellule));
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
  return auCentime(minimum).toNumber();
}

/** CNC.NUMERAIRE_MIN(genre; duree_minutes; [destination]; [aide]; [date]) → euros. */
export function NUMERAIRE_MIN(genre: Entree, duree_minutes: Entree, destination?: Entree, aide?: Entree, date?: Entree): Resultat {
  return diffuser([genre, duree_minutes, destination, aide, date], NOMS_NUMERAIRE_MIN, parValeurs("NUMERAIRE_MIN", numeraireMinCellule));
}
