/**
 * Benchmark 2 in a real browser: the built functions.js in a page of the machine's Chromium (Office's
 * shared runtime is a web page: WebView2, a Chromium, on Windows), the same 10 000 works as the bundle
 * benchmark. Each measure opens a new page, so the first call runs on freshly loaded code, as after
 * opening a workbook; a second catalogue of 10 000 never-seen works (every apport changed) then shows
 * the same call once the code is warm. The page does no network: the script is given as text.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { chromium } from "playwright-core";
import { CHAMPS } from "../src/dossier";
import { OPTIONS_CHROMIUM, trouverNavigateur } from "../test/taskpane/chromium";
import { construireBundle } from "../test/helpers/bundle";
import { genererDossiers } from "./dossiers";
import { mediane } from "./mesure";
import type { Ligne } from "./tableau";

const NOMBRE = 10_000;
const PAGES = 5;

/** In the page: a CustomFunctions that records the functions, then the two timed catalogue calls. */
const PREPARER = `window.__fonctions = new Map();
window.CustomFunctions = {
  associate: (id, f) => { if (typeof id === "string") window.__fonctions.set(id, f); else for (const k of Object.keys(id)) window.__fonctions.set(k, id[k]); },
  Error: class { constructor(code, message) { this.code = code; this.message = message; } },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};`;

export async function benchNavigateur(): Promise<Ligne[]> {
  let executable: string;
  try {
    executable = trouverNavigateur();
  } catch (e) {
    return [{ mesure: "2. Navigateur : premier appel catalogue dans Chromium", valeur: NaN, unite: "ms", note: `non mesuré : ${(e as Error).message}` }];
  }
  const dossier = await construireBundle("cdn");
  const code = readFileSync(join(dossier, "functions.js"), "utf8");
  const entete = CHAMPS.map((c) => c.champ);
  const lignes = genererDossiers(NOMBRE).map((d) => entete.map((champ) => (d[champ] ?? null) as unknown));
  const navigateur = await chromium.launch({ executablePath: executable, args: OPTIONS_CHROMIUM });
  const premiers: number[] = [];
  const chauds: number[] = [];
  try {
    for (let i = 0; i < PAGES; i++) {
      const page = await navigateur.newPage();
      await page.route("**/*", (r) => r.abort());
      await page.addScriptTag({ content: PREPARER });
      await page.evaluate(([e, l]) => { (window as any).__entete = e; (window as any).__lignes = l; }, [entete, lignes] as const);
      await page.addScriptTag({ content: code });
      const [premier, chaud] = await page.evaluate(async () => {
        const w = window as any;
        const f = w.__fonctions.get("APPORT_CONFORME");
        const iApport = w.__entete.indexOf("apportInitial");
        const autres = w.__lignes.map((l: unknown[]) => l.map((v, j) => (j === iApport && typeof v === "number" ? v + 1 : v)));
        let t0 = performance.now();
        await f([w.__entete], w.__lignes, null);
        const a = performance.now() - t0;
        t0 = performance.now();
        await f([w.__entete], autres, null);
        return [a, performance.now() - t0];
      });
      premiers.push(premier);
      chauds.push(chaud);
      await page.close();
    }
  } finally {
    await navigateur.close();
  }
  const version = navigateur.version();
  return [
    { mesure: "2. Navigateur : premier appel catalogue, 10 000 œuvres (Chromium)", valeur: mediane(premiers), unite: "ms", note: `code fraîchement chargé, médiane de ${PAGES} pages ; Chromium ${version}` },
    { mesure: "2. Navigateur : le même appel sur 10 000 autres œuvres, code chaud", valeur: mediane(chauds), unite: "ms", note: "aucune œuvre en mémoire (chaque apport changé)" },
  ];
}
