/**
 * Builds the add-in with the project's webpack.config.js (in a child process, as `npm run build`
 * does) and loads the built functions.js the way Excel's runtime does: a fresh JavaScript realm whose
 * only host global is `CustomFunctions`, recording every `associate(id, fn)` call. Tests then call
 * each function by its id with Excel-shaped arguments (a cell of an `any[][]` parameter is `[[v]]`,
 * an omitted optional argument is `null`).
 *
 * One build per set of sources: the output goes to test-output/bundle-<variant>/ with a fingerprint
 * of every input file, and a lock directory keeps parallel jest workers from building at once.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

/** The project root: the nearest folder above holding manifest.xml (also from a compiled copy, e.g. the benchmarks). */
export const RACINE = (() => {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "manifest.xml")) && fs.existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) return path.resolve(__dirname, "../..");
  }
})();

/** Inputs of the build: a change to any of them rebuilds. */
const ENTREES = ["src", "assets", "webpack.config.js", "manifest.xml", "package.json", "tsconfig.json", "scripts/manifeste.js", "scripts/aide.js", "docs/fonctions.md"];

function fichiers(p: string): string[] {
  const complet = path.join(RACINE, p);
  if (!fs.existsSync(complet)) return [];
  if (fs.statSync(complet).isFile()) return [p];
  return fs.readdirSync(complet).sort().flatMap((n) => fichiers(path.join(p, n)));
}

function empreinte(variante: string): string {
  const h = createHash("sha256").update(variante);
  for (const f of ENTREES.flatMap(fichiers)) h.update(f).update(fs.readFileSync(path.join(RACINE, f)));
  return h.digest("hex");
}

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

function vivant(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock (an atomic mkdir holding the owner's pid), waiting for another worker's build. A lock
 * whose owner is dead (a killed test run), or older than 10 minutes, is stale and taken over.
 */
async function verrouiller(verrou: string): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(verrou, { recursive: false });
      fs.writeFileSync(path.join(verrou, "pid"), String(process.pid));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        const pid = Number(fs.readFileSync(path.join(verrou, "pid"), "utf8"));
        const vieux = Date.now() - fs.statSync(verrou).mtimeMs > 600_000;
        if ((pid > 0 && !vivant(pid)) || vieux) fs.rmSync(verrou, { recursive: true, force: true });
      } catch {
        // the owner has not written its pid yet, or removed the lock meanwhile
      }
      await attendre(250);
    }
  }
}

/**
 * The built add-in's folder: test-output/bundle-cdn (office.js from Microsoft's CDN, as `npm run
 * build`) or test-output/bundle-offline (`--env offline`). Throws with webpack's output on failure.
 */
export async function construireBundle(variante: "cdn" | "offline" = "cdn"): Promise<string> {
  const relatif = path.join("test-output", `bundle-${variante}`);
  const sortie = path.join(RACINE, relatif);
  const marque = path.join(sortie, ".empreinte");
  const verrou = `${sortie}.verrou`;
  fs.mkdirSync(path.dirname(sortie), { recursive: true });
  await verrouiller(verrou);
  try {
    const voulue = empreinte(variante);
    if (fs.existsSync(marque) && fs.readFileSync(marque, "utf8") === voulue) return sortie;
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [RACINE] });
    const args = [cli, "--mode", "production", "--env", `sortie=${relatif}`, ...(variante === "offline" ? ["--env", "offline"] : [])];
    const r = spawnSync(process.execPath, args, { cwd: RACINE, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`La construction webpack a échoué (code ${r.status}) :\n${r.stdout}\n${r.stderr}`);
    fs.writeFileSync(marque, voulue);
    return sortie;
  } finally {
    fs.rmSync(verrou, { recursive: true, force: true });
  }
}

/** CustomFunctions.Error as Excel's runtime provides it: a code ("#VALUE!", "#N/A"…) and a message. */
export class ErreurCustomFunctions {
  constructor(readonly code: string, readonly message?: string) {}
}

export const CODES_ERREUR = {
  divisionByZero: "#DIV/0!", invalidName: "#NAME?", invalidNumber: "#NUM!", invalidReference: "#REF!",
  invalidValue: "#VALUE!", notAvailable: "#N/A", nullReference: "#NULL!", connect: "#CONNECT!", busy: "#BUSY!",
} as const;

export interface FonctionsChargees {
  /** Every id passed to CustomFunctions.associate, in order. */
  ids: string[];
  /** Calls a function by its id, as Excel does. */
  appeler(id: string, ...args: unknown[]): unknown;
}

/**
 * Runs functions.js with a recording CustomFunctions global: in a new realm (`vm` context, the
 * default, so that nothing leaks between loads), or, for speed measurements, in this process's own
 * realm as a function whose parameters are the runtime's globals. A `vm` context makes every read
 * of a global (`Math`, `Object`, `Array`…) go through its interceptor, some 60 times the cost of a
 * plain read (BENCHMARKS.md); a web page, which is what Office's shared runtime is, has no such cost.
 */
export function chargerFonctions(dossierBundle: string, options: { royaume?: "neuf" | "principal" } = {}): FonctionsChargees {
  const code = fs.readFileSync(path.join(dossierBundle, "functions.js"), "utf8");
  const associees = new Map<string, (...args: unknown[]) => unknown>();
  const ids: string[] = [];
  const associer = (id: string | Record<string, (...a: unknown[]) => unknown>, f?: (...a: unknown[]) => unknown) => {
    const paires = typeof id === "string" ? [[id, f!] as const] : Object.entries(id);
    for (const [cle, fn] of paires) {
      if (typeof fn !== "function") throw new Error(`associate("${cle}") sans fonction`);
      if (associees.has(cle)) throw new Error(`associate("${cle}") appelé deux fois`);
      associees.set(cle, fn);
      ids.push(cle);
    }
  };
  const CustomFunctions = { associate: associer, Error: ErreurCustomFunctions, ErrorCode: CODES_ERREUR };
  if (options.royaume === "principal") {
    const fabrique = vm.runInThisContext(`(function (CustomFunctions, console, setTimeout) {\n${code}\n})`, { filename: "functions.js" }) as (...a: unknown[]) => void;
    fabrique(CustomFunctions, console, setTimeout);
  } else {
    const contexte = vm.createContext({
      CustomFunctions,
      console,
      // The shared runtime is a web page: long catalogues yield with setTimeout (src/functions/entrees.ts).
      setTimeout,
    });
    vm.runInContext(code, contexte, { filename: "functions.js" });
  }
  return {
    ids,
    appeler(id, ...args) {
      const f = associees.get(id);
      if (!f) throw new Error(`Aucune fonction associée à l'id ${id}`);
      return f(...args);
    },
  };
}

/**
 * A result in plain test terms: errors as { erreur: "#VALUE!", message }, arrays rebuilt in this realm
 * (the bundle's arrays come from another realm).
 */
export type Simple = string | number | boolean | null | { erreur: string; message?: string } | Simple[];

export function simplifier(v: unknown): Simple {
  if (v instanceof ErreurCustomFunctions) return { erreur: v.code, message: v.message };
  if (Array.isArray(v)) return v.map(simplifier);
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw new Error(`Valeur inattendue pour Excel : ${String(v)} (${typeof v})`);
}

/** A cell as Excel hands it to an `any[][]` parameter. */
export const c = (v: unknown): unknown[][] => [[v]];
