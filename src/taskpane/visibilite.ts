/// <reference types="office-js" />
/**
 * Nothing runs for a hidden pane. With `lifetime="long"` (manifest.xml, shared runtime) the page
 * loads as soon as a CNC formula calculates, pane closed, and stays loaded when the pane is closed.
 * The workbook handlers are therefore registered only while the pane is visible and removed when
 * it is hidden: `Office.addin.onVisibilityModeChanged` (SharedRuntime 1.1; "Taskpane" / "Hidden",
 * learn.microsoft.com/javascript/api/office/office.visibilitymode). Before its first message, the
 * page's own visibility (`document.visibilityState`) stands for the pane's.
 */

/** Starts and stops a subscription as visibility changes, one change at a time, never twice. */
export function creerSuivi(demarrer: () => Promise<() => Promise<void>>, surErreur: (e: unknown) => void) {
  let arreter: (() => Promise<void>) | null = null;
  let voulu = false;
  let file: Promise<void> = Promise.resolve();
  const appliquer = async () => {
    try {
      if (voulu && !arreter) arreter = await demarrer();
      else if (!voulu && arreter) {
        const a = arreter;
        arreter = null;
        await a();
      }
    } catch (e) {
      surErreur(e);
    }
  };
  return {
    /** The pane is (or is not) visible: subscribe or unsubscribe, after any change under way. */
    visible(v: boolean): Promise<void> {
      voulu = v;
      file = file.then(appliquer);
      return file;
    },
    get actif(): boolean {
      return arreter !== null;
    },
  };
}

/** Calls `changer(true|false)` now and whenever Office shows or hides the pane. */
export async function suivreVisibilite(changer: (visible: boolean) => void): Promise<void> {
  changer(typeof document === "undefined" || document.visibilityState !== "hidden");
  const addin = typeof Office !== "undefined" ? (Office as { addin?: typeof Office.addin }).addin : undefined;
  if (addin && typeof addin.onVisibilityModeChanged === "function") {
    try {
      await addin.onVisibilityModeChanged((m) => changer(m.visibilityMode === Office.VisibilityMode.taskpane));
    } catch {
      // A host without the shared runtime's visibility messages: the pane stays as it is (visible).
    }
  }
}
