/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML: dossier titles and
 * labels come from files and workbooks, and the page's CSP forbids inline code anyway.
 */
export type Enfant = Node | string | null | undefined | false;

export function el(balise: string, attributs: Record<string, string | undefined> = {}, ...enfants: Enfant[]): HTMLElement {
  const e = document.createElement(balise);
  for (const [nom, valeur] of Object.entries(attributs)) {
    if (valeur !== undefined) e.setAttribute(nom, valeur);
  }
  ajouter(e, ...enfants);
  return e;
}

export function ajouter(parent: Node, ...enfants: Enfant[]): void {
  for (const enfant of enfants) {
    if (enfant === null || enfant === undefined || enfant === false) continue;
    parent.appendChild(typeof enfant === "string" ? document.createTextNode(enfant) : enfant);
  }
}

export function vider(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}
