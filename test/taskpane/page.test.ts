/**
 * The built taskpane.html, as Office gets it (office.js from Microsoft's CDN) and as tests get it
 * (--env offline): a strict Content-Security-Policy, no inline script, office.js first.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { construireBundle } from "../helpers/bundle";

function directives(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!m) throw new Error("pas de Content-Security-Policy dans taskpane.html");
  return new Map(m[1].split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([nom, ...valeurs]) => [nom, valeurs]));
}

/** The page's scripts without their version query (`functions.js?<hash>`, docs/deploiement.md). */
function scripts(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => /\bsrc="?([^"\s>]+)/.exec(m[1])?.[1]?.replace(/\?.*$/, "") ?? null);
}

const STRICTES: [string, string[]][] = [
  ["default-src", ["'self'"]], ["connect-src", ["'none'"]], ["frame-src", ["'none'"]], ["object-src", ["'none'"]],
  ["base-uri", ["'none'"]], ["form-action", ["'none'"]], ["img-src", ["'self'"]], ["font-src", ["'self'"]],
  // The one hash is that of the empty text (FAST's :focus-visible probe): no inline style content passes.
  ["style-src", ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]],
];

test("construction normale : office.js du CDN de Microsoft, seul hôte extérieur permis, et rien d'autre", async () => {
  const html = readFileSync(path.join(await construireBundle("cdn"), "taskpane.html"), "utf8");
  const csp = directives(html);
  for (const [nom, valeurs] of STRICTES) expect([nom, csp.get(nom)]).toEqual([nom, valeurs]);
  expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  // First the ES5 guard for old webviews (src/taskpane/ancien-navigateur.js), then office.js.
  expect(scripts(html)).toEqual(["ancien-navigateur.js", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
}, 600_000);

test("construction hors ligne : tout vient de la page elle-même", async () => {
  const html = readFileSync(path.join(await construireBundle("offline"), "taskpane.html"), "utf8");
  const csp = directives(html);
  for (const [nom, valeurs] of STRICTES) expect([nom, csp.get(nom)]).toEqual([nom, valeurs]);
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(scripts(html)).toEqual(["ancien-navigateur.js", "office-js/office.js", "functions.js", "taskpane.js"]);
}, 600_000);
