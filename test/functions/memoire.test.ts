/** One evaluation per work, whatever the number of CNC formulas that read it (src/functions/memoire.ts). */
import * as regles from "../../src/rules";
import { APPORT_CONFORME, ECART, MAJORATION, REFERENCE_ELIGIBLE, STATUT } from "../../src/functions/cnc";
import { oeuvresMemorisees } from "../../src/functions/memoire";

const ENTETE = ["titre", "genre", "dateDemande", "coutDefinitif", "apportInitial", "apportNumeraireTelevision", "dureeMinutes"];
const lignes = (n: number, decalage: number) => Array.from({ length: n }, (_, i) => [`Œuvre ${i}`, "fiction", "2023-03-01", 1_000_000 + decalage + i, 250_000 + i, 100_000, 52]);

describe("mémoire des œuvres", () => {
  afterEach(() => jest.restoreAllMocks());

  it("les formules d'une même œuvre partagent un seul verdict", () => {
    const espion = jest.spyOn(regles, "evaluer");
    const l = lignes(50, 0);
    APPORT_CONFORME([ENTETE], l);
    expect(espion).toHaveBeenCalledTimes(50);
    REFERENCE_ELIGIBLE([ENTETE], l);
    MAJORATION([ENTETE], l);
    STATUT([ENTETE], "reference", l);
    ECART([ENTETE], [["majoration"]], l);
    expect(espion).toHaveBeenCalledTimes(50);
    // A changed value is another work: evaluated, never served a stale answer.
    const modifiees = l.map((r, i) => (i === 7 ? [...r.slice(0, 4), 100_000, ...r.slice(5)] : r));
    const reponse = APPORT_CONFORME([ENTETE], modifiees) as unknown[][];
    expect(espion).toHaveBeenCalledTimes(51);
    expect(reponse[7][0]).toBe(false);
    expect(reponse[6][0]).toBe(true);
  });

  it("un catalogue plus grand que la mémoire minimale n'est pas évincé avant d'être relu", () => {
    const l = lignes(6000, 10_000_000);
    APPORT_CONFORME([ENTETE], l);
    expect(oeuvresMemorisees()).toBeGreaterThanOrEqual(6000);
    const espion = jest.spyOn(regles, "evaluer");
    STATUT([ENTETE], "apport", l);
    expect(espion).not.toHaveBeenCalled();
  });
});
