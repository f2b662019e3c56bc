/**
 * The command line `cnc-rga`: the same rules core as the add-in, without Excel. Commander parses
 * the arguments; every error reaches the user in French with exit code 2 (DOSSIER.md).
 */
import { Command, CommanderError, Help } from "commander";
import { DossierInvalide, formaterErreur, lireDate } from "../dossier";
import { commandeCalculer } from "./calculer";
import { commandeEvaluer } from "./evaluer";
import { commandeVerifier } from "./verifier";
import { CODE_ENTREE_INVALIDE, CODE_OK, ErreurUtilisateur, sortieProcessus, type Sortie } from "./sortie";

const TITRES: Record<string, string> = { "Usage:": "Utilisation :", "Options:": "Options :", "Commands:": "Commandes :", "Arguments:": "Arguments :" };

class AideFrancaise extends Help {
  override styleTitle(titre: string): string {
    return TITRES[titre] ?? titre;
  }
}

function optionDate(valeur: string): string {
  const lu = lireDate(valeur);
  if (!lu.ok) throw new ErreurUtilisateur(`option --date : ${lu.raison}.`);
  return lu.valeur;
}

export function programme(sortie: Sortie, resultat: { code: number }): Command {
  const p = new Command("cnc-rga");
  p.createHelp = () => Object.assign(new AideFrancaise(), p.configureHelp());
  p.description("Vérifie les plans de financement audiovisuels au regard du RGA du CNC (apport initial, liste des œuvres de référence, majoration de 25 %).")
    .helpOption("-h, --help", "affiche cette aide")
    .helpCommand("aide [commande]", "affiche l'aide d'une commande")
    .configureOutput({ writeOut: (t) => sortie.out(t), writeErr: (t) => sortie.err(t), outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false);

  p.command("evaluer")
    .description("Évalue un dossier JSON (ou un tableau de dossiers) et affiche le verdict, article par article.")
    .argument("<fichier>", "fichier JSON d'un dossier ou d'un tableau de dossiers (voir DOSSIER.md)")
    .option("--json", "sortie JSON au format du contrat DOSSIER.md")
    .option("--date <AAAA-MM-JJ>", "évalue selon la version du RGA en vigueur à cette date, quelle que soit la date de la demande", optionDate)
    .helpOption("-h, --help", "affiche cette aide")
    .exitOverride()
    .configureOutput({ writeOut: (t) => sortie.out(t), writeErr: (t) => sortie.err(t), outputError: () => undefined })
    .action((fichier: string, options: { json?: boolean; date?: string }) => {
      resultat.code = commandeEvaluer(fichier, options, sortie);
    });

  p.command("calculer")
    .description("Calcule toutes les formules d'un classeur .xlsx (fonctions d'Excel et CNC.*) sans Excel, écrit les valeurs dans une copie et résume ce qui a changé.")
    .argument("<fichier>", "classeur Excel (.xlsx) ; il n'est jamais modifié")
    .option("-o, --sortie <fichier>", "classeur calculé à écrire (par défaut : NOM.calcule.xlsx à côté du fichier)")
    .option("--json", "résumé en JSON")
    .helpOption("-h, --help", "affiche cette aide")
    .exitOverride()
    .configureOutput({ writeOut: (t) => sortie.out(t), writeErr: (t) => sortie.err(t), outputError: () => undefined })
    .action(async (fichier: string, options: { sortie?: string; json?: boolean }) => {
      resultat.code = await commandeCalculer(fichier, options, sortie);
    });

  p.command("verifier")
    .description("Trouve le ou les dossiers d'un classeur .xlsx (table Dossier « Champ | Valeur », catalogue), le calcule et affiche le verdict de chaque œuvre, comme evaluer.")
    .argument("<fichier>", "classeur Excel (.xlsx)")
    .option("--json", "sortie JSON au format du contrat DOSSIER.md (un objet, ou un tableau pour plusieurs œuvres)")
    .option("--date <AAAA-MM-JJ>", "évalue selon la version du RGA en vigueur à cette date, quelle que soit la date de la demande", optionDate)
    .helpOption("-h, --help", "affiche cette aide")
    .exitOverride()
    .configureOutput({ writeOut: (t) => sortie.out(t), writeErr: (t) => sortie.err(t), outputError: () => undefined })
    .action(async (fichier: string, options: { json?: boolean; date?: string }) => {
      resultat.code = await commandeVerifier(fichier, options, sortie);
    });
  return p;
}

/** French messages for commander's own errors. */
function messageCommander(e: CommanderError): string {
  const nom = /'([^']*)'/.exec(e.message)?.[1];
  switch (e.code) {
    case "commander.unknownCommand": return `commande inconnue « ${nom} ». Commandes : evaluer, calculer, verifier. Voir « cnc-rga --help ».`;
    case "commander.unknownOption": return `option inconnue « ${nom} ». Voir « cnc-rga --help ».`;
    case "commander.missingArgument": return `argument manquant : ${nom === "fichier" ? "le fichier du dossier ou du classeur" : nom}. Exemples : cnc-rga evaluer dossier.json, cnc-rga calculer plan.xlsx`;
    case "commander.optionMissingArgument": return `l'option ${nom} attend une valeur.`;
    case "commander.excessArguments": return "trop d'arguments. Voir « cnc-rga --help ».";
    default: return e.message.replace(/^error: /, "");
  }
}

export async function main(argv: string[], sortie: Sortie = sortieProcessus): Promise<number> {
  const resultat = { code: CODE_OK };
  const p = programme(sortie, resultat);
  try {
    if (argv.length <= 2) {
      sortie.out(p.helpInformation());
      return CODE_OK;
    }
    await p.parseAsync(argv);
    return resultat.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return CODE_OK;
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof ErreurUtilisateur) return erreur(sortie, cause.message);
      return erreur(sortie, messageCommander(e));
    }
    if (e instanceof DossierInvalide) return erreur(sortie, e.erreurs.map(formaterErreur).join("\ncnc-rga : "));
    if (e instanceof ErreurUtilisateur) return erreur(sortie, e.message);
    return erreur(sortie, `erreur inattendue : ${e instanceof Error ? e.message : String(e)}`);
  }
}

function erreur(sortie: Sortie, message: string): number {
  sortie.err(`cnc-rga : ${message}\n`);
  return CODE_ENTREE_INVALIDE;
}
