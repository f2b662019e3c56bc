/**
 * Pure view: notices shown above or instead of a summary — errors naming the field at fault,
 * labels that were ignored, information and confirmations.
 */
import { definition, formaterErreur, type ErreurChamp } from "../../dossier";
import { el } from "./dom";

export type GenreMessage = "info" | "succes" | "erreur" | "alerte";

export function vueMessage(genre: GenreMessage, titre: string, lignes: readonly string[] = []): HTMLElement {
  return el("div", { class: `message ${genre}`, role: genre === "erreur" ? "alert" : "status", "data-genre": genre },
    el("p", {}, el("strong", {}, titre)),
    lignes.length ? el("ul", {}, ...lignes.map((l) => el("li", {}, l))) : null);
}

/**
 * One line per fault, as the CLI words it (DossierInvalide). In a workbook the person reads French
 * labels, not field names, so the label is added.
 */
export function lignesErreurs(erreurs: readonly ErreurChamp[], avecLibelles: boolean): string[] {
  return erreurs.map((e) => {
    const libelle = avecLibelles && e.champ ? definition(e.champ)?.libelle : undefined;
    return libelle ? `${formaterErreur(e)} (libellé « ${libelle} »)` : formaterErreur(e);
  });
}

export function vueErreurs(titre: string, erreurs: readonly ErreurChamp[], avecLibelles: boolean): HTMLElement {
  return vueMessage("erreur", titre, lignesErreurs(erreurs, avecLibelles));
}

/** DOSSIER.md: labels that are not fields are listed once, so a misspelt label is seen. */
export function vueIgnores(ignores: readonly string[]): HTMLElement | null {
  if (!ignores.length) return null;
  const e = vueMessage("alerte", "Libellés ignorés (ce ne sont pas des champs du dossier) :", ignores.map((l) => `« ${l} »`));
  e.classList.add("ignores");
  e.setAttribute("data-role", "ignores");
  return e;
}
