/**
 * What the browser tests share: a Chromium-family browser already on the machine (never a
 * downloaded one) with the project's flags, and a static server for the built add-in on 127.0.0.1
 * and a free port.
 */
import { accessSync, constants, readFileSync, statSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

/** The environment variable naming a browser, when it is somewhere the search below does not look. */
export const VARIABLE_NAVIGATEUR = "CNC_CHROMIUM";

/** Browser programs by name, looked up in PATH: Debian/Ubuntu Chromium, Google Chrome, Microsoft Edge. */
const NOMS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "msedge"];

/** Where installers put them when they are not in PATH (Linux, macOS, Windows). */
function emplacements(env: NodeJS.ProcessEnv): string[] {
  const windows = [env["ProgramFiles"], env["ProgramFiles(x86)"], env["LOCALAPPDATA"]].filter((d): d is string => Boolean(d));
  return [
    "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ...windows.flatMap((d) => [path.join(d, "Google", "Chrome", "Application", "chrome.exe"), path.join(d, "Microsoft", "Edge", "Application", "msedge.exe"), path.join(d, "Chromium", "Application", "chrome.exe")]),
  ];
}

export function executable(fichier: string): boolean {
  try {
    if (!statSync(fichier).isFile()) return false;
    accessSync(fichier, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How to get a browser, in one line (the message of a failed browser test). */
export const COMMENT_INSTALLER = `installez Chromium (Debian/Ubuntu : « sudo apt-get install chromium »), Google Chrome ou Microsoft Edge, ou indiquez le chemin d'un navigateur de la famille Chromium dans la variable ${VARIABLE_NAVIGATEUR}`;

/** An error shown as its one French line: no stack, since the cause is the machine, not the code. */
export class NavigateurIntrouvable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NavigateurIntrouvable";
    this.stack = message;
  }
}

/**
 * The browser the tests drive: $CNC_CHROMIUM if set, else the first Chromium-family browser found
 * in PATH or where installers put it. Throws NavigateurIntrouvable (one French line) otherwise.
 */
export function trouverNavigateur(env: NodeJS.ProcessEnv = process.env, estExecutable: (f: string) => boolean = executable): string {
  const choisi = env[VARIABLE_NAVIGATEUR];
  if (choisi) {
    if (estExecutable(choisi)) return choisi;
    throw new NavigateurIntrouvable(`Tests du volet dans le navigateur : ${VARIABLE_NAVIGATEUR}=${choisi} n'est pas un programme exécutable ; ${COMMENT_INSTALLER}.`);
  }
  const chemins = (env["PATH"] ?? "").split(path.delimiter).filter(Boolean);
  const suffixes = process.platform === "win32" ? [".exe", ""] : [""];
  for (const nom of NOMS) {
    for (const d of chemins) for (const s of suffixes) {
      const f = path.join(d, nom + s);
      if (estExecutable(f)) return f;
    }
  }
  const trouve = emplacements(env).find(estExecutable);
  if (trouve) return trouve;
  throw new NavigateurIntrouvable(`Tests du volet dans le navigateur : aucun navigateur Chromium, Chrome ou Edge trouvé ; ${COMMENT_INSTALLER}.`);
}
export const OPTIONS_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".png": "image/png", ".xml": "application/xml", ".map": "application/json",
};

export interface Serveur {
  origine: string;
  fermer(): Promise<void>;
}

export function servir(racine: string): Promise<Serveur> {
  const serveur = http.createServer((req, res) => {
    const chemin = path.join(racine, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!chemin.startsWith(racine + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const contenu = readFileSync(chemin);
      res.writeHead(200, { "content-type": TYPES[path.extname(chemin)] ?? "application/octet-stream" }).end(contenu);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => serveur.listen(0, "127.0.0.1", () => ok({
    origine: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`,
    fermer: () => new Promise<void>((fin) => serveur.close(() => fin())),
  })));
}

export async function lancerChromium(): Promise<Browser> {
  const executablePath = trouverNavigateur();
  try {
    return await chromium.launch({ executablePath, headless: true, args: OPTIONS_CHROMIUM });
  } catch (e) {
    // Playwright's launch log is long and English: keep its first line, after ours.
    const cause = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new NavigateurIntrouvable(`Tests du volet dans le navigateur : « ${executablePath} » ne démarre pas (${cause}) ; ${COMMENT_INSTALLER}.`);
  }
}

export interface Violation { directive: string; source: string; bloque: string }

/** Records CSP violations from the first instant, before any script of the page runs. */
export function scriptViolations(): void {
  const w = window as unknown as { __violations: Violation[] };
  w.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    w.__violations.push({ directive: e.violatedDirective, source: e.sourceFile, bloque: e.blockedURI });
  });
}
