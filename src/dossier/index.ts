/** Parse and validate dossiers, shared by every front end (JSON, cells, workbooks, task pane). */
export { CHAMPS, LIBELLES_CONNUS, champDepuisLibelle, citerArticles, definition, normaliser, type Articles, type DefinitionChamp, type Nature } from "./champs";
export { parseDossier, parseDossiers, DossierInvalide, erreurChampInconnu, formaterErreur, type ErreurChamp } from "./schema";
export { decrireLibelleIgnore, suggererChamp, suggererLibelle, REFERENCE_CHAMPS, type Suggestion } from "./suggestion";
export { estVide, lireAide, lireBooleen, lireDate, lireDestination, lireDuree, lireEntier, lireGenre, lireMontant, lireNombre, lireTexte, type Lu } from "./valeurs";
export { lirePlage, ouvrirPlage, type Cellule, type LecturePlage, type LigneLue, type PlageOuverte } from "./plage";
export { referenceChamps } from "./reference";
