/**
 * A look inside the .xlsx archive before exceljs reads it, for the few things exceljs would expand
 * cell by cell without bound: a data validation or a merged range over the whole sheet
 * (`sqref="A1:XFD1048576"`: 17 billion cells) makes it allocate until the process dies, and a sheet
 * that inflates to gigabytes (a zip bomb) does the same. Such a file is refused with a French message
 * naming the sheet, before any memory is spent. Node's zlib only: the central directory of the zip is
 * read here (with its Zip64 form), each sheet inflated once, with a ceiling.
 */
import { inflateRawSync } from "zlib";
import { rectangle } from "../modele";
import { ErreurClasseur } from "./erreurs";

/** A sheet part larger than this once inflated is refused (a 100 000-row sheet is ~30 Mo of XML). */
export const XML_MAX_OCTETS = 512 * 1024 * 1024;
/**
 * Cells a sheet's data validations may cover: exceljs keeps one entry per cell (~150 octets). Whole
 * columns are common (B1:B1048576 is a million cells); a few of them pass, the whole sheet does not.
 */
export const VALIDATIONS_MAX_CELLULES = 5_000_000;
/** Cells a sheet's merged ranges may cover: exceljs creates every merged cell (~400 octets each). */
export const FUSIONS_MAX_CELLULES = 1_000_000;
/** Cells the workbook's defined names may cover: exceljs keeps one entry per cell (~350 octets). Two whole columns. */
export const NOMS_MAX_CELLULES = 2 * 1_048_576;

export interface Entree {
  nom: string;
  methode: number;
  compresse: number;
  taille: number;
  local: number;
  /** The entry's date (MS-DOS date and time of the central directory, local time). */
  modifie: Date;
}

function illisible(chemin: string, raison: string): ErreurClasseur {
  return new ErreurClasseur(`« ${chemin} » n'est pas un classeur Excel (.xlsx) lisible (${raison}).`);
}

function dateDos(jour: number, heure: number): Date {
  return new Date(1980 + (jour >> 9), ((jour >> 5) & 15) - 1, jour & 31, heure >> 11, (heure >> 5) & 63, (heure & 31) * 2);
}

/** The entries of the zip's central directory; throws ErreurClasseur when the archive is cut or malformed. */
export function entrees(octets: Buffer, chemin: string): Entree[] {
  // End of central directory: 22 octets, then a comment of up to 65 535.
  let fin = -1;
  for (let i = octets.length - 22; i >= Math.max(0, octets.length - 22 - 65_535); i--) {
    if (octets.readUInt32LE(i) === 0x06054b50) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw illisible(chemin, "archive incomplète ou tronquée : fin du répertoire zip introuvable");
  let nombre = octets.readUInt16LE(fin + 10);
  let debut = octets.readUInt32LE(fin + 16);
  if ((nombre === 0xffff || debut === 0xffffffff) && fin >= 20 && octets.readUInt32LE(fin - 20) === 0x07064b50) {
    const z64 = Number(octets.readBigUInt64LE(fin - 12));
    if (z64 + 56 > octets.length || octets.readUInt32LE(z64) !== 0x06064b50) throw illisible(chemin, "répertoire Zip64 invalide");
    nombre = Number(octets.readBigUInt64LE(z64 + 32));
    debut = Number(octets.readBigUInt64LE(z64 + 48));
  }
  const liste: Entree[] = [];
  let p = debut;
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > octets.length || octets.readUInt32LE(p) !== 0x02014b50) throw illisible(chemin, "répertoire zip incohérent");
    const longueurNom = octets.readUInt16LE(p + 28);
    const longueurExtra = octets.readUInt16LE(p + 30);
    const longueurCommentaire = octets.readUInt16LE(p + 32);
    const e: Entree = {
      nom: octets.toString("utf8", p + 46, p + 46 + longueurNom),
      methode: octets.readUInt16LE(p + 10),
      compresse: octets.readUInt32LE(p + 20),
      taille: octets.readUInt32LE(p + 24),
      local: octets.readUInt32LE(p + 42),
      modifie: dateDos(octets.readUInt16LE(p + 14), octets.readUInt16LE(p + 12)),
    };
    // Zip64 extra field: the 64-bit values, in this order, for those saturated above.
    for (let x = p + 46 + longueurNom; x + 4 <= p + 46 + longueurNom + longueurExtra && x + 4 <= octets.length;) {
      const id = octets.readUInt16LE(x);
      const taille = octets.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const lire = () => {
          if (q + 8 > octets.length) throw illisible(chemin, "champ Zip64 tronqué");
          const v = Number(octets.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (e.taille === 0xffffffff) e.taille = lire();
        if (e.compresse === 0xffffffff) e.compresse = lire();
        if (e.local === 0xffffffff) e.local = lire();
      }
      x += 4 + taille;
    }
    liste.push(e);
    p += 46 + longueurNom + longueurExtra + longueurCommentaire;
  }
  return liste;
}

/** The inflated text of an entry, or null when exceljs will not be able to read it either (it then says so). */
function texte(octets: Buffer, e: Entree, chemin: string): string | null {
  if (e.local + 30 > octets.length || octets.readUInt32LE(e.local) !== 0x04034b50) return null;
  const donnees = e.local + 30 + octets.readUInt16LE(e.local + 26) + octets.readUInt16LE(e.local + 28);
  const brut = octets.subarray(donnees, Math.min(octets.length, donnees + e.compresse));
  if (e.methode === 0) return brut.toString("utf8");
  if (e.methode !== 8) return null;
  try {
    return inflateRawSync(brut, { maxOutputLength: XML_MAX_OCTETS }).toString("utf8");
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new ErreurClasseur(`« ${chemin} » : la partie « ${e.nom} » dépasse ${XML_MAX_OCTETS / 1048576} Mo une fois décompressée ; ce n'est pas un plan de financement que l'outil peut lire.`);
    }
    return null;
  }
}

/**
 * The inflated octets of an entry (stored or deflated), or null when they cannot be read: the
 * writer that patches the input archive (retouche.ts) then leaves the work to exceljs.
 */
export function contenu(octets: Buffer, e: Entree): Buffer | null {
  if (e.local + 30 > octets.length || octets.readUInt32LE(e.local) !== 0x04034b50) return null;
  const donnees = e.local + 30 + octets.readUInt16LE(e.local + 26) + octets.readUInt16LE(e.local + 28);
  if (donnees + e.compresse > octets.length) return null;
  const brut = octets.subarray(donnees, donnees + e.compresse);
  try {
    const sortie = e.methode === 0 ? Buffer.from(brut) : e.methode === 8 ? inflateRawSync(brut, { maxOutputLength: XML_MAX_OCTETS }) : null;
    return sortie !== null && sortie.length === e.taille ? sortie : null;
  } catch {
    return null;
  }
}

/** Cells covered by a list of references ("A1:B3 D4"); a reference that does not parse counts for nothing. */
function cellules(references: string): number {
  let n = 0;
  for (const ref of references.trim().split(/\s+/)) {
    try {
      const r = rectangle(ref);
      n += (r.bas - r.haut + 1) * (r.droite - r.gauche + 1);
    } catch {
      // exceljs skips what it cannot read as a range
    }
  }
  return n;
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships; empty when they cannot be read. */
function nomsDesFeuilles(octets: Buffer, parNom: Map<string, Entree>, chemin: string): Map<string, string> {
  const noms = new Map<string, string>();
  const classeur = parNom.get("xl/workbook.xml");
  const liens = parNom.get("xl/_rels/workbook.xml.rels");
  if (!classeur || !liens) return noms;
  const xmlClasseur = texte(octets, classeur, chemin) ?? "";
  const xmlLiens = texte(octets, liens, chemin) ?? "";
  const cibles = new Map<string, string>();
  for (const m of xmlLiens.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const cible = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && cible) cibles.set(id, cible.startsWith("/") ? cible.slice(1) : `xl/${cible}`);
  }
  for (const m of xmlClasseur.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const nom = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const cible = id ? cibles.get(id) : undefined;
    if (nom && cible) noms.set(cible, nom.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return noms;
}

/** Cells covered by the A1 ranges written in a defined name's formula. */
function cellulesDuNom(formule: string): number {
  let n = 0;
  for (const m of formule.matchAll(/\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+/g)) n += cellules(m[0]);
  return n;
}

/** Refuses defined names over too many cells, naming the largest. */
function verifierNoms(octets: Buffer, parNom: Map<string, Entree>, chemin: string): void {
  const classeur = parNom.get("xl/workbook.xml");
  const xml = classeur ? texte(octets, classeur, chemin) : null;
  if (!xml) return;
  let total = 0;
  let plusGrand = { nom: "", cellules: 0 };
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)) {
    // A print area or print titles: exceljs keeps them as text on the sheet's page setup, never cell by cell.
    if (/\bname="_xlnm\.Print_(?:Area|Titles)"/i.test(m[1])) continue;
    const c = cellulesDuNom(m[2]);
    total += c;
    if (c > plusGrand.cellules) plusGrand = { nom: /\bname="([^"]*)"/.exec(m[1])?.[1] ?? "?", cellules: c };
  }
  if (total > NOMS_MAX_CELLULES) {
    throw new ErreurClasseur(`« ${chemin} » : les noms définis couvrent ${total.toLocaleString("fr-FR")} cellules (le plus grand, « ${plusGrand.nom} », ${plusGrand.cellules.toLocaleString("fr-FR")}) ; au-delà de ${NOMS_MAX_CELLULES.toLocaleString("fr-FR")}, le classeur ne peut pas être lu sans épuiser la mémoire. Limitez-les aux cellules utiles (Formules › Gestionnaire de noms).`);
  }
}

/**
 * Refuses, before exceljs reads it, an archive that would exhaust memory: a sheet over
 * XML_MAX_OCTETS once inflated, data validations, merged ranges or defined names over too many cells.
 */
export function verifierArchive(octets: Buffer, chemin: string): void {
  const liste = entrees(octets, chemin);
  const parNom = new Map(liste.map((e) => [e.nom, e]));
  verifierNoms(octets, parNom, chemin);
  const feuilles = liste.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.nom));
  if (feuilles.length === 0) return;
  const noms = nomsDesFeuilles(octets, parNom, chemin);
  for (const e of feuilles) {
    const xml = texte(octets, e, chemin);
    if (xml === null) continue;
    const feuille = noms.has(e.nom) ? `la feuille « ${noms.get(e.nom)} »` : `la partie « ${e.nom} »`;
    let validations = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref="([^"]*)"/g)) validations += cellules(m[1]);
    if (validations > VALIDATIONS_MAX_CELLULES) {
      throw new ErreurClasseur(`« ${chemin} » : dans ${feuille}, les validations de données (listes déroulantes, contrôles de saisie) couvrent ${validations.toLocaleString("fr-FR")} cellules ; au-delà de ${VALIDATIONS_MAX_CELLULES.toLocaleString("fr-FR")}, le classeur ne peut pas être lu sans épuiser la mémoire. Limitez-les aux cellules utiles (Données › Validation des données).`);
    }
    let fusions = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g)) fusions += cellules(m[1]);
    if (fusions > FUSIONS_MAX_CELLULES) {
      throw new ErreurClasseur(`« ${chemin} » : dans ${feuille}, les cellules fusionnées couvrent ${fusions.toLocaleString("fr-FR")} cellules ; au-delà de ${FUSIONS_MAX_CELLULES.toLocaleString("fr-FR")}, le classeur ne peut pas être lu sans épuiser la mémoire. Annulez les fusions inutiles (Accueil › Fusionner et centrer).`);
    }
  }
}
