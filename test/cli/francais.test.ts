/**
 * Issue 14, "The command line speaks French, and only French": the help of every command, `aide` /
 * `help`, and `--version` (the tool's version and the RGA versions with their dates).
 */
import { lancer } from "./lancer";
import { readFileSync } from "fs";
import { join } from "path";
import { VERSIONS, dateLongue } from "../../src/rules";

/** Commander's English words: none may reach the user. */
const ANGLAIS = [/Usage:/, /Arguments:/, /Options:/, /Commands:/, /display help/i, /output the version/i, /\[command\]/, /default:/, /\bhelp for\b/i, /error:/i];

describe("aide en français", () => {
  it.each([
    [["--help"]], [["-h"]], [["help"]], [["aide"]],
    [["evaluer", "--help"]], [["calculer", "--help"]], [["verifier", "--help"]], [["champs", "--help"]],
    [["help", "evaluer"]], [["aide", "verifier"]],
  ])("cnc-rga %j", async (args) => {
    const r = await lancer(...args);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^Utilisation : cnc-rga/);
    expect(r.out).toMatch(/Options :/);
    for (const mot of ANGLAIS) expect(r.out).not.toMatch(mot);
  });

  it("une sous-commande montre ses arguments et ses options sous des titres français", async () => {
    const r = await lancer("evaluer", "--help");
    expect(r.out).toMatch(/^Utilisation : cnc-rga evaluer \[options\] <fichier>/);
    expect(r.out).toMatch(/\nArguments :\n {2}fichier /);
    expect(r.out).toMatch(/--date <date> +évalue selon la version du RGA en vigueur/);
    expect(r.out).toMatch(/-h, --help +affiche cette aide/);
  });

  it("l'aide générale liste les commandes, dont champs et aide", async () => {
    const r = await lancer("--help");
    expect(r.out).toMatch(/\nCommandes :\n/);
    for (const c of ["evaluer", "calculer", "verifier", "champs", "aide"]) expect(r.out).toMatch(new RegExp(`\\n {2}${c}\\b`));
  });

  it("une commande mal écrite : la plus proche est proposée", async () => {
    const r = await lancer("evalur", "x.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe("cnc-rga : commande inconnue « evalur ». Vouliez-vous dire « evaluer » ? Commandes : evaluer, calculer, verifier, champs, aide. Voir « cnc-rga --help ».\n");
    const loin = await lancer("imprimer");
    expect(loin.err).not.toContain("Vouliez-vous dire");
  });

  it("les erreurs de la ligne de commande sont en français", async () => {
    const r = await lancer("evaluer", "a.json", "b.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe("cnc-rga : trop d'arguments. Voir « cnc-rga --help ».\n");
    const sansValeur = await lancer("evaluer", "a.json", "--date");
    expect(sansValeur.err).toBe("cnc-rga : l'option --date attend une valeur.\n");
  });
});

describe("cnc-rga --version", () => {
  it.each([["--version"], ["-V"]])("%s : la version de l'outil et chaque version du RGA avec ses dates", async (option) => {
    const r = await lancer(option);
    expect(r.code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };
    const lignes = r.out.trimEnd().split("\n");
    expect(lignes[0]).toBe(`cnc-rga ${version}`);
    expect(lignes[1]).toBe("RGA du CNC, versions implémentées :");
    expect(lignes).toHaveLength(2 + VERSIONS.length);
    VERSIONS.forEach((v, i) => {
      expect(lignes[2 + i]).toContain(`${v.version} : `);
      expect(lignes[2 + i]).toContain(dateLongue(v.debut));
      if (v.fin) expect(lignes[2 + i]).toContain(dateLongue(v.fin));
      else expect(lignes[2 + i]).toContain("à compter du");
    });
  });
});
