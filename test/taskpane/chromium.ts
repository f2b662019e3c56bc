/**
 * What the browser tests share: Debian's Chromium (never a downloaded browser) with the project's
 * flags, and a static server for the built add-in on 127.0.0.1 and a free port.
 */
import { readFileSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
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

export function lancerChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: OPTIONS_CHROMIUM });
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
