#!/usr/bin/env node
/**
 * `npm run package -- --url https://conformite.example.org/` : one archive for whoever hosts the
 * add-in. Builds the production site (webpack, --env url=…), then writes
 * build/cnc-conformite-<version>.zip holding
 *   site/          the static files to put at that URL (no source map),
 *   manifest.xml   the production manifest, for the Microsoft 365 admin center,
 *   LISEZMOI.txt   a short French note for the host (docs/deploiement.md has the whole guide).
 * The URL may also come from the CNC_URL environment variable. Options: --sortie <dossier>.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");
const { verifierUrlProduction } = require("./manifeste");

const RACINE = path.resolve(__dirname, "..");

function option(nom) {
  const i = process.argv.indexOf(`--${nom}`);
  if (i >= 0) return process.argv[i + 1];
  const egal = process.argv.find((a) => a.startsWith(`--${nom}=`));
  return egal ? egal.slice(nom.length + 3) : undefined;
}

function fichiers(dossier, relatif = "") {
  return fs.readdirSync(path.join(dossier, relatif), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? fichiers(dossier, path.posix.join(relatif, e.name)) : [path.posix.join(relatif, e.name)]));
}

function lisezMoi(origine, version) {
  return `CNC Conformité ${version} — à l'attention de l'hébergeur
=====================================================

Cette archive contient le complément Excel CNC Conformité, construit pour l'adresse :

    ${origine}

1. Publiez le contenu du dossier site/ à cette adresse, en https (un serveur de fichiers
   statiques suffit : aucun programme ne tourne côté serveur, aucune donnée n'y est envoyée).
   Types MIME : .html text/html ; .js text/javascript ; .json application/json ;
   .xml application/xml ; .png image/png ; .css text/css ; .txt text/plain.
   En-têtes de cache conseillés : taskpane.html, aide.html, functions.json, manifest.xml :
   « Cache-Control: no-cache » ; les autres fichiers : « Cache-Control: max-age=86400 ».
2. Vérifiez que ${origine}taskpane.html et ${origine}functions.json s'ouvrent dans un navigateur.
3. Donnez manifest.xml à l'administrateur Microsoft 365 : Centre d'administration Microsoft 365 ›
   Paramètres › Applications intégrées › Charger des applications personnalisées.

Ne modifiez pas manifest.xml à la main : pour une autre adresse, reconstruisez avec
npm run package -- --url <adresse>. Une mise à jour se publie en remplaçant tout le dossier site/,
puis en rechargeant le nouveau manifest.xml dans le centre d'administration.
Guide complet : docs/deploiement.md dans les sources du complément.
`;
}

async function principal() {
  const brute = option("url") ?? process.env.CNC_URL;
  if (!brute) {
    console.error("Indiquez l'adresse d'hébergement : npm run package -- --url https://conformite.example.org/");
    process.exit(2);
  }
  let origine;
  try {
    origine = verifierUrlProduction(brute);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const sortie = path.resolve(RACINE, option("sortie") ?? "build");
  const site = path.join(sortie, "site-production");
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [RACINE] });
  const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", `url=${origine}`, "--env", `sortie=${path.relative(RACINE, site)}`], { cwd: RACINE, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("La construction a échoué : archive non produite.");
    process.exit(1);
  }
  const version = fs.readFileSync(path.join(site, "version.txt"), "utf8").trim();
  const zip = new JSZip();
  for (const f of fichiers(site)) {
    if (f.endsWith(".map")) continue;
    const contenu = fs.readFileSync(path.join(site, f));
    if (f === "manifest.xml") zip.file("manifest.xml", contenu);
    zip.file(`site/${f}`, contenu);
  }
  zip.file("LISEZMOI.txt", lisezMoi(origine, version));
  const archive = path.join(sortie, `cnc-conformite-${version}.zip`);
  // Written whole, then renamed: never a half-written archive under the final name.
  const provisoire = `${archive}.partiel`;
  fs.writeFileSync(provisoire, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  fs.renameSync(provisoire, archive);
  console.log(`Archive : ${path.relative(process.cwd(), archive)} (site pour ${origine}, manifeste de production, LISEZMOI.txt)`);
}

principal().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
