/**
 * Pure view: a verdict in, the DOM of the summary out (no Office, no I/O). At the top, the answer
 * (./synthese): the three sections' statuses side by side and the one figure to act on. Below, one
 * card per section — apport initial, liste des œuvres de référence, majoration — whose header says
 * its status and what is missing in euros, and whose details (collapsed until clicked, then
 * remembered) give its figures and every condition with ✓ ✗ ? –, failing and incomplete ones
 * first: expected and found values, the shortfall, the French message, any warning, the fields to
 * fill by their French labels, and the article linked to Légifrance.
 */
import { ecartAuCentime, euros, eurosMin, pourcent, type Condition, type Decimal, type Section, type Verdict } from "../../rules";
import { alineaTexte, ecartTexte, LIBELLES_STATUT, SYMBOLES, valeurTexte } from "../../render/texte";
import { urlArticle } from "../legifrance";
import { ecartAAjouter, parGravite, TITRES, type CleSection } from "./action";
import { el } from "./dom";
import { libelleChamp, messageEnFrancais, uniteAffichee } from "./libelles";
import { estOuverte, memoriserOuverture } from "./replis";
import { vueSynthese, type ContexteSynthese } from "./synthese";

export interface ContexteVerdict extends ContexteSynthese {
  /** Notices about the reading (source, ignored labels), shown under the summary. */
  avis?: HTMLElement[];
}

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
  const unite = uniteAffichee(c);
  // Only a shortfall is shown: a passing line has nothing missing ("Écart 0,00 €" said nothing).
  const manque = c.statut === "non_conforme" && c.ecart !== null && c.ecart.greaterThan(0) && unite !== null;
  const valeurs = applicable
    ? el("dl", { class: "valeurs" },
      paire("Attendu", valeurTexte(c.attendu, unite), { "data-role": "attendu" }),
      paire("Constaté", valeurTexte(c.constate, unite), { "data-role": "constate" }),
      manque && paire("Manque", ecartTexte(c.ecart as Decimal, unite), { class: "ecart positif", "data-role": "ecart" }))
    : null;
  const manquants = c.manquants?.length
    ? el("p", { class: "manquants", "data-role": "manquants" }, `À renseigner : ${c.manquants.map(libelleChamp).join(", ")}`)
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
      el("p", { class: "texte", "data-role": "message" }, messageEnFrancais(c.message)),
      c.avertissement && el("p", { class: "avertissement", "data-role": "avertissement" }, `⚠ ${messageEnFrancais(c.avertissement)}`),
      manquants));
}

function chiffres(lignes: [string, string | null][]): HTMLElement | null {
  const utiles = lignes.filter((l): l is [string, string] => l[1] !== null);
  if (!utiles.length) return null;
  return el("dl", { class: "chiffres", "data-role": "chiffres" }, ...utiles.flatMap(([t, v]) => [el("dt", {}, t), el("dd", {}, v)]));
}

function montant(d: Decimal | null): string | null {
  return d === null ? null : euros(d);
}

/** A minimum to reach, rounded up to the cent (DOMAIN.md); none set by the text (null or 0 €): "—", not "0,00 €". */
function minimum(d: Decimal | null, connu = true): string | null {
  if (d === null) return connu ? "—" : null;
  return d.isZero() ? "—" : eurosMin(d);
}

function taux(t: Decimal | null, article: string | null): string | null {
  return t === null ? null : `${pourcent(t)}${article ? ` (art. ${article})` : ""}`;
}

function compteConditions(s: Section): string {
  const n = s.conditions.length;
  const echecs = s.conditions.filter((c) => c.statut === "non_conforme").length;
  const aRenseigner = s.conditions.filter((c) => c.statut === "incomplet").length;
  const details = [echecs ? `${echecs} non remplie${echecs > 1 ? "s" : ""}` : null, aRenseigner ? `${aRenseigner} à compléter` : null].filter(Boolean).join(", ");
  return `${n} condition${n > 1 ? "s" : ""}${details ? ` dont ${details}` : ""}`;
}

function vueSection(cle: CleSection, s: Section, regime: string | null, figures: HTMLElement | null): HTMLElement {
  const ecart = ecartAAjouter(s);
  const arts = articles(s, regime);
  const details = el("details", { class: "details-section", "data-role": "details" },
    el("summary", { class: "section-entete", "data-role": "entete" },
      el("div", { class: "section-ligne" },
        el("span", { class: `symbole-titre ${s.statut}`, "aria-hidden": "true" }, SYMBOLES[s.statut]),
        el("h2", {}, TITRES[cle]),
        badge(s.statut)),
      ecart !== null && el("span", { class: "manque-section", "data-role": "manque" }, `Il manque ${euros(ecartAuCentime(ecart))}`),
      el("div", { class: "section-sous-titre" },
        arts.length ? el("span", { class: "articles" }, `art. ${arts.join(", ")}`) : null,
        s.conditions.length ? el("span", { class: "compte", "data-role": "compte" }, compteConditions(s)) : null)),
    el("div", { class: "section-corps", "data-role": "corps" },
      s.motif && el("p", { class: "motif", "data-role": "motif" }, messageEnFrancais(s.motif)),
      s.avertissement && el("p", { class: "avertissement", "data-role": "avertissement" }, `⚠ ${messageEnFrancais(s.avertissement)}`),
      figures,
      s.conditions.length ? el("ul", { class: "conditions" }, ...parGravite(s.conditions).map(vueCondition)) : null));
  (details as HTMLDetailsElement).open = estOuverte(cle);
  details.addEventListener("toggle", () => memoriserOuverture(cle, (details as HTMLDetailsElement).open));
  return el("fluent-card", { class: "section", id: `section-${cle}`, "data-section": cle, "data-statut": s.statut },
    el("section", { "aria-label": TITRES[cle] }, details));
}

/** The whole summary of one verdict: the answer first, then the details of each section. */
export function vueVerdict(v: Verdict, contexte: ContexteVerdict): HTMLElement {
  const a = v.apportInitial;
  const r = v.listeReference;
  const m = v.majoration;
  return el("div", { class: "resume", "data-version": v.version ?? "" },
    vueSynthese(v, contexte),
    ...(contexte.avis ?? []),
    el("p", { class: "titre-details" }, "Détail par section"),
    vueSection("apportInitial", a, a.regime, chiffres([
      ["Base", montant(a.base)],
      ["Taux", taux(a.taux, a.tauxArticle)],
      ["Apport minimum", a.apportMinimum === null ? null : eurosMin(a.apportMinimum)],
      ["Minimum avec vos préventes", a.apportMinimumAvecPreventes !== null && a.apportMinimum !== null && !a.apportMinimumAvecPreventes.equals(a.apportMinimum) ? euros(a.apportMinimumAvecPreventes) : null],
      ["Numéraire minimum", minimum(a.numeraireMinimum, a.base !== null || a.heures !== null)],
    ])),
    vueSection("listeReference", r, null, chiffres([
      ["Taux", taux(r.taux, r.tauxArticle)],
      ["Apport minimum", montant(r.apportMinimum)],
    ])),
    // While the majoration is incomplete its rate is not known yet: "—", not a refusal at 0 %.
    vueSection("majoration", m, null, chiffres([
      ["Taux de majoration", m.statut === "incomplet" ? "—" : pourcent(m.taux)],
      ["Montant de la majoration", m.statut === "incomplet" && m.montant !== null ? "—" : montant(m.montant)],
    ])));
}
