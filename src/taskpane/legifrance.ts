/**
 * The link from a condition to the text of its article on Légifrance. The RGA is published there as
 * the annex of the Code du cinéma et de l'image animée, but Légifrance names every article version
 * by an opaque identifier (LEGIARTI…) that cannot be derived from its number; the link is therefore
 * Légifrance's search of code articles by number, which lists the RGA article first among the
 * codes' homonyms. Nothing is fetched: the page only opens the link on a click.
 */
const RECHERCHE_CODES = "https://www.legifrance.gouv.fr/search/code";

/** The article number alone: "art. 311-11-1 al. 2" → "311-11-1"; null when there is none. */
export function numeroArticle(article: string): string | null {
  const m = /(?:^|[^\d-])(\d{3}-\d+(?:-\d+)?)(?![\d-])/.exec(article);
  return m ? m[1] : null;
}

/** The Légifrance search for article `article` (e.g. "311-11-1"), or null when it holds no number. */
export function urlArticle(article: string): string | null {
  const numero = numeroArticle(article);
  if (numero === null) return null;
  const parametres = new URLSearchParams({ tab_selection: "code", searchField: "NUM_ARTICLE", query: numero });
  return `${RECHERCHE_CODES}?${parametres.toString()}`;
}

/**
 * Inside Office, a link of the pane opens in the person's browser through
 * `Office.context.ui.openBrowserWindow` (OpenBrowserWindowApi 1.1): a plain `target="_blank"` may be
 * blocked by the webview, or open an Office window without address bar. Delegated on the document, so
 * the links drawn later (and inside Fluent's shadow roots, via composedPath) are covered.
 */
export function ouvrirLiensDansNavigateur(doc: Document, ouvrir: (url: string) => void): void {
  doc.addEventListener("click", (e) => {
    for (const n of e.composedPath()) {
      const href = n instanceof Element ? n.getAttribute("href") : null;
      if (href && /^https:\/\//.test(href)) {
        e.preventDefault();
        ouvrir(href);
        return;
      }
    }
  });
}
