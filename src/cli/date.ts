/**
 * `--date`: the verdict is computed under the version in force on that date, but the dossier's own
 * request date (dateDemande) stays visible, so nobody mistakes the one for the other (issue 14).
 */
import type { Json } from "../render/json";
import { dateLongue, type Dossier, type Verdict } from "../rules";

function phrase(date: string, d: Dossier): string {
  const demande = d.dateDemande ? `demande du dossier : ${dateLongue(d.dateDemande)}` : "date de la demande non renseignée dans le dossier";
  return `évalué selon la version en vigueur le ${dateLongue(date)} (option --date) ; ${demande}`;
}

/** The report's header names the date used; with --date it says what that date is, and the request's. */
export function rapportAvecDate(rapport: string, v: Verdict, d: Dossier, date: string | undefined): string {
  if (!date) return rapport;
  const [entete, ...reste] = rapport.split("\n");
  const dit = `, demande du ${dateLongue(v.dateReference)}`;
  if (entete.endsWith(dit)) return [`${entete.slice(0, -dit.length)}, ${phrase(date, d)}`, ...reste].join("\n");
  return [`${phrase(date, d).replace(/^é/, "É")}.`, rapport].join("\n");
}

/** In the JSON, `dateDemande` (the dossier's, or null) right after `dateReference` (the --date). */
export function jsonAvecDate(json: { [k: string]: Json }, d: Dossier, date: string | undefined): { [k: string]: Json } {
  if (!date) return json;
  const r: { [k: string]: Json } = {};
  for (const [k, val] of Object.entries(json)) {
    r[k] = val;
    if (k === "dateReference") r.dateDemande = d.dateDemande ?? null;
  }
  if (!("dateDemande" in r)) r.dateDemande = d.dateDemande ?? null;
  return r;
}
