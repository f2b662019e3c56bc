/**
 * The pane's own styles, adopted as a constructed stylesheet rather than a <style> tag: the page's
 * Content-Security-Policy allows no inline style (style-src 'self'), and the Fluent components
 * style themselves the same way. Colours and fonts come from the Fluent design tokens (CSS custom
 * properties) so the pane looks like the rest of Office; the status colours are Fluent's semantic
 * success / error / warning colours.
 */
export const CSS = `
:root {
  --cnc-conforme: #107c10;
  --cnc-conforme-fond: #dff6dd;
  --cnc-non-conforme: #a4262c;
  --cnc-non-conforme-fond: #fde7e9;
  --cnc-incomplet: #8a6100;
  --cnc-incomplet-fond: #fff4ce;
  --cnc-non-applicable: #605e5c;
  --cnc-non-applicable-fond: #f3f2f1;
  --cnc-discret: #605e5c;
}
html, body { margin: 0; padding: 0; }
body {
  font-family: var(--body-font, "Segoe UI", sans-serif);
  font-size: var(--type-ramp-base-font-size, 14px);
  line-height: var(--type-ramp-base-line-height, 20px);
  color: var(--neutral-foreground-rest, #242424);
  background: var(--neutral-layer-1, #fff);
}
[hidden] { display: none !important; }
.hors-ecran { position: fixed; left: -10000px; top: 0; width: 1px; height: 1px; opacity: 0; }
.page { box-sizing: border-box; padding: 12px 12px 24px; max-width: 720px; margin: 0 auto; }
.entete-app { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0 8px; margin-bottom: 4px; }
.entete-app h1 { white-space: nowrap; font-size: var(--type-ramp-plus-2-font-size, 20px); line-height: var(--type-ramp-plus-2-line-height, 26px); font-weight: 600; margin: 0; }
.mode { margin-left: auto; color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); }
.barre { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 12px; align-items: center; }
.barre fluent-text-field { flex: 1 1 140px; min-width: 0; }
.message { border-radius: 4px; padding: 8px 10px; margin: 8px 0; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.message.info { background: #eff6fc; color: #004578; }
.message.succes { background: var(--cnc-conforme-fond); color: #0b5a08; }
.message.erreur { background: var(--cnc-non-conforme-fond); color: var(--cnc-non-conforme); }
.message.alerte { background: var(--cnc-incomplet-fond); color: #6b4d00; }
.message ul { margin: 4px 0 0; padding-left: 18px; }
.message p { margin: 0; }
.fichier { margin: 4px 0 12px; }
.selecteur label { display: block; font-weight: 600; margin-bottom: 4px; }
.fichier { color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); }
.selecteur { margin: 0 0 12px; }
.selecteur fluent-select { width: 100%; min-width: 0; }
.aide { color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); margin: 4px 0; }
.resume-titre { font-size: var(--type-ramp-plus-1-font-size, 16px); line-height: 22px; font-weight: 600; margin: 4px 0 2px; overflow-wrap: anywhere; }
.resume-meta { color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); margin: 0 0 4px; }
.resume-meta strong { color: var(--neutral-foreground-rest, #242424); font-weight: 600; }
.synthese { margin: 0 0 8px; }
.tuiles { list-style: none; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px; margin: 8px 0; padding: 0; }
.tuile { box-sizing: border-box; width: 100%; height: 100%; display: flex; flex-direction: column; gap: 2px; align-items: flex-start; text-align: left; padding: 6px 6px 5px; border-radius: 4px; border: 1px solid transparent; border-top-width: 3px; font: inherit; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 15px; cursor: pointer; color: inherit; }
.tuile:focus-visible { outline: 2px solid var(--accent-fill-rest, #0078d4); outline-offset: 1px; }
.tuile-nom { color: var(--neutral-foreground-rest, #242424); overflow-wrap: anywhere; }
.tuile-statut { font-weight: 600; }
.tuile.conforme { background: var(--cnc-conforme-fond); border-color: var(--cnc-conforme); }
.tuile.conforme .tuile-statut { color: var(--cnc-conforme); }
.tuile.non_conforme { background: var(--cnc-non-conforme-fond); border-color: var(--cnc-non-conforme); }
.tuile.non_conforme .tuile-statut { color: var(--cnc-non-conforme); }
.tuile.incomplet { background: var(--cnc-incomplet-fond); border-color: var(--cnc-incomplet); }
.tuile.incomplet .tuile-statut { color: var(--cnc-incomplet); }
.tuile.non_applicable { background: var(--cnc-non-applicable-fond); border-color: var(--cnc-non-applicable); }
.tuile.non_applicable .tuile-statut { color: var(--cnc-non-applicable); }
.consigne { margin: 6px 0 4px; padding: 8px 10px; border-radius: 4px; font-weight: 600; line-height: 20px; }
.consigne.ajouter, .consigne.corriger { background: var(--cnc-non-conforme-fond); color: var(--cnc-non-conforme); }
.consigne.renseigner { background: var(--cnc-incomplet-fond); color: #6b4d00; }
.consigne.conforme { background: var(--cnc-conforme-fond); color: #0b5a08; }
.consignes-autres { margin: 4px 0 0; padding-left: 18px; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.consignes-autres li { margin: 2px 0; }
.titre-details { margin: 14px 0 0; color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
fluent-card.section { display: block; box-sizing: border-box; padding: 0; margin: 8px 0; height: auto; width: auto; }
.details-section > summary { list-style: none; cursor: pointer; padding: 10px 12px 10px 30px; position: relative; }
.details-section > summary::-webkit-details-marker { display: none; }
.details-section > summary::before { content: "▸"; position: absolute; left: 12px; top: 10px; color: var(--cnc-discret); font-size: 14px; line-height: 22px; }
.details-section[open] > summary::before { content: "▾"; }
.details-section > summary:focus-visible { outline: 2px solid var(--accent-fill-rest, #0078d4); outline-offset: -2px; border-radius: 4px; }
.section-ligne { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.section-ligne h2 { font-size: var(--type-ramp-plus-1-font-size, 16px); line-height: 22px; font-weight: 600; margin: 0; flex: 1 1 auto; }
.section-sous-titre { display: flex; flex-wrap: wrap; gap: 0 10px; color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; margin-top: 2px; }
.section-corps { padding: 0 12px 10px; }
.symbole-titre.conforme { color: var(--cnc-conforme); }
.symbole-titre.non_conforme { color: var(--cnc-non-conforme); }
.symbole-titre.incomplet { color: var(--cnc-incomplet); }
.symbole-titre.non_applicable { color: var(--cnc-non-applicable); }
.badge { display: inline-block; box-sizing: border-box; border-radius: 4px; padding: 1px 6px; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; font-weight: 600; white-space: nowrap; }
.badge.conforme { background: var(--cnc-conforme-fond); color: var(--cnc-conforme); }
.badge.non_conforme { background: var(--cnc-non-conforme-fond); color: var(--cnc-non-conforme); }
.badge.incomplet { background: var(--cnc-incomplet-fond); color: var(--cnc-incomplet); }
.badge.non_applicable { background: var(--cnc-non-applicable-fond); color: var(--cnc-non-applicable); }
.manque-section { display: block; color: var(--cnc-non-conforme); font-weight: 600; margin: 2px 0 0; }
.chiffres { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 8px 0 0; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 18px; }
.chiffres dt { color: var(--cnc-discret); }
.chiffres dd { margin: 0; font-variant-numeric: tabular-nums; text-align: right; }
.motif { margin: 6px 0 0; font-size: var(--type-ramp-minus-1-font-size, 12px); color: var(--cnc-discret); }
.conditions { list-style: none; margin: 10px 0 0; padding: 0; }
.condition { border-top: 1px solid var(--neutral-stroke-divider-rest, #edebe9); padding: 8px 0 6px; }
.condition-entete { display: flex; align-items: flex-start; gap: 8px; }
.symbole { flex: 0 0 20px; height: 20px; border-radius: 50%; text-align: center; font-weight: 700; font-size: 13px; line-height: 20px; }
.symbole.conforme { background: var(--cnc-conforme-fond); color: var(--cnc-conforme); }
.symbole.non_conforme { background: var(--cnc-non-conforme-fond); color: var(--cnc-non-conforme); }
.symbole.incomplet { background: var(--cnc-incomplet-fond); color: var(--cnc-incomplet); }
.symbole.non_applicable { background: var(--cnc-non-applicable-fond); color: var(--cnc-non-applicable); }
.condition-titre { flex: 1 1 auto; min-width: 0; }
.condition-titre .libelle { font-weight: 600; }
.condition-titre .code { color: var(--cnc-discret); font-size: var(--type-ramp-minus-1-font-size, 12px); margin-right: 4px; }
.condition-titre .article { display: block; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.condition-titre fluent-anchor { font-size: var(--type-ramp-minus-1-font-size, 12px); }
.condition-corps { margin-left: 28px; }
.valeurs { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 4px 0 0; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.valeurs div { display: flex; gap: 4px; }
.valeurs dt { color: var(--cnc-discret); }
.valeurs dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.valeurs .ecart.positif dd { color: var(--cnc-non-conforme); }
.texte { margin: 4px 0 0; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.avertissement { margin: 4px 0 0; padding: 4px 8px; border-left: 3px solid #c19c00; background: var(--cnc-incomplet-fond); font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; }
.manquants { margin: 4px 0 0; font-size: var(--type-ramp-minus-1-font-size, 12px); line-height: 16px; color: var(--cnc-incomplet); }
.ignores { margin-top: 12px; }
.pied { margin-top: 16px; color: var(--cnc-discret); font-size: var(--type-ramp-minus-2-font-size, 10px); line-height: 14px; }
`;

/** Adopts the pane's stylesheet on the document; false when the browser cannot construct one. */
export function adopterStyles(doc: Document): boolean {
  if (typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in doc) || !("replaceSync" in CSSStyleSheet.prototype)) return false;
  const feuille = new CSSStyleSheet();
  feuille.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, feuille];
  return true;
}
