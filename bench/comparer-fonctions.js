// A/B on a shared machine: the same measures on two builds of the CLI modules (npm run build:cli and
// tsc -p tsconfig.bench.json in each checkout), one process per run, alternating, so both see the same
// load (BENCHMARKS.md, issue 15). Usage: node bench/comparer-fonctions.js <dossier build>  → one JSON line.
"use strict";
const B = process.argv[2] || process.env.B;
const cnc = require(B + "/cli/functions/cnc.js");
const dossier = require(B + "/cli/dossier/index.js");
const { genererDossiers } = require(B + "/bench/bench/dossiers.js");
const { performance } = require("perf_hooks");
const N = 10000;
const entete = dossier.CHAMPS.map((c) => c.champ);
const lignes = genererDossiers(N).map((d) => entete.map((ch) => (d[ch] ?? null)));
const APPORT = entete.indexOf("apportInitial");
let edition = 0;
const apresEdition = () => { edition++; const i = (edition * 7919) % N; return lignes.map((l, k) => (k === i ? l.map((v, j) => (j === APPORT ? v + edition : v)) : l)); };
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const chrono = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
const r = {};
r.premier = chrono(() => cnc.APPORT_CONFORME([entete], lignes));
r.recalcul = med(Array.from({ length: 5 }, () => { const m = apresEdition(); return chrono(() => cnc.APPORT_CONFORME([entete], m)); }));
const col = (ls, ch) => ls.map((l) => [l[entete.indexOf(ch)]]);
const modele = (ls) => {
  cnc.APPORT_MIN(...["genre", "coutDefinitif", "participationFrancaise", "preventesInternationales", "pointsCreation", "pointsFabrication", "destination", "aide", "dateDemande"].map((c) => col(ls, c)));
  cnc.NUMERAIRE_MIN(...["genre", "dureeMinutes", "destination", "aide", "dateDemande"].map((c) => col(ls, c)));
  cnc.STATUT([entete], "apport", ls); cnc.ECART([entete], "apport", ls); cnc.STATUT([entete], "reference", ls); cnc.STATUT([entete], "majoration", ls); cnc.MAJORATION([entete], ls);
};
modele(lignes);
r.modele = med(Array.from({ length: 3 }, () => { const m = apresEdition(); return chrono(() => modele(m)); }));
r.parLigne = med(Array.from({ length: 2 }, () => chrono(() => { for (const l of lignes) { cnc.STATUT([entete], "apport", [l]); cnc.ECART([entete], "apport", [l]); cnc.STATUT([entete], "reference", [l]); cnc.STATUT([entete], "majoration", [l]); cnc.MAJORATION([entete], [l]); } })));
console.log(JSON.stringify(r));
