/**
 * The command line `cnc-rga`: the same rules core as the add-in, without Excel. Commander parses
 * the arguments; every word it prints is French (help, errors, version), and every error reaches
 * the user in French with exit code 2 (DOSSIER.md).
 */
import { Command, CommanderError } from "commander";
import { distance } from "fastest-levenshtein";
import { DossierInvalide, formaterErreur, lireDate, referenceChamps } from "../dossier";
import { commandeCalculer } from "./calculer";
import { commandeEvaluer } from "./evaluer";
import { commandeVerifier } from "./verifier";
import { texteVersion } from "./version";
import { CODE_ENTREE_INVALIDE, CODE_OK, ecouterFermetures, ErreurUtilisateur, SortieFermee, sortieProcessus, type Sortie } from "./sortie";

/** Commander's section titles, in French (its Help calls styleTitle with the English ones). */
const TITRES: Record<string, string> = {
  "Usage:": "Utilisation :", "Options:": "Options :", "Commands:": "Commandes :", "Arguments:": "Arguments :",
  "Global Options:": "Options générales :",
};

const AIDE = "affiche cette aide";
const COMMANDES = ["evaluer", "calculer", "verifier", "champs", "aide"];

function optionDate(valeur: string): string {
  const lu = lireDate(valeur);
  if (!lu.ok) throw new ErreurUtilisateur(`option --date : ${lu.raison}.`);
  return lu.valeur;
}

/** What every command shares: French help, errors through main(), output through `sortie`. */
function configurer(c: Command, sortie: Sortie): Command {
  return c
    .helpOption("-h, --help", AIDE)
    .configureHelp({ styleTitle: (t: string) => TITRES[t] ?? t })
    .configureOutput({ writeOut: (t) => sortie.out(t), writeErr: (t) => sortie.err(t), outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false);
}

const OPTION_DATE = "--date <date>";
const AIDE_DATE = "évalue selon la version du RGA en vigueur à cette date (AAAA-MM-JJ ou JJ/MM/AAAA) ; la date de la demande du dossier reste affichée";

export function programme(sortie: Sortie, resultat: { code: number }): Command {
  const p = configurer(new Command("cnc-rga"), sortie);
  p.description("Vérifie les plans de financement audiovisuels au regard du RGA du CNC (apport initial, liste des œuvres de référence, majoration de 25 %).")
    .usage("[options] [commande]")
    .version(texteVersion(), "-V, --version", "affiche la version de l'outil et les versions du RGA implémentées")
    .helpCommand("aide [commande]", "affiche l'aide d'une commande (aussi : cnc-rga help)");

  configurer(p.command("evaluer"), sortie)
    .usage("[options] <fichier>")
    .description("Évalue un dossier JSON (ou un tableau de dossiers) et affiche le verdict, article par article.")
    .argument("<fichier>", "fichier JSON d'un dossier ou d'un tableau de dossiers (champs : docs/champs.md ou « cnc-rga champs »)")
    .option("--json", "sortie JSON au format du contrat de dossier")
    .option(OPTION_DATE, AIDE_DATE, optionDate)
    .action((fichier: string, options: { json?: boolean; date?: string }) => {
      resultat.code = commandeEvaluer(fichier, options, sortie);
    });

  configurer(p.command("calculer"), sortie)
    .usage("[options] <fichier>")
    .description("Calcule toutes les formules d'un classeur .xlsx (fonctions d'Excel et CNC.*) sans Excel, écrit les valeurs dans une copie et résume ce qui a changé.")
    .argument("<fichier>", "classeur Excel (.xlsx) ; il n'est jamais modifié")
    .option("-o, --sortie <fichier>", "classeur calculé à écrire (par défaut : NOM.calcule.xlsx à côté du fichier)")
    .option("--json", "résumé en JSON")
    .action(async (fichier: string, options: { sortie?: string; json?: boolean }) => {
      resultat.code = await commandeCalculer(fichier, options, sortie);
    });

  configurer(p.command("verifier"), sortie)
    .usage("[options] <fichier>")
    .description("Trouve le ou les dossiers d'un classeur .xlsx (table Dossier « Champ | Valeur », catalogue), le calcule et affiche le verdict de chaque œuvre, comme evaluer.")
    .argument("<fichier>", "classeur Excel (.xlsx)")
    .option("--json", "sortie JSON au format du contrat de dossier (un objet, ou un tableau pour plusieurs œuvres)")
    .option(OPTION_DATE, AIDE_DATE, optionDate)
    .action(async (fichier: string, options: { json?: boolean; date?: string }) => {
      resultat.code = await commandeVerifier(fichier, options, sortie);
    });

  configurer(p.command("champs"), sortie)
    .usage("[options]")
    .description("Affiche la référence des champs du dossier (nom, libellé, type, sens, article, exemple) : le contenu de docs/champs.md.")
    .action(() => {
      sortie.out(referenceChamps());
      resultat.code = CODE_OK;
    });
  return p;
}

/** "evalur" → "evaluer": the nearest command within two edits, as for field names. */
function commandeProche(nom: string | undefined): string {
  if (!nom) return "";
  const proche = COMMANDES.map((c) => ({ c, d: distance(nom.toLowerCase(), c) })).sort((a, b) => a.d - b.d)[0];
  return proche.d <= 2 ? ` Vouliez-vous dire « ${proche.c} » ?` : "";
}

/** French messages for commander's own errors. */
function messageCommander(e: CommanderError): string {
  const nom = /'([^']*)'/.exec(e.message)?.[1];
  switch (e.code) {
    case "commander.unknownCommand": return `commande inconnue « ${nom} ».${commandeProche(nom)} Commandes : ${COMMANDES.join(", ")}. Voir « cnc-rga --help ».`;
    case "commander.unknownOption": return `option inconnue « ${nom} ». Voir « cnc-rga --help ».`;
    case "commander.missingArgument": return `argument manquant : ${nom === "fichier" ? "le fichier du dossier ou du classeur" : nom}. Exemples : cnc-rga evaluer dossier.json, cnc-rga calculer plan.xlsx`;
    case "commander.optionMissingArgument": return `l'option ${nom?.replace(/ <.*>$/, "")} attend une valeur.`;
    case "commander.excessArguments": return "trop d'arguments. Voir « cnc-rga --help ».";
    case "commander.missingMandatoryOptionValue": return `l'option ${nom} est obligatoire.`;
    case "commander.invalidArgument": return `valeur invalide : ${e.message.replace(/^error: /, "")}`;
    default: return `erreur dans la ligne de commande. Voir « cnc-rga --help ».`;
  }
}

export async function main(argv: string[], sortie: Sortie = sortieProcessus): Promise<number> {
  if (sortie === sortieProcessus) ecouterFermetures();
  const resultat = { code: CODE_OK };
  const p = programme(sortie, resultat);
  // `cnc-rga help [commande]` as well as `cnc-rga aide [commande]`: people type the English one too.
  const args = argv[2] === "help" ? [...argv.slice(0, 2), "aide", ...argv.slice(3)] : argv;
  try {
    if (args.length <= 2) {
      sortie.out(p.helpInformation());
      return CODE_OK;
    }
    await p.parseAsync(args);
    return resultat.code;
  } catch (e) {
    if (e instanceof SortieFermee) return CODE_OK;
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
