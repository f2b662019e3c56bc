/// <reference types="office-js" />
/**
 * Entry point of the task pane. In Excel it reads the workbook's dossier; opened anywhere else
 * (a browser, Office.js absent or no host) it offers to load a dossier JSON file. The page also
 * hosts the custom functions (shared runtime): webpack injects functions.js before this script.
 */
import { enregistrerComposants } from "./composants";
import { creerEcran, type Ecran } from "./ecran";
import { demarrerModeAutonome } from "./mode-autonome";
import { demarrerModeExcel } from "./mode-excel";
import { adopterStyles } from "./styles";
import { vueMessage } from "./vue/messages";

function officePresent(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

async function demarrer(ecran: Ecran): Promise<void> {
  if (!officePresent()) {
    demarrerModeAutonome(ecran);
    return;
  }
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) await demarrerModeExcel(ecran);
  else demarrerModeAutonome(ecran);
}

function principal(): void {
  adopterStyles(document);
  enregistrerComposants();
  const ecran = creerEcran();
  demarrer(ecran).catch((e: unknown) => {
    ecran.montrerAvis([vueMessage("erreur", "Le volet n'a pas pu démarrer.", [e instanceof Error ? e.message : String(e)])]);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", principal);
else principal();
