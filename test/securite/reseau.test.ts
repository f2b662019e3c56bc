/**
 * Financing plans are confidential: nothing the add-in or the CLI runs may talk to the network.
 *
 * - The built bundles (functions.js, taskpane.js: what Excel loads) are scanned for every way a page
 *   sends data — fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource, WebTransport, WebRTC,
 *   image beacons, scripts or frames created at run time, importScripts, postMessage, navigation. Any
 *   hit fails, unless listed in AUTORISES with the reason it is harmless (one today, in the CLI: the
 *   port of `calculer`'s worker to its own process). Every URL written in the bundles must be one of URLS_CONNUES, each with its reason.
 * - The packages inside the bundles (from their source maps) are exactly the expected ones: no
 *   telemetry (office-addin-usage-data, Application Insights, 1DS, OpenTelemetry, Sentry…).
 * - Every HTML page of the build has a strict Content-Security-Policy (default-src 'self',
 *   connect-src 'none', no 'unsafe-eval') and no inline script or event handler.
 * - The CLI, compiled, is scanned the same way, then run (evaluer, calculer, verifier) with every
 *   network module of Node watched, in the main thread and in `calculer`'s worker: none is loaded,
 *   and no child process is started.
 * - CI switches Office's usage data off (.ci/run).
 *
 * office.js itself is not ours: the production page loads it from Microsoft's CDN with a <script>
 * (Office requires it; it is the Office runtime) — checked below as the only external script.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { construireBundle, RACINE } from "../helpers/bundle";

/** What a page or a Node process could use to send data out. */
const APPELS_RESEAU: [string, RegExp][] = [
  ["fetch", /\bfetch\s*\(|\.fetch\b|\["fetch"\]/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["sendBeacon", /\bsendBeacon\b/],
  ["EventSource", /\bEventSource\b/],
  ["WebTransport", /\bWebTransport\b/],
  ["RTCPeerConnection", /\bRTCPeerConnection\b|\bRTCDataChannel\b/],
  ["importScripts", /\bimportScripts\b/],
  ["image beacon", /\bnew\s+Image\s*\(|\.src\s*=\s*["'`]https?:/],
  ["élément créé pour charger une URL", /createElement\(\s*["'`](script|iframe|img|link|frame|object|embed)["'`]\s*\)/i],
  ["postMessage", /\.postMessage\s*\(/],
  ["navigation", /\blocation\.(assign|replace)\s*\(|\blocation\.href\s*=|\bwindow\.open\s*\(/],
  ["Worker", /\bnew\s+(Shared)?Worker\s*\(/],
  ["chargement dynamique", /\bimport\s*\(/],
];

/** Hits proven harmless, each with its reason. A new one must be investigated first. */
const AUTORISES: { fichier: string; appel: string; raison: string }[] = [
  {
    fichier: "cli/isole.js", appel: "postMessage",
    raison: "cnc-rga calculer : le worker qui calcule sous une borne de mémoire (src/cli/isole.ts) rend sa progression, son résumé ou son erreur au fil principal du même processus par son port (parentPort.postMessage) ; rien ne sort du processus, et le worker est surveillé à l'exécution comme le fil principal",
  },
];

/** Node modules named by the CLI's check, proven harmless where listed. */
const MODULES_AUTORISES: { fichier: string; module: string; raison: string }[] = [
  { fichier: "cli/isole.js", module: "worker_threads", raison: "un fil d'exécution du même processus, pour borner le tas de `cnc-rga calculer` (BENCHMARKS.md, issue 15) ; aucune entrée ni sortie hors du processus" },
];

/** Every URL written in the bundles, and why it is not a connection. */
const URLS_CONNUES: { motif: RegExp; raison: string }[] = [
  {
    motif: /^https?:\/\/json-schema\.org\/(draft\/2020-12|draft-07|draft-04)\/schema$/,
    raison: "zod (lecture des dossiers) : identifiants « $schema » écrits dans un schéma JSON par toJSONSchema, jamais appelé ; de simples chaînes, jamais chargées",
  },
  {
    motif: /^http:\/\/www\.w3\.org\/2000\/svg$/,
    raison: "Fluent UI : espace de noms XML des icônes SVG dessinées dans la page",
  },
  {
    motif: /^https:\/\/www\.legifrance\.gouv\.fr\/search\/code$/,
    raison: "lien vers le texte d'un article du RGA, ouvert seulement quand l'utilisateur clique (target _blank, rel noopener noreferrer) ; l'adresse ne porte que le numéro d'article, aucune donnée du dossier",
  },
];

/** Packages allowed inside the add-in's bundles, and why each is there. */
const PAQUETS_ATTENDUS: Record<string, string> = {
  "decimal.js": "calculs exacts en euros du cœur des règles",
  zod: "validation des dossiers (src/dossier)",
  "fastest-levenshtein": "champ le plus proche d'un libellé mal écrit (src/dossier/suggestion.ts)",
  "@fluentui/web-components": "composants du volet",
  "@microsoft/fast-element": "socle de Fluent UI",
  "@microsoft/fast-foundation": "socle de Fluent UI",
  "@microsoft/fast-web-utilities": "socle de Fluent UI",
  "@microsoft/fast-colors": "socle de Fluent UI (couleurs du thème)",
  tslib: "assistants TypeScript de Fluent UI",
  "exenv-es6": "détection du DOM, pour Fluent UI",
};

/** Packages that collect usage data: none may ever be in a bundle. */
const TELEMETRIE = /office-addin-usage-data|applicationinsights|@microsoft\/1ds|@microsoft\/oteljs|opentelemetry|@sentry|posthog|mixpanel|segment|amplitude|google-analytics|gtag|datadog|newrelic|bugsnag|rollbar|logrocket|hotjar/i;

/** Each match of `motif` in `code`, with a little context. */
function occurrences(code: string, motif: RegExp): string[] {
  const global = new RegExp(motif.source, motif.flags.includes("g") ? motif.flags : `${motif.flags}g`);
  return [...code.matchAll(global)].map((m) => code.slice(Math.max(0, m.index! - 60), m.index! + m[0].length + 120));
}

function appelsInterdits(fichier: string, code: string): { fichier: string; appel: string; contexte: string }[] {
  return APPELS_RESEAU.flatMap(([appel, motif]) => occurrences(code, motif).map((contexte) => ({ fichier, appel, contexte })))
    .filter((h) => !AUTORISES.some((a) => a.fichier === h.fichier && a.appel === h.appel));
}

function urls(code: string): string[] {
  // The address without its query: what is contacted, not what is sent.
  return [...new Set([...code.matchAll(/https?:\/\/[^\s"'`<>()\\?#]+/g)].map((m) => m[0].replace(/[.,;]$/, "")))];
}

function paquetsDeSources(sources: string[]): string[] {
  return [...new Set(sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1] ?? []))].sort();
}

/** The production build keeps its source maps apart from the site, in <dossier>-sourcemaps (webpack.config.js). */
const carte = (dossier: string, bundle: string) => path.join(`${dossier}-sourcemaps`, `${bundle}.map`);

function paquets(dossier: string, bundle: string): string[] {
  return paquetsDeSources(JSON.parse(fs.readFileSync(carte(dossier, bundle), "utf8")).sources);
}

const BUNDLES = ["functions.js", "taskpane.js"];

test("le détecteur trouve chaque façon d'envoyer des données (minifiée ou non)", () => {
  const espion = 'fetch("https://x.example/a");let x=new XMLHttpRequest;new WebSocket(u);navigator.sendBeacon(u,d);new EventSource(u);' +
    'new Image().src="https://x.example/p.gif";document.createElement("script");parent.postMessage(d,"*");location.href="https://x.example";' +
    'window.open(u);new Worker(u);import("https://x.example/m.js");self.importScripts(u);new RTCPeerConnection;new WebTransport(u);g.fetch(u);';
  const trouves = new Set(appelsInterdits("essai.js", espion).map((h) => h.appel));
  expect([...trouves].sort()).toEqual(APPELS_RESEAU.map(([a]) => a).sort());
  expect(urls(espion)).toEqual(["https://x.example/a", "https://x.example/p.gif", "https://x.example", "https://x.example/m.js"]);
  expect(paquetsDeSources(["webpack://x/./node_modules/office-addin-usage-data/lib/x.js"]).filter((p) => TELEMETRIE.test(p))).toEqual(["office-addin-usage-data"]);
});

describe.each(["cdn", "offline"] as const)("bundles du complément (construction %s)", (variante) => {
  let dossier: string;
  beforeAll(async () => {
    dossier = await construireBundle(variante);
  }, 600_000);

  test.each(BUNDLES)("%s : aucun appel réseau", (bundle) => {
    const code = fs.readFileSync(path.join(dossier, bundle), "utf8");
    expect(code.length).toBeGreaterThan(10_000);
    expect(appelsInterdits(bundle, code)).toEqual([]);
  });

  test.each(BUNDLES)("%s : chaque URL écrite est connue, et n'est qu'une chaîne (jamais chargée)", (bundle) => {
    const code = fs.readFileSync(path.join(dossier, bundle), "utf8");
    const inconnues = urls(code).filter((u) => !URLS_CONNUES.some((k) => k.motif.test(u)));
    expect(inconnues).toEqual([]);
    // json-schema.org only as the value of a $schema key, the Légifrance address only in its link builder.
    for (const ctx of occurrences(code, /https?:\/\/json-schema\.org/)) expect(ctx).toMatch(/\$schema="https?:\/\/json-schema\.org/);
    for (const ctx of occurrences(code, /legifrance\.gouv\.fr/)) expect(ctx).toMatch(/`https:\/\/www\.legifrance\.gouv\.fr\/search\/code\?\$\{new URLSearchParams\(\{tab_selection:"code",searchField:"NUM_ARTICLE"/);
  });

  test.each(BUNDLES)("%s : seulement les paquets attendus, aucune télémétrie", (bundle) => {
    const p = paquets(dossier, bundle);
    expect(p.filter((x) => TELEMETRIE.test(x))).toEqual([]);
    expect(p.filter((x) => !(x in PAQUETS_ATTENDUS))).toEqual([]);
    const sources: string[] = JSON.parse(fs.readFileSync(carte(dossier, bundle), "utf8")).sources;
    expect(sources.filter((s) => TELEMETRIE.test(s))).toEqual([]);
  });

  test("chaque page HTML : CSP stricte, aucun script en ligne ni gestionnaire d'événement, office.js seul script extérieur", () => {
    const pages = fs.readdirSync(dossier).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = fs.readFileSync(path.join(dossier, page), "utf8");
      const metas = [...html.matchAll(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/gi)];
      expect({ page, csp: metas.length }).toEqual({ page, csp: 1 });
      const csp = new Map(metas[0][1].split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([nom, ...v]) => [nom, v]));
      expect({ page, defaut: csp.get("default-src") }).toEqual({ page, defaut: ["'self'"] });
      expect({ page, connexions: csp.get("connect-src") }).toEqual({ page, connexions: ["'none'"] });
      expect({ page, objets: csp.get("object-src"), base: csp.get("base-uri"), formulaires: csp.get("form-action") }).toEqual({ page, objets: ["'none'"], base: ["'none'"], formulaires: ["'none'"] });
      const scriptSrc = csp.get("script-src") ?? csp.get("default-src")!;
      expect(scriptSrc.filter((s) => /unsafe|^data:|^blob:|^\*$|^https?:$/.test(s))).toEqual([]);
      expect(metas[0][1]).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
      // Every <script> has a src and nothing inside; no on…= handler anywhere.
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect({ page, src: /\bsrc=/.test(m[1]), corps: m[2].trim() }).toEqual({ page, src: true, corps: "" });
      }
      expect(html.match(/\son[a-z]+\s*=/gi) ?? []).toEqual([]);
      const exterieurs = [...html.matchAll(/<script\b[^>]*\bsrc="?(https?:[^"\s>]+)/gi)].map((m) => m[1]);
      // office.js only in the pane's page; the help page (aide.html) runs no script at all.
      const volet = page === "taskpane.html";
      expect({ page, exterieurs }).toEqual({ page, exterieurs: variante === "cdn" && volet ? ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"] : [] });
      if (variante === "cdn" && volet) expect(scriptSrc).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      if (!volet) expect({ page, scriptSrc }).toEqual({ page, scriptSrc: ["'none'"] });
    }
  });
});

test("le modèle de la page ne permet connect-src 'self' qu'au serveur de développement, 'none' sinon", () => {
  const modele = fs.readFileSync(path.join(RACINE, "src/taskpane/taskpane.html"), "utf8");
  const m = /connect-src ([^;]*);/.exec(modele);
  expect(m).not.toBeNull();
  const valeurs = [...m![1].matchAll(/"('[a-z]+')"/g)].map((x) => x[1]).sort();
  expect(valeurs).toEqual(["'none'", "'self'"]);
  expect(m![1]).toMatch(/webpackConfig\.mode === 'development'\) \? "'self'" : "'none'"/);
});

describe("ligne de commande (cnc-rga)", () => {
  const sortie = path.join(RACINE, "test-output/cli-securite");
  beforeAll(() => {
    // Its own output folder: other tests compile build/cli at the same time.
    fs.rmSync(sortie, { recursive: true, force: true });
    const tsc = spawnSync(process.execPath, [path.join(RACINE, "node_modules/typescript/bin/tsc"), "-p", path.join(RACINE, "tsconfig.cli.json"), "--outDir", sortie], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
  }, 120_000);

  function fichiersJs(d: string): string[] {
    return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fichiersJs(path.join(d, e.name)) : e.name.endsWith(".js") ? [path.join(d, e.name)] : []));
  }

  test("le code compilé n'appelle pas le réseau et n'importe aucun module réseau de Node", () => {
    const fichiers = fichiersJs(sortie);
    expect(fichiers.length).toBeGreaterThan(20);
    const trouves = fichiers.flatMap((f) => {
      const code = fs.readFileSync(f, "utf8");
      const relatif = path.relative(sortie, f);
      const modules = [...code.matchAll(/require\(["'](?:node:)?(net|http|https|http2|tls|dgram|dns|undici|child_process|worker_threads)["']\)/g)]
        .filter((m) => !MODULES_AUTORISES.some((a) => a.fichier === relatif && a.module === m[1]))
        .map((m) => ({ fichier: relatif, appel: "module réseau", contexte: m[0] }));
      return [...appelsInterdits(relatif, code).filter((h) => h.appel !== "chargement dynamique"), ...modules];
    });
    expect(trouves).toEqual([]);
    // The worker's only messages go through its port to the thread that started it.
    const isole = fs.readFileSync(path.join(sortie, "cli", "isole.js"), "utf8");
    expect(isole.match(/\.postMessage\s*\(/g)?.length).toBe(isole.match(/\bport\.postMessage\(/g)?.length);
    // The one dynamic import loads the workbook modules from disk (src/cli/calculer.ts), not a URL.
    const dynamiques = fichiers.flatMap((f) => occurrences(fs.readFileSync(f, "utf8"), /\bimport\s*\(/).map((c) => `${path.relative(sortie, f)}: ${c}`));
    for (const d of dynamiques) expect(d).toMatch(/^cli[/\\]calculer\.js: .*(import\("\.\.\/classeur"\)|require\("\.\.\/classeur"\))/s);
  });

  test("à l'exécution (evaluer, calculer, verifier) : aucun module réseau chargé, aucun fetch, aucun processus lancé", () => {
    // Loaded before the CLI: records every network module required, any use of fetch / WebSocket, and
    // every child process started (commander loads child_process for executable subcommands, unused here).
    const espion = path.join(sortie, "espion.js");
    fs.writeFileSync(espion, `
const Module = require("module");
const traces = { modules: [], globaux: [], processus: [] };
const RESEAU = new Set(["net", "http", "https", "http2", "tls", "dgram", "dns", "undici"]);
const charger = Module._load;
let enveloppe = null;
Module._load = function (requete, parent, ...reste) {
  const nom = String(requete).replace(/^node:/, "");
  if (RESEAU.has(nom)) traces.modules.push(nom + " ← " + (parent && parent.filename));
  const m = charger.call(this, requete, parent, ...reste);
  if (nom === "child_process") {
    if (!enveloppe) {
      enveloppe = {};
      for (const [k, f] of Object.entries(m)) enveloppe[k] = typeof f === "function" ? function (...a) { traces.processus.push(k + " " + String(a[0])); return f.apply(this, a); } : f;
    }
    return enveloppe;
  }
  return m;
};
for (const g of ["fetch", "WebSocket", "EventSource", "XMLHttpRequest"]) {
  const v = globalThis[g];
  Object.defineProperty(globalThis, g, { configurable: true, get() { traces.globaux.push(g); return v; } });
}
process.on("exit", () => process.stderr.write("\\nTRACES " + JSON.stringify(traces) + "\\n"));
`);
    const plan = path.join(RACINE, "examples/plan-financement.xlsx");
    const commandes = [
      ["evaluer", path.join(RACINE, "examples/serie-fiction.json"), "--json"],
      ["calculer", plan, "-o", path.join(sortie, "plan.calcule.xlsx")],
      ["calculer", plan, "-o", path.join(sortie, "plan.borne.xlsx")],
      ["verifier", path.join(RACINE, "examples/catalogue.xlsx"), "--json"],
    ];
    for (const args of commandes) {
      // The second `calculer` with a heap cap: it computes in a worker, watched as well.
      const borne = args[args.length - 1].endsWith("plan.borne.xlsx");
      const r = spawnSync(process.execPath, ["-r", espion, "-e", `require(${JSON.stringify(path.join(sortie, "cli/main.js"))}).main(["node", "cnc-rga", ...process.argv.slice(1)]).then((c) => { process.exitCode = c; })`, ...args], { encoding: "utf8", cwd: RACINE, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CNC_RGA_TAS_MIO: borne ? "256" : "" } });
      expect({ args: args[0], code: r.status }).toEqual({ args: args[0], code: 0 });
      // One line of traces per thread.
      const toutes = [...r.stderr.matchAll(/TRACES (.*)\n/g)].map((m) => JSON.parse(m[1]));
      expect({ args: args[0], fils: toutes.length }).toEqual({ args: args[0], fils: borne ? 2 : 1 });
      for (const traces of toutes) expect({ args: args[0], ...traces }).toEqual({ args: args[0], modules: [], globaux: [], processus: [] });
    }
  }, 120_000);
});

test("la CI coupe les données d'utilisation d'Office, et aucun fichier source n'importe office-addin-usage-data", () => {
  expect(fs.readFileSync(path.join(RACINE, ".ci/run"), "utf8")).toMatch(/^npx --no-install office-addin-usage-data off\b/m);
  const sources = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(d, e.name)) : [path.join(d, e.name)]));
  const fautifs = [...sources(path.join(RACINE, "src")), path.join(RACINE, "webpack.config.js")].filter((f) => TELEMETRIE.test(fs.readFileSync(f, "utf8")));
  expect(fautifs).toEqual([]);
});
