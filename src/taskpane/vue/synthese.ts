/**
 * Pure view: the answer at the top of the pane, visible without scrolling in a 320 × 600 pane —
 * the dossier, the three sections' statuses side by side, and the one thing to do, in plain words,
 * with the section's `ecart` from the core (./action). A tile opens its section's details.
 */
import { dateLongue, type Decimal, type Verdict } from "../../rules";
import { LIBELLES_STATUT, SYMBOLES } from "../../render/texte";
import { apresDeuxPoints, avecSection, CLES_SECTIONS, consignes, TITRES, TITRES_COURTS, type CleSection } from "./action";
import { el, type Enfant } from "./dom";
import { memoriserOuverture } from "./replis";

export interface ContexteSynthese {
  /** The dossier had no dateDemande: the version was picked with today's date. */
  sansDateDemande: boolean;
  /** The presales that would close the apport's gap instead (../leviers), when the core confirms it. */
  alternative?: Decimal | null;
}

function majuscule(texte: string): string {
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}

/** Opens a section's details (remembered) and brings it into view. */
function allerA(cle: CleSection): void {
  const carte = document.getElementById(`section-${cle}`);
  const details = carte?.querySelector("details");
  if (details && !details.open) {
    details.open = true;
    memoriserOuverture(cle, true);
  }
  carte?.scrollIntoView({ block: "start" });
}

function tuile(cle: CleSection, v: Verdict): HTMLElement {
  const statut = v[cle].statut;
  const bouton = el("button", {
    type: "button", class: `tuile ${statut}`, "data-tuile": cle, "data-statut": statut,
    title: `${TITRES[cle]} : ${LIBELLES_STATUT[statut]} — voir le détail`,
  },
  el("span", { class: "tuile-nom" }, TITRES_COURTS[cle]),
  el("span", { class: "tuile-statut", "data-role": "statut-tuile" },
    el("span", { class: "tuile-symbole", "aria-hidden": "true" }, SYMBOLES[statut]), ` ${majuscule(LIBELLES_STATUT[statut])}`));
  bouton.addEventListener("click", () => allerA(cle));
  return el("li", {}, bouton);
}

export function vueSynthese(v: Verdict, contexte: ContexteSynthese): HTMLElement {
  const version: Enfant[] = v.version
    ? ["RGA version ", el("strong", { "data-role": "version" }, v.version)]
    : [el("strong", { "data-role": "version" }, "Aucune version du RGA applicable")];
  const date = contexte.sansDateDemande
    ? `date du jour, ${dateLongue(v.dateReference)} (aucune date de demande renseignée)`
    : `demande du ${dateLongue(v.dateReference)}`;
  const { principale, autres } = consignes(v, contexte.alternative ?? null);
  // The apport initial's instruction needs no section name; another section's does.
  const texte = principale.section === "apportInitial" || principale.section === null ? principale.texte : avecSection(principale);
  return el("section", { class: "synthese", "data-role": "synthese", "aria-label": "Synthèse" },
    el("p", { class: "resume-titre", "data-role": "titre" }, v.titre ? `« ${v.titre} »` : "Dossier sans titre"),
    el("p", { class: "resume-meta" }, ...version, " · ", el("span", { "data-role": "date" }, date)),
    el("ul", { class: "tuiles", "aria-label": "Statut des trois sections" }, ...CLES_SECTIONS.map((cle) => tuile(cle, v))),
    el("p", { class: `consigne ${principale.genre}`, "data-role": "consigne", "data-genre": principale.genre, "data-section-consigne": principale.section ?? "" }, texte),
    autres.length
      ? el("ul", { class: "consignes-autres", "data-role": "consignes-autres" }, ...autres.map((c) => el("li", { "data-section-consigne": c.section ?? "" },
        el("strong", {}, c.section ? TITRES[c.section] : ""), ` : ${apresDeuxPoints(c.texte)}`)))
      : null);
}
