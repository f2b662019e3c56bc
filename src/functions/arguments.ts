/**
 * Reading one cell argument of a function with the readers of src/dossier, so a cell means the same
 * thing in a function, a `Champ | Valeur` range, a JSON file and the task pane. A bad value is
 * #VALUE! naming the argument; a blank cell is "not given".
 */
import { lireDate, type Cellule, type Lu } from "../dossier";
import { VERSIONS, dateDuJour, versionEnVigueur, dateLongue, type ParametresVersion } from "../rules";
import { ErreurExcel, estVideCellule } from "./excel";

/** The value, `undefined` when the cell is blank, or #VALUE! naming the argument. */
export function lireArgument<T>(nom: string, v: Cellule, lire: (v: unknown) => Lu<T>): T | undefined | ErreurExcel {
  if (estVideCellule(v)) return undefined;
  const lu = lire(v);
  return lu.ok ? lu.valeur : new ErreurExcel("valeur", `Argument ${nom} : ${lu.raison}.`);
}

/** #N/A listing the required arguments left blank, or null when all are given. */
export function manquants(requis: Record<string, unknown>): ErreurExcel | null {
  const noms = Object.entries(requis).filter(([, v]) => v === undefined).map(([nom]) => nom);
  return noms.length ? new ErreurExcel("na", `Arguments manquants : ${noms.join(", ")}.`) : null;
}

/** The first error among the values read, if any. */
export function premiereErreur(valeurs: readonly unknown[]): ErreurExcel | null {
  return (valeurs.find((v) => v instanceof ErreurExcel) as ErreurExcel | undefined) ?? null;
}

/** The optional `date` argument (ISO, JJ/MM/AAAA or an Excel date serial), as an ISO date. */
export function lireDateArgument(v: Cellule): string | undefined | ErreurExcel {
  return lireArgument("date", v, lireDate);
}

/** The RGA version in force on `date` (today when blank), or #N/A when no implemented version covers it. */
export function versionPourDate(date: string | undefined): ParametresVersion | ErreurExcel {
  const jour = date ?? dateDuJour();
  const p = versionEnVigueur(jour);
  return p ?? new ErreurExcel("na", `Aucune version implémentée du RGA ne s'applique au ${dateLongue(jour)} (la première couvre les demandes à compter du ${dateLongue(VERSIONS[0].debut)}).`);
}


/** The arguments once checked free of errors. */
export type SansErreur<T> = { [K in keyof T]: Exclude<T[K], ErreurExcel> };

/** The first #VALUE! among the arguments read, or the arguments typed without errors. */
export function verifier<T extends Record<string, unknown>>(lus: T): SansErreur<T> | ErreurExcel {
  return premiereErreur(Object.values(lus)) ?? (lus as SansErreur<T>);
}
