/** An error in a workbook the user can fix, with a French message naming the sheet and the cell. */
export class ErreurClasseur extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErreurClasseur";
  }
}

/** How a cell is named in every message: « Plan de financement »!K7. */
export function nomCellule(feuille: string, adresse: string): string {
  return `« ${feuille} »!${adresse}`;
}
