// The first catalogue call varies a lot from one run to the next (garbage collector): n first calls of
// =CNC.APPORT_CONFORME(entête; 10 000 lignes), each on a freshly loaded bundle, in one process, and their
// median (BENCHMARKS.md, issue 15). After `npm run bench -- bundle` (which builds the bundle and the
// bench modules) in each checkout: node bench/premiers-appels.js <racine du dépôt> <n>; alternate two
// checkouts to compare them under the same load.
"use strict";
const R = process.argv[2];
const { chargerFonctions } = require(R + "/build/bench/test/helpers/bundle.js");
const { genererDossiers } = require(R + "/build/bench/bench/dossiers.js");
const { CHAMPS } = require(R + "/build/bench/src/dossier/index.js");
const { performance } = require("perf_hooks");
const entete = CHAMPS.map((c) => c.champ);
const lignes = genererDossiers(10000).map((d) => entete.map((ch) => (d[ch] ?? null)));
(async () => {
  const t = [];
  for (let k = 0; k < +process.argv[3]; k++) { const f = chargerFonctions(R + "/test-output/bundle-cdn"); const t0 = performance.now(); await f.appeler("APPORT_CONFORME", [entete], lignes, null); t.push(Math.round(performance.now() - t0)); }
  const s = t.slice().sort((a, b) => a - b);
  console.log(JSON.stringify({ mediane: s[s.length >> 1], passes: t }));
})();
