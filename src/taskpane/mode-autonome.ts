/**
 * Standalone mode: the page opened outside Excel (a browser, or Office.js absent). The person
 * loads a dossier JSON file (DOSSIER.md); a file holding several dossiers gets a selector. The file
 * is read locally (FileReader through Blob.arrayBuffer); nothing is uploaded.
 */
import type { Dossier } from "../rules";
import type { Ecran } from "./ecran";
import { libelleDossier, lireFichierDossiers } from "./fichier";
import { el, vider } from "./vue/dom";
import { vueErreurs, vueMessage } from "./vue/messages";

export function demarrerModeAutonome(ecran: Ecran): void {
  ecran.mode("Hors d'Excel : dossier JSON");
  const entree = el("input", { type: "file", id: "fichier-dossier", accept: ".json,application/json", class: "hors-ecran", "data-role": "fichier" }) as HTMLInputElement;
  const ouvrir = el("fluent-button", { appearance: "accent", "data-action": "ouvrir", title: "Ouvrir un fichier de dossier .json" }, "Ouvrir un dossier…");
  ouvrir.addEventListener("click", () => entree.click());
  const aideFichier = el("label", { for: "fichier-dossier" }, "Un fichier .json de dossier, au format lu par cnc-rga : un dossier, ou un tableau de dossiers.");
  const zoneFichier = el("div", { class: "fichier" }, aideFichier, entree);
  const selecteur = el("div", { class: "selecteur", hidden: "" });
  ecran.commandes.prepend(ouvrir);
  ecran.commandes.after(zoneFichier, selecteur);

  ecran.montrerAvis([vueMessage("info", "Ouvrez un fichier de dossier (.json) pour afficher sa conformité au RGA.", [
    "Le fichier est lu sur ce poste ; rien n'est envoyé.",
    "Dans Excel, le volet lit directement le tableau « Dossier » du classeur.",
  ])]);

  function montrer(dossiers: Dossier[], index: number, nom: string): void {
    const source = dossiers.length > 1 ? `${nom}, dossier ${index + 1} sur ${dossiers.length}` : nom;
    ecran.montrerDossier(dossiers[index], [el("p", { class: "aide", "data-role": "source" }, `Source : ${source}`)]);
  }

  function remplirSelecteur(dossiers: Dossier[], nom: string): void {
    vider(selecteur);
    if (dossiers.length < 2) {
      selecteur.hidden = true;
      return;
    }
    const liste = el("fluent-select", { id: "choix-dossier", "data-role": "choix-dossier", "aria-label": "Dossier affiché" },
      ...dossiers.map((d, i) => el("fluent-option", { value: String(i) }, libelleDossier(d, i))));
    liste.addEventListener("change", () => {
      const i = Number((liste as HTMLSelectElement).value);
      if (Number.isInteger(i) && i >= 0 && i < dossiers.length) montrer(dossiers, i, nom);
    });
    selecteur.append(el("label", { for: "choix-dossier" }, `Dossier affiché (${dossiers.length} dans le fichier)`), liste);
    selecteur.hidden = false;
  }

  entree.addEventListener("change", async () => {
    const fichier = entree.files?.[0];
    if (!fichier) return;
    const lu = lireFichierDossiers(new Uint8Array(await fichier.arrayBuffer()), fichier.name);
    // The same file may be chosen again after a fix.
    entree.value = "";
    if (!lu.ok) {
      remplirSelecteur([], fichier.name);
      ecran.montrerAvis([vueErreurs(lu.titre, lu.erreurs, false)]);
      return;
    }
    remplirSelecteur(lu.dossiers, fichier.name);
    // Once a dossier is shown, the help gives its place to the answer (320 px leave little room);
    // it stays the file input's label for screen readers.
    aideFichier.classList.add("hors-ecran");
    montrer(lu.dossiers, 0, fichier.name);
  });
}
