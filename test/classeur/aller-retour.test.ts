/**
 * Round trip through real .xlsx files: the template generated with exceljs, a dossier filled in,
 * `cnc-rga calculer`, and every CNC.* cell of the output checked against the rules core — with
 * Excel's file spelling `_xldudf_CNC_…` and with `CNC.…`. The dossier's amounts come from the
 * financing lines through SUM / SUMIFS, computed by the engine.
 */
import { join } from "path";
import { existsSync, readdirSync, readFileSync } from "fs";
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import { parseDossier } from "../../src/dossier";
import { LIBELLES_STATUT } from "../../src/render/texte";
import { auCentimeSuperieur, ecartAuCentime, calculerApportMinimum, calculerNumeraireMinimum, evaluer, manquantsApportMinimum, parametresVersion, type Verdict } from "../../src/rules";
import { tableauVerdict } from "../../src/functions/cnc";
import { VERSION_COMPLEMENT } from "../../src/functions/cnc";
import { modelePlan, TYPES_APPORT, type LigneFinancement, type PlanModele, type ResultatModele } from "../../src/modele";
import type { Orthographe } from "../../src/classeur";
import { dossierTemporaire, ecrireModele, lancer, lireClasseurExcelJS, resultat } from "./outils";
import { LIGNES_FICTION } from "../fixtures/excel365";

const dossier = dossierTemporaire();
const jour = (a: number, m: number, j: number) => new Date(Date.UTC(a, m - 1, j));

/** A fiction series for television; its apport and cash come from the financing lines. */
const FICTION_SAISIE = {
  titre: "Les Veilleurs (8 × 52 min)", dateDemande: jour(2023, 1, 16), genre: "Fiction", destination: "Télévision", aide: "Automatique",
  // The budget, typed on its own; the lines below balance it.
  coutDefinitif: 4000000,
  dureeMinutes: 416, dureeEpisodeMinutes: 52, coproductionInternationale: "non", pointsCreation: 34, pointsFabrication: 41,
  dateContrat: jour(2022, 9, 1), dateFinTournage: jour(2023, 5, 31), autorisationPrealable: "oui", autorisationDefinitive: "oui",
  diffuseeAnneePrecedente: "non", versionDefinitiveAcceptee: "oui", versionOriginaleFrancaise: "oui",
  depensesFrance: 3700000, coutPostes: 2000000, depensesFrancePostes: 1700000, sommesCompteAutomatique: 300000,
};
const FICTION_LIGNES: LigneFinancement[] = LIGNES_FICTION;

/** An international coproduction: the base is the participation française (total less the foreign coproducer). */
const COPRO_SAISIE = { ...FICTION_SAISIE, titre: "Marée haute (coproduction)", coproductionInternationale: "oui", dateDemande: jour(2023, 3, 2), coutDefinitif: 3120000, depensesFrance: 2900000 };
const COPRO_LIGNES: LigneFinancement[] = [
  ...FICTION_LIGNES.slice(0, 4),
  { source: "Coproducteur belge", type: TYPES_APPORT.coproducteurEtranger, montant: 1000000, numeraire: true },
  { source: "Diffuseur allemand — prévente", type: TYPES_APPORT.preventes, montant: 250000, numeraire: true },
  { source: "Entreprise française", type: TYPES_APPORT.autresFrance, montant: 50000, numeraire: true },
];

/** Only a few fields typed: blank cells reach the functions as missing values. */
const INCOMPLET_SAISIE = { titre: "Brouillon", dateDemande: jour(2023, 1, 5), genre: "Animation", coutDefinitif: 5000000 } as Record<string, unknown> & { titre: string };
const INCOMPLET_LIGNES: LigneFinancement[] = [{ source: "Chaîne", type: TYPES_APPORT.television, montant: 1500000, numeraire: true }, { source: "Producteur", type: TYPES_APPORT.producteur, montant: 3500000, numeraire: true }];

const somme = (lignes: LigneFinancement[], type?: string, numeraire?: boolean) =>
  lignes.filter((l) => (type === undefined || l.type === type) && (numeraire === undefined || l.numeraire === numeraire)).reduce((s, l) => s + l.montant, 0);

/** The dossier as the workbook should compute it: what was typed (the coût définitif included), and the sums of the financing lines. */
function dossierAttendu(saisie: Record<string, unknown>, lignes: LigneFinancement[]): Record<string, unknown> {
  const d: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(saisie).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])),
    apportInitial: somme(lignes, TYPES_APPORT.television) + somme(lignes, TYPES_APPORT.smad),
    apportNumeraireTelevision: somme(lignes, TYPES_APPORT.television, true),
    apportNumeraireSmad: somme(lignes, TYPES_APPORT.smad, true),
    apportAutresFrance: somme(lignes, TYPES_APPORT.autresFrance),
    preventesInternationales: somme(lignes, TYPES_APPORT.preventes),
  };
  // 311-11 al. 5: the coût définitif less what the foreign coproducers bring.
  if (saisie.coproductionInternationale === "oui") d.participationFrancaise = (saisie.coutDefinitif as number) - somme(lignes, TYPES_APPORT.coproducteurEtranger);
  return d;
}

function attenduPour(r: ResultatModele, v: Verdict, d: Record<string, unknown>): unknown {
  const dossier = parseDossier(d);
  const p = parametresVersion(v.version!);
  const statut = (s: keyof Pick<Verdict, "apportInitial" | "listeReference" | "majoration">) => LIBELLES_STATUT[v[s].statut];
  const ecart = (s: "apportInitial" | "listeReference") => (v[s].statut === "incomplet" ? { error: "#N/A" } : (v[s].ecart === null ? 0 : ecartAuCentime(v[s].ecart!).toNumber()));
  switch (r.cle) {
    case "version": return `RGA ${v.version} · CNC Conformité ${VERSION_COMPLEMENT}`;
    case "apportMinimum": {
      const e = {
        genre: dossier.genre!, base: dossier.coproductionInternationale ? dossier.participationFrancaise! : dossier.coutDefinitif!,
        preventesInternationales: dossier.preventesInternationales, pointsCreation: dossier.pointsCreation, pointsFabrication: dossier.pointsFabrication,
        destination: dossier.destination, aide: dossier.aide,
      };
      // Presales without the points of the case: #N/A naming them (issue 17, item 7), never a silent 25 %.
      if (manquantsApportMinimum(p, e).length) return { error: "#N/A" };
      return auCentimeSuperieur(calculerApportMinimum(p, e)).toNumber();
    }
    case "numeraireMinimum": return dossier.dureeMinutes === undefined ? { error: "#N/A" } : auCentimeSuperieur(calculerNumeraireMinimum(p, { genre: dossier.genre!, dureeMinutes: dossier.dureeMinutes!, destination: dossier.destination, aide: dossier.aide })).toNumber();
    case "statutApport": return statut("apportInitial");
    case "ecartApport": return ecart("apportInitial");
    case "apportConforme": return v.apportInitial.statut === "incomplet" ? { error: "#N/A" } : v.apportInitial.statut !== "non_conforme";
    case "statutReference": return statut("listeReference");
    case "ecartReference": return ecart("listeReference");
    case "referenceEligible": return v.listeReference.statut === "incomplet" ? { error: "#N/A" } : v.listeReference.statut === "conforme";
    case "statutMajoration": return statut("majoration");
    case "tauxMajoration": return v.majoration.statut === "incomplet" ? { error: "#N/A" } : v.majoration.taux.toNumber();
  }
}

async function calculer(plan: PlanModele, orthographe: Orthographe, nom: string): Promise<{ ws: ExcelJS.Worksheet; sortie: string; entree: string; out: string }> {
  const entree = await ecrireModele(join(dossier, `${nom}.xlsx`), [plan], orthographe);
  const sortie = join(dossier, `${nom}.calcule.xlsx`);
  const r = await lancer("calculer", entree, "-o", sortie);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const ws = (await lireClasseurExcelJS(sortie)).getWorksheet(plan.nom)!;
  return { ws, sortie, entree, out: r.out };
}

// Whatever the input's spelling, the output holds `_xldudf_CNC_…`, the one Excel binds to the add-in when it opens a file.
describe.each<[Orthographe, string]>([["xldudf", "_xldudf_CNC_"], ["point", "_xldudf_CNC_"]])("aller-retour du modèle, orthographe %s", (orthographe, prefixe) => {
  it.each([
    ["fiction pour la télévision", FICTION_SAISIE, FICTION_LIGNES],
    ["coproduction internationale", COPRO_SAISIE, COPRO_LIGNES],
    // Blank cells are missing values, never zeros: the sections are incomplete and say so.
    ["dossier à moitié rempli", INCOMPLET_SAISIE, INCOMPLET_LIGNES],
  ])("%s : chaque cellule CNC.* vaut ce que dit le cœur", async (_nom, saisie: Record<string, unknown> & { titre: string }, lignes) => {
    const plan = modelePlan({ valeurs: saisie, financements: lignes });
    const { ws, out } = await calculer(plan, orthographe, `${orthographe}-${saisie.titre.slice(0, 8)}`);
    const d = dossierAttendu(saisie, lignes);
    const v = evaluer(parseDossier(d));
    expect(v.version).not.toBeNull();
    if (saisie === INCOMPLET_SAISIE) expect(v.apportInitial.statut).toBe("incomplet");
    for (const r of plan.resultats) {
      const cellule = ws.getCell(r.adresse);
      // The formula is written back in the spelling Excel binds.
      expect(cellule.formula.startsWith(prefixe)).toBe(true);
      expect({ cle: r.cle, valeur: resultat(ws, r.adresse) }).toEqual({ cle: r.cle, valeur: attenduPour(r, v, d) });
    }
    expect(out).toContain(`dont ${plan.resultats.length} avec des fonctions CNC.*`);
    if (orthographe === "point") expect(out).toContain(`Formules CNC.… réécrites _xldudf_CNC_… (la seule écriture qu'Excel relie au complément à l'ouverture d'un fichier) : ${plan.resultats.length}`);
    if (v.apportInitial.statut !== "incomplet") expect(out).toContain("Erreurs : 0");
    else expect(out).toMatch(/#N\/A — .*Champs manquants/);
  });
});

describe("formules natives qui alimentent le dossier", () => {
  it("SUMIFS sur les lignes de financement donnent l'apport et le numéraire ; le coût définitif reste le budget saisi", async () => {
    const plan = modelePlan({ valeurs: COPRO_SAISIE, financements: COPRO_LIGNES });
    const { ws } = await calculer(plan, "xldudf", "natives");
    const d = dossierAttendu(COPRO_SAISIE, COPRO_LIGNES);
    for (const champ of ["participationFrancaise", "apportInitial", "apportNumeraireTelevision", "apportNumeraireSmad", "apportAutresFrance", "preventesInternationales"] as const) {
      const a = plan.valeurs[champ];
      expect(ws.getCell(a).formula).toMatch(/SUM/);
      expect({ champ, valeur: resultat(ws, a) }).toEqual({ champ, valeur: d[champ] });
    }
    expect(ws.getCell(plan.valeurs.coutDefinitif).value).toBe(3120000);
    expect(d.apportNumeraireTelevision).toBe(800000);
    expect(d.participationFrancaise).toBe(2120000);
  });

  it("verifier lit les valeurs calculées : même verdict que evaluer sur le dossier en JSON", async () => {
    const plan = modelePlan({ valeurs: FICTION_SAISIE, financements: FICTION_LIGNES });
    const entree = await ecrireModele(join(dossier, "verifier.xlsx"), [plan]);
    const r = await lancer("verifier", entree, "--json");
    expect(r.code).toBe(0);
    const attendu = JSON.parse(JSON.stringify(evaluer(parseDossier(dossierAttendu(FICTION_SAISIE, FICTION_LIGNES)))));
    const obtenu = JSON.parse(r.out);
    expect(obtenu.apportInitial.statut).toBe(LIBELLES_STATUT[attendu.apportInitial.statut as keyof typeof LIBELLES_STATUT].replace(" ", "_"));
    const { verdictJson } = await import("../../src/render/json");
    expect(obtenu).toEqual(verdictJson(evaluer(parseDossier(dossierAttendu(FICTION_SAISIE, FICTION_LIGNES)))));
  });

  it("le plan d'exemple donne le même verdict que examples/serie-animation.json", async () => {
    const a = await lancer("verifier", join(__dirname, "../../examples/plan-financement.xlsx"), "--json");
    const b = await lancer("evaluer", join(__dirname, "../../examples/serie-animation.json"), "--json");
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
    expect(JSON.parse(a.out).apportInitial).toMatchObject({ statut: "conforme", taux: 0.2, tauxArticle: "311-11-1" });
  });
});

describe("résultat qui déborde (CNC.EXPLIQUER)", () => {
  it("prend la taille réelle du tableau, l'écrit comme formule matricielle, et se recalcule à l'identique", async () => {
    const plan = modelePlan({ valeurs: FICTION_SAISIE, financements: FICTION_LIGNES });
    plan.cellules.push({ adresse: "M6", formule: "CNC.EXPLIQUER(Dossier[[Champ]:[Valeur]])" });
    const { ws, sortie } = await calculer(plan, "xldudf", "expliquer");
    const attendu = tableauVerdict(evaluer(parseDossier(dossierAttendu(FICTION_SAISIE, FICTION_LIGNES))));
    const ancre = ws.getCell("M6").value as { shareType?: string; ref?: string };
    expect(ancre.shareType).toBe("array");
    expect(ancre.ref).toBe(`M6:S${6 + attendu.length - 1}`);
    const vide = (x: unknown) => (x === null || x === undefined || x === "" ? null : x);
    for (let i = 0; i < attendu.length; i++) {
      for (let j = 0; j < attendu[i].length; j++) {
        const cell = ws.getCell(6 + i, 13 + j);
        const v = i === 0 && j === 0 ? resultat(ws, "M6") : cell.value;
        expect({ i, j, v: vide(v) }).toEqual({ i, j, v: vide(attendu[i][j]) });
      }
    }
    // Written as a dynamic array (cm="1" and xl/metadata.xml), not as a legacy array formula fixed at this size.
    const zip = await JSZip.loadAsync(readFileSync(sortie));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/<c r="M6"[^>]*\scm="1"[^>]*><f t="array" ref="M6:S\d+">/);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('name="XLDAPR"');
    // Computing the output again: same values, nothing differs from what was written.
    const encore = await lancer("calculer", sortie, "-o", join(dossier, "expliquer-2.xlsx"), "--json");
    expect(encore.code).toBe(0);
    const j = JSON.parse(encore.out);
    expect(j.differences).toEqual([]);
    expect(j.cellulesCalculees).toBe(j.formules - 1 + attendu.length * 7);
  });
});

afterAll(() => {
  // No temporary file left behind by the atomic writes.
  expect(existsSync(dossier) && readdirSync(dossier).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});
