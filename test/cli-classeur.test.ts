/**
 * `cnc-rga calculer` and `cnc-rga verifier`: each error case with its French message naming the
 * file, sheet and cell, exit code 2, and no output file (not even half-written); and the built
 * binary run as a person would.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { modelePlan } from "../src/modele";
import { dossierTemporaire, ecrireCellules, ecrireModele, EXEMPLES, lancer, RACINE } from "./classeur/outils";

const dossier = dossierTemporaire();
const PLAN = join(EXEMPLES, "plan-financement.xlsx");

/** Runs calculer expecting a refusal: exit 2, the message on stderr, nothing on stdout, no file written. */
async function refuse(entree: string, ...attendus: string[]): Promise<string> {
  const sortie = join(dossier, `sortie-${Math.random().toString(36).slice(2)}.xlsx`);
  const avant = readdirSync(dossier);
  const r = await lancer("calculer", entree, "-o", sortie);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.startsWith("cnc-rga : ")).toBe(true);
  for (const a of attendus) expect(r.err).toContain(a);
  expect(existsSync(sortie)).toBe(false);
  expect(readdirSync(dossier).sort()).toEqual(avant.sort());
  return r.err;
}

describe("cnc-rga calculer : fichiers refusés", () => {
  it("un fichier qui n'est pas un classeur", async () => {
    const f = join(dossier, "texte.xlsx");
    writeFileSync(f, "Titre;Montant\nPip;12\n");
    await refuse(f, "« " + f + " » n'est pas un classeur Excel (.xlsx)");
  });

  it("un classeur tronqué", async () => {
    const f = join(dossier, "tronque.xlsx");
    const octets = readFileSync(PLAN);
    writeFileSync(f, octets.subarray(0, Math.floor(octets.length / 2)));
    await refuse(f, "n'est pas un classeur Excel (.xlsx) lisible");
  });

  it("un classeur Excel 97-2003 (.xls)", async () => {
    const f = join(dossier, "ancien.xls");
    writeFileSync(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await refuse(f, "Excel 97-2003 (.xls)", "format .xlsx");
  });

  it("un fichier absent", async () => {
    await refuse(join(dossier, "absent.xlsx"), "fichier introuvable ou illisible");
  });

  it("une fonction que le moteur ne connaît pas : la feuille, la cellule et le nom", async () => {
    const f = await ecrireCellules(join(dossier, "inconnue.xlsx"), { "Feuille 1": [[1, 2], [null, "=FOO(A1)+1"], ["=B2*2"]] });
    await refuse(f, "« Feuille 1 »!B2 : fonction inconnue « FOO » dans la formule « =FOO(A1)+1 »");
  });

  it("une fonction CNC qui n'existe pas, écrite comme Excel l'enregistre", async () => {
    const f = await ecrireCellules(join(dossier, "cnc-inconnue.xlsx"), { Plan: [[1, "=_xldudf_CNC_APPORT_MAXI(A1)"]] });
    await refuse(f, "« Plan »!B1 : fonction inconnue « CNC.APPORT_MAXI »");
  });

  it("une référence circulaire : les cellules de la boucle", async () => {
    const f = await ecrireCellules(join(dossier, "circulaire.xlsx"), { Calculs: [["=B1+1", "=C1*2", "=A1"], [5]] });
    const err = await refuse(f, "référence circulaire", "« Calculs »!A1", "« Calculs »!B1", "« Calculs »!C1");
    expect(err).not.toContain("A2");
  });

  it("une référence à une table inconnue", async () => {
    const f = await ecrireCellules(join(dossier, "table.xlsx"), { Plan: [["=SUM(Financements[Montant])"]] });
    await refuse(f, "« Plan »!A1 : référence « Financements[Montant] » à une table inconnue");
  });

  it("la sortie ne remplace jamais l'entrée", async () => {
    const r = await lancer("calculer", PLAN, "-o", PLAN);
    expect(r.code).toBe(2);
    expect(r.err).toContain("est le fichier d'entrée");
    const r2 = await lancer("calculer", PLAN, "-o", join(dossier, "sortie.csv"));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("doit avoir l'extension .xlsx");
    const r3 = await lancer("calculer", PLAN, "-o", join(dossier, "absent", "sortie.xlsx"));
    expect(r3.code).toBe(2);
    expect(r3.err).toContain("n'existe pas");
  });

  it("une écriture qui échoue ne laisse ni sortie ni fichier temporaire", async () => {
    const cible = join(dossier, "occupe.xlsx");
    mkdirSync(cible);
    const avant = readdirSync(dossier).sort();
    const r = await lancer("calculer", PLAN, "-o", cible);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`impossible d'écrire « ${cible} »`);
    expect(readdirSync(dossier).sort()).toEqual(avant);
    expect(readdirSync(cible)).toEqual([]);
  });
});

describe("cnc-rga verifier : classeurs refusés", () => {
  it("un classeur sans dossier", async () => {
    const f = await ecrireCellules(join(dossier, "sans-dossier.xlsx"), { Budget: [["Poste", "Montant"], ["Décors", 1200], ["Total", "=SUM(B2:B2)"]] });
    const r = await lancer("verifier", f);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`cnc-rga : aucun dossier dans « ${f} »`);
  });

  it("une valeur invalide : la cellule et le champ", async () => {
    const plan = modelePlan({ valeurs: { genre: "Animation", dureeMinutes: -5, dateDemande: "2023-01-20" } });
    const f = await ecrireModele(join(dossier, "invalide.xlsx"), [plan]);
    const r = await lancer("verifier", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`« Plan de financement »!${plan.valeurs.dureeMinutes}, champ « dureeMinutes » : une durée doit être strictement positive`);
  });

  it("une formule en erreur dans un champ : le code d'erreur et la cellule", async () => {
    const f = await ecrireCellules(join(dossier, "erreur-champ.xlsx"), { Dossier: [["Champ", "Valeur"], ["genre", "fiction"], ["coutDefinitif", "=1/0"], ["dureeMinutes", 52]] });
    const r = await lancer("verifier", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("« Dossier »!B3, champ « coutDefinitif » : « #DIV/0!");
  });

  it("une plage Champ | Valeur sans table ni nom est trouvée, et les libellés inconnus sont signalés", async () => {
    const f = await ecrireCellules(join(dossier, "plage.xlsx"), { Notes: [["Titre de l'œuvre", "Essai"], ["Genre", "Documentaire de création"], ["Durée totale (minutes)", 52], ["Commentaire", "à revoir"], ["dateDemande", "2023-01-10"]] });
    const r = await lancer("verifier", f);
    expect(r.code).toBe(0);
    expect(r.out).toContain("« Essai » — RGA version 2023-01");
    expect(r.out).toContain("Libellés ignorés");
    expect(r.out).toContain("« Commentaire »");
  });
});

describe("cnc-rga calculer : le résumé", () => {
  it("compte les cellules et liste les résultats CNC.* d'un plan, avec leur libellé", async () => {
    const r = await lancer("calculer", PLAN, "-o", join(dossier, "resume.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    // The CNC.* results, the fields fed by the financing lines, the balance, the Contrôle column, the articles of the version in force.
    expect(r.out).toContain("1 feuille, 69 formules dont 11 avec des fonctions CNC.* (écrites _xldudf_CNC_…)");
    expect(r.out).toContain("Cellules calculées : 69");
    expect(r.out).toMatch(/« Plan de financement »!B7 {2}Apport initial minimum compte tenu des préventes \(€\) = 1\s325\s000\n/u);
    expect(r.out).toContain("« Plan de financement »!B15  Majoration de 25 % : statut = « non conforme »");
  });
});

describe("ligne de commande", () => {
  it("une commande inconnue liste les commandes", async () => {
    const r = await lancer("calcule", PLAN);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Commandes : evaluer, calculer, verifier");
  });

  describe("le binaire construit (bin/cnc-rga.js)", () => {
    beforeAll(() => {
      const tsc = spawnSync(process.execPath, [join(RACINE, "node_modules/typescript/bin/tsc"), "-p", join(RACINE, "tsconfig.cli.json")], { encoding: "utf8" });
      expect(tsc.stdout + tsc.stderr).toBe("");
    }, 120_000);

    const bin = (...args: string[]) => spawnSync(process.execPath, [join(RACINE, "bin/cnc-rga.js"), ...args], { encoding: "utf8", cwd: RACINE });

    it("calculer --json : un JSON propre sur stdout, rien sur stderr, le classeur écrit", () => {
      const sortie = join(dossier, "bin.xlsx");
      const r = bin("calculer", PLAN, "-o", sortie, "--json");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j).toMatchObject({ formulesCnc: 11, erreurs: [], differences: [], sortie });
      expect(existsSync(sortie)).toBe(true);
      const v = bin("verifier", sortie);
      expect(v.status).toBe(0);
      expect(v.stdout).toContain("« Pip et les nuages (26 × 13 min) » — RGA version 2023-01");
    });

    it("une erreur : code 2 et message en français sur stderr", () => {
      const f = join(dossier, "pas-un-classeur.xlsx");
      writeFileSync(f, "{}");
      const r = bin("verifier", f, "--json");
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^cnc-rga : « .* » n'est pas un classeur Excel \(\.xlsx\)/);
    });
  });
});
