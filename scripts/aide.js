/**
 * docs/fonctions.md as a static page (aide.html) hosted with the add-in: the `helpUrl` of each
 * CNC.* function points at its section (`aide.html#cnc-apport_min`…), and the manifest's SupportUrl
 * at the page. No script, no inline style: the page's CSP allows only its own stylesheet.
 */
"use strict";

const { marked } = require("marked");

function echapper(texte) {
  return texte.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function pageAide(markdown, version) {
  const corps = marked.parse(markdown, { gfm: true, async: false });
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" />
  <title>CNC Conformité — aide des fonctions CNC.*</title>
  <link rel="stylesheet" href="aide.css?v=${echapper(version)}" />
</head>
<body>
<main>
${corps}
<p class="pied">CNC Conformité ${echapper(version)} — vérification faite sur le poste : aucun dossier n'est envoyé.</p>
</main>
</body>
</html>
`;
}

module.exports = { pageAide };
