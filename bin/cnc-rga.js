#!/usr/bin/env node
// Point d'entrée du binaire `cnc-rga` : le code compilé est dans build/cli (npm run build:cli).
"use strict";
const path = require("path");
const fs = require("fs");
const entree = path.join(__dirname, "..", "build", "cli", "cli", "main.js");
if (!fs.existsSync(entree)) {
  process.stderr.write("cnc-rga : l'outil n'est pas compilé. Lancez d'abord « npm run build:cli ».\n");
  process.exit(2);
}
require(entree).main(process.argv).then((code) => { process.exitCode = code; });
