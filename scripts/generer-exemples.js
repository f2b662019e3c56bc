#!/usr/bin/env node
// @ts-check
/**
 * Generates the example workbooks from the one template definition (src/modele), with exceljs:
 * - examples/plan-financement.xlsx: an animation series under the 311-11-1 derogation, filled in;
 * - examples/catalogue.xlsx: a catalogue of works of the four genres, made by a seeded generator
 *   (same seed, same cells), with the CNC.* formulas of each row.
 * Formulas are written as Excel saves an add-in's functions (`_xldudf_CNC_…`), as dynamic arrays
 * (so Excel 365 shows `=CNC.…`, not `=@CNC.…`), and each workbook is then run through `calculer`:
 * the files carry their computed values, so a preview without the add-in (Excel, LibreOffice, a
 * mail viewer) shows the results.
 * Run with `npm run exemples` (builds the CLI first: this script uses build/cli).
 * `node scripts/generer-exemples.js --catalogue N FICHIER.xlsx` writes only a catalogue of N works
 * (same generator, same seed): the benchmarks use it for a 5 000-work catalogue.
 */
"use strict";
const path = require("path");
const fs = require("fs");

const BUILD = path.join(__dirname, "..", "build", "cli");
if (!fs.existsSync(path.join(BUILD, "classeur", "index.js"))) {
  process.stderr.write("generer-exemples : lancez d'abord « npm run build:cli ».\n");
  process.exit(2);
}
const os = require("os");
const { modelePlan, modeleCatalogue, TYPES_APPORT, LISTE_GENRES, LISTE_DESTINATIONS, LISTE_AIDES } = require(path.join(BUILD, "modele"));
const { ajouterFeuille, nouveauClasseur, calculerFichier, poserResultats, enregistrer } = require(path.join(BUILD, "classeur"));

const EXEMPLES = path.join(__dirname, "..", "examples");
const ORTHOGRAPHE = "xldudf";
const GRAINE = 20230120;
const NOMBRE_OEUVRES = 240;

/** @param {number} a @param {number} m @param {number} j */
const date = (a, m, j) => new Date(Date.UTC(a, m - 1, j));

/** The animation series of examples/serie-animation.json, as a financing plan. */
function planAnimation() {
  return modelePlan({
    valeurs: {
      titre: "Pip et les nuages (26 × 13 min)",
      dateDemande: date(2023, 1, 20),
      genre: "Animation",
      destination: "Télévision",
      // The budget, typed on its own: the plan shows it against the total of the financing lines.
      coutDefinitif: 6500000,
      aide: "Automatique",
      dureeMinutes: 338,
      dureeEpisodeMinutes: 13,
      coproductionInternationale: "non",
      pointsCreation: 32,
      pointsFabrication: 40,
      dateContrat: date(2022, 3, 14),
      dateFinTournage: date(2023, 6, 30),
      autorisationPrealable: "oui",
      autorisationDefinitive: "oui",
      versionDefinitiveAcceptee: "oui",
      versionOriginaleFrancaise: "oui",
      depensesFrance: 5900000,
      sommesCompteAutomatique: 420000,
    },
    financements: [
      { source: "France Télévisions — préachat", type: TYPES_APPORT.television, montant: 1200000, numeraire: true },
      { source: "France Télévisions — apport en industrie", type: TYPES_APPORT.television, montant: 165000, numeraire: false },
      { source: "Super RTL (Allemagne) — prévente", type: TYPES_APPORT.preventes, montant: 350000, numeraire: true },
      { source: "RAI Kids (Italie) — prévente", type: TYPES_APPORT.preventes, montant: 250000, numeraire: true },
      { source: "CNC — compte automatique", type: TYPES_APPORT.cnc, montant: 900000, numeraire: true },
      { source: "Crédit d'impôt audiovisuel", type: TYPES_APPORT.creditImpot, montant: 1150000, numeraire: true },
      { source: "Région Auvergne-Rhône-Alpes", type: TYPES_APPORT.region, montant: 400000, numeraire: true },
      { source: "Distributeur international — minimum garanti", type: TYPES_APPORT.autre, montant: 1200000, numeraire: true },
      { source: "Procirep-Angoa", type: TYPES_APPORT.autre, montant: 150000, numeraire: true },
      { source: "Studio Nuage — apport du producteur", type: TYPES_APPORT.producteur, montant: 735000, numeraire: true },
    ],
  });
}

/** mulberry32: a small seeded generator, so the catalogue is the same on every run. */
function aleatoire(graine) {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Titles a production company's catalogue could hold (no number, no format: those have their columns), by genre: fiction, animation, documentary, live performance. */
const TITRES = [
  ["Les Veilleurs", "Marée haute", "Nuit blanche à Lisbonne", "Les Passagers du soir", "Hiver rouge", "Les Héritiers", "Rue des Cascades", "L'Été de Jeanne", "Les Ombres du port", "Brigade des mers", "La Chambre noire", "Tempête sur Ouessant"],
  ["Petites Ailes", "Capitaine Zéphyr", "Les Mondes de Lila", "Zoé et le robot", "La Forêt qui chante", "Les Petits Explorateurs", "Mécaniques célestes", "Les Enfants du canal", "L'Atelier des songes", "Le Grand Large"],
  ["Terre d'ocre", "Les Îles Kerguelen", "Au fil de l'eau", "Mémoires d'usine", "Le Souffle du Vercors", "Les Gardiens du rail", "Une saison à Arles", "Les Vendanges", "Paris-Dakar, l'aventure", "Le Dernier Phare", "Sous les pavés", "La Traversée"],
  ["Le Chœur des montagnes", "Opéra de poche", "Le Bal des pompiers", "Le Concert imaginaire", "Cœurs de pierre", "Les Lumières de Brest", "Le Temps des cerises", "La Maison aux volets verts"],
];

function catalogue(nombre = NOMBRE_OEUVRES) {
  const r = aleatoire(GRAINE);
  const entre = (a, b) => a + r() * (b - a);
  const entier = (a, b) => Math.floor(entre(a, b + 1));
  const choisir = (liste) => liste[Math.floor(r() * liste.length)];
  const chance = (p) => r() < p;
  const arrondi = (x, pas = 1000) => Math.round(x / pas) * pas;
  // The labels of the template's drop-down lists, the same in every row.
  const booleen = (v) => (v ? "oui" : "non");
  const [TELEVISION, SMAD] = LISTE_DESTINATIONS;
  const [AUTOMATIQUE, SELECTIVE, PREPARATION] = LISTE_AIDES;
  const GENRES = [
    { genre: LISTE_GENRES[0], code: "fiction", formats: [[52, 8], [26, 10], [90, 1], [52, 6]], parHeure: [700000, 1300000] },
    { genre: LISTE_GENRES[1], code: "animation", formats: [[13, 26], [7, 52], [26, 26], [11, 52]], parHeure: [600000, 1200000] },
    { genre: LISTE_GENRES[2], code: "documentaire", formats: [[52, 1], [26, 6], [90, 1], [52, 3]], parHeure: [120000, 400000] },
    { genre: LISTE_GENRES[3], code: "spectacle_vivant", formats: [[90, 1], [120, 1], [75, 1], [52, 4]], parHeure: [80000, 300000] },
  ];
  const vus = new Map();
  const lignes = [];
  for (let i = 0; i < nombre; i++) {
    const g = GENRES[i % 4];
    const [episode, episodes] = choisir(g.formats);
    const duree = episode * episodes;
    const cout = arrondi(entre(g.parHeure[0], g.parHeure[1]) * (duree / 60), 1000);
    // A third of the requests in January 2023 (version 2023-01), the rest later in 2023 (2023-02).
    const mois = chance(0.35) ? 1 : entier(2, 12);
    const demande = date(2023, mois, entier(1, 28));
    const smad = chance(0.15);
    const aide = choisir([AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, AUTOMATIQUE, SELECTIVE, PREPARATION]);
    const copro = chance(0.15);
    const base = copro ? arrondi(cout * entre(0.6, 0.85)) : cout;
    const apport = arrondi(base * entre(0.17, 0.38));
    const numeraire = arrondi(apport * entre(0.5, 0.95));
    const finTournage = date(2023, entier(3, 12), entier(1, 28));
    // A title used again is a new season of the same series, or a new unitary work of the same name (a remake is rare: a year).
    const nom = choisir(TITRES[i % 4]);
    const n = (vus.get(nom) ?? 0) + 1;
    vus.set(nom, n);
    const titre = n === 1 ? nom : episodes > 1 ? `${nom} — saison ${n}` : `${nom} (${n}e volet)`;
    const l = {
      titre,
      dateDemande: demande,
      genre: g.genre,
      destination: smad ? SMAD : TELEVISION,
      aide,
      dureeMinutes: duree,
      dureeEpisodeMinutes: episode,
      coutDefinitif: cout,
      coproductionInternationale: booleen(copro),
      apportInitial: apport,
      pointsCreation: entier(18, 42),
      pointsFabrication: entier(22, 55),
      autorisationPrealable: booleen(chance(0.92)),
      autorisationDefinitive: booleen(chance(0.88)),
      versionOriginaleFrancaise: booleen(chance(0.9)),
      depensesFrance: arrondi(cout * entre(0.6, 1)),
      coutPostes: arrondi(cout * entre(0.4, 0.6)),
      sommesCompteAutomatique: arrondi(entre(50000, 800000)),
    };
    if (copro) l.participationFrancaise = base;
    if (smad) {
      l.apportNumeraireSmad = numeraire;
      if (chance(0.25)) {
        l.apportAutresFrance = arrondi(apport * entre(0.1, 0.4));
        l.autresFranceDetiennentPartsProducteur = booleen(chance(0.15));
      }
      l.dureeDroitsSmadMois = entier(24, 84);
      l.dureeExclusiviteSmadMois = entier(12, 48);
    } else {
      l.apportNumeraireTelevision = numeraire;
    }
    if (g.code === "animation" || g.code === "documentaire") {
      if (chance(0.5)) l.preventesInternationales = arrondi(cout * entre(0, 0.3));
    }
    if (g.code === "documentaire" && chance(0.2)) l.caseMagazine = booleen(true);
    if (g.code === "spectacle_vivant") l.qualiteSpectacleVivant = booleen(chance(0.85));
    if (chance(0.8)) {
      l.dateFinTournage = finTournage;
      l.dateContrat = new Date(finTournage.getTime() + (chance(0.9) ? -1 : 1) * entier(20, 300) * 86400000);
    } else {
      l.engagementFerme = booleen(chance(0.8));
    }
    if (chance(0.5)) l.diffuseeAnneePrecedente = booleen(chance(0.6));
    else l.versionDefinitiveAcceptee = booleen(chance(0.75));
    l.depensesFrancePostes = arrondi(l.coutPostes * entre(0.6, 1));
    lignes.push(l);
  }
  return modeleCatalogue(lignes);
}

/** Writes the template with exceljs, then computes it with `calculer` into `chemin` (values cached). */
async function ecrire(nom, feuilles, chemin = path.join(EXEMPLES, nom)) {
  const classeur = nouveauClasseur();
  // A fixed date, so regenerating without changes gives the same workbook.
  classeur.created = classeur.modified = new Date(Date.UTC(2023, 0, 20));
  for (const f of feuilles) ajouterFeuille(classeur, f, ORTHOGRAPHE);
  const brut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cnc-exemples-")), nom);
  await classeur.xlsx.writeFile(brut);
  const calcule = await calculerFichier(brut);
  poserResultats(calcule.lu, calcule.calcul, calcule.cellules);
  // The values are computed: no full recalculation on opening, so that a reader without the add-in
  // (Excel, LibreOffice, a mail preview) shows them rather than #NAME?.
  calcule.lu.classeur.calcProperties = { ...calcule.lu.classeur.calcProperties, fullCalcOnLoad: false };
  await enregistrer(calcule.lu, chemin);
  calcule.calcul.detruire();
  fs.rmSync(path.dirname(brut), { recursive: true, force: true });
  const erreurs = calcule.resume.erreurs.length;
  process.stdout.write(`écrit : ${path.relative(process.cwd(), chemin)} (${calcule.resume.cellulesCalculees} cellules calculées, ${erreurs} erreur${erreurs > 1 ? "s" : ""})\n`);
}

(async () => {
  const i = process.argv.indexOf("--catalogue");
  if (i >= 0) {
    const nombre = Number(process.argv[i + 1]);
    const chemin = process.argv[i + 2];
    if (!Number.isInteger(nombre) || nombre < 1 || !chemin) throw new Error("usage : --catalogue NOMBRE FICHIER.xlsx");
    await ecrire(path.basename(chemin), [catalogue(nombre)], path.resolve(chemin));
    return;
  }
  await ecrire("plan-financement.xlsx", [planAnimation()]);
  await ecrire("catalogue.xlsx", [catalogue()]);
})().catch((e) => {
  process.stderr.write(`generer-exemples : ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
