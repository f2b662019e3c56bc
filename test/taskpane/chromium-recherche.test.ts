/**
 * Finding the browser for the task-pane tests (issue 14, "The first run"): wherever it is (Debian
 * chromium, Google Chrome, Microsoft Edge, a path in CNC_CHROMIUM), and when there is none, one
 * French line saying how to install one — not a Playwright stack.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join } from "path";
import { executable, NavigateurIntrouvable, trouverNavigateur, VARIABLE_NAVIGATEUR } from "./chromium";

const racine = mkdtempSync(join(tmpdir(), "cnc-navigateur-"));

/** A real executable file standing for a browser program. */
function programme(dossier: string, nom: string): string {
  mkdirSync(dossier, { recursive: true });
  const f = join(dossier, nom);
  writeFileSync(f, "#!/bin/sh\nexit 0\n");
  chmodSync(f, 0o755);
  return f;
}

/** Only files under the temporary folder exist: the machine's own browsers are not seen. */
const seulementIci = (f: string) => f.startsWith(racine) && executable(f);

function echec(f: () => unknown): NavigateurIntrouvable {
  try {
    f();
  } catch (e) {
    if (e instanceof NavigateurIntrouvable) return e;
    throw e;
  }
  throw new Error("aucune erreur");
}

describe("trouverNavigateur", () => {
  it("Google Chrome dans le PATH (google-chrome-stable) est trouvé", () => {
    const bin = join(racine, "chrome-bin");
    const f = programme(bin, "google-chrome-stable");
    expect(trouverNavigateur({ PATH: [join(racine, "vide"), bin].join(delimiter) }, seulementIci)).toBe(f);
  });

  it("Microsoft Edge dans le PATH est trouvé ; Chromium passe avant s'il est là aussi", () => {
    const bin = join(racine, "edge-bin");
    const edge = programme(bin, "microsoft-edge");
    expect(trouverNavigateur({ PATH: bin }, seulementIci)).toBe(edge);
    const chromium = programme(bin, "chromium");
    expect(trouverNavigateur({ PATH: bin }, seulementIci)).toBe(chromium);
  });

  it("un fichier non exécutable n'est pas un navigateur", () => {
    const bin = join(racine, "non-executable");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "chromium"), "pas un programme");
    expect(() => trouverNavigateur({ PATH: bin }, seulementIci)).toThrow(NavigateurIntrouvable);
  });

  it(`${VARIABLE_NAVIGATEUR} désigne un navigateur ailleurs, et passe avant le PATH`, () => {
    const autre = programme(join(racine, "ailleurs"), "mon-navigateur");
    const bin = join(racine, "path-bin");
    programme(bin, "chromium");
    expect(trouverNavigateur({ PATH: bin, [VARIABLE_NAVIGATEUR]: autre }, seulementIci)).toBe(autre);
  });

  it(`${VARIABLE_NAVIGATEUR} vers un fichier absent : une ligne en français qui le nomme`, () => {
    const e = echec(() => trouverNavigateur({ PATH: "", [VARIABLE_NAVIGATEUR]: "/nulle/part/chrome" }, seulementIci));
    expect(e.message).toContain(`${VARIABLE_NAVIGATEUR}=/nulle/part/chrome n'est pas un programme exécutable`);
    expect(e.message.split("\n")).toHaveLength(1);
  });

  it("aucun navigateur : une seule ligne en français qui dit comment en installer un, sans pile d'appels", () => {
    const e = echec(() => trouverNavigateur({ PATH: join(racine, "vide") }, seulementIci));
    expect(e.message).toMatch(/^Tests du volet dans le navigateur : aucun navigateur Chromium, Chrome ou Edge trouvé ; installez Chromium \(Debian\/Ubuntu : « sudo apt-get install chromium »\)/);
    expect(e.message).toContain(VARIABLE_NAVIGATEUR);
    expect(e.message.split("\n")).toHaveLength(1);
    // Jest prints `stack`: it must be the same single line, not "at …" frames.
    expect(e.stack).toBe(e.message);
  });

  it("sur cette machine, sans variable, le Chromium installé est trouvé (celui que lancent les tests du volet)", () => {
    const f = trouverNavigateur({ PATH: process.env.PATH ?? "" });
    expect(executable(f)).toBe(true);
  });
});
