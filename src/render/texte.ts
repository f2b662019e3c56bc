/**
 * The verdict for a person: one line per condition with ✓ ✗ ? –, the article, the expected and
 * found values, and what is missing in euros (DOSSIER.md, "Without --json"). Used by the CLI and by
 * the task pane's "Copier le résumé".
 */
import { dateLongue, euros, eurosMin, manqueEuros, nombre, pourcent, type Condition, type Section, type Statut, type Valeur, type Verdict, Decimal } from "../rules";

export const SYMBOLES: Record<Statut, string> = { conforme: "✓", non_conforme: "✗", incomplet: "?", non_applicable: "–" };
export const LIBELLES_STATUT: Record<Statut, string> = { conforme: "conforme", non_conforme: "non conforme", incomplet: "incomplet", non_applicable: "non applicable" };

export function alineaTexte(alinea: number | string): string {
  return typeof alinea === "number" ? `al. ${alinea}` : alinea;
}

export function valeurTexte(v: Valeur, unite: Condition["unite"]): string {
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (typeof v === "string") return v;
  switch (unite) {
    case "points": return `${nombre(v)} pts`;
    case "minutes": return `${nombre(v)} min`;
    case "mois": return `${nombre(v)} mois`;
    case "jours": return `${nombre(v)} j`;
    default: return euros(v);
  }
}

/** A gap: like valeurTexte, but a shortfall under half a cent is not shown as "0,00 €". */
export function ecartTexte(ecart: Decimal, unite: Condition["unite"]): string {
  return unite === "euros" ? manqueEuros(ecart) : valeurTexte(ecart, unite);
}

/** An expected amount is a minimum to reach: rounded up to the cent (DOMAIN.md). */
function attenduTexte(c: Condition): string {
  return c.attendu instanceof Decimal && c.unite === "euros" ? eurosMin(c.attendu) : valeurTexte(c.attendu, c.unite);
}

/** "d'apport initial", "de numéraire": what the section's gap is added to. */
const LEVIERS: Partial<Record<string, string>> = {
  apportInitial: "d'apport initial", apportNumeraireTelevision: "de numéraire des éditeurs de télévision",
  apportNumeraireSmad: "de numéraire des éditeurs SMAD", depensesFrance: "de dépenses en France", depensesFrancePostes: "de dépenses en France sur les postes",
};

/** The words after "il manque X": the lever, and the cash when the gap must be paid in cash. */
export function levierTexte(s: Section): string {
  const l = s.levier ?? [];
  if (l.length === 0) return "";
  if (l.length === 1) return ` ${LEVIERS[l[0]] ?? ""}`.trimEnd();
  if (l[0] === "apportInitial") return ` d'apport initial, en numéraire (${(LEVIERS[l[1]] ?? "").replace(/^de /, "")})`;
  return ` ${LEVIERS[l[0]] ?? ""}`.trimEnd();
}

function ligneCondition(c: Condition): string[] {
  const ecart = c.ecart === null || c.ecart.isZero() ? "" : `   manque ${ecartTexte(c.ecart, c.unite)}`;
  const chiffres = c.statut === "non_applicable" ? "" : `   attendu ${attenduTexte(c)} · constaté ${valeurTexte(c.constate, c.unite)}${ecart}`;
  const lignes = [`  ${SYMBOLES[c.statut]} ${c.code.padEnd(3)} ${`art. ${c.article} ${alineaTexte(c.alinea)}`.padEnd(24)} ${c.libelle}${chiffres}`, `        ${c.message}`];
  if (c.avertissement) lignes.push(`        ⚠ ${c.avertissement}`);
  if (c.manquants?.length) lignes.push(`        À renseigner : ${c.manquants.join(", ")}`);
  return lignes;
}

function entete(titre: string, s: Section, detail: string): string[] {
  const autre = s.autreLevier ? `, ou ${manqueEuros(s.autreLevier.ecart)} de préventes internationales de plus` : "";
  const ecart = s.statut === "non_conforme" && s.ecart !== null && !s.ecart.isZero() ? ` — il manque ${manqueEuros(s.ecart)}${levierTexte(s)}${autre}` : "";
  const lignes = [`${SYMBOLES[s.statut]} ${titre} : ${LIBELLES_STATUT[s.statut].toUpperCase()}${ecart}${detail ? `  (${detail})` : ""}`];
  if (s.motif) lignes.push(`    ${s.motif}`);
  if (s.avertissement) lignes.push(`    ⚠ ${s.avertissement}`);
  return lignes;
}

function taux(t: Decimal | null, article: string | null): string {
  return t === null ? "" : `taux ${pourcent(t)}${article ? `, art. ${article}` : ""}`;
}

export function rapportTexte(v: Verdict): string {
  const a = v.apportInitial;
  const titre = v.titre ? `« ${v.titre} »` : "Dossier sans titre";
  const version = v.version ? `RGA version ${v.version}` : "aucune version du RGA applicable";
  const lignes: string[] = [`${titre} — ${version}, demande du ${dateLongue(v.dateReference)}`];
  const chiffres = [
    a.base !== null ? `base ${euros(a.base)}` : null,
    taux(a.taux, a.tauxArticle) || null,
    a.apportMinimum !== null ? `apport minimum ${eurosMin(a.apportMinimum)}` : null,
    a.base !== null || a.numeraireMinimum !== null ? `numéraire minimum ${a.numeraireMinimum !== null ? eurosMin(a.numeraireMinimum) : "—"}` : null,
  ].filter(Boolean).join(", ");
  lignes.push(...entete(`Apport initial${a.regime ? ` (art. ${a.regime})` : ""}`, a, chiffres));
  for (const c of a.conditions) lignes.push(...ligneCondition(c));
  const r = v.listeReference;
  lignes.push(...entete("Liste des œuvres de référence", r, taux(r.taux, r.tauxArticle)));
  for (const c of r.conditions) lignes.push(...ligneCondition(c));
  const m = v.majoration;
  const montant = m.montant !== null ? `, montant ${euros(m.montant)}` : "";
  lignes.push(...entete("Majoration de 25 %", m, `taux ${pourcent(m.taux)}${montant}`));
  for (const c of m.conditions) lignes.push(...ligneCondition(c));
  return lignes.join("\n");
}
