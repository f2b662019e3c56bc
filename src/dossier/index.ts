/** Parse and validate dossiers, shared by every front end (JSON, cells, workbooks, task pane). */
export { CHAMPS, champDepuisLibelle, definition, normaliser, type DefinitionChamp, type Nature } from "./champs";
export { parseDossier, parseDossiers, DossierInvalide, formaterErreur, type ErreurChamp } from "./schema";
export { estVide, lireAide, lireBooleen, lireDate, lireDestination, lireDuree, lireEntier, lireGenre, lireMontant, lireNombre, lireTexte, type Lu } from "./valeurs";
export { lirePlage, ouvrirPlage, type Cellule, type LecturePlage, type LigneLue, type PlageOuverte } from "./plage";
