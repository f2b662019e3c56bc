/**
 * The screen shared by both modes (in Excel, standalone): the command bar with "Copier le résumé",
 * the notices, and the summary of the current dossier. Modes say what to show; this module keeps
 * the verdict the copy button copies.
 */
import type { Dossier, Verdict } from "../rules";
import { evaluer } from "../rules";
import { rapportTexte } from "../render/texte";
import { preventesEnAlternative } from "./leviers";
import { copierTexte } from "./presse-papiers";
import { el, vider } from "./vue/dom";
import { vueMessage } from "./vue/messages";
import { vueVerdict } from "./vue/verdict";

export interface Ecran {
  /** Where a mode puts its own controls, before the copy button. */
  commandes: HTMLElement;
  mode(texte: string): void;
  /** Evaluates and shows one dossier, with the notices given (source, ignored labels…) under its summary. */
  montrerDossier(dossier: Dossier, avis: (HTMLElement | null)[]): Verdict;
  /** No summary: only these notices (an error, "no dossier here"…). */
  montrerAvis(avis: (HTMLElement | null)[]): void;
  /** A passing notice under the commands (copied, sheet inserted…), until the next summary. */
  montrerNotification(avis: HTMLElement): void;
}

function element(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`élément #${id} absent de taskpane.html`);
  return e;
}

export function creerEcran(): Ecran {
  const zoneCommandes = element("commandes");
  const zoneAvis = element("avis");
  const contenu = element("contenu");
  let courant: Verdict | null = null;

  const commandes = el("div", { class: "barre", "data-role": "commandes" });
  const copier = el("fluent-button", { appearance: "outline", disabled: "", "data-action": "copier" }, "Copier le résumé");
  const confirmation = el("div", { "data-role": "notification", "aria-live": "polite" });
  vider(zoneCommandes);
  zoneCommandes.append(commandes, confirmation);
  commandes.append(copier);

  function activerCopie(actif: boolean): void {
    if (actif) copier.removeAttribute("disabled");
    else copier.setAttribute("disabled", "");
    vider(confirmation);
  }

  copier.addEventListener("click", async () => {
    if (!courant) return;
    const texte = rapportTexte(courant);
    vider(confirmation);
    if (await copierTexte(texte)) {
      confirmation.append(vueMessage("succes", "Résumé copié dans le presse-papiers."));
      return;
    }
    // Both ways refused: give the text to copy by hand.
    const zone = el("fluent-text-area", { readonly: "", resize: "vertical", rows: "8", "data-role": "resume-texte" });
    (zone as HTMLTextAreaElement).value = texte;
    confirmation.append(vueMessage("alerte", "La copie automatique est refusée par cette application : sélectionnez le texte ci-dessous et copiez-le (Ctrl+C)."), zone);
  });

  return {
    commandes,
    mode(texte) {
      element("mode").textContent = texte;
    },
    montrerDossier(dossier, avis) {
      courant = evaluer(dossier);
      vider(zoneAvis);
      vider(contenu);
      // The answer first: the notices (source, ignored labels) come under the summary, not above it,
      // so that a long list of ignored labels never pushes the summary out of a 320 × 600 pane.
      contenu.append(vueVerdict(courant, {
        sansDateDemande: dossier.dateDemande === undefined,
        alternative: preventesEnAlternative(dossier, courant),
        avis: avis.filter((a): a is HTMLElement => a !== null),
      }));
      activerCopie(true);
      return courant;
    },
    montrerAvis(avis) {
      courant = null;
      vider(zoneAvis);
      zoneAvis.append(...avis.filter((a): a is HTMLElement => a !== null));
      vider(contenu);
      activerCopie(false);
    },
    montrerNotification(avis) {
      vider(confirmation);
      confirmation.append(avis);
    },
  };
}
