/**
 * The built `cnc-rga` run as a real process through real pipes (issue 14): output to a closed pipe
 * (`cnc-rga verifier catalogue.xlsx | head -2`) ends quietly with exit 0, and progress of long runs
 * goes to stderr only when stderr is a terminal (a real pseudo-terminal made by `script`).
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { progression } from "../../src/cli/calculer";
import type { Sortie } from "../../src/cli/sortie";

const RACINE = join(__dirname, "../..");
const CATALOGUE = join(RACINE, "examples", "catalogue.xlsx");
/** Own build, inside the project so node_modules resolve, apart from build/cli that other tests compile. */
let BIN = "";
let ici = "";

beforeAll(() => {
  mkdirSync(join(RACINE, "build"), { recursive: true });
  ici = mkdtempSync(join(RACINE, "build", "test-processus-"));
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json", "--outDir", join(ici, "build", "cli")], { cwd: RACINE, stdio: "pipe" });
  mkdirSync(join(ici, "bin"));
  BIN = join(ici, "bin", "cnc-rga.js");
  copyFileSync(join(RACINE, "bin", "cnc-rga.js"), BIN);
}, 180_000);

afterAll(() => {
  if (ici) rmSync(ici, { recursive: true, force: true });
});

/** Runs cnc-rga, reads `lignes` lines of stdout, then closes the pipe as `head` does. */
function lireEtFermer(args: string[], lignes: number): Promise<{ code: number | null; signal: string | null; lu: string; err: string }> {
  return new Promise((fin, echec) => {
    const p = spawn("node", [BIN, ...args], { cwd: RACINE, stdio: ["ignore", "pipe", "pipe"] });
    let lu = "";
    let err = "";
    let ferme = false;
    p.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    p.stdout.on("data", (d: Buffer) => {
      if (ferme) return;
      lu += d.toString();
      if (lu.split("\n").length > lignes) {
        ferme = true;
        lu = lu.split("\n").slice(0, lignes).join("\n");
        p.stdout.destroy();
      }
    });
    p.on("error", echec);
    p.on("close", (code, signal) => fin({ code, signal, lu, err }));
  });
}

describe("sortie vers un tube fermé (| head -2)", () => {
  it("verifier sur le catalogue : les deux premières lignes, puis fin silencieuse, code 0", async () => {
    const r = await lireEtFermer(["verifier", CATALOGUE], 2);
    expect(r.lu.split("\n")[0]).toMatch(/^Source : table « Catalogue »/);
    expect(r.err).toBe("");
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  }, 120_000);

  it("verifier --json sur le catalogue : même chose", async () => {
    const r = await lireEtFermer(["verifier", CATALOGUE, "--json"], 2);
    expect(r.lu).toMatch(/^\[\n {2}\{/);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  }, 120_000);

  it("evaluer d'un long tableau de dossiers : même chose", async () => {
    const dossiers = Array.from({ length: 400 }, (_, i) => ({ titre: `Œuvre ${i}`, genre: "fiction", dateDemande: "2023-03-01", coutDefinitif: 1000000 + i, apportInitial: 250000 }));
    const f = join(ici, "catalogue.json");
    writeFileSync(f, JSON.stringify(dossiers));
    const r = await lireEtFermer(["evaluer", f], 1);
    expect(r.lu).toMatch(/^« Œuvre 0 »/);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  }, 120_000);

  it("le vrai `| head -2` d'un shell : rien sur stderr, code 0 pour cnc-rga", () => {
    const r = spawnSync("bash", ["-c", `node "${BIN}" verifier "${CATALOGUE}" | head -2; echo "code=\${PIPESTATUS[0]}" >&2`], { cwd: RACINE, encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toBe("code=0\n");
  }, 120_000);
});

describe("progression des longs calculs sur stderr", () => {
  it("stderr redirigé (un tube) : aucune ligne de progression, stdout intact", () => {
    const r = spawnSync("node", [BIN, "calculer", CATALOGUE, "-o", join(ici, "catalogue.calcule.xlsx")], { cwd: RACINE, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/1680 avec des fonctions CNC/);
  }, 120_000);

  it("stderr sur un terminal (pseudo-terminal de `script`) : « calcul : n/1680 formules CNC » jusqu'à 100 %", () => {
    // stdout goes to /dev/null: what reaches the terminal is stderr alone.
    const commande = `node "${BIN}" verifier "${CATALOGUE}" > /dev/null`;
    const r = spawnSync("script", ["-qec", commande, "/dev/null"], { cwd: RACINE, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\rcalcul : \d+\/1680 formules CNC \(\d+ %\)/);
    expect(r.stdout).toMatch(/\rcalcul : 1680\/1680 formules CNC \(100 %\)\r?\n/);
  }, 120_000);

  it("en mémoire : rien hors terminal ; sur terminal, au plus un affichage par dixième de seconde, et toujours le dernier", () => {
    let err = "";
    const sortie: Sortie = { out: () => undefined, err: (t) => { err += t; } };
    expect(progression(sortie, "calcul", false)).toBeUndefined();
    let maintenant = 0;
    const p = progression(sortie, "calcul", true, () => maintenant)!;
    p(1, 1000);
    p(2, 1000);
    maintenant = 150;
    p(500, 1000);
    p(1000, 1000);
    expect(err).toBe("\rcalcul : 1/1000 formules CNC (0 %)\rcalcul : 500/1000 formules CNC (50 %)\rcalcul : 1000/1000 formules CNC (100 %)\n");
    err = "";
    p(10, 50);
    expect(err).toBe("");
  });
});

describe("mémoire réservée au calcul (CNC_RGA_TAS_MIO, src/cli/isole.ts)", () => {
  const calculer = (sortie: string, tas: string | undefined) => spawnSync("node", [BIN, "calculer", CATALOGUE, "-o", join(ici, sortie), "--json"], {
    cwd: RACINE, encoding: "utf8", env: { ...process.env, CNC_RGA_TAS_MIO: tas },
  });
  const sansSortie = (json: string) => ({ ...JSON.parse(json), sortie: null });

  it("sans borne par défaut (ou 0), bornée (256), ou reprise sans borne quand elle est trop petite : même résumé, même classeur, rien de laissé", async () => {
    const borne = calculer("borne.xlsx", "256");
    const libre = calculer("libre.xlsx", undefined);
    const zero = calculer("zero.xlsx", "0");
    expect(zero.status).toBe(0);
    expect(zero.stderr).toBe("");
    expect(sansSortie(zero.stdout)).toEqual(sansSortie(borne.stdout));
    const petit = calculer("petit.xlsx", "16");
    for (const r of [borne, libre, petit]) expect(r.status).toBe(0);
    expect(borne.stderr).toBe("");
    expect(libre.stderr).toBe("");
    // 16 Mio cannot hold exceljs's workbook: the worker stops, and the computation runs again without the cap.
    expect(petit.stderr).toBe("cnc-rga : ce classeur demande plus que les 16 Mio de mémoire réservés au calcul (variable CNC_RGA_TAS_MIO) ; le calcul est repris sans limite.\n");
    expect(sansSortie(borne.stdout)).toEqual(sansSortie(libre.stdout));
    expect(sansSortie(petit.stdout)).toEqual(sansSortie(libre.stdout));
    const JSZip = (await import("jszip")).default;
    const feuille = async (f: string) => (await JSZip.loadAsync(readFileSync(join(ici, f)))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(await feuille("borne.xlsx")).toBe(await feuille("libre.xlsx"));
    expect(await feuille("petit.xlsx")).toBe(await feuille("libre.xlsx"));
    expect(await feuille("zero.xlsx")).toBe(await feuille("libre.xlsx"));
    expect(readdirSync(ici).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("une valeur qui n'est pas un nombre de Mio : code 2, message qui nomme la variable, aucun fichier écrit", () => {
    const r = calculer("refuse.xlsx", "beaucoup");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("cnc-rga : la variable CNC_RGA_TAS_MIO vaut « beaucoup » : indiquez la mémoire réservée au calcul en Mio (un nombre entier, au moins 16), ou 0 pour ne pas la limiter.\n");
    expect(readdirSync(ici)).not.toContain("refuse.xlsx");
  }, 120_000);

  it("calculer sur un terminal : la progression arrive du calcul borné jusqu'à 100 %", () => {
    const commande = `CNC_RGA_TAS_MIO=256 node "${BIN}" calculer "${CATALOGUE}" -o "${join(ici, "terminal.xlsx")}" > /dev/null`;
    const r = spawnSync("script", ["-qec", commande, "/dev/null"], { cwd: RACINE, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\rcalcul : 1680\/1680 formules CNC \(100 %\)\r?\n/);
  }, 120_000);
});
