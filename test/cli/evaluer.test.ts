/** `cnc-rga evaluer`: the contract's JSON, the French report, exit codes and messages naming the field. */
import { lancer } from "./lancer";
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const RACINE = join(__dirname, "../..");
const EXEMPLES = join(RACINE, "examples");

const dossier = mkdtempSync(join(tmpdir(), "cnc-rga-"));
function fichier(nom: string, contenu: string | Buffer): string {
  const chemin = join(dossier, nom);
  writeFileSync(chemin, contenu);
  return chemin;
}

describe("cnc-rga evaluer --json", () => {
  it("un dossier : l'objet du contrat (version, trois sections, conditions citées, montants au centime)", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(j.version).toBe("2023-01");
    expect(j.apportInitial).toMatchObject({ statut: "conforme", taux: 0.25, tauxArticle: "311-11", apportMinimum: 2000000, numeraireMinimum: 83200 });
    expect(j.apportInitial.conditions[0]).toMatchObject({ code: "A1", article: "311-11", alinea: 3, statut: "conforme", attendu: 2000000, constate: 2100000, ecart: 0 });
    expect(typeof j.apportInitial.conditions[0].message).toBe("string");
    expect(j.listeReference.statut).toBe("conforme");
    expect(j.majoration).toMatchObject({ statut: "conforme", taux: 0.25, montant: 125000 });
  });

  it("un tableau : un tableau de résultats dans le même ordre", async () => {
    const noms = ["coproduction-internationale.json", "serie-fiction.json", "serie-animation.json"];
    const tableau = noms.map((n) => JSON.parse(readFileSync(join(EXEMPLES, n), "utf8")));
    const r = await lancer("evaluer", fichier("catalogue.json", JSON.stringify(tableau)), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.map((x: { titre: string }) => x.titre)).toEqual(tableau.map((d) => d.titre));
    expect(j[0].apportInitial.statut).toBe("non_conforme");
    expect(j[0].apportInitial.ecart).toBe(20000);
  });

  it("incomplet : les champs manquants sont listés", async () => {
    const r = await lancer("evaluer", fichier("incomplet.json", JSON.stringify({ genre: "fiction", dateDemande: "2023-03-01" })), "--json");
    const j = JSON.parse(r.out);
    expect(j.apportInitial.statut).toBe("incomplet");
    expect(j.apportInitial.conditions[0].manquants).toEqual(["coutDefinitif", "apportInitial"]);
  });

  it("--date évalue sous la version d'une autre date", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--json", "--date", "2024-01-01");
    expect(JSON.parse(r.out).version).toBe("2023-02");
  });
});

describe("cnc-rga evaluer (rapport en français)", () => {
  it("une ligne par condition avec ✓ ✗ ?, l'article, attendu et constaté, et ce qui manque en euros", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "coproduction-internationale.json"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✗ A1 +art\. 311-9 al\. 3 .*attendu 500\s000,00\s€ · constaté 480\s000,00\s€ +manque 20\s000,00\s€/);
    expect(r.out).toMatch(/\? C6 /);
    expect(r.out).toMatch(/RGA version 2023-02/);
  });
});

describe("erreurs : code 2 et message en français qui nomme le champ", () => {
  it.each([
    ["champ inconnu", { genre: "fiction", coutDefinitf: 1 }, /champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » \?/],
    ["montant négatif", { apportInitial: -1 }, /champ « apportInitial » : un montant ne peut pas être négatif/],
    ["durée nulle", { dureeMinutes: 0 }, /champ « dureeMinutes » : une durée doit être strictement positive/],
    ["date impossible", { dateDemande: "2023-02-30" }, /champ « dateDemande »/],
    ["genre inconnu", { genre: "téléfilm" }, /champ « genre » : genre inconnu/],
    ["booléen illisible", { coproductionInternationale: "peut-être" }, /champ « coproductionInternationale »/],
  ])("%s", async (_nom, contenu, message) => {
    const r = await lancer("evaluer", fichier("mauvais.json", JSON.stringify(contenu)));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it("dans un tableau, l'erreur donne l'index du dossier", async () => {
    const r = await lancer("evaluer", fichier("tableau.json", JSON.stringify([{ genre: "fiction" }, { genre: "fiction", apportInitial: "beaucoup" }])));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/index 1.*champ « apportInitial »/);
  });

  it.each([
    ["fichier absent", ["evaluer", "/nulle/part.json"], /introuvable/],
    ["JSON invalide", ["evaluer", "__JSON__"], /n'est pas un JSON valide/],
    ["pas UTF-8", ["evaluer", "__LATIN1__"], /UTF-8/],
    ["pas un objet", ["evaluer", "__NOMBRE__"], /objet/],
    ["commande inconnue", ["evaluate", "x"], /commande inconnue « evaluate »/],
    ["argument manquant", ["evaluer"], /argument manquant/],
    ["option inconnue", ["evaluer", "x.json", "--xml"], /option inconnue « --xml »/],
    ["date d'option invalide", ["evaluer", "x.json", "--date", "2023-02-30"], /--date/],
  ])("%s", async (_nom, args, message) => {
    const remplace = args.map((a) => a === "__JSON__" ? fichier("casse.json", '{"genre": "fiction",') : a === "__LATIN1__" ? fichier("latin1.json", Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x72, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])) : a === "__NOMBRE__" ? fichier("nombre.json", "42") : a);
    const r = await lancer(...remplace);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("--help en français, code 0", async () => {
    const r = await lancer("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Utilisation :/);
    expect(r.out).toMatch(/evaluer/);
    const s = await lancer("evaluer", "--help");
    expect(s.out).toMatch(/sortie JSON/);
  });
});

describe("le binaire compilé (npx cnc-rga)", () => {
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: RACINE, stdio: "pipe" });
  }, 120_000);

  it("évalue un exemple et sort le JSON du contrat ; code 2 sur fichier invalide", () => {
    const ok = spawnSync("node", [join(RACINE, "bin/cnc-rga.js"), "evaluer", join(EXEMPLES, "serie-animation.json"), "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j.apportInitial.tauxArticle).toBe("311-11-1");
    expect(j.apportInitial.taux).toBe(0.2);
    const ko = spawnSync("node", [join(RACINE, "bin/cnc-rga.js"), "evaluer", "/nulle/part.json"], { encoding: "utf8" });
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/^cnc-rga : fichier introuvable/);
  });
});
