/**
 * The dossier functions: CNC.APPORT_CONFORME, CNC.REFERENCE_ELIGIBLE, CNC.MAJORATION, CNC.STATUT,
 * CNC.ECART. Each reads one verdict of the core per work and returns one cell of it; nothing here
 * decides a rule.
 */
import { normaliser } from "../dossier";
import { LIBELLES_STATUT } from "../render/texte";
import { conditionsHorsMontant, ecartAuCentime, type Verdict } from "../rules";
import { ErreurExcel, estVideCellule, type CelluleResultat, type Entree, type Resultat } from "./excel";
import { enregistrerCellule } from "./memoire";
import { horsVersion, incomplet, parVerdict, uneCellule } from "./plage";

export type NomSection = "apportInitial" | "listeReference" | "majoration";

const SECTIONS = new Map<string, NomSection>([
  ["apport", "apportInitial"], ["apportinitial", "apportInitial"],
  ["reference", "listeReference"], ["listereference", "listeReference"], ["liste", "listeReference"],
  ["listedesoeuvresdereference", "listeReference"], ["listedesœuvresdereference", "listeReference"],
  ["majoration", "majoration"],
]);

/** The `section` argument, matched case- and accent-insensitively; #VALUE! naming it when unknown. */
/** Section names already read: a template's STATUT and ECART formulas name theirs in every cell. */
const SECTIONS_LUES = new Map<string, NomSection | null>();

function sectionDe(texte: string): NomSection | undefined {
  let nom = SECTIONS_LUES.get(texte);
  if (nom === undefined) {
    nom = SECTIONS.get(normaliser(texte)) ?? null;
    if (texte.length <= 64) {
      if (SECTIONS_LUES.size >= 256) SECTIONS_LUES.clear();
      SECTIONS_LUES.set(texte, nom);
    }
  }
  return nom ?? undefined;
}

export function lireSection(e: Entree | undefined, requise: boolean): NomSection | undefined | ErreurExcel {
  const c = uneCellule("section", e);
  if (c instanceof ErreurExcel) return c;
  if (estVideCellule(c)) return requise ? new ErreurExcel("na", "Arguments manquants : section (apport, reference ou majoration).") : undefined;
  const nom = typeof c === "string" ? sectionDe(c) : undefined;
  return nom ?? new ErreurExcel("valeur", `Argument section : « ${String(c)} » n'est pas une section (attendu apport, reference ou majoration).`);
}

function apportConforme(v: Verdict): CelluleResultat {
  const s = v.apportInitial;
  if (s.statut === "incomplet") return incomplet(s);
  // Selective aid, or preparation aid for an on-demand work: no minimum apport is required, so
  // nothing stands in the way (CNC.STATUT says "non applicable").
  if (s.statut === "non_applicable") return horsVersion(v) ?? true;
  return s.statut === "conforme";
}

function referenceEligible(v: Verdict): CelluleResultat {
  const s = v.listeReference;
  if (s.statut === "incomplet") return incomplet(s);
  if (s.statut === "non_applicable") return horsVersion(v) ?? new ErreurExcel("na", s.motif ?? "Liste des œuvres de référence non applicable.");
  return s.statut === "conforme";
}

function tauxMajoration(v: Verdict): CelluleResultat {
  const s = v.majoration;
  if (s.statut === "incomplet") return incomplet(s);
  if (s.statut === "non_applicable") return horsVersion(v) ?? 0;
  return s.taux.toNumber();
}

function statut(v: Verdict, nom: NomSection): CelluleResultat {
  return LIBELLES_STATUT[v[nom].statut];
}

function ecart(v: Verdict, nom: NomSection): CelluleResultat {
  const s = v[nom];
  if (s.statut === "incomplet") return incomplet(s);
  const hors = horsVersion(v);
  if (hors) return hors;
  if (s.ecart === null && s.statut === "non_conforme") {
    // No amount makes it comply (a late contract, points, an authorisation): never 0, which means "complies".
    const causes = conditionsHorsMontant(s.conditions).map((c) => `${c.code} ${c.libelle}`);
    return new ErreurExcel("na", `Aucun montant ne rend cette section conforme : ${causes.join(", ") || "condition non remplie"}.`);
  }
  return s.ecart === null ? 0 : ecartAuCentime(s.ecart).toNumber();
}

// Every cell a work's verdict gives, so one evaluation answers all the CNC formulas of that work (memoire.ts).
enregistrerCellule("APPORT_CONFORME", apportConforme);
enregistrerCellule("REFERENCE_ELIGIBLE", referenceEligible);
enregistrerCellule("MAJORATION", tauxMajoration);
for (const nom of ["apportInitial", "listeReference", "majoration"] as const) {
  enregistrerCellule(`STATUT:${nom}`, (v) => statut(v, nom));
  enregistrerCellule(`ECART:${nom}`, (v) => ecart(v, nom));
}

/** CNC.APPORT_CONFORME(dossier; [valeurs]; [date]) → VRAI / FAUX. */
export function APPORT_CONFORME(dossier: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return parVerdict(dossier, valeurs, date, "APPORT_CONFORME", apportConforme);
}

/** CNC.REFERENCE_ELIGIBLE(dossier; [valeurs]; [date]) → VRAI / FAUX. */
export function REFERENCE_ELIGIBLE(dossier: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return parVerdict(dossier, valeurs, date, "REFERENCE_ELIGIBLE", referenceEligible);
}

/** CNC.MAJORATION(dossier; [valeurs]; [date]) → 0,25 or 0: the rate of the core's majoration section. */
export function MAJORATION(dossier: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return parVerdict(dossier, valeurs, date, "MAJORATION", tauxMajoration);
}

function parSection(fonction: string, dossier: Entree, section: Entree, valeurs: Entree | undefined, date: Entree | undefined, cellule: (v: Verdict, s: NomSection) => CelluleResultat): Resultat {
  const nom = lireSection(section, true);
  if (nom instanceof ErreurExcel) return nom;
  return parVerdict(dossier, valeurs, date, `${fonction}:${nom}`, (v) => cellule(v, nom!));
}

/** CNC.STATUT(dossier; section; [valeurs]; [date]) → "conforme", "non conforme", "incomplet", "non applicable". */
export function STATUT(dossier: Entree, section: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return parSection("STATUT", dossier, section, valeurs, date, statut);
}

/**
 * CNC.ECART(dossier; section; [valeurs]; [date]) → the euros missing for the section's euro
 * conditions to hold (the core's `ecart`), 0 when they do; #N/A while the section is incomplete.
 */
export function ECART(dossier: Entree, section: Entree, valeurs?: Entree, date?: Entree): Resultat {
  return parSection("ECART", dossier, section, valeurs, date, ecart);
}
