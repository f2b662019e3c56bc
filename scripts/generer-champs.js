#!/usr/bin/env node
// Génère docs/champs.md depuis la liste des champs (src/dossier/champs.ts), compilée par
// « npm run build:cli » : la référence des champs ne peut pas diverger de ce que lit l'outil.
// Usage : npm run champs   (test/dossier/reference.test.ts vérifie que le fichier est à jour)
"use strict";
const fs = require("fs");
const path = require("path");

const racine = path.join(__dirname, "..");
const module_ = path.join(racine, "build", "cli", "dossier", "reference.js");
if (!fs.existsSync(module_)) {
  process.stderr.write("generer-champs : l'outil n'est pas compilé. Lancez « npm run build:cli » (ou « npm run champs »).\n");
  process.exit(2);
}
const { referenceChamps } = require(module_);
const cible = path.join(racine, "docs", "champs.md");
fs.writeFileSync(cible, referenceChamps());
process.stdout.write(`docs/champs.md écrit (${referenceChamps().split("\n").length} lignes).\n`);
