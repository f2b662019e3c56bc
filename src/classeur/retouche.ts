/**
 * `calculer`'s writer when the case is simple (issue 15, BENCHMARKS.md « Troisième passe »): the
 * input archive is patched rather than rewritten by exceljs. Every part is copied as the input holds
 * it (same octets once inflated, same order, same names) except the sheets holding computed cells,
 * and in those only the computed cells change:
 * - a formula's cell: its cached value (`<v>` and the `t` attribute, written as exceljs writes a
 *   formula's result) and, when ecrire.ts `texteReecrit` says so, its formula text (`CNC.…` written
 *   `_xldudf_CNC_…`); its `<f>` attributes (array and its `ref`, shared, `cm`, `vm`, style) stay;
 * - a cell of a spill range: its value (a text as an inline string: the shared strings part is not
 *   touched).
 * The meaning is that of poserResultats + enregistrer (ecrire.ts, fidelite.ts), which rewrite the
 * whole workbook through exceljs's model. Whenever the patch could not say exactly the same thing,
 * `preparerRetouche` gives the reason and `calculer` takes that writer instead:
 * a spill range whose size changed or that has no saved range, a cell absent from the XML, a shared
 * formula whose text changes, a repaired `[1]!` reference or any external link (exceljs drops them),
 * a dynamic array without its `cm` attribute (fidelite.ts would add it, and maybe xl/metadata.xml),
 * an unexpected element in a cell, a sheet without `r` addresses, a prefixed or non-UTF-8 sheet,
 * a text Excel cannot store in XML, an archive entry that does not inflate.
 * calcChain stays: the formula cells are the same ones (a spill's cells hold values, not formulas).
 */
import { ZipFile } from "yazl";
import { plage as plageA1, type Rectangle } from "../modele";
import { contenu, entrees, type Entree } from "./archive";
import { aEcrire, ecrireSansRisque, enregistrer, poserResultats, texteReecrit, type ClasseurAEcrire } from "./ecrire";
import type { ClasseurLu, FormuleLue } from "./lire";
import type { Calcul } from "./moteur";
import { estErreur, type CelluleCalculee, type ValeurCalculee } from "./resume";

/** What one computed cell becomes. */
interface Modification {
  valeur: ValeurCalculee;
  /** The formula's own cell (else a cell of its spill range). */
  ancre: boolean;
  /** The formula text to write instead of the file's, or null to keep it. */
  texte: string | null;
  /** The `ref` an array formula must already have (its spill range, unchanged). */
  ref: string | null;
  /** Written as a dynamic array (cm) by the exceljs writer. */
  dynamique: boolean;
}

/** The output archive, every part inflated, ready to compress. */
export interface Retouche {
  parties: { nom: string; date: Date; octets: Buffer }[];
  /** Sheet parts patched. */
  retouchees: string[];
}

/** Why the patch is not taken (the exceljs writer is). */
export class Repli {
  constructor(readonly raison: string) {}
}

const TYPES_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function attribut(balise: string, nom: string): string | undefined {
  const i = balise.indexOf(` ${nom}="`);
  if (i < 0) return undefined;
  const debut = i + nom.length + 3;
  return balise.slice(debut, balise.indexOf('"', debut));
}

/** Characters XML 1.0 cannot hold (exceljs would drop or mangle them: the patch leaves such a text to it). */
const INTERDITS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function echapper(t: string): string {
  return t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function decoderXml(t: string): string {
  return t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function dossierDe(partie: string): string {
  const i = partie.lastIndexOf("/");
  return i < 0 ? "" : partie.slice(0, i + 1);
}

function resoudre(source: string, cible: string): string {
  if (cible.startsWith("/")) return cible.slice(1);
  const pile: string[] = [];
  for (const m of `${dossierDe(source)}${cible}`.split("/")) {
    if (m === "..") pile.pop();
    else if (m !== "." && m !== "") pile.push(m);
  }
  return pile.join("/");
}

/** The modifications by sheet name and address, or the reason to leave the writing to exceljs. */
function modifications(lu: ClasseurLu, calcul: Calcul, cellules: readonly CelluleCalculee[]): Map<string, Map<string, Modification>> | Repli {
  const parFeuille = new Map<string, Map<string, Modification>>();
  const refs = new Map<FormuleLue, string | null>();
  const classeurs = new Map<string, ReturnType<ClasseurLu["classeur"]["getWorksheet"]>>();
  for (const c of cellules) {
    const f = c.formule;
    if (f.avantReparation !== undefined) return new Repli(`${c.feuille}!${f.adresse} : référence « [1]! » réparée (le lien externe part avec l'écriture par exceljs)`);
    let ref = refs.get(f);
    if (ref === undefined) {
      const taille = calcul.tailles.get(f) ?? { lignes: 1, colonnes: 1 };
      const rect: Rectangle = { haut: f.ligne, gauche: f.colonne, bas: f.ligne + taille.lignes - 1, droite: f.colonne + taille.colonnes - 1 };
      if (f.tableau) {
        if (plageA1(f.tableau) !== plageA1(rect)) return new Repli(`${c.feuille}!${f.adresse} : plage de débordement ${plageA1(f.tableau)} devenue ${plageA1(rect)}`);
        ref = plageA1(rect);
      } else {
        if (taille.lignes > 1 || taille.colonnes > 1) return new Repli(`${c.feuille}!${f.adresse} : résultat matriciel sans plage enregistrée`);
        ref = null;
      }
      refs.set(f, ref);
    }
    const ancre = c.ligne === f.ligne && c.colonne === f.colonne;
    const v = c.valeur;
    if (typeof v === "number" && !Number.isFinite(v)) return new Repli(`${c.feuille}!${c.adresse} : nombre non fini`);
    if (typeof v === "string" && INTERDITS.test(v)) return new Repli(`${c.feuille}!${c.adresse} : texte avec des caractères que le XML n'admet pas`);
    // A spill cell's text is written as an inline string (exceljs decodes a "str" value's entities twice, never an
    // inline one); an empty one would read back as a blank cell, where the exceljs writer stores an empty shared string.
    if (v === "" && !(c.ligne === f.ligne && c.colonne === f.colonne)) return new Repli(`${c.feuille}!${c.adresse} : texte vide dans une plage de débordement`);
    let texte: string | null = null;
    let dynamique = false;
    if (ancre) {
      texte = texteReecrit(f);
      if (texte !== null && INTERDITS.test(texte)) return new Repli(`${c.feuille}!${c.adresse} : formule avec des caractères que le XML n'admet pas`);
      if (f.orthographe !== null) {
        let ws = classeurs.get(f.feuille);
        if (ws === undefined) classeurs.set(f.feuille, (ws = lu.classeur.getWorksheet(f.feuille)));
        const modele = ws?.findCell(f.ligne, f.colonne)?.value as { shareType?: string } | null | undefined;
        dynamique = modele?.shareType === "array";
      }
    }
    let feuille = parFeuille.get(c.feuille);
    if (!feuille) parFeuille.set(c.feuille, (feuille = new Map()));
    if (feuille.has(c.adresse)) return new Repli(`${c.feuille}!${c.adresse} : cellule calculée deux fois (débordements qui se chevauchent)`);
    feuille.set(c.adresse, { valeur: v, ancre, texte, ref: ancre ? ref : null, dynamique });
  }
  return parFeuille;
}

/** `t` and `<v>` of a formula's result, as exceljs's cell-xform renderFormula writes them. */
function resultatFormule(v: ValeurCalculee): { t: string; v: string } {
  if (v === null) return { t: "", v: "" };
  if (estErreur(v)) return { t: ' t="e"', v: `<v>${echapper(v.erreur)}</v>` };
  if (typeof v === "boolean") return { t: ' t="b"', v: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === "number") return { t: "", v: `<v>${String(v)}</v>` };
  return { t: ' t="str"', v: `<v>${echapper(v)}</v>` };
}

/** A plain cell's value (a spill range's cell): as a formula's result, but a text is an inline string. */
function valeurSimple(v: ValeurCalculee): { t: string; contenu: string } {
  if (typeof v !== "string") {
    const r = resultatFormule(v);
    return { t: r.t, contenu: r.v };
  }
  const espace = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return { t: ' t="inlineStr"', contenu: `<is><t${espace}>${echapper(v)}</t></is>` };
}

const FORMULE = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALEUR = /<v>[^<]*<\/v>|<v\/>/;

/** The new XML of one cell (`attributs` as in the file, with their leading space), or the reason not to. */
function cellule(adresse: string, attributs: string, interieur: string, m: Modification): string | Repli {
  // The type where the file had it (a cell whose value did not change keeps its octets), else last.
  const avecType = (t: string) => (/\st="[^"]*"/.test(attributs) ? attributs.replace(/\st="[^"]*"/, t) : attributs + t);
  if (!m.ancre) {
    const reste = interieur.replace(VALEUR, "").replace(/<is>[\s\S]*?<\/is>/, "");
    if (reste.trim() !== "") return new Repli(`${adresse} : cellule de débordement avec autre chose qu'une valeur`);
    const { t, contenu: c } = valeurSimple(m.valeur);
    return c === "" ? `<c${avecType("")}/>` : `<c${avecType(t)}>${c}</c>`;
  }
  const f = FORMULE.exec(interieur);
  if (!f) return new Repli(`${adresse} : formule absente du XML de la feuille`);
  const reste = interieur.replace(f[0], "").replace(VALEUR, "");
  if (reste.trim() !== "") return new Repli(`${adresse} : élément inattendu dans la cellule`);
  const type = attribut(f[1], "t");
  if (type !== undefined && type !== "normal" && type !== "array" && type !== "shared") return new Repli(`${adresse} : formule de type « ${type} »`);
  if (type === "shared" && m.texte !== null) return new Repli(`${adresse} : formule partagée dont le texte change`);
  if (type === "array" ? attribut(f[1], "ref") !== (m.ref ?? adresse) : m.ref !== null) return new Repli(`${adresse} : plage de la formule matricielle différente de celle lue`);
  if (m.dynamique && attribut(attributs, "cm") === undefined) return new Repli(`${adresse} : tableau dynamique sans attribut cm`);
  const formule = m.texte === null ? f[0] : `<f${f[1]}>${echapper(m.texte)}</f>`;
  const { t, v } = resultatFormule(m.valeur);
  return `<c${avecType(t)}>${formule}${v}</c>`;
}

/** The sheet's XML with its computed cells rewritten, or the reason not to. */
export function retoucherFeuille(xml: string, modifs: ReadonlyMap<string, Modification>): string | Repli {
  const debut = xml.indexOf("<sheetData>");
  const fin = xml.indexOf("</sheetData>");
  if (debut < 0 || fin < debut) return new Repli("feuille sans <sheetData> (ou préfixée)");
  const morceaux: string[] = [];
  let copie = 0;
  const vues = new Set<string>();
  const balise = /<c\b([^>]*?)(\/?)>/g;
  balise.lastIndex = debut;
  for (let m = balise.exec(xml); m !== null && m.index < fin; m = balise.exec(xml)) {
    const adresse = attribut(m[1], "r");
    if (adresse === undefined) return new Repli("cellule sans adresse (attribut r)");
    const modif = modifs.get(adresse);
    if (modif === undefined) continue;
    if (m[1].includes("'")) return new Repli(`${adresse} : attributs entre apostrophes`);
    if (vues.has(adresse)) return new Repli(`${adresse} : cellule écrite deux fois dans la feuille`);
    vues.add(adresse);
    let interieur = "";
    let apres = balise.lastIndex;
    if (m[2] !== "/") {
      const k = xml.indexOf("</c>", apres);
      if (k < 0 || k > fin) return new Repli(`${adresse} : cellule non fermée`);
      interieur = xml.slice(apres, k);
      apres = k + 4;
      balise.lastIndex = apres;
    }
    const nouvelle = cellule(adresse, m[1], interieur, modif);
    if (nouvelle instanceof Repli) return nouvelle;
    morceaux.push(xml.slice(copie, m.index), nouvelle);
    copie = apres;
  }
  for (const [adresse, m] of modifs) {
    // A blank spill cell the file does not hold stays blank: exceljs would write nothing either.
    if (!vues.has(adresse) && (m.ancre || m.valeur !== null)) return new Repli(`${adresse} : cellule calculée absente du XML de la feuille`);
  }
  morceaux.push(xml.slice(copie));
  return morceaux.join("");
}

/** Sheet name → part, from workbook.xml and its relationships. */
function partiesDesFeuilles(classeur: string, relations: string): Map<string, string> {
  const cibles = new Map<string, string>();
  for (const m of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribut(m[0], "Id");
    const cible = attribut(m[0], "Target");
    if (id !== undefined && cible !== undefined && attribut(m[0], "TargetMode") !== "External") cibles.set(id, resoudre("xl/workbook.xml", cible));
  }
  const parties = new Map<string, string>();
  for (const m of classeur.matchAll(/<sheet\b[^>]*>/g)) {
    const nom = attribut(m[0], "name");
    const id = attribut(m[0], "r:id");
    const partie = id !== undefined ? cibles.get(id) : undefined;
    if (nom !== undefined && partie !== undefined) parties.set(decoderXml(nom), partie);
  }
  return parties;
}

function utf8(octets: Buffer): string | null {
  // A BOM or an encoding other than UTF-8 declared: left to exceljs.
  if (octets[0] === 0xef || octets[0] === 0xfe || octets[0] === 0xff) return null;
  const debut = octets.subarray(0, 100).toString("latin1");
  const encodage = /^<\?xml[^>]*encoding="([^"]*)"/.exec(debut)?.[1];
  if (encodage !== undefined && encodage.toLowerCase() !== "utf-8") return null;
  return octets.toString("utf8");
}

/**
 * The output archive, patched from the input, or the reason to let exceljs write it (Repli). Reads
 * what it needs of `lu` (octets, formulas, the exceljs cells of dynamic arrays) and keeps nothing of
 * it: the caller can free the workbook before compressing.
 */
export function preparerRetouche(lu: ClasseurLu, calcul: Calcul, cellules: readonly CelluleCalculee[]): Retouche | Repli {
  const modifs = modifications(lu, calcul, cellules);
  if (modifs instanceof Repli) return modifs;
  let liste: Entree[];
  try {
    liste = entrees(lu.octets, lu.chemin);
  } catch {
    return new Repli("archive zip illisible");
  }
  const parNom = new Map<string, Entree>();
  for (const e of liste) {
    if (parNom.has(e.nom)) return new Repli(`entrée « ${e.nom} » en double dans l'archive`);
    parNom.set(e.nom, e);
  }
  const texteDe = (nom: string): string | null => {
    const e = parNom.get(nom);
    const o = e ? contenu(lu.octets, e) : null;
    return o ? utf8(o) : null;
  };
  const classeur = texteDe("xl/workbook.xml");
  const relations = texteDe("xl/_rels/workbook.xml.rels");
  if (classeur === null || relations === null) return new Repli("xl/workbook.xml ou ses relations illisibles à cet endroit");
  // exceljs drops external links (fidelite.ts does not restore them): the patch would keep them.
  if (relations.includes(`${TYPES_RELATIONS}/externalLink"`) || /<externalReference\b/.test(classeur)) return new Repli("liens vers d'autres classeurs (externalLink)");
  const parties = partiesDesFeuilles(classeur, relations);
  const nouvelles = new Map<string, Buffer>();
  for (const [feuille, m] of modifs) {
    const partie = parties.get(feuille);
    const e = partie !== undefined ? parNom.get(partie) : undefined;
    if (partie === undefined || e === undefined) return new Repli(`feuille « ${feuille} » introuvable dans l'archive`);
    const o = contenu(lu.octets, e);
    const xml = o ? utf8(o) : null;
    if (xml === null) return new Repli(`feuille « ${feuille} » : XML illisible ou non UTF-8`);
    const retouchee = retoucherFeuille(xml, m);
    if (retouchee instanceof Repli) return new Repli(`feuille « ${feuille} », ${retouchee.raison}`);
    nouvelles.set(partie, Buffer.from(retouchee, "utf8"));
  }
  const sortie: Retouche["parties"] = [];
  for (const e of liste) {
    const octets = nouvelles.get(e.nom) ?? (e.nom.endsWith("/") ? Buffer.alloc(0) : contenu(lu.octets, e));
    if (octets === null) return new Repli(`entrée « ${e.nom} » illisible`);
    sortie.push({ nom: e.nom, date: e.modifie, octets });
  }
  return { parties: sortie, retouchees: [...nouvelles.keys()] };
}

/** The archive's octets: every part in the input's order, compressed by Node's zlib (yazl), as fidelite.ts does. */
export async function archiveRetouchee(r: Retouche): Promise<Buffer> {
  const zip = new ZipFile();
  for (const p of r.parties) {
    if (p.nom.endsWith("/")) zip.addEmptyDirectory(p.nom, { mtime: p.date });
    else zip.addBuffer(p.octets, p.nom, { mtime: p.date, compress: true });
  }
  zip.end();
  const morceaux: Buffer[] = [];
  for await (const m of zip.outputStream) morceaux.push(m as Buffer);
  return Buffer.concat(morceaux);
}

/** Forces the exceljs writer (`CNC_RGA_ECRITURE=exceljs`): a way around the patch, and its A/B in the benchmark. */
export const VARIABLE_ECRITURE = "CNC_RGA_ECRITURE";

/** What `calculer` writes: the patched archive, or the exceljs workbook with the values put in it (and why). */
export type Ecriture =
  | { chemin: string; retouche: Retouche }
  | { chemin: string; classeur: ClasseurAEcrire; raison: string };

/**
 * Chooses the writer: the patch when it says exactly what the exceljs writer would, else the values
 * put in the exceljs workbook (poserResultats). Keeps of `lu` only what that writer needs.
 */
export function preparerEcriture(lu: ClasseurLu, calcul: Calcul, cellules: readonly CelluleCalculee[], env: NodeJS.ProcessEnv = process.env): Ecriture {
  const r = env[VARIABLE_ECRITURE]?.trim().toLowerCase() === "exceljs" ? new Repli(`${VARIABLE_ECRITURE}=exceljs`) : preparerRetouche(lu, calcul, cellules);
  if (!(r instanceof Repli)) return { chemin: lu.chemin, retouche: r };
  poserResultats(lu, calcul, cellules);
  return { chemin: lu.chemin, classeur: aEcrire(lu), raison: r.raison };
}

/** Saves what preparerEcriture chose to `sortie` (temporary file and rename; never over the input). */
export async function enregistrerEcriture(e: Ecriture, sortie: string): Promise<void> {
  if ("retouche" in e) {
    const r = e.retouche;
    await ecrireSansRisque(e.chemin, sortie, () => archiveRetouchee(r));
  } else await enregistrer(e.classeur, sortie);
}
