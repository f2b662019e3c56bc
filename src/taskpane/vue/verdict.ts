/**
 * Pure view: a verdict in, the DOM of the summary out (no Office, no I/O). Three sections — apport
 * initial, liste des œuvres de référence, majoration — each with its status, what is missing in
 * euros, its figures, and every condition with ✓ ✗ ? –, expected and found values, the gap, the
 * French message, any warning, and its article linked to Légifrance.
 */
import { definition } from "../../dossier";
import { dateLongue, euros, manqueEuros, pourcent, type Condition, type Decimal, type Section, type Verdict } from "../../rules";
import { alineaTexte, ecartTexte, LIBELLES_STATUT, SYMBOLES, valeurTexte } from "../../render/texte";
import { urlArticle } from "../legifrance";
import { el, type Enfant } from "./dom";

export interface ContexteVerdict {
  /** The dossier had no dateDemande: the version was picked with today's date. */
  sansDateDemande: boolean;
}

type CleSection = "apportInitial" | "listeReference" | "majoration";

const TITRES: Record<CleSection, string> = {
  apportInitial: "Apport initial",
  listeReference: "Liste des œuvres de référence",
  majoration: "Majoration de 25 %",
};

function majuscule(texte: string): string {
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}

/** The articles a section applies, in the order its conditions cite them. */
function articles(s: Section, regime: string | null): string[] {
  const vus = regime ? [regime] : [];
  for (const c of s.conditions) if (!vus.includes(c.article)) vus.push(c.article);
  return vus;
}

/**
 * The status pill. Not fluent-badge: its template binds a `style` attribute, which the page's CSP
 * (no inline styles) reports; a span with the same look says the same thing.
 */
function badge(statut: Condition["statut"]): HTMLElement {
  return el("span", { class: `badge ${statut}`, "data-role": "statut" }, majuscule(LIBELLES_STATUT[statut]));
}

function lienArticle(c: Condition): HTMLElement {
  const texte = `art. ${c.article} ${alineaTexte(c.alinea)}`;
  const url = urlArticle(c.article);
  if (url === null) return el("span", { class: "article" }, texte);
  return el("span", { class: "article" },
    el("fluent-anchor", {
      appearance: "hypertext", href: url, target: "_blank", rel: "noopener noreferrer",
      title: `Lire l'article ${c.article} du RGA sur Légifrance (nouvelle fenêtre)`, "data-role": "article",
    }, texte));
}

function paire(terme: string, valeur: string, attributs: Record<string, string | undefined> = {}): HTMLElement {
  return el("div", attributs, el("dt", {}, terme), el("dd", {}, valeur));
}

function vueCondition(c: Condition, index: number): HTMLElement {
  const applicable = c.statut !== "non_applicable";
  // A yes/no condition has no gap to show (its ecart is 0 or null, without a unit).
  const ecartPositif = c.ecart !== null && !c.ecart.isZero();
  const valeurs = applicable
    ? el("dl", { class: "valeurs" },
      paire("Attendu", valeurTexte(c.attendu, c.unite), { "data-role": "attendu" }),
      paire("Constaté", valeurTexte(c.constate, c.unite), { "data-role": "constate" }),
      c.ecart !== null && c.unite !== null && paire(ecartPositif ? "Manque" : "Écart", ecartTexte(c.ecart, c.unite), { class: `ecart${ecartPositif ? " positif" : ""}`, "data-role": "ecart" }))
    : null;
  const manquants = c.manquants?.length
    ? el("p", { class: "manquants", "data-role": "manquants" },
      `À renseigner : ${c.manquants.map((m) => `${definition(m)?.libelle ?? m} (${m})`).join(", ")}`)
    : null;
  return el("li", { class: "condition", "data-code": c.code, "data-index": String(index), "data-statut": c.statut, "data-article": c.article },
    el("div", { class: "condition-entete" },
      el("span", { class: `symbole ${c.statut}`, role: "img", "aria-label": LIBELLES_STATUT[c.statut], "data-role": "symbole" }, SYMBOLES[c.statut]),
      el("div", { class: "condition-titre" },
        el("span", { class: "code" }, c.code),
        el("span", { class: "libelle" }, c.libelle),
        lienArticle(c))),
    el("div", { class: "condition-corps" },
      valeurs,
      el("p", { class: "texte", "data-role": "message" }, c.message),
      c.avertissement && el("p", { class: "avertissement", "data-role": "avertissement" }, `⚠ ${c.avertissement}`),
      manquants));
}

function chiffres(lignes: [string, string | null][]): HTMLElement | null {
  const utiles = lignes.filter((l): l is [string, string] => l[1] !== null);
  if (!utiles.length) return null;
  return el("dl", { class: "chiffres" }, ...utiles.flatMap(([t, v]) => [el("dt", {}, t), el("dd", {}, v)]));
}

function montant(d: Decimal | null): string | null {
  return d === null ? null : euros(d);
}

function taux(t: Decimal | null, article: string | null): string | null {
  return t === null ? null : `${pourcent(t)}${article ? ` (art. ${article})` : ""}`;
}

function vueSection(cle: CleSection, s: Section, regime: string | null, figures: HTMLElement | null): HTMLElement {
  const manque = s.statut === "non_conforme" && s.ecart !== null && !s.ecart.isZero();
  const arts = articles(s, regime);
  return el("fluent-card", { class: "section", "data-section": cle, "data-statut": s.statut },
    el("section", { "aria-label": TITRES[cle] },
      el("div", { class: "section-entete" },
        el("h2", {}, el("span", { class: `symbole-titre ${s.statut}`, "aria-hidden": "true" }, SYMBOLES[s.statut]), ` ${TITRES[cle]}`, arts.length ? el("span", { class: "articles" }, `art. ${arts.join(", ")}`) : null),
        badge(s.statut)),
      manque && el("p", { class: "manque-section", "data-role": "manque" }, `Il manque ${manqueEuros(s.ecart as Decimal)}`),
      s.motif && el("p", { class: "motif", "data-role": "motif" }, s.motif),
      s.avertissement && el("p", { class: "avertissement", "data-role": "avertissement" }, `⚠ ${s.avertissement}`),
      figures,
      s.conditions.length ? el("ul", { class: "conditions" }, ...s.conditions.map(vueCondition)) : null));
}

/** The whole summary of one verdict. */
export function vueVerdict(v: Verdict, contexte: ContexteVerdict): HTMLElement {
  const a = v.apportInitial;
  const r = v.listeReference;
  const m = v.majoration;
  const version: Enfant[] = v.version
    ? ["RGA version ", el("strong", { "data-role": "version" }, v.version)]
    : [el("strong", { "data-role": "version" }, "Aucune version du RGA applicable")];
  const date = contexte.sansDateDemande
    ? `date du jour, ${dateLongue(v.dateReference)} (aucune date de demande renseignée)`
    : `demande du ${dateLongue(v.dateReference)}`;
  return el("div", { class: "resume", "data-version": v.version ?? "" },
    el("p", { class: "resume-titre", "data-role": "titre" }, v.titre ? `« ${v.titre} »` : "Dossier sans titre"),
    el("p", { class: "resume-meta" }, ...version, " · ", el("span", { "data-role": "date" }, date)),
    vueSection("apportInitial", a, a.regime, chiffres([
      ["Base", montant(a.base)],
      ["Taux", taux(a.taux, a.tauxArticle)],
      ["Apport minimum", montant(a.apportMinimum)],
      ["Avec les préventes", a.apportMinimumAvecPreventes !== null && a.apportMinimum !== null && !a.apportMinimumAvecPreventes.equals(a.apportMinimum) ? euros(a.apportMinimumAvecPreventes) : null],
      ["Numéraire minimum", montant(a.numeraireMinimum)],
    ])),
    vueSection("listeReference", r, null, chiffres([
      ["Taux", taux(r.taux, r.tauxArticle)],
      ["Apport minimum", montant(r.apportMinimum)],
    ])),
    vueSection("majoration", m, null, chiffres([
      ["Taux de majoration", pourcent(m.taux)],
      ["Montant de la majoration", montant(m.montant)],
    ])));
}
