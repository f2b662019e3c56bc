/**
 * HyperFormula exports a number rounded to 10 significant digits with a factor 10^(10 − exponent),
 * infinite for |v| below ~1e-299: the value comes out NaN. A NaN must never reach a cell of the
 * written workbook (`<v>NaN</v>` is not a number Excel reads): it becomes #NUM! with a French message.
 */
import { HyperFormula } from "hyperformula";
import { valeurCalculee } from "../../src/classeur/resume";

describe("nombres hors de l'échelle du moteur", () => {
  it("une valeur minuscule relue par le moteur donne #NUM!, jamais NaN", () => {
    const hf = HyperFormula.buildFromArray([[1e-310, "=A1", 5e-324, "=C1*1"]], { licenseKey: "gpl-v3" });
    try {
      for (const col of [0, 1, 2, 3]) {
        const v = valeurCalculee(hf.getCellValue({ sheet: 0, row: 0, col }));
        expect(v).toEqual({ erreur: "#NUM!", message: expect.stringMatching(/hors de l'échelle/) });
      }
    } finally {
      hf.destroy();
    }
  });

  it("les nombres ordinaires passent tels quels", () => {
    expect(valeurCalculee(1250000.5)).toBe(1250000.5);
    expect(valeurCalculee(0)).toBe(0);
    expect(valeurCalculee(-0.01)).toBe(-0.01);
  });
});
