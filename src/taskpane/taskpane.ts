/// <reference types="office-js" />
/**
 * Entry point of the task pane. In Excel it reads the workbook's dossier; opened anywhere else
 * (a browser, Office.js absent or no host) it offers to load a dossier JSON file. The page also
 * hosts the custom functions (shared runtime): webpack injects functions.js before this script.
 */
import { enregistrerComposants } from "./composants";
import { dansOffice } from "./hote-office";
import { creerEcran, type Ecran } from "./ecran";
import { demarrerModeAutonome } from "./mode-autonome";
import { demarrerModeExcel } from "./mode-excel";
import { adopterStyles } from "./styles";
import { vueMessage } from "./vue/messages";

function officePresent(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

/** office.js could not load inside Office (Microsoft's CDN blocked or offline): say it, with what to check. */
function montrerOfficeInjoignable(ecran: Ecran): void {
  ecran.mode("Excel — hors ligne");
  ecran.montrerAvis([vueMessage("erreur", "Le volet ne peut pas dialoguer avec Excel : la bibliothèque Office (office.js) n'a pas pu être chargée depuis le réseau de diffusion de Microsoft.", [
    "Vérifiez la connexion Internet, ou demandez à votre service informatique d'autoriser appsforoffice.microsoft.com (voir le guide de déploiement).",
    "Les fonctions CNC.* ont besoin de la même bibliothèque : une fois la connexion rétablie, fermez puis rouvrez le classeur.",
  ])]);
}

async function demarrer(ecran: Ecran): Promise<void> {
  if (!officePresent()) {
    if (dansOffice(window)) montrerOfficeInjoignable(ecran);
    else demarrerModeAutonome(ecran);
    return;
  }
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) await demarrerModeExcel(ecran);
  else demarrerModeAutonome(ecran);
}

function principal(): void {
  // An old webview (IE11, old Edge): ancien-navigateur.js has shown its message; leave it alone.
  if ((window as unknown as { __cncNavigateurNonPrisEnCharge?: boolean }).__cncNavigateurNonPrisEnCharge) return;
  adopterStyles(document);
  enregistrerComposants();
  const ecran = creerEcran();
  demarrer(ecran).catch((e: unknown) => {
    ecran.montrerAvis([vueMessage("erreur", "Le volet n'a pas pu démarrer.", [e instanceof Error ? e.message : String(e)])]);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", principal);
else principal();
