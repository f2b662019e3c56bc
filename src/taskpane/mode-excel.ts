/// <reference types="office-js" />
/**
 * Excel mode: reads the dossier of the active workbook, shows its summary, reads it again when
 * cells or the selection change — only while the pane is visible (./visibilite.ts) — and inserts
 * the financing-plan template on request. The Office calls live in ./excel; this file only decides
 * what to show. Round trips: two syncs per reading (BENCHMARKS.md).
 */
import type { Ecran } from "./ecran";
import { creerActualisation } from "./actualisation";
import { suivreModifications } from "./excel/evenements";
import { insererPlanFinancement } from "./excel/insertion";
import { lireDossierClasseur, NOM_DOSSIER, type LectureClasseur, type SourceDossier } from "./excel/lecture";
import { ouvrirLiensDansNavigateur } from "./legifrance";
import { creerSuivi, suivreVisibilite } from "./visibilite";
import { el } from "./vue/dom";
import { vueErreurs, vueIgnores, vueMessage } from "./vue/messages";

function texteSource(s: SourceDossier): string {
  switch (s.genre) {
    case "catalogue": return `catalogue « ${s.nom} », ligne ${s.ligne} (${s.adresse})`;
    case "tableau": return `tableau « ${s.nom} » (${s.adresse})`;
    case "nom-feuille":
    case "nom-classeur": return `plage nommée « ${s.nom} » (${s.adresse})`;
  }
}

function messageErreur(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What to show for a reading of the workbook. */
export function montrerLecture(ecran: Ecran, r: LectureClasseur, nom: string): void {
  if (!r.trouve) {
    ecran.montrerAvis([r.catalogue
      ? vueMessage("info", `Sélectionnez une ligne du catalogue « ${r.catalogue} » pour afficher la conformité de cette œuvre.`)
      : vueMessage("info", `Aucun dossier trouvé dans ce classeur.`, [
        `Nommez « ${nom} » un tableau ou une plage à deux colonnes Champ | Valeur,`,
        "ou sélectionnez une ligne d'un tableau catalogue (une colonne par champ),",
        "ou insérez un plan de financement modèle.",
      ])]);
    return;
  }
  const source = el("p", { class: "aide", "data-role": "source" }, `Source : ${texteSource(r.source)}`);
  const ignores = vueIgnores(r.lecture.ignores);
  const ligne = r.lecture.lignes[0];
  if (!ligne || ligne.ok === "vide") {
    ecran.montrerAvis([source, vueMessage("info", "Cette ligne du catalogue est vide."), ignores]);
  } else if (ligne.ok === false) {
    ecran.montrerAvis([source, vueErreurs("Le dossier contient des valeurs invalides :", ligne.erreurs, true), ignores]);
  } else {
    ecran.montrerDossier(ligne.dossier, [source, ignores]);
  }
}

export async function demarrerModeExcel(ecran: Ecran): Promise<void> {
  ecran.mode("Classeur Excel");
  const champNom = el("fluent-text-field", { id: "nom-dossier", value: NOM_DOSSIER, "data-role": "nom-dossier", appearance: "outline", title: "Nom du tableau ou de la plage nommée Champ | Valeur à lire" }) as HTMLInputElement;
  const inserer = el("fluent-button", { appearance: "accent", "data-action": "inserer" }, "Insérer un plan de financement modèle");
  ecran.commandes.prepend(inserer);
  ecran.commandes.before(el("div", { class: "barre" }, el("label", { for: "nom-dossier" }, "Tableau du dossier :"), champNom));
  const nom = () => champNom.value.trim() || NOM_DOSSIER;

  // The same cells give the same summary: skip redrawing (and losing the scroll position) then.
  let derniere = "";
  const actualiser = creerActualisation(
    () => lireDossierClasseur(nom()),
    (r) => {
      const signature = JSON.stringify(r);
      if (signature === derniere) return;
      derniere = signature;
      montrerLecture(ecran, r, nom());
    },
    (e) => {
      derniere = "";
      ecran.montrerAvis([vueMessage("erreur", "Lecture du classeur impossible.", [messageErreur(e)])]);
    },
  );

  champNom.addEventListener("change", () => void actualiser());
  inserer.addEventListener("click", async () => {
    inserer.setAttribute("disabled", "");
    try {
      const noms = await insererPlanFinancement();
      await actualiser();
      ecran.montrerNotification(vueMessage("succes", `Feuille « ${noms.feuille} » ajoutée : renseignez les cellules jaunes et les lignes de financement.`));
    } catch (e) {
      ecran.montrerNotification(vueMessage("erreur", "Le plan de financement modèle n'a pas pu être inséré.", [messageErreur(e)]));
    } finally {
      inserer.removeAttribute("disabled");
    }
  });

  // Article links open in the person's browser (OpenBrowserWindowApi 1.1), not inside the webview.
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (ui && typeof ui.openBrowserWindow === "function" && Office.context.requirements?.isSetSupported?.("OpenBrowserWindowApi", "1.1") !== false) {
    ouvrirLiensDansNavigateur(document, (url) => ui.openBrowserWindow(url));
  }

  // Visible: read now, then follow the workbook; hidden: no handler, nothing read.
  const suivi = creerSuivi(async () => {
    await actualiser();
    return suivreModifications(() => void actualiser());
  }, (e) => {
    ecran.montrerNotification(vueMessage("alerte", "Le volet ne suit pas les modifications de ce classeur : fermez-le et rouvrez-le après un changement.", [messageErreur(e)]));
  });
  await suivreVisibilite((visible) => void suivi.visible(visible));
}
