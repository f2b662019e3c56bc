/**
 * Issue 14: what the command line tells a person — a broken JSON file by line and column in French,
 * the nearest field for a misspelt one (JSON key or workbook label), `--date` saying which version it
 * used while keeping the dossier's request date, and `cnc-rga champs` printing docs/champs.md.
 */
import { lancer } from "./lancer";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ecrireCellules } from "../classeur/outils";

const RACINE = join(__dirname, "../..");
const EXEMPLES = join(RACINE, "examples");
const dossier = mkdtempSync(join(tmpdir(), "cnc-rga-messages-"));

function fichier(nom: string, contenu: string): string {
  const chemin = join(dossier, nom);
  writeFileSync(chemin, contenu);
  return chemin;
}

describe("JSON cassé : un message en français avec la ligne et la colonne", () => {
  it.each([
    ["virgule finale avant }", '{\n  "genre": "fiction",\n  "coutDefinitif": 1000000,\n}\n', "ligne 4, colonne 1 : nom de champ entre guillemets attendu (virgule en trop avant « } » ?)"],
    ["virgule oubliée", '{\n  "genre": "fiction"\n  "coutDefinitif": 1000000\n}', "ligne 3, colonne 3 : virgule attendue entre deux éléments"],
    ["deux-points oublié", '{ "genre" "fiction" }', "ligne 1, colonne 11 : deux-points « : » attendu"],
    ["guillemets simples", "{ 'genre': 'fiction' }", "ligne 1, colonne 3 : caractère inattendu"],
    ["fichier coupé", '[\n  { "genre": "fiction",', "le fichier s'arrête avant la fin du JSON"],
    ["virgule décimale", '{ "coutDefinitif": 1000000,50 }', "ligne 1, colonne 28 : virgule décimale : en JSON, un nombre s'écrit avec un point (1000000.50)"],
    ["virgule décimale dans un tableau", "[1000000,50 x]", "ligne 1, colonne 13 : caractère inattendu"],
    ["commentaire", '// dossier\n{ "genre": "fiction" }', "ligne 1, colonne 1 : les commentaires ne sont pas permis en JSON"],
    ["fichier vide", "", "le fichier est vide"],
    ["texte après le JSON", '{ "genre": "fiction" } }', "ligne 1, colonne 24 : texte en trop après la fin du JSON"],
  ])("%s", async (_nom, contenu, attendu) => {
    const f = fichier("casse.json", contenu);
    const r = await lancer("evaluer", f);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`cnc-rga : « ${f} » n'est pas un JSON valide, `);
    expect(r.err).toContain(attendu);
    // Not V8's English text.
    expect(r.err).not.toMatch(/Unexpected|Expected|position|JSON input/);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("champ inconnu : le plus proche", () => {
  it("evaluer : « champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » ? »", async () => {
    const r = await lancer("evaluer", fichier("faute.json", JSON.stringify({ genre: "fiction", coutDefinitf: 1000000 })));
    expect(r.code).toBe(2);
    expect(r.err).toBe("cnc-rga : champ « coutDefinitf » inconnu : vouliez-vous dire « coutDefinitif » ? (liste des champs : docs/champs.md ou « cnc-rga champs »)\n");
  });

  it("verifier : un libellé de classeur mal écrit est signalé avec le libellé le plus proche", async () => {
    const f = await ecrireCellules(join(dossier, "faute.xlsx"), {
      Catalogue: [
        ["titre", "genre", "apportInitail", "Notes", "dateDemande", "coutDefinitif"],
        ["A", "fiction", 250000, "à revoir", "2023-03-01", 1000000],
        ["B", "fiction", 500000, "", "2023-03-01", 2000000],
      ],
    });
    const r = await lancer("verifier", f);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Libellés ignorés (ce ne sont pas des champs du dossier ; liste des champs : docs/champs.md ou « cnc-rga champs ») : « apportInitail » (catalogue de la feuille « Catalogue » ; vouliez-vous dire « apportInitial » ?), « Notes » (catalogue de la feuille « Catalogue »)");
    expect(r.out).not.toContain("DOSSIER.md");
  });
});

describe("--date : la version d'une autre date, et la date de la demande du dossier reste visible", () => {
  it("rapport : « évalué selon la version en vigueur le … » et la demande du dossier", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--date", "2024-01-01");
    expect(r.code).toBe(0);
    const entete = r.out.split("\n")[0];
    expect(entete).toContain("RGA version 2023-02");
    expect(entete).toContain("évalué selon la version en vigueur le 1er janvier 2024 (option --date) ; demande du dossier : 16 janvier 2023");
    expect(entete).not.toContain("demande du 1er janvier 2024");
  });

  it("--date en JJ/MM/AAAA aussi", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--date", "01/01/2024");
    expect(r.out.split("\n")[0]).toContain("évalué selon la version en vigueur le 1er janvier 2024");
  });

  it("JSON : dateReference est la date de --date, dateDemande celle du dossier", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--json", "--date", "2024-01-01");
    const j = JSON.parse(r.out);
    expect(j.version).toBe("2023-02");
    expect(j.dateReference).toBe("2024-01-01");
    expect(j.dateDemande).toBe(JSON.parse(readFileSync(join(EXEMPLES, "serie-fiction.json"), "utf8")).dateDemande);
    expect(Object.keys(j).indexOf("dateDemande")).toBe(Object.keys(j).indexOf("dateReference") + 1);
  });

  it("sans date de demande dans le dossier : le rapport le dit", async () => {
    const r = await lancer("evaluer", fichier("sans-date.json", JSON.stringify({ genre: "fiction", coutDefinitif: 1000000, apportInitial: 250000 })), "--date", "2023-01-15");
    expect(r.out.split("\n")[0]).toContain("évalué selon la version en vigueur le 15 janvier 2023 (option --date) ; date de la demande non renseignée dans le dossier");
    const j = JSON.parse((await lancer("evaluer", join(dossier, "sans-date.json"), "--json", "--date", "2023-01-15")).out);
    expect(j.dateDemande).toBeNull();
  });

  it("sans --date : rapport et JSON inchangés (pas de dateDemande ajoutée)", async () => {
    const r = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"), "--json");
    expect("dateDemande" in JSON.parse(r.out)).toBe(false);
    const t = await lancer("evaluer", join(EXEMPLES, "serie-fiction.json"));
    expect(t.out).not.toContain("option --date");
  });

  it("verifier --date sur le plan de financement : la même phrase", async () => {
    const r = await lancer("verifier", join(EXEMPLES, "plan-financement.xlsx"), "--date", "2024-01-01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("évalué selon la version en vigueur le 1er janvier 2024 (option --date) ; demande du dossier : ");
  });
});

describe("cnc-rga champs", () => {
  it("affiche docs/champs.md, tel que commité", async () => {
    const r = await lancer("champs");
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(RACINE, "docs", "champs.md"), "utf8"));
    expect(r.out).toContain("| `coutDefinitif` | Coût définitif (€) |");
  });
});
