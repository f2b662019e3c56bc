/**
 * From the development manifest (manifest.xml, every URL on https://localhost:3000/) to the
 * production one: every URL at the hosting origin, a version on every URL so that Office's cache of
 * add-in files never serves old files with new metadata, the production add-in Id and display name.
 * Plain functions of strings, used by webpack.config.js and tested by test/deploiement.test.ts.
 */
"use strict";

const ORIGINE_DEV = "https://localhost:3000/";

/**
 * The add-in Id of the production manifest. Stable: Office and the Microsoft 365 admin center know an
 * add-in by its Id, so an update must keep it; different from manifest.xml's, so that a tester can
 * install the development add-in next to the deployed one.
 */
const ID_PRODUCTION = "6298769c-069c-4572-adaa-c713a2568413";

const NOM_PRODUCTION = "CNC Conformité";
const SUFFIXE_DEV = " (développement)";

/**
 * The hosting URL given to `npm run build -- --env url=…`, checked and normalised (ending with "/").
 * Office loads add-ins over https only; a production manifest pointing at this machine would install
 * an add-in that works nowhere else.
 */
function verifierUrlProduction(brute) {
  let url;
  try {
    url = new URL(String(brute));
  } catch {
    throw new Error(`Adresse d'hébergement invalide : « ${brute} ». Exemple : --env url=https://conformite.example.org/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`Adresse d'hébergement refusée : « ${brute} ». Office ne charge un complément qu'en https.`);
  }
  const hote = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (hote === "localhost" || hote.endsWith(".localhost") || /^127\./.test(hote) || hote === "::1" || hote === "0.0.0.0") {
    throw new Error(`Adresse d'hébergement refusée : « ${brute} ». Une construction de production doit pointer vers le serveur d'hébergement, pas vers ce poste (localhost).`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`Adresse d'hébergement refusée : « ${brute} ». Donnez seulement l'origine et le dossier, sans paramètres, ancre ni identifiants.`);
  }
  const chemin = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${chemin}`;
}

function echapperRegExp(texte) {
  return texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The production manifest: every development URL moved to `origine` with `?v=<version>` appended
 * (static servers ignore the query string; Office caches by full URL, so a new version is a new URL),
 * the production Id, and the display name without "(développement)".
 */
function manifesteProduction(xml, { origine, version, id = ID_PRODUCTION }) {
  if (!xml.includes(ORIGINE_DEV)) throw new Error(`manifest.xml ne contient aucune adresse ${ORIGINE_DEV}`);
  const v = encodeURIComponent(version);
  let sortie = xml.replace(new RegExp(`${echapperRegExp(ORIGINE_DEV)}([^"<#?\\s]*)(#[^"<\\s]*)?`, "g"), (_m, chemin, ancre) => `${origine}${chemin}?v=${v}${ancre ?? ""}`);
  sortie = sortie.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  sortie = sortie.split(`${NOM_PRODUCTION}${SUFFIXE_DEV}`).join(NOM_PRODUCTION);
  // The comment of the development manifest would be wrong here: say what this file is.
  // (An XML comment may not hold "--": the command is described, not quoted.)
  sortie = sortie.replace(/<!--[\s\S]*?-->/, `<!--\n  CNC Conformité — manifeste de PRODUCTION pour ${origine.replace(/-{2,}/g, "-")}, produit par npm run build\n  avec l'option env url (ne pas modifier à la main : reconstruire). Version des fichiers : ${version.replace(/-{2,}/g, "-")}.\n-->`);
  return sortie;
}

/** Development URLs (help links of functions.json) moved to the hosting origin, unversioned pages. */
function versOrigine(texte, origine) {
  return texte.split(ORIGINE_DEV).join(origine);
}

module.exports = { ORIGINE_DEV, ID_PRODUCTION, NOM_PRODUCTION, SUFFIXE_DEV, verifierUrlProduction, manifesteProduction, versOrigine };
