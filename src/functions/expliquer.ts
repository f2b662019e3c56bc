/**
 * CNC.EXPLIQUER: the core's verdict for one work, row by row, as a table that spills.
 *
 * Layout (7 columns): a header row — condition, article, statut, attendu, constaté, écart, message —
 * then, for each section asked for, a section row ("Apport initial · RGA 2023-01", the article of the
 * regime, the section's status and euro gap, its reason or warning) followed by one row per
 * condition. Amounts are numbers rounded to the cent so they can be reused in formulas. Labels of the
 * range that are not dossier fields are listed on a last row, so a misspelt label is seen.
 */
import { LIBELLES_STATUT, alineaTexte } from "../render/texte";
import { auCentime, auCentimeSuperieur, ecartAuCentime, evaluer, parametresVersion, Decimal, type Condition, type Section, type Valeur, type Verdict } from "../rules";
import { ErreurExcel, protege, type CelluleResultat, type Entree, type Resultat, type ValeurCellule } from "./excel";
import { erreurLigne, lireDossiers, optionDate } from "./plage";
import { lireSection, type NomSection } from "./verdicts";

export const ENTETE_EXPLIQUER = ["condition", "article", "statut", "attendu", "constaté", "écart", "message"] as const;

const TITRES: Record<NomSection, string> = {
  apportInitial: "Apport initial",
  listeReference: "Liste des œuvres de référence",
  majoration: "Majoration de 25 %",
};

function valeur(v: Valeur): ValeurCellule {
  if (v === null) return "";
  return v instanceof Decimal ? auCentime(v).toNumber() : v;
}

function ecart(e: Decimal | null): ValeurCellule {
  return e === null ? "" : ecartAuCentime(e).toNumber();
}

function message(c: Condition): string {
  return [
    c.message,
    c.avertissement ? `⚠ ${c.avertissement}` : null,
    c.manquants?.length ? `À renseigner : ${c.manquants.join(", ")}.` : null,
  ].filter(Boolean).join(" ");
}

function ligneCondition(c: Condition): ValeurCellule[] {
  // The expected amount of a euro condition is a minimum: rounded up, like CNC.APPORT_MIN (DOMAIN.md).
  const attendu = c.attendu instanceof Decimal && c.unite === "euros" ? auCentimeSuperieur(c.attendu).toNumber() : valeur(c.attendu);
  return [`${c.code} · ${c.libelle}`, `${c.article} ${alineaTexte(c.alinea)}`, LIBELLES_STATUT[c.statut], attendu, valeur(c.constate), ecart(c.ecart), message(c)];
}

function articleSection(v: Verdict, nom: NomSection): string {
  if (v.version === null) return "";
  if (nom === "apportInitial") return v.apportInitial.regime ?? "";
  const articles = parametresVersion(v.version).articles;
  return nom === "listeReference" ? articles.reference : articles.majoration;
}

function ligneSection(v: Verdict, nom: NomSection, s: Section): ValeurCellule[] {
  const version = v.version ? `RGA ${v.version}` : "aucune version du RGA";
  const commentaire = [s.motif, s.avertissement ? `⚠ ${s.avertissement}` : null].filter(Boolean).join(" ");
  return [`${TITRES[nom]} · ${version}`, articleSection(v, nom), LIBELLES_STATUT[s.statut], "", "", ecart(s.ecart), commentaire];
}

/** The table for one verdict (exported for the task pane and the CLI, which may show the same rows). */
export function tableauVerdict(v: Verdict, section?: NomSection, ignores: readonly string[] = []): ValeurCellule[][] {
  const lignes: ValeurCellule[][] = [[...ENTETE_EXPLIQUER]];
  const noms: NomSection[] = section ? [section] : ["apportInitial", "listeReference", "majoration"];
  for (const nom of noms) {
    const s = v[nom];
    lignes.push(ligneSection(v, nom, s));
    for (const c of s.conditions) lignes.push(ligneCondition(c));
  }
  if (ignores.length) lignes.push(["Libellés ignorés", "", "", "", "", "", `Ces libellés ne sont pas des champs du dossier : ${ignores.join(", ")}.`]);
  return lignes;
}

/** CNC.EXPLIQUER(dossier; [section]; [valeurs]; [date]) → the verdict of one work as a table. */
export function EXPLIQUER(dossier: Entree, section?: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return protege((): CelluleResultat | CelluleResultat[][] => {
    const nom = lireSection(section, false);
    if (nom instanceof ErreurExcel) return nom;
    const options = optionDate(date);
    if (options instanceof ErreurExcel) return options;
    const lecture = lireDossiers(dossier, valeurs);
    if (lecture instanceof ErreurExcel) return lecture;
    const oeuvres = lecture.lignes.filter((l) => l.ok !== "vide");
    if (oeuvres.length !== 1) {
      return new ErreurExcel("valeur", oeuvres.length === 0
        ? "Argument dossier : aucune œuvre à expliquer."
        : `Argument dossier : CNC.EXPLIQUER explique une œuvre à la fois, la plage en contient ${oeuvres.length}.`);
    }
    const l = oeuvres[0];
    if (l.ok === false) return erreurLigne(l.erreurs, lecture.forme === "catalogue" ? l.ligne : null);
    if (l.ok !== true) return new ErreurExcel("valeur", "Argument dossier : aucune œuvre à expliquer.");
    return tableauVerdict(evaluer(l.dossier, options), nom, lecture.ignores);
  }, "CNC.EXPLIQUER");
}
